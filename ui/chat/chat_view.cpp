#include "chat/chat_view.h"

#include "chat/message_list_view.h"
#include "models/message_list_model.h"
#include "shell/client_session.h"
#include "style/icon_painter.h"
#include "style/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace softphone::ui {

using records::MessageListModel;

ChatView::ChatView(ClientSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_name(new QLabel(this))
    , m_presence(new QLabel(this))
    , m_voiceCall(new QToolButton(this))
    , m_videoCall(new QToolButton(this))
    , m_list(new MessageListView(this))
    , m_composer(new QLineEdit(this))
    , m_send(new QPushButton(this))
{
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.15);
    m_name->setFont(nameFont);
    m_presence->setObjectName(QStringLiteral("presence"));
    m_voiceCall->setIcon(IconPainter::icon(QStringLiteral("call-audio"), theme::accent));
    m_videoCall->setIcon(IconPainter::icon(QStringLiteral("call-video"), theme::accent));
    for (QToolButton *button : {m_voiceCall, m_videoCall}) {
        button->setIconSize(QSize(22, 22));
        button->setAutoRaise(true);
    }
    m_voiceCall->setObjectName(QStringLiteral("voiceCall"));
    m_videoCall->setObjectName(QStringLiteral("videoCall"));

    auto *names = new QVBoxLayout;
    names->setSpacing(0);
    names->addWidget(m_name);
    names->addWidget(m_presence);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(12, 8, 8, 8);
    header->addLayout(names, 1);
    header->addWidget(m_voiceCall);
    header->addWidget(m_videoCall);

    auto *composer = new QHBoxLayout;
    composer->setContentsMargins(8, 8, 8, 8);
    composer->addWidget(m_composer, 1);
    composer->addWidget(m_send);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);
    layout->addLayout(composer);

    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &ChatView::showContextMenu);
    connect(m_list, &MessageListView::recordClicked, this, [this](const QModelIndex &index) {
        emit callRequested(
            m_peer, protocol::CallType(index.data(MessageListModel::RecordTypeRole).toInt()));
    });
    connect(m_voiceCall, &QToolButton::clicked, this,
            [this] { emit callRequested(m_peer, protocol::CallType::Audio); });
    connect(m_videoCall, &QToolButton::clicked, this,
            [this] { emit callRequested(m_peer, protocol::CallType::Video); });
    connect(m_composer, &QLineEdit::returnPressed, this, &ChatView::send);
    connect(m_send, &QPushButton::clicked, this, &ChatView::send);
    connect(m_session, &ClientSession::messageStored, this, &ChatView::onMessageStored);
    connect(m_session, &ClientSession::messageChanged, this, [this](qint64 localId) {
        if (m_model)
            m_model->messageChanged(localId);
    });
    connect(m_session, &ClientSession::messageRemoved, this, [this](qint64 localId) {
        if (m_model)
            m_model->removeMessage(localId);
    });
    connect(m_session->presence(), &im::PresenceBook::changed, this, [this](const QString &peer) {
        if (peer == m_peer)
            updateHeader();
    });
    connect(m_session->im(), &im::ImClient::stateChanged, this, [this] {
        if (!m_peer.isEmpty())
            updateHeader();
    });
    retranslate();
}

ChatView::~ChatView() = default;

void ChatView::openConversation(const QString &peer)
{
    m_peer = peer;
    m_list->setMessageModel(nullptr);
    m_model = std::make_unique<MessageListModel>(m_session->store(), peer);
    m_list->setMessageModel(m_model.get());
    m_session->markRead(peer);
    updateHeader();
    m_composer->setFocus();
}

void ChatView::updateHeader()
{
    m_name->setText(m_session->presence()->displayName(m_peer));
    if (m_session->im()->state() != im::ConnectionState::Online) {
        // What we knew may be stale: say what we know, that we are reconnecting.
        m_presence->setText(tr("connecting…"));
        return;
    }
    const bool online = m_session->presence()->isOnline(m_peer);
    m_presence->setText(online ? tr("online") : tr("offline"));
}

void ChatView::retranslate()
{
    m_voiceCall->setToolTip(tr("Voice call"));
    m_videoCall->setToolTip(tr("Video call"));
    m_composer->setPlaceholderText(tr("Write a message…"));
    m_send->setText(tr("Send"));
    if (!m_peer.isEmpty()) {
        updateHeader();
        // Records are worded when read: read them again in the new language.
        openConversation(m_peer);
    }
}

void ChatView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChatView::send()
{
    const QString text = m_composer->text().trimmed();
    if (text.isEmpty() || m_peer.isEmpty())
        return;
    m_session->sendText(m_peer, text);
    m_composer->clear();
}

void ChatView::onMessageStored(const im::StoredMessage &message)
{
    if (!m_model)
        return;
    const bool follow = m_list->isAtNewest();
    const int before = m_model->rowCount();
    m_model->messageStored(message);
    if (m_model->rowCount() == before)
        return;
    if (isVisible() && window()->isActiveWindow())
        m_session->markRead(m_peer);
    if (follow || QString::fromStdString(message.message.from) == m_session->account())
        m_list->scrollToNewest();
}

void ChatView::copyMessage(const QModelIndex &index)
{
    QApplication::clipboard()->setText(index.data(Qt::DisplayRole).toString());
}

void ChatView::deleteMessage(const QModelIndex &index)
{
    if (m_model && m_model->removeMessage(index.data(MessageListModel::LocalIdRole).toLongLong()))
        m_session->conversations()->reload();
}

void ChatView::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_list->indexAt(position);
    if (!index.isValid())
        return;
    QMenu menu(this);
    const bool isRecord = index.data(MessageListModel::IsCallRecordRole).toBool();
    if (isRecord) {
        const auto type = protocol::CallType(index.data(MessageListModel::RecordTypeRole).toInt());
        menu.addAction(type == protocol::CallType::Video ? tr("Video call back") : tr("Call back"),
                       this, [this, type] { emit callRequested(m_peer, type); });
    }
    menu.addAction(tr("Copy"), this, [this, index] { copyMessage(index); });
    menu.addAction(tr("Delete (on this device)"), this, [this, index] { deleteMessage(index); });
    menu.exec(m_list->viewport()->mapToGlobal(position));
}

}  // namespace softphone::ui
