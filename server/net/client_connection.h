#pragma once

#include "net/token_bucket.h"
#include "net/websocket_connection.h"
#include "protocol/frame.h"

#include <QHostAddress>
#include <QObject>
#include <cstdint>
#include <string>
#include <vector>

namespace softphone::server {

struct ConnectionLimits
{
    std::size_t maxFrameBytes = protocol::kMaxFrameBytes;
    double requestsPerSecond = 50;
    double burst = 100;
    // Output a connection has not read yet: over the first, its requests wait (1004); over
    // the second, the connection is dropped, since a reader that far behind is gone or hostile.
    std::size_t readBacklogBytes = 1024 * 1024;
    std::size_t dropBacklogBytes = 16 * 1024 * 1024;
    int loginTimeoutMs = 10'000;  // a connection that has not logged in by then is closed
};

// One WebSocket connection: reads frames, enforces the size and rate limits, and carries
// the identity of the device once it has logged in.
class OutputGate;

class ClientConnection : public QObject, private WebSocketConnection::Receiver
{
    Q_OBJECT

public:
    // `clock` (not owned) runs the request rate limit.
    ClientConnection(WebSocketConnection *socket, ConnectionLimits limits,
                     const platform::Clock &clock, QObject *parent = nullptr);
    ~ClientConnection() override;

    bool isAuthenticated() const { return !m_account.empty(); }
    bool isOpen() const { return !m_closed && !m_closing; }
    bool isPasswordCheckPending() const { return m_passwordCheckPending; }
    void setPasswordCheckPending(bool pending) { m_passwordCheckPending = pending; }
    const std::string &account() const { return m_account; }
    const std::string &deviceId() const { return m_deviceId; }
    const std::string &clientType() const { return m_clientType; }
    const std::string &tokenHash() const { return m_tokenHash; }
    QString peerAddress() const;
    QHostAddress peerHostAddress() const;
    std::size_t unreadBytes() const;  // said to it and not yet read: queued or in the socket

    void authenticate(std::string account, std::string deviceId, std::string clientType,
                      std::string tokenHash);
    void forget();  // logout: back to an unauthenticated connection

    // Says `text` at the end of this event-loop turn, once every write made before then is
    // committed (see OutputGate): a handler may speak before it writes and still say nothing
    // that is not durable. A group that fails from the one open when it was said on closes
    // the connection instead, even one whose commit came due within the turn.
    void send(std::string text);
    void transmit(const std::vector<std::string> &texts);  // puts `texts` on the socket now
    // Keeps what is said from now on back until `release()`, which returns it: events for a
    // device whose login is not yet answered go out after the answer.
    void holdBack() { m_holdingBack = true; }
    std::vector<std::string> release();
    void setOutputGate(OutputGate *gate) { m_gate = gate; }
    void close(int code, const QString &reason);

signals:
    void requestReceived(softphone::server::ClientConnection *connection,
                         const softphone::protocol::Request &request);
    void disconnected(softphone::server::ClientConnection *connection);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onText(std::string_view utf8) override;
    void onBinary() override;
    void onDisconnected() override;
    void drop(const char *why);
    void startLoginTimer();
    void flushOutbox();

    WebSocketConnection *m_socket;
    ConnectionLimits m_limits;
    std::string m_account;
    std::string m_deviceId;
    std::string m_clientType;
    std::string m_tokenHash;
    TokenBucket m_requests;
    int m_loginTimer = 0;
    bool m_closed = false;
    bool m_closing = false;
    bool m_passwordCheckPending = false;
    OutputGate *m_gate = nullptr;
    std::vector<std::string> m_outbox;  // said during this turn, not yet given to the gate
    std::uint64_t m_outboxMark = 0;     // the gate's mark when the first of them was said
    bool m_flushPosted = false;
    bool m_holdingBack = false;
    std::vector<std::string> m_heldBack;
    std::size_t m_queuedBytes = 0;  // said and not yet on the socket: in the outbox or held
};

}  // namespace softphone::server
