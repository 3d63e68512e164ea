#pragma once

#include "net/websocket_connection.h"

#include <QSslConfiguration>
#include <QTcpServer>
#include <memory>
#include <optional>

namespace softphone::server {

// Listens for WebSocket clients, in plain TCP or TLS, and hands each connection over once its
// opening handshake is done. Until then the connection is the listener's: one that fails its
// handshake, or has not finished it in time, is answered with an HTTP error and closed.
class WebSocketListener : public QTcpServer
{
    Q_OBJECT

public:
    explicit WebSocketListener(std::size_t maxMessageBytes, QObject *parent = nullptr);

    void setSslConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    void setOriginCheck(WebSocketConnection::OriginCheck check)
    {
        m_originCheck = std::move(check);
    }

signals:
    // The handshake is done. Set a receiver or close it; it is the slot's to keep.
    void connectionOpened(softphone::server::WebSocketConnection *connection);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    std::size_t m_maxMessageBytes;
    std::optional<QSslConfiguration> m_tls;
    WebSocketConnection::OriginCheck m_originCheck;
    std::shared_ptr<WebSocketConnection::SharedBuffers> m_buffers;
};

}  // namespace softphone::server
