#include "shell/login_dialog.h"

#include "im/server_list.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace softphone::ui {

LoginDialog::LoginDialog(QWidget *parent)
    : QDialog(parent)
    , m_title(new QLabel(this))
    , m_serverLabel(new QLabel(this))
    , m_server(new QLineEdit(this))
    , m_accountLabel(new QLabel(this))
    , m_account(new QLineEdit(this))
    , m_passwordLabel(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(this))
    , m_rememberNote(new QLabel(this))
    , m_message(new QLabel(this))
    , m_signIn(new QPushButton(this))
    , m_register(new QPushButton(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_password->setEchoMode(QLineEdit::Password);
    m_server->setObjectName(QStringLiteral("server"));
    m_account->setObjectName(QStringLiteral("account"));
    m_password->setObjectName(QStringLiteral("password"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_rememberNote->setWordWrap(true);
    m_rememberNote->setStyleSheet(QStringLiteral("color: #757575"));
    m_rememberNote->hide();
    m_signIn->setDefault(true);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_register->setObjectName(QStringLiteral("register"));

    auto *form = new QFormLayout;
    form->addRow(m_serverLabel, m_server);
    form->addRow(m_accountLabel, m_account);
    form->addRow(m_passwordLabel, m_password);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_register);
    buttons->addStretch(1);
    buttons->addWidget(m_signIn);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_remember);
    layout->addWidget(m_rememberNote);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    setMinimumWidth(380);

    connect(m_signIn, &QPushButton::clicked, this, [this] {
        if (validate())
            emit signInRequested(servers(), account(), password(), remember());
    });
    connect(m_register, &QPushButton::clicked, this, [this] {
        if (validate())
            emit registerRequested(servers(), account(), password());
    });
    retranslate();
}

void LoginDialog::setServers(const QList<QUrl> &servers)
{
    m_server->setText(im::serverListText(servers));
}

void LoginDialog::setAccount(const QString &account)
{
    m_account->setText(account);
    if (!account.isEmpty())
        m_password->setFocus();
}

void LoginDialog::setRemember(bool remember)
{
    m_remember->setChecked(remember && m_remember->isEnabled());
}

void LoginDialog::setRememberAvailable(bool available, const QString &reason)
{
    m_rememberReason = available ? QString() : reason;
    m_remember->setEnabled(available);
    if (!available)
        m_remember->setChecked(false);
    retranslate();
}

void LoginDialog::setBusy(bool busy, const QString &message)
{
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_server, m_account, m_password, m_signIn, m_register})
        widget->setEnabled(!busy);
    if (busy)
        showNotice(message);
}

void LoginDialog::showError(const QString &message)
{
    m_isError = true;
    m_message->setStyleSheet(QStringLiteral("color: #d32f2f"));
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void LoginDialog::showNotice(const QString &message)
{
    m_isError = false;
    m_message->setStyleSheet(QString());
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QString LoginDialog::errorText() const
{
    return m_isError ? m_message->text() : QString();
}

QList<QUrl> LoginDialog::servers() const
{
    return im::parseServerList(m_server->text()).value_or(QList<QUrl>());
}

QString LoginDialog::account() const
{
    return m_account->text().trimmed();
}

QString LoginDialog::password() const
{
    return m_password->text();
}

bool LoginDialog::remember() const
{
    return m_remember->isChecked();
}

bool LoginDialog::validate()
{
    if (servers().isEmpty()) {
        showError(tr("The server address must start with ws:// or wss://, for example "
                     "ws://127.0.0.1:8600. The nodes of a cluster are separated by commas."));
        m_server->setFocus();
        return false;
    }
    if (account().isEmpty()) {
        showError(tr("Enter your account id."));
        m_account->setFocus();
        return false;
    }
    if (password().isEmpty()) {
        showError(tr("Enter your password."));
        m_password->setFocus();
        return false;
    }
    return true;
}

void LoginDialog::retranslate()
{
    setWindowTitle(tr("Sign in — Softphone"));
    m_title->setText(tr("Sign in to Softphone"));
    m_serverLabel->setText(tr("Server"));
    m_accountLabel->setText(tr("Account"));
    m_passwordLabel->setText(tr("Password"));
    m_remember->setText(tr("Remember me on this computer"));
    m_rememberNote->setText(
        tr("Your sign-in cannot be remembered: the system keychain is unavailable (%1).")
            .arg(m_rememberReason));
    m_rememberNote->setVisible(!m_rememberReason.isEmpty());
    m_signIn->setText(tr("Sign in"));
    m_register->setText(tr("Register"));
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

}  // namespace softphone::ui
