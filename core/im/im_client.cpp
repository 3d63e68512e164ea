#include "im_client.h"

#include "protocol/close_code.h"

#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>
#include <QUuid>

namespace softphone::im {

Q_LOGGING_CATEGORY(lcIm, "softphone.core.im", QtInfoMsg)

using protocol::ErrorCode;

namespace {

constexpr int kSendTimeoutMs = 10000;
constexpr std::size_t kSendWindow = 16;  // messages in flight at once
constexpr int kRetryAfterMs = 1000;      // after the server asked us to slow down

bool isTransient(int code)
{
    return code == int(LocalError::Timeout) || code == int(LocalError::Disconnected) ||
           code == int(ErrorCode::Internal) || code == int(ErrorCode::Unavailable) ||
           code == int(ErrorCode::RateLimited);
}

}  // namespace

WsImClient::WsImClient(QString storeDirectory, QObject *parent)
    : ImClient(parent)
    , m_storeDirectory(std::move(storeDirectory))
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &WsImClient::connectNow);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &WsImClient::flushPending);
    // Receipts for a burst of messages go out together, once the burst is stored.
    m_receiptTimer.setSingleShot(true);
    m_receiptTimer.setInterval(0);
    connect(&m_receiptTimer, &QTimer::timeout, this, &WsImClient::flushReceipts);
}

WsImClient::~WsImClient()
{
    m_wanted = false;
    m_channel.reset();
}

void WsImClient::setBackoff(int firstMs, int maxMs)
{
    m_firstBackoffMs = std::max(1, firstMs);
    m_maxBackoffMs = std::max(m_firstBackoffMs, maxMs);
}

void WsImClient::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool WsImClient::openStore()
{
    if (m_store && m_store->account() == m_credentials.account)
        return true;
    const QString path =
        QDir(m_storeDirectory).filePath(m_credentials.account + QStringLiteral("/store.db"));
    m_store = std::make_unique<LocalStore>(path, m_credentials.account);
    if (QString error = m_store->open(); !error.isEmpty()) {
        qCWarning(lcIm) << error;
        m_store.reset();
        return false;
    }
    return true;
}

void WsImClient::start(const Credentials &credentials)
{
    m_credentials = credentials;
    m_wanted = true;
    m_attempt = 0;
    m_serverIndex = 0;
    if (!openStore()) {
        emit loginFailed(int(LocalError::BadResponse),
                         tr("The local message store cannot be opened."));
        return;
    }
    connectNow();
}

void WsImClient::stop()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    if (m_channel)
        m_channel->close();
    m_inFlight.clear();
    setState(ConnectionState::Offline);
}

void WsImClient::connectNow()
{
    if (!m_wanted)
        return;
    m_channel = std::make_unique<RpcChannel>();
    connect(m_channel.get(), &RpcChannel::opened, this, &WsImClient::onOpened);
    connect(m_channel.get(), &RpcChannel::closed, this, &WsImClient::onClosed);
    connect(m_channel.get(), &RpcChannel::eventReceived, this, &WsImClient::onEvent);
    setState(ConnectionState::Connecting);
    m_channel->open(currentServer());
}

QUrl WsImClient::currentServer() const
{
    if (m_serverIndex == 0 || m_serverIndex > m_credentials.moreServers.size())
        return m_credentials.server;
    return m_credentials.moreServers.at(m_serverIndex - 1);
}

void WsImClient::dropConnection()
{
    if (m_channel)
        m_channel->abort();
}

void WsImClient::checkConnection(int timeoutMs, std::function<void(bool alive)> done)
{
    if (!m_channel || m_state != ConnectionState::Online) {
        done(false);
        return;
    }
    // A socket whose address has gone reports nothing by itself: TCP would keep retrying
    // for minutes. A ping that goes unanswered says so in seconds.
    QPointer<WsImClient> self(this);
    m_channel->request(
        "ping", protocol::json::object(),
        [self, done = std::move(done)](const RpcReply &reply) {
            const bool timedOut = reply.error.code == int(LocalError::Timeout);
            if (timedOut && self) {
                qCInfo(lcIm) << "the server did not answer a ping: reconnecting";
                self->dropConnection();
            }
            done(reply.result.has_value());
        },
        timeoutMs);
}

void WsImClient::onOpened()
{
    login();
}

