#include "net/websocket_listener.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace softphone::server {

WebSocketListener::WebSocketListener(std::size_t maxMessageBytes, QObject *parent)
    : QTcpServer(parent)
    , m_maxMessageBytes(maxMessageBytes)
    , m_buffers(std::make_shared<WebSocketConnection::SharedBuffers>())
{}

void WebSocketListener::incomingConnection(qintptr descriptor)
{
    QAbstractSocket *socket = nullptr;
    if (m_tls) {
        auto *tls = new QSslSocket;
        tls->setSslConfiguration(*m_tls);
        socket = tls;
    } else {
        socket = new QTcpSocket;
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (auto *tls = qobject_cast<QSslSocket *>(socket))
        tls->startServerEncryption();
    auto *connection = new WebSocketConnection(
        socket, m_maxMessageBytes, m_originCheck ? &m_originCheck : nullptr, m_buffers, this);
    connect(connection, &WebSocketConnection::opened, this, &WebSocketListener::connectionOpened);
}

}  // namespace softphone::server
