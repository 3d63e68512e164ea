#include "contacts_view.h"

#include "client_session.h"
#include "contact_delegate.h"
#include "icon_painter.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
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
{
    m_list->setModel(session->contacts());
    m_list->setItemDelegate(new ContactDelegate(this));
    m_list->setFrameShape(QFrame::NoFrame);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f"));
    m_error->hide();
    const QColor accent(0x1e, 0x88, 0xe5);
    m_voice->setIcon(IconPainter::icon(QStringLiteral("call-audio"), accent));
    m_video->setIcon(IconPainter::icon(QStringLiteral("call-video"), accent));

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
    connect(session->contacts(), &ContactListModel::failed, this,
            [this](int code, const QString &message) {
                m_error->setText(code == 3000 ? tr("There is no account with that id.")
                                              : tr("Could not add the contact: %1").arg(message));
                m_error->show();
            });
    connect(session->contacts(), &QAbstractItemModel::rowsInserted, this, [this] {
        m_error->hide();
        updateButtons();
    });
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
    m_session->contacts()->addContact(account);
    m_account->clear();
}

void ContactsView::updateButtons()
{
    const bool selected = m_list->currentIndex().isValid();
    for (QPushButton *button : {m_chat, m_voice, m_video})
        button->setEnabled(selected);
}

void ContactsView::retranslate()
{
    m_account->setPlaceholderText(tr("Add a contact by account id"));
    m_add->setText(tr("Add"));
    m_chat->setText(tr("Message"));
    m_voice->setText(tr("Call"));
    m_video->setText(tr("Video"));
}

void ContactsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace softphone::ui
