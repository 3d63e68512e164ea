#include "shell/client_session.h"

namespace softphone::ui {

ClientSession::ClientSession(im::ImClient *im, im::LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_im(im)
    , m_store(store)
    , m_presence(std::make_unique<im::PresenceBook>(im))
    , m_calls(std::make_unique<call::CallController>(im))
    , m_conversations(std::make_unique<records::ConversationListModel>(store, m_presence.get()))
    , m_contacts(std::make_unique<im::ContactListModel>(im, m_presence.get()))
    , m_callLog(std::make_unique<records::CallLogModel>(store, m_presence.get()))
    , m_recorder(std::make_unique<records::LocalCallRecorder>(m_calls.get(), im))
{
    m_calls->setEndedLingerMs(2000);
    connect(m_im, &im::ImClient::messageStored, this, &ClientSession::onMessageStored);
    connect(m_im, &im::ImClient::messageSent, this, [this](const QString &msgidClient) {
        if (auto own = m_store->findOwn(msgidClient.toStdString()))
            emit messageChanged(own->localId);
    });
    connect(m_im, &im::ImClient::messageFailed, this,
            [this](const QString &msgidClient, int, const QString &) {
                if (auto own = m_store->findOwn(msgidClient.toStdString()))
                    emit messageChanged(own->localId);
            });
    connect(m_im, &im::ImClient::messageRemoved, this, &ClientSession::onMessageRemoved);
    connect(m_im, &im::ImClient::deliveryChanged, this,
            [this](const QString &, const QList<qint64> &localIds) {
                for (const qint64 localId : localIds)
                    emit messageChanged(localId);
            });
    connect(m_im, &im::ImClient::readElsewhere, this, [this](const QString &) {
        m_conversations->reload();
        emit countsChanged();
    });
    connect(m_recorder.get(), &records::LocalCallRecorder::recordStored, this,
            &ClientSession::onMessageStored);
    connect(m_recorder.get(), &records::LocalCallRecorder::recordRemoved, this,
            &ClientSession::onMessageRemoved);
}

ClientSession::~ClientSession() = default;

void ClientSession::onMessageStored(const im::StoredMessage &message)
{
    m_conversations->messageStored(message);
    m_callLog->messageStored(message);
    emit messageStored(message);
    const protocol::Message &m = message.message;
    if (!message.read && im::LocalStore::isMissedCall(m, account())) {
        if (const auto record = protocol::CallRecord::parse(m.attach))
            emit missedCall(QString::fromStdString(m.from), record->type);
    }
    emit countsChanged();
}

void ClientSession::onMessageRemoved(qint64 localId)
{
    m_conversations->reload();
    m_callLog->reload();
    emit messageRemoved(localId);
    emit countsChanged();
}

void ClientSession::sendText(const QString &peer, const QString &text)
{
    m_im->sendMessage(peer, protocol::MsgType::Text, text, {});
}

void ClientSession::markRead(const QString &peer)
{
    m_im->markRead(peer);
    const int row = m_conversations->rowOf(peer);
    if (row < 0)
        return;
    const QModelIndex index = m_conversations->index(row);
    if (index.data(records::ConversationListModel::UnreadRole).toInt() == 0 &&
        index.data(records::ConversationListModel::MissedCallsRole).toInt() == 0)
        return;
    m_conversations->markRead(peer);
    emit countsChanged();
}

int ClientSession::unreadCount() const
{
    return m_conversations->totalUnread();
}

int ClientSession::missedCallCount() const
{
    return m_conversations->totalMissedCalls();
}

}  // namespace softphone::ui
