#include "client_connection.h"

#include "logging.h"
#include "output_gate.h"

#include <QWebSocket>
#include <algorithm>
#include <atomic>

namespace softphone::server {

using protocol::ErrorCode;

namespace {
std::atomic<std::uint64_t> nextSerial{1};
}  // namespace

ClientConnection::ClientConnection(QWebSocket *socket, ConnectionLimits limits, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_serial(nextSerial.fetch_add(1))
    , m_tokens(limits.burst)
{
    m_socket->setParent(this);
    // Frames a little over the limit still get a polite error; far larger ones close the socket
    // before they are buffered.
    m_socket->setMaxAllowedIncomingMessageSize(m_limits.maxFrameBytes * 4);
    m_refill.start();
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ClientConnection::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ClientConnection::onBinary);
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        if (!m_closed) {
            m_closed = true;
            emit disconnected(this);
        }
    });
}

ClientConnection::~ClientConnection() = default;

QString ClientConnection::peerAddress() const
{
    return m_socket->peerAddress().toString();
}

void ClientConnection::authenticate(std::string account, std::string deviceId,
                                    std::string clientType, std::string tokenHash)
{
    m_account = std::move(account);
    m_deviceId = std::move(deviceId);
    m_clientType = std::move(clientType);
    m_tokenHash = std::move(tokenHash);
}

void ClientConnection::forget()
{
    m_account.clear();
    m_deviceId.clear();
    m_clientType.clear();
    m_tokenHash.clear();
}

void ClientConnection::send(const std::string &text)
{
    if (m_gate && m_gate->hold(*this, text))
        return;
    transmit(text);
}

void ClientConnection::transmit(const std::string &text)
{
    if (!m_closed)
        m_socket->sendTextMessage(QString::fromStdString(text));
}

void ClientConnection::close(int code, const QString &reason)
{
    if (!m_closed)
        m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
}

bool ClientConnection::takeToken()
{
    const double elapsed = m_refill.restart() / 1000.0;
    m_tokens = std::min(m_limits.burst, m_tokens + elapsed * m_limits.requestsPerSecond);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

void ClientConnection::onText(const QString &text)
{
    const std::string utf8 = text.toStdString();
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
    if (!takeToken()) {
        send(protocol::encodeError(request->id, ErrorCode::RateLimited,
                                   "too many requests on this connection; slow down"));
        return;
    }
    emit requestReceived(this, *request);
}

void ClientConnection::onBinary(const QByteArray &)
{
    send(protocol::encodeError(std::nullopt, ErrorCode::BadFrame,
                               "binary frames are not part of the protocol"));
}

Responder::Responder(ClientConnection *connection, std::int64_t id)
    : m_connection(connection)
    , m_id(id)
{}

Responder::Responder(Responder &&other) noexcept
    : m_connection(other.m_connection)
    , m_id(other.m_id)
    , m_done(other.m_done)
{
    other.m_done = true;
}

Responder::~Responder()
{
    if (!m_done)
        error(ErrorCode::Internal, "the server could not complete the request");
}

void Responder::error(ErrorCode code, std::string_view message)
{
    finish(protocol::encodeError(m_id, code, message));
}

void Responder::finish(const std::string &text)
{
    if (m_done)
        return;
    m_done = true;
    if (m_connection)
        m_connection->send(text);
}

}  // namespace softphone::server
