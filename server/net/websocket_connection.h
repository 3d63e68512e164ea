#pragma once

#include "net/websocket_frame_reader.h"
#include "net/websocket_handshake.h"

#include <QHostAddress>
#include <QObject>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class QAbstractSocket;

namespace softphone::server {

// One client's WebSocket, server side, over a TCP or TLS socket: the opening handshake, the
// client's frames read as UTF-8 bytes and handed to a Receiver by a plain call, the server's
// frames written together, one write for all a turn says, and the closing handshake.
class WebSocketConnection : public QObject
{
    Q_OBJECT

public:
    class Receiver
    {
    public:
        virtual void onText(std::string_view utf8) = 0;
        virtual void onBinary() = 0;
        virtual void onDisconnected() = 0;  // on a later turn than the cause, never mid-send

    protected:
        ~Receiver() = default;
    };

    // Which browser pages may connect; a request without Origin is a native client's.
    using OriginCheck = std::function<bool(const QByteArray &origin)>;

    // One write buffer shared by a listener's connections, so that an idle connection holds
    // none. Each connection keeps it alive: a connection may be closed late in a program's exit,
    // after thread-local and static buffers are gone.
    struct SharedBuffers
    {
        std::string write;
    };

    static constexpr int kHandshakeTimeoutMs = 10'000;
    static constexpr int kCloseTimeoutMs = 2'000;

    // Takes `socket`, connected (a QSslSocket has started its server handshake). `originCheck`
    // is not owned and is only used until the handshake is done.
    WebSocketConnection(QAbstractSocket *socket, std::size_t maxMessageBytes,
                        const OriginCheck *originCheck, std::shared_ptr<SharedBuffers> buffers,
                        QObject *parent = nullptr);
    ~WebSocketConnection() override;

    // Until a receiver is set, a connection that ends deletes itself.
    void setReceiver(Receiver *receiver) { m_receiver = receiver; }

    bool isOpen() const { return m_state == State::Open; }
    QHostAddress peerAddress() const;
    std::size_t bytesToWrite() const;  // written and not yet taken by the kernel

    // Sends each text as a frame, all in one write.
    void sendTexts(const std::vector<std::string> &texts);
    // Starts the closing handshake: the client answers, or the socket goes after a timeout.
    void close(int code, std::string_view reason);
    void abort();  // at once, without a close frame

signals:
    void opened(softphone::server::WebSocketConnection *connection);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    // Refused: the handshake was answered with an error, which leaves before the socket closes.
    enum class State { Handshake, Refused, Open, Closing, Closed };
    struct PendingHandshake
    {
        QByteArray received;
        WebSocketHandshake handshake;
    };

    void onReadyRead();
    void readHandshake();
    void readFrames(char *data, std::size_t size);
    bool handle(const WebSocketEvent &event);  // false once nothing more is to be read
    void write(std::string &bytes);            // and empties `bytes`
    void send(const char *data, std::size_t size);
    void send(const QByteArray &bytes) { send(bytes.constData(), std::size_t(bytes.size())); }
    void finish();  // closes the TCP connection once what was written is sent
    void onSocketDisconnected();
    void restartTimer(int timeoutMs);

    QAbstractSocket *m_socket;
    const bool m_plain;  // TCP without TLS: written to by send(2) while Qt holds nothing
    const OriginCheck *m_originCheck;
    std::unique_ptr<PendingHandshake> m_pending;  // until the handshake is done
    WebSocketFrameReader m_reader;
    std::shared_ptr<SharedBuffers> m_buffers;
    Receiver *m_receiver = nullptr;
    int m_timer = 0;
    State m_state = State::Handshake;
};

}  // namespace softphone::server
