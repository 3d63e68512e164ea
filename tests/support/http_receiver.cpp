#include "http_receiver.h"

#include <QTcpSocket>
#include <QTest>

namespace softphone::test {

HttpReceiver::HttpReceiver(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpReceiver::onConnection);
}

bool HttpReceiver::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void HttpReceiver::close()
{
    m_server.close();
}

void HttpReceiver::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
            socket->setProperty("buffer", buffer);
            const int headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            Post post;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            post.path = requestLine.value(1);
            for (int i = 1; i < lines.size(); ++i) {
                const int colon = lines[i].indexOf(':');
                if (colon > 0)
                    post.headers[lines[i].left(colon).trimmed().toLower()] =
                        lines[i].mid(colon + 1).trimmed();
            }
            const int length = post.headers.value("content-length").toInt();
            if (buffer.size() < headerEnd + 4 + length)
                return;
            post.body = buffer.mid(headerEnd + 4, length);
            socket->setProperty("buffer", QByteArray());
            if (m_failures > 0) {
                --m_failures;
                ++m_refused;
                socket->write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n"
                              "Connection: close\r\n\r\n");
            } else {
                post.json = nlohmann::json::parse(post.body.toStdString(), nullptr, false);
                m_posts.push_back(std::move(post));
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            }
            socket->disconnectFromHost();
        });
    }
}

std::vector<HttpReceiver::Post> HttpReceiver::waitForEvent(int eventType, std::size_t count,
                                                           int timeoutMs)
{
    std::vector<Post> found;
    const auto collect = [&] {
        found.clear();
        for (const Post &post : m_posts) {
            if (post.json.is_object() && post.json.value("eventType", 0) == eventType)
                found.push_back(post);
        }
        return found.size() >= count;
    };
    if (!collect())
        (void)QTest::qWaitFor(collect, timeoutMs);
    return found;
}

}  // namespace softphone::test
