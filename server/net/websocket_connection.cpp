#include "net/websocket_connection.h"

#include "net/websocket_frame_writer.h"

#include <QAbstractSocket>
#include <QSslSocket>
#include <QTimerEvent>
#include <QVariant>
#include <sys/socket.h>

namespace softphone::server {

namespace {

constexpr std::size_t kKeptWriteBuffer = 1024 * 1024;

}  // namespace

WebSocketConnection::WebSocketConnection(QAbstractSocket *socket, std::size_t maxMessageBytes,
                                         const OriginCheck *originCheck,
                                         std::shared_ptr<SharedBuffers> buffers, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_plain(!qobject_cast<QSslSocket *>(socket))
    , m_originCheck(originCheck)
    , m_pending(std::make_unique<PendingHandshake>())
    , m_reader(maxMessageBytes)
    , m_buffers(std::move(buffers))
{
    m_socket->setParent(this);
    // Frames are gathered into one write per turn already; Nagle's wait would only delay them.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, QVariant(1));
    connect(m_socket, &QAbstractSocket::readyRead, this, &WebSocketConnection::onReadyRead);
    // Queued: a write that fails aborts the socket, and whoever was sending must not see its
    // connection end underfoot.
    connect(m_socket, &QAbstractSocket::disconnected, this,
            &WebSocketConnection::onSocketDisconnected, Qt::QueuedConnection);
    restartTimer(kHandshakeTimeoutMs);
}

WebSocketConnection::~WebSocketConnection() = default;

QHostAddress WebSocketConnection::peerAddress() const
{
    return m_socket->peerAddress();
}

std::size_t WebSocketConnection::bytesToWrite() const
{
    return static_cast<std::size_t>(m_socket->bytesToWrite());
}

void WebSocketConnection::sendTexts(const std::vector<std::string> &texts)
{
    if (m_state != State::Open || texts.empty())
        return;
    std::string &out = m_buffers->write;
    for (const std::string &text : texts)
        websocket_frame_writer::appendFrame(out, WebSocketOpcode::Text, text);
    write(out);
}

void WebSocketConnection::close(int code, std::string_view reason)
{
    if (m_state != State::Open)
        return;
    std::string &out = m_buffers->write;
    websocket_frame_writer::appendClose(out, code, reason);
    write(out);
    m_state = State::Closing;
    restartTimer(kCloseTimeoutMs);
}

void WebSocketConnection::abort()
{
    m_socket->abort();
}

void WebSocketConnection::write(std::string &bytes)
{
    send(bytes.data(), bytes.size());
    if (bytes.capacity() > kKeptWriteBuffer)
        std::string().swap(bytes);
    else
        bytes.clear();
}

// Straight to the kernel while Qt holds nothing unsent: through QAbstractSocket, even a few
// bytes are copied into a 32 KiB block that the socket keeps for as long as it lives, most of
// an idle connection's memory. What the kernel does not take now, a failed send (Qt's own write
// then meets the error and ends the socket) and a TLS socket's bytes go through Qt.
void WebSocketConnection::send(const char *data, std::size_t size)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState || size == 0)
        return;
    std::size_t sent = 0;
    if (m_plain && m_socket->bytesToWrite() == 0) {
        const ssize_t written =
            ::send(int(m_socket->socketDescriptor()), data, size, MSG_NOSIGNAL | MSG_DONTWAIT);
        sent = written > 0 ? std::size_t(written) : 0;
    }
    if (sent < size) {
        m_socket->write(data + sent, qint64(size - sent));
        m_socket->flush();
    }
}

void WebSocketConnection::onReadyRead()
{
    if (m_state == State::Handshake)
        readHandshake();
    while (m_state == State::Open || m_state == State::Closing) {
        // Exactly what the socket holds: it then hands over its read block (a QByteArray of
        // its own) instead of copying out of it and keeping it.
        QByteArray bytes = m_socket->read(m_socket->bytesAvailable());
        if (bytes.isEmpty())
            break;
        readFrames(bytes.data(), std::size_t(bytes.size()));
    }
}

