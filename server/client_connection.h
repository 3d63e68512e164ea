#pragma once

#include "protocol/frame.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <cstdint>
#include <string>

class QWebSocket;

namespace softphone::server {

struct ConnectionLimits
{
    std::size_t maxFrameBytes = protocol::kMaxFrameBytes;
    double requestsPerSecond = 50;
    double burst = 100;
};

// One WebSocket connection: reads frames, enforces the size and rate limits, and carries
// the identity of the device once it has logged in.
class OutputGate;

class ClientConnection : public QObject
{
    Q_OBJECT

public:
    ClientConnection(QWebSocket *socket, ConnectionLimits limits, QObject *parent = nullptr);
    ~ClientConnection() override;

    std::uint64_t serial() const { return m_serial; }
    bool isAuthenticated() const { return !m_account.empty(); }
    const std::string &account() const { return m_account; }
    const std::string &deviceId() const { return m_deviceId; }
    const std::string &clientType() const { return m_clientType; }
    const std::string &tokenHash() const { return m_tokenHash; }
    QString peerAddress() const;

    void authenticate(std::string account, std::string deviceId, std::string clientType,
                      std::string tokenHash);
    void forget();  // logout: back to an unauthenticated connection

    // Says `text` once every write made before it is committed (see OutputGate).
    void send(const std::string &text);
    void transmit(const std::string &text);  // puts `text` on the socket now
    void setOutputGate(OutputGate *gate) { m_gate = gate; }
    void close(int code, const QString &reason);

signals:
    void requestReceived(softphone::server::ClientConnection *connection,
                         const softphone::protocol::Request &request);
    void disconnected(softphone::server::ClientConnection *connection);

private:
    void onText(const QString &text);
    void onBinary(const QByteArray &data);
    bool takeToken();

    QWebSocket *m_socket;
    ConnectionLimits m_limits;
    std::uint64_t m_serial;
    std::string m_account;
    std::string m_deviceId;
    std::string m_clientType;
    std::string m_tokenHash;
    double m_tokens;
    QElapsedTimer m_refill;
    bool m_closed = false;
    OutputGate *m_gate = nullptr;
};

// Answers one request exactly once. A responder dropped unanswered sends an internal
// error, so no request is ever left without a response.
class Responder
{
public:
    Responder(ClientConnection *connection, std::int64_t id);
    Responder(Responder &&other) noexcept;
    Responder &operator=(Responder &&) = delete;
    Responder(const Responder &) = delete;
    ~Responder();

    template<class T>
    void result(const T &value)
    {
        finish(protocol::encodeResult(m_id, value));
    }
    void error(protocol::ErrorCode code, std::string_view message);

    ClientConnection *connection() const { return m_connection.data(); }

private:
    void finish(const std::string &text);

    QPointer<ClientConnection> m_connection;
    std::int64_t m_id;
    bool m_done = false;
};

}  // namespace softphone::server
