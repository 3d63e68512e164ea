#pragma once

#include "calls/call_manager.h"
#include "protocol/messages.h"
#include "server_context.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <set>

namespace softphone::server {

// Copies events to the application server (抄送): eventType 1 for every conversation message,
// eventType 8 when a room closes. Each POST is signed with HMAC-SHA256 and sits in a queue in
// the database until a 2xx answer, retried with exponential backoff: at least once, across
// restarts.
class WebhookDispatcher : public QObject
{
    Q_OBJECT

public:
    WebhookDispatcher(ServerContext &context, QObject *parent = nullptr);

    bool enabled() const;
    bool start();  // reads the queue's highest id and sends whatever is due
    void enqueueMessage(const protocol::Message &message);
    void enqueueRoom(const RoomReport &report);
    // At shutdown: keeps sending what is due for at most `timeoutMs`; true if the queue emptied.
    bool flush(int timeoutMs);

    std::int64_t queued();
    std::uint64_t delivered() const { return m_delivered; }
    std::uint64_t failedAttempts() const { return m_failedAttempts; }

    static QByteArray signature(const QByteArray &body, const QByteArray &secret);

private:
    void enqueue(const nlohmann::json &body);
    void pump();
    void finished(std::int64_t id, int attempts, QNetworkReply *reply);

    ServerContext &m_context;
    QNetworkAccessManager m_network;
    QTimer m_retryTimer;
    std::set<std::int64_t> m_inFlight;
    std::int64_t m_lastId = 0;
    std::uint64_t m_delivered = 0;
    std::uint64_t m_failedAttempts = 0;
};

}  // namespace softphone::server
