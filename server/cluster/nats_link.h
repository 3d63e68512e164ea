#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class QSocketNotifier;
struct __natsConnection;
struct __natsSubscription;
struct __natsMsg;

namespace softphone::server {

// One connection to the cluster's NATS servers, driven by the event loop of the thread that
// owns this object: the socket is read and written there and what arrives is handed over
// there, so a message between two nodes costs no thread hand-off at either end, and what one
// turn of the loop publishes leaves in one write. The client library still reconnects (and
// pings) on threads of its own; what those ask of the socket is posted to this thread.
// Publishing never blocks: while the servers are unreachable the library buffers, and what
// does not fit is dropped (the cluster's own heartbeats tell the other nodes that this one
// was away).
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

    // Waits until everything published so far has reached a server, at most `timeoutMs`
    // (tests, shutdown).
    bool flush(int timeoutMs);
    // Flushes, then hands over at once what arrived before the server's answer: every message
    // the server had for this node when it was asked.
    bool catchUp(int timeoutMs);

signals:
    // Both views hold only while the signal is delivered (connect directly).
    void received(std::string_view subject, std::string_view data);
    void connectionLost();
    void connectionRestored();

private:
    struct Socket;  // what the library's event callbacks reach, from any of its threads

    void watch(int socket);
    void unwatch();
    void stopWriting();
    static void retire(std::unique_ptr<QSocketNotifier> &notifier);
    void writeOut();
    void readIn();
    void deliver();
    void retire(__natsMsg *message);
    void releaseRetired();
    void pollStatus();

    std::unique_ptr<Socket> m_socket;
    __natsConnection *m_connection = nullptr;
    std::vector<__natsSubscription *> m_subscriptions;
    std::unique_ptr<QSocketNotifier> m_reader;
    std::unique_ptr<QSocketNotifier> m_writer;  // only while the socket would not take it all
    std::vector<__natsMsg *> m_retired;         // read, to be given back to the library together
    QTimer m_statusTimer;
    bool m_connected = false;
};

}  // namespace softphone::server