void WsImClient::login()
{
    protocol::Login params;
    params.account = m_credentials.account.toStdString();
    params.clientType = m_credentials.clientType.toStdString();
    params.deviceId = m_credentials.deviceId.toStdString();
    params.inCall = m_heldCall.toStdString();
    const bool byToken = !m_credentials.token.isEmpty();
    if (byToken)
        params.token = m_credentials.token.toStdString();
    else
        params.password = m_credentials.password.toStdString();

    m_channel->call(params, [this, byToken](std::optional<protocol::LoginResult> result,
                                            const protocol::ErrorBody &error) {
        if (result) {
            m_attempt = 0;
            m_credentials.token = QString::fromStdString(result->token);
            m_lastLogin = *result;
            emit loggedIn(*result);
            syncFrom(m_store->syncCursor());
            return;
        }
        if (byToken && error.code == int(ErrorCode::InvalidToken) &&
            !m_credentials.password.isEmpty()) {
            m_credentials.token.clear();  // expired: fall back to the password
            login();
            return;
        }
        if (isTransient(error.code)) {
            dropConnection();
            return;
        }
        m_wanted = false;  // wrong password, revoked token, unsupported version: final
        m_channel->close();
        setState(ConnectionState::Offline);
        emit loginFailed(error.code, QString::fromStdString(error.message));
    });
}

void WsImClient::syncFrom(std::int64_t cursor)
{
    m_channel->call(protocol::Sync{cursor, 200},
                    [this](std::optional<protocol::SyncPage> page, const protocol::ErrorBody &) {
                        if (!page) {
                            dropConnection();  // try again after reconnecting
                            return;
                        }
                        for (const protocol::Message &message : page->messages)
                            stored(message);
                        m_store->setSyncCursor(page->cursor);
                        if (page->hasMore) {
                            syncFrom(page->cursor);
                            return;
                        }
                        for (const protocol::Receipt &receipt : page->receipts)
                            applyReceipt(receipt);
                        setState(ConnectionState::Online);
                        flushPending();
                        flushReceipts();
                    });
}

void WsImClient::onClosed(int code, const QString &reason)
{
    m_inFlight.clear();
    if (code == int(protocol::CloseCode::Replaced)) {
        m_wanted = false;  // this device logged in elsewhere: do not fight over the session
        setState(ConnectionState::Offline);
        emit loginFailed(code, reason);
        return;
    }
    if (!m_wanted) {
        setState(ConnectionState::Offline);
        return;
    }
    // A server that could not be reached or went away may be one node of several: the next
    // attempt goes to the next one.
    m_serverIndex = (m_serverIndex + 1) % int(m_credentials.moreServers.size() + 1);
    scheduleReconnect();  // first, so that listeners of the state see the countdown
    setState(ConnectionState::Waiting);
}

int WsImClient::reconnectInMs() const
{
    return m_state == ConnectionState::Waiting && m_reconnectTimer.isActive()
               ? m_reconnectTimer.remainingTime()
               : -1;
}

void WsImClient::scheduleReconnect()
{
    // Exponential back-off with full jitter between half and one and a half of the step,
    // so that many clients cut off together do not come back together.
    const double step = std::min<double>(
        m_maxBackoffMs, double(m_firstBackoffMs) * std::pow(2.0, std::min(m_attempt, 16)));
    const double jitter = 0.5 + QRandomGenerator::global()->generateDouble();
    ++m_attempt;
    m_reconnectTimer.start(int(std::min<double>(m_maxBackoffMs, step * jitter)));
}

void WsImClient::onEvent(const std::string &name, const protocol::json &data)
{
    if (name == protocol::MessageEvent::kEvent) {
        auto event = protocol::fromJson<protocol::MessageEvent>(data);
        if (!event) {
            qCWarning(lcIm) << "unreadable message event:" << event.error().message().c_str();
            return;
        }
        if (m_store)
            stored(event->message);
    } else if (name == protocol::ReceiptEvent::kEvent) {
        auto event = protocol::fromJson<protocol::ReceiptEvent>(data);
        if (event && m_store)
            applyReceipt(event->receipt);
    }
    emit eventReceived(name, data);
}

void WsImClient::stored(const protocol::Message &message)
{
    if (auto added = m_store->addFromServer(message))
        emit messageStored(*added);
    // Delivered once stored here, whether new or a copy we had: the mark may have been lost.
    if (QString::fromStdString(message.from) != m_credentials.account) {
        std::int64_t &mark = m_unsentDelivered[message.from];
        mark = std::max(mark, message.msgidServer);
        if (m_state == ConnectionState::Online)
            m_receiptTimer.start();
    }
}

void WsImClient::applyReceipt(const protocol::Receipt &receipt)
{
    const QString account = m_credentials.account;
    if (QString::fromStdString(receipt.sender) == account) {
        const QString peer = QString::fromStdString(receipt.reader);
        const auto changed = m_store->applyPeerReceipt(peer, receipt.delivered, receipt.read);
        if (!changed.empty())
            emit deliveryChanged(peer, QList<qint64>(changed.begin(), changed.end()));
    }
    if (QString::fromStdString(receipt.reader) == account && receipt.sender != receipt.reader) {
        const QString peer = QString::fromStdString(receipt.sender);
        if (m_store->markReadUpTo(peer, receipt.read))
            emit readElsewhere(peer);
    }
}

