#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <string>
#include <string_view>
#include <vector>

struct __natsConnection;
struct __natsSubscription;

namespace softphone::server {

// One connection to the cluster's NATS servers. The client library reads, writes and
// reconnects on threads of its own; what it receives is posted to the thread that owns this
// object, so the rest of the server stays single-threaded. Publishing never blocks: while
// the servers are unreachable the library buffers, and what does not fit is dropped (the
// cluster's own heartbeats tell the other nodes that this one was away).
class NatsLink : public QObject
{
    Q_OBJECT

public:
    explicit NatsLink(QObject *parent = nullptr);
    ~NatsLink() override;

    // Connects to one of `urls` ("nats://host:port"), waiting at most `timeoutMs`; then
    // keeps reconnecting, to any of them, for as long as it lives. Returns an error text.
    QString connectTo(const QStringList &urls, const QString &name, int timeoutMs = 5000);
    // Messages on `subject` ("*" and ">" wildcards as NATS has them) arrive as `received`.
    QString subscribe(const std::string &subject);
    void publish(const std::string &subject, std::string_view data);
    bool isConnected() const { return m_connected; }

    // Waits until everything published so far has reached a server (tests, shutdown).
    bool flush(int timeoutMs);

signals:
    void received(const QByteArray &subject, const QByteArray &data);
    void connectionLost();
    void connectionRestored();

private:
    struct Relay;
    void pollStatus();

    __natsConnection *m_connection = nullptr;
    std::vector<__natsSubscription *> m_subscriptions;
    std::vector<Relay *> m_relays;  // each freed by the library once its subscription is done
    QTimer m_statusTimer;
    bool m_connected = false;
};

}  // namespace softphone::server
