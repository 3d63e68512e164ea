#pragma once

#include <QByteArray>
#include <QMap>
#include <QObject>
#include <QTcpServer>
#include <nlohmann/json.hpp>
#include <vector>

namespace softphone::test {

// A real HTTP/1.1 server on loopback that records the POSTs it receives: the webhook target.
class HttpReceiver : public QObject
{
    Q_OBJECT

public:
    struct Post
    {
        QByteArray path;
        QMap<QByteArray, QByteArray> headers;  // lower-case names
        QByteArray body;
        nlohmann::json json;
    };

    explicit HttpReceiver(QObject *parent = nullptr);
    bool listen(quint16 port = 0);
    void close();
    quint16 port() const { return m_port; }

    void failNext(int count) { m_failures = count; }  // answer 500 to that many requests
    const std::vector<Post> &posts() const { return m_posts; }
    int refused() const { return m_refused; }
    // Waits until a POST with this eventType has arrived; returns them all.
    std::vector<Post> waitForEvent(int eventType, std::size_t count = 1, int timeoutMs = 10000);

private:
    void onConnection();

    QTcpServer m_server;
    quint16 m_port = 0;
    int m_failures = 0;
    int m_refused = 0;
    std::vector<Post> m_posts;
};

}  // namespace softphone::test