void WsImClient::markRead(const QString &peer)
{
    if (!m_store)
        return;
    const std::int64_t last = m_store->lastIncoming(peer);
    const std::string key = peer.toStdString();
    if (last <= 0 || m_readSent[key] >= last)
        return;
    std::int64_t &mark = m_unsentRead[key];
    mark = std::max(mark, last);
    if (m_state == ConnectionState::Online)
        m_receiptTimer.start();
}

void WsImClient::flushReceipts()
{
    if (m_state != ConnectionState::Online)
        return;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> marks;  // delivered, read
    for (const auto &[peer, id] : m_unsentDelivered)
        marks[peer].first = id;
    for (const auto &[peer, id] : m_unsentRead)
        marks[peer].second = id;
    m_unsentDelivered.clear();
    m_unsentRead.clear();
    for (const auto &[peer, mark] : marks)
        sendReceipt(peer, mark.first, mark.second);
}

void WsImClient::sendReceipt(const std::string &peer, std::int64_t delivered, std::int64_t read)
{
    if (read > 0)
        m_readSent[peer] = std::max(m_readSent[peer], read);
    m_channel->call(protocol::MarkReceipt{peer, delivered, read},
                    [this, peer, delivered, read](std::optional<protocol::Receipt> result,
                                                  const protocol::ErrorBody &error) {
                        if (result || error.code == int(ErrorCode::UnknownMethod))
                            return;  // stored, or a server without receipts
                        // Lost on the way: sent again after the next sync.
                        if (delivered > 0) {
                            std::int64_t &d = m_unsentDelivered[peer];
                            d = std::max(d, delivered);
                        }
                        if (read > 0) {
                            std::int64_t &r = m_unsentRead[peer];
                            r = std::max(r, read);
                            m_readSent.erase(peer);
                        }
                    });
}

QString WsImClient::sendMessage(const QString &to, protocol::MsgType type, const QString &body,
                                const QString &attach)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    protocol::Message message{protocol::ConvType::Person,
                              m_credentials.account.toStdString(),
                              to.toStdString(),
                              type,
                              body.toStdString(),
                              attach.toStdString(),
                              id.toStdString(),
                              0,
                              QDateTime::currentMSecsSinceEpoch(),
                              m_credentials.clientType.toStdString()};
    const auto stored = m_store ? m_store->addOutgoing(message) : std::nullopt;
    if (!stored)
        return {};
    emit messageStored(*stored);
    if (m_state == ConnectionState::Online)
        flushPending();
    return id;
}

void WsImClient::flushPending()
{
    if (m_state != ConnectionState::Online || m_inFlight.size() >= kSendWindow)
        return;
    for (const StoredMessage &pending : m_store->pendingOutgoing()) {
        if (m_inFlight.size() >= kSendWindow)
            break;
        transmit(pending);
    }
}

void WsImClient::transmit(const StoredMessage &pending)
{
    const protocol::Message &m = pending.message;
    if (!m_inFlight.insert(m.msgidClient).second)
        return;
    const protocol::SendMessage params{m.to,   m.convType, m.msgType,
                                       m.body, m.attach,   m.msgidClient};
    m_channel->call(
        params,
        [this, id = m.msgidClient](std::optional<protocol::SendAck> ack,
                                   const protocol::ErrorBody &error) {
            m_inFlight.erase(id);
            if (ack) {
                m_store->markSent(id, ack->msgidServer, ack->msgTimestamp);
                emit messageSent(QString::fromStdString(id));
                flushPending();
                return;
            }
            if (isTransient(error.code)) {
                // Stays pending; the same msgidClient goes out again later.
                if (error.code == int(LocalError::Timeout))
                    dropConnection();
                else if (error.code != int(LocalError::Disconnected) && !m_retryTimer.isActive())
                    m_retryTimer.start(kRetryAfterMs);
                return;
            }
            if (error.code == int(ErrorCode::RecordDuplicate)) {
                // The call has its record already (the server's own, after its grace): that
                // one reaches us too, so this copy goes.
                if (auto localId = m_store->removeOutgoing(id))
                    emit messageRemoved(*localId);
                flushPending();
                return;
            }
            m_store->markFailed(id);
            emit messageFailed(QString::fromStdString(id), error.code,
                               QString::fromStdString(error.message));
            flushPending();
        },
        kSendTimeoutMs);
}

void WsImClient::request(const std::string &method, const protocol::json &params,
                         RpcChannel::Callback done)
{
    if (!m_channel || m_state != ConnectionState::Online) {
        done(RpcReply{std::nullopt, {int(LocalError::Disconnected), "not connected"}});
        return;
    }
    m_channel->request(method, params, std::move(done));
}

}  // namespace softphone::im
