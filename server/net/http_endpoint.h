#pragma once

#include <QHostAddress>
#include <QObject>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace softphone::server {

// A minimal HTTP/1.1 listener for operators: GET /healthz and GET /metrics (Prometheus text).
class HttpEndpoint : public QObject
{
    Q_OBJECT

public:
    using MetricsSource = std::function<QByteArray()>;
    using HealthSource = std::function<bool()>;

    HttpEndpoint(MetricsSource metrics, HealthSource health, QObject *parent = nullptr);
    bool listen(const QHostAddress &host, quint16 port);
    quint16 port() const;
    QString errorString() const;

private:
    void onConnection();
    void onReadable(QTcpSocket *socket);
    static void reply(QTcpSocket *socket, int status, const char *reason,
                      const QByteArray &contentType, const QByteArray &body, bool headOnly = false);

    QTcpServer *m_server;
    MetricsSource m_metrics;
    HealthSource m_health;
};

}  // namespace softphone::server
