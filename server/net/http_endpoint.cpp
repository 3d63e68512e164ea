#include "net/http_endpoint.h"

#include "logging.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace softphone::server {

namespace {
constexpr qint64 kMaxRequestBytes = 8 * 1024;
constexpr int kRequestTimeoutMs = 5000;
}  // namespace

HttpEndpoint::HttpEndpoint(MetricsSource metrics, HealthSource health, QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_metrics(std::move(metrics))
    , m_health(std::move(health))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpEndpoint::onConnection);
}

bool HttpEndpoint::listen(const QHostAddress &host, quint16 port)
{
    return m_server->listen(host, port);
}

quint16 HttpEndpoint::port() const
{
    return m_server->serverPort();
}

QString HttpEndpoint::errorString() const
{
    return m_server->errorString();
}

void HttpEndpoint::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(kRequestTimeoutMs, socket, [socket] { socket->abort(); });
    }
}

void HttpEndpoint::onReadable(QTcpSocket *socket)
{
    if (socket->bytesAvailable() > kMaxRequestBytes) {
        reply(socket, 431, "Request Header Fields Too Large", "text/plain", "too large\n");
        return;
    }
    if (!socket->canReadLine())
        return;
    const QList<QByteArray> requestLine = socket->readLine().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        reply(socket, 400, "Bad Request", "text/plain", "bad request\n");
        return;
    }
    const QByteArray &method = requestLine[0];
    const QByteArray path = requestLine[1].split('?').first();
    if (method != "GET" && method != "HEAD") {
        reply(socket, 405, "Method Not Allowed", "text/plain", "GET only\n");
        return;
    }
    const bool head = method == "HEAD";
    if (path == "/healthz") {
        const bool healthy = m_health();
        reply(socket, healthy ? 200 : 503, healthy ? "OK" : "Service Unavailable", "text/plain",
              healthy ? "ok\n" : "unavailable\n", head);
    } else if (path == "/metrics") {
        reply(socket, 200, "OK", "text/plain; version=0.0.4", m_metrics(), head);
    } else {
        reply(socket, 404, "Not Found", "text/plain", "not found\n", head);
    }
}

void HttpEndpoint::reply(QTcpSocket *socket, int status, const char *reason,
                         const QByteArray &contentType, const QByteArray &body, bool headOnly)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    response += "Content-Type: " + contentType + "\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += "Connection: close\r\n\r\n";
    if (!headOnly)
        response += body;
    socket->write(response);
    socket->disconnectFromHost();
}

}  // namespace softphone::server
