#include "lists/contacts_view.h"

#include "lists/contact_delegate.h"
#include "protocol/error_code.h"
#include "shell/client_session.h"
#include "style/icon_painter.h"
#include "style/theme.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace softphone::ui {

using im::ContactListModel;

ContactsView::ContactsView(ClientSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_account(new QLineEdit(this))
    , m_add(new QPushButton(this))
    , m_error(new QLabel(this))
    , m_list(new QListView(this))
    , m_chat(new QPushButton(this))
    , m_voice(new QPushButton(this))
    , m_video(new QPushButton(this))
    , m_remove(new QAction(this))
{
    m_list->setModel(session->contacts());
    m_list->setItemDelegate(new ContactDelegate(this));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(m_remove);
    m_error->setObjectName(QStringLiteral("contactError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f"));
    m_error->hide();
    m_voice->setIcon(IconPainter::icon(QStringLiteral("call-audio"), theme::accent));
    m_video->setIcon(IconPainter::icon(QStringLiteral("call-video"), theme::accent));

    auto *add = new QHBoxLayout;
    add->addWidget(m_account, 1);
    add->addWidget(m_add);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_chat);
    actions->addWidget(m_voice);
    actions->addWidget(m_video);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(add);
    layout->addWidget(m_error);
    layout->addWidget(m_list, 1);
    layout->addLayout(actions);

    connect(m_add, &QPushButton::clicked, this, &ContactsView::addContact);
    connect(m_account, &QLineEdit::returnPressed, this, &ContactsView::addContact);
    connect(m_remove, &QAction::triggered, this, &ContactsView::removeSelected);
    connect(m_list, &QWidget::customContextMenuRequested, this, &ContactsView::showContextMenu);
    connect(session->contacts(), &ContactListModel::failed, this, &ContactsView::showFailure);
    connect(session->contacts(), &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first) { selectAdded(first); });
    connect(session->contacts(), &QAbstractItemModel::rowsRemoved, this,
            &ContactsView::updateButtons);
    connect(session->contacts(), &QAbstractItemModel::modelReset, this,
            &ContactsView::updateButtons);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ContactsView::updateButtons);
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        emit chatRequested(index.data(ContactListModel::AccountRole).toString());
    });
    connect(m_chat, &QPushButton::clicked, this, [this] {
        if (const QString peer = selectedAccount(); !peer.isEmpty())
            emit chatRequested(peer);
    });
    connect(m_voice, &QPushButton::clicked, this, [this] {
        if (const QString peer = selectedAccount(); !peer.isEmpty())
            emit callRequested(peer, protocol::CallType::Audio);
    });
    connect(m_video, &QPushButton::clicked, this, [this] {
        if (const QString peer = selectedAccount(); !peer.isEmpty())
            emit callRequested(peer, protocol::CallType::Video);
    });
    retranslate();
    updateButtons();
}

QString ContactsView::selectedAccount() const
{
    return m_list->currentIndex().data(ContactListModel::AccountRole).toString();
}

void ContactsView::addContact()
{
    const QString account = m_account->text().trimmed();
    if (account.isEmpty())
        return;
    m_error->hide();
    m_lastRequest = Request::Add;
    m_adding = account;
    m_session->contacts()->addContact(account);
    m_account->clear();
}

void ContactsView::selectAdded(int row)
{
    m_error->hide();
    const QModelIndex index = m_session->contacts()->index(row);
    // The contact just added by hand is the one the user wants to message or call next.
    if (index.data(ContactListModel::AccountRole).toString() == m_adding) {
        m_adding.clear();
        m_list->setCurrentIndex(index);
    }
    updateButtons();
}

void ContactsView::removeSelected()
{
    const QString account = selectedAccount();
    if (account.isEmpty() || !confirmRemoval(account))
        return;
    m_error->hide();
    m_lastRequest = Request::Remove;
    m_session->contacts()->removeContact(account);
}

bool ContactsView::confirmRemoval(const QString &account)
{
    const QString name = m_session->presence()->displayName(account);
    const QString who =
        name.isEmpty() || name == account ? account : QStringLiteral("%1 (%2)").arg(name, account);
    QMessageBox box(QMessageBox::Question, tr("Remove contact"),
                    tr("Remove %1 from your contacts? Your conversation with them stays.").arg(who),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.button(QMessageBox::Yes)->setText(tr("Remove"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Yes;
}

void ContactsView::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_list->indexAt(position);
    if (!index.isValid())
        return;
    m_list->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(m_chat->text(), this, [this] { emit chatRequested(selectedAccount()); });
    menu.addAction(m_voice->icon(), m_voice->text(), this,
                   [this] { emit callRequested(selectedAccount(), protocol::CallType::Audio); });
    menu.addAction(m_video->icon(), m_video->text(), this,
                   [this] { emit callRequested(selectedAccount(), protocol::CallType::Video); });
    menu.addSeparator();
    menu.addAction(m_remove);
    menu.exec(m_list->viewport()->mapToGlobal(position));
}

void ContactsView::showFailure(int code, const QString &message)
{
    if (code == int(protocol::ErrorCode::NoSuchAccount))
        m_error->setText(tr("There is no account with that id."));
    else if (m_lastRequest == Request::Remove)
        m_error->setText(tr("Could not remove the contact: %1").arg(message));
    else
        m_error->setText(tr("Could not add the contact: %1").arg(message));
    m_error->show();
}

void ContactsView::updateButtons()
{
    const bool selected = m_list->currentIndex().isValid();
    for (QPushButton *button : {m_chat, m_voice, m_video})
        button->setEnabled(selected);
    m_remove->setEnabled(selected);
}

void ContactsView::retranslate()
{
    m_account->setPlaceholderText(tr("Add a contact by account id"));
    m_add->setText(tr("Add"));
    m_chat->setText(tr("Message"));
    m_voice->setText(tr("Call"));
    m_video->setText(tr("Video"));
    m_remove->setText(tr("Remove contact…"));
}

void ContactsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace softphone::ui