void WebSocketConnection::readHandshake()
{
    m_pending->received += m_socket->read(m_socket->bytesAvailable());
    WebSocketHandshake &handshake = m_pending->handshake;
    const auto outcome = handshake.read(m_pending->received);
    if (outcome == WebSocketHandshake::Outcome::Incomplete)
        return;
    if (outcome == WebSocketHandshake::Outcome::Upgrade && m_originCheck &&
        !(*m_originCheck)(handshake.origin())) {
        handshake.refuse(403, "pages of this origin may not connect");
        m_state = State::Refused;
    }
    send(handshake.response());
    if (outcome == WebSocketHandshake::Outcome::Refuse || m_state == State::Refused) {
        m_state = State::Refused;
        finish();
        return;
    }
    // Frames the client sent right behind its request.
    QByteArray early = m_pending->received.sliced(qsizetype(handshake.requestBytes()));
    m_pending.reset();
    m_originCheck = nullptr;
    m_state = State::Open;
    killTimer(m_timer);
    m_timer = 0;
    emit opened(this);
    if (!early.isEmpty() && m_state == State::Open)
        readFrames(early.data(), std::size_t(early.size()));
}

void WebSocketConnection::readFrames(char *data, std::size_t size)
{
    m_reader.receive(data, size);
    for (;;) {
        const WebSocketEvent event = m_reader.next();
        if (event.kind == WebSocketEvent::Kind::None || !handle(event))
            return;
    }
}

bool WebSocketConnection::handle(const WebSocketEvent &event)
{
    using Kind = WebSocketEvent::Kind;
    std::string &out = m_buffers->write;
    switch (event.kind) {
    case Kind::Text:
        if (m_state == State::Open && m_receiver)
            m_receiver->onText(event.payload);
        return m_state == State::Open || m_state == State::Closing;
    case Kind::Binary:
        if (m_state == State::Open && m_receiver)
            m_receiver->onBinary();
        return m_state == State::Open || m_state == State::Closing;
    case Kind::Ping:
        if (m_state == State::Open) {
            websocket_frame_writer::appendFrame(out, WebSocketOpcode::Pong, event.payload);
            write(out);
        }
        return true;
    case Kind::Pong:
    case Kind::None:
        return true;
    case Kind::Close:
        if (m_state == State::Open) {
            // The client's code goes back to it (RFC 6455 §5.5.1); none for none.
            if (event.closeCode == 1005)
                websocket_frame_writer::appendFrame(out, WebSocketOpcode::Close, {});
            else
                websocket_frame_writer::appendClose(out, event.closeCode, {});
            write(out);
        }
        finish();
        return false;
    case Kind::Failure:
        if (m_state == State::Open) {
            websocket_frame_writer::appendClose(out, event.closeCode, event.payload);
            write(out);
        }
        finish();
        return false;
    }
    return false;
}

void WebSocketConnection::finish()
{
    if (m_state == State::Closed)
        return;
    if (m_state != State::Refused)
        m_state = State::Closing;
    restartTimer(kCloseTimeoutMs);  // in case the client never takes what is still to send
    m_socket->disconnectFromHost();
}

void WebSocketConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer)
        return QObject::timerEvent(event);
    killTimer(m_timer);
    m_timer = 0;
    if (m_state == State::Handshake) {
        m_pending->handshake.refuse(408, "the handshake took too long");
        send(m_pending->handshake.response());
        m_state = State::Refused;
        finish();
    } else {
        m_socket->abort();
    }
}

void WebSocketConnection::restartTimer(int timeoutMs)
{
    if (m_timer != 0)
        killTimer(m_timer);
    m_timer = startTimer(timeoutMs);
}

void WebSocketConnection::onSocketDisconnected()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    if (m_timer != 0) {
        killTimer(m_timer);
        m_timer = 0;
    }
    if (m_receiver)
        m_receiver->onDisconnected();
    else
        deleteLater();
}

}  // namespace softphone::server
