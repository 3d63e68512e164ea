#include "net/client_connection.h"

#include "logging.h"
#include "net/output_gate.h"
#include "protocol/close_code.h"

#include <QTimer>
#include <QTimerEvent>
#include <algorithm>
#include <utility>

namespace softphone::server {

using protocol::ErrorCode;

ClientConnection::ClientConnection(WebSocketConnection *socket, ConnectionLimits limits,
                                   const platform::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_requests(clock, limits.requestsPerSecond, limits.burst)
{
    m_socket->setParent(this);
    m_socket->setReceiver(this);
    startLoginTimer();
}

ClientConnection::~ClientConnection() = default;

QString ClientConnection::peerAddress() const
{
    return m_socket->peerAddress().toString();
}

QHostAddress ClientConnection::peerHostAddress() const
{
    return m_socket->peerAddress();
}

std::size_t ClientConnection::unreadBytes() const
{
    return m_socket->bytesToWrite() + m_queuedBytes;
}

void ClientConnection::authenticate(std::string account, std::string deviceId,
                                    std::string clientType, std::string tokenHash)
{
    m_account = std::move(account);
    m_deviceId = std::move(deviceId);
    m_clientType = std::move(clientType);
    m_tokenHash = std::move(tokenHash);
    if (m_loginTimer != 0) {
        killTimer(m_loginTimer);
        m_loginTimer = 0;
    }
}

void ClientConnection::forget()
{
    m_account.clear();
    m_deviceId.clear();
    m_clientType.clear();
    m_tokenHash.clear();
    startLoginTimer();
}

void ClientConnection::startLoginTimer()
{
    if (m_loginTimer == 0 && m_limits.loginTimeoutMs > 0)
        m_loginTimer = startTimer(m_limits.loginTimeoutMs);
}

void ClientConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_loginTimer)
        return QObject::timerEvent(event);
    killTimer(m_loginTimer);
    m_loginTimer = 0;
    if (!isAuthenticated() && !m_passwordCheckPending) {
        qCDebug(lcSession) << "no login in time from" << peerAddress();
        close(int(protocol::CloseCode::PolicyViolation), QStringLiteral("log in first"));
    } else if (!isAuthenticated()) {
        startLoginTimer();  // its password is being checked; look again later
    }
}

void ClientConnection::send(std::string text)
{
    if (!isOpen())
        return;
    if (m_holdingBack) {
        m_heldBack.push_back(std::move(text));
        return;
    }
    m_queuedBytes += text.size();
    if (m_outbox.empty() && m_gate)
        m_outboxMark = m_gate->mark();
    m_outbox.push_back(std::move(text));
    if (m_flushPosted)
        return;
    m_flushPosted = true;
    QMetaObject::invokeMethod(this, &ClientConnection::flushOutbox, Qt::QueuedConnection);
}

std::vector<std::string> ClientConnection::release()
{
    m_holdingBack = false;
    return std::exchange(m_heldBack, {});
}

void ClientConnection::flushOutbox()
{
    m_flushPosted = false;
    if (m_outbox.empty() || (m_gate && m_gate->hold(*this, m_outbox, m_outboxMark))) {
        m_outbox.clear();
        return;
    }
    transmit(m_outbox);
    m_outbox.clear();
}

void ClientConnection::transmit(const std::vector<std::string> &texts)
{
    for (const std::string &text : texts)
        m_queuedBytes -= std::min(m_queuedBytes, text.size());
    if (!isOpen())
        return;
    m_socket->sendTexts(texts);
    if (unreadBytes() > m_limits.dropBacklogBytes)
        drop("does not read what it is sent");
}

void ClientConnection::close(int code, const QString &reason)
{
    if (!isOpen())
        return;
    flushOutbox();  // what was said before the close goes first, if it is durable now
    m_closing = true;
    m_socket->close(code, reason.toStdString());
}

void ClientConnection::drop(const char *why)
{
    // Not at once: send() is called while the registry walks its lists, and the drop's
    // disconnect would change them underfoot.
    m_closing = true;
    qCWarning(lcSession) << "dropping" << peerAddress() << m_account.c_str() << "(" << why << ")";
    QTimer::singleShot(0, m_socket, &WebSocketConnection::abort);
}

void ClientConnection::onText(std::string_view utf8)
{
    if (!isOpen())
        return;
    auto frame = protocol::parseFrame(utf8, m_limits.maxFrameBytes);
    if (!frame) {
        const auto &failure = frame.error();
        qCDebug(lcSession) << "bad frame from" << peerAddress() << failure.error.message().c_str();
        send(protocol::encodeError(failure.id, failure.code, failure.error.message()));
        return;
    }
    auto *request = std::get_if<protocol::Request>(&*frame);
    if (!request) {
        send(protocol::encodeError(
            std::nullopt, ErrorCode::BadFrame,
            "clients send requests; responses and events come from the server"));
        return;
    }
    if (!m_requests.take()) {
        send(protocol::encodeError(request->id, ErrorCode::RateLimited,
                                   "too many requests on this connection; slow down"));
        return;
    }
    if (unreadBytes() > m_limits.readBacklogBytes) {
        send(protocol::encodeError(request->id, ErrorCode::RateLimited,
                                   "read the responses already sent before asking for more"));
        return;
    }
    emit requestReceived(this, *request);
}

void ClientConnection::onDisconnected()
{
    if (!m_closed) {
        m_closed = true;
        emit disconnected(this);
    }
}

void ClientConnection::onBinary()
{
    send(protocol::encodeError(std::nullopt, ErrorCode::BadFrame,
                               "binary frames are not part of the protocol"));
}

}  // namespace softphone::server
