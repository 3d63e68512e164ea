#include "services/webhook_dispatcher.h"

#include "logging.h"
#include "protocol/call_rules.h"
#include "protocol/json_text.h"
#include "server_config.h"
#include "storage/database.h"
#include "storage/sql_values.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUuid>
#include <algorithm>
#include <map>

namespace softphone::server {

using nlohmann::json;

namespace {
constexpr int kBatch = 32;
constexpr int kRequestTimeoutMs = 10'000;
}  // namespace

WebhookDispatcher::WebhookDispatcher(ServerContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    m_retryTimer.setInterval(1000);
    connect(&m_retryTimer, &QTimer::timeout, this, &WebhookDispatcher::pump);
    m_network.setAutoDeleteReplies(true);
    m_network.setTransferTimeout(kRequestTimeoutMs);
}

bool WebhookDispatcher::enabled() const
{
    return !m_context.config.webhooks.urls.isEmpty();
}

bool WebhookDispatcher::start()
{
    auto query = m_context.db.exec(QStringLiteral("SELECT MAX(id) FROM webhook_queue"));
    if (!query)
        return false;
    m_lastId = query->next() ? query->value(0).toLongLong() : 0;
    m_retryTimer.start();
    pump();
    return true;
}

QByteArray WebhookDispatcher::signature(const QByteArray &body, const QByteArray &secret)
{
    return "sha256=" +
           QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

void WebhookDispatcher::enqueueMessage(const protocol::Message &message)
{
    if (!enabled())
        return;
    enqueue(json{{"eventType", 1},
                 {"convType", "PERSON"},
                 {"to", message.to},
                 {"fromAccount", message.from},
                 {"fromClientType", message.fromClientType},
                 {"msgTimestamp", message.msgTimestamp},
                 {"msgType", std::string(protocol::enumName(message.msgType))},
                 {"msgidClient", message.msgidClient},
                 {"msgidServer", message.msgidServer},
                 {"body", message.body},
                 {"attach", message.attach}});
}

void WebhookDispatcher::enqueueRoom(const RoomReport &report)
{
    if (!enabled())
        return;
    struct Totals
    {
        std::int64_t ms = 0;
        std::int64_t join = 0;
        std::int64_t leave = 0;
    };
    std::map<std::string, Totals> byAccount;
    for (const RoomStay &stay : report.stays) {
        Totals &totals = byAccount[stay.accid];
        const std::int64_t leave = stay.leaveTime.value_or(stay.joinTime);
        totals.ms += leave - stay.joinTime;
        totals.join = totals.join ? std::min(totals.join, stay.joinTime) : stay.joinTime;
        totals.leave = std::max(totals.leave, leave);
    }
    json durations = json::array();
    for (const auto &[accid, totals] : byAccount) {
        durations.push_back({{"accid", accid},
                             {"duration", protocol::roundedSeconds(totals.ms)},
                             {"joinTime", totals.join},
                             {"leaveTime", totals.leave}});
    }
    enqueue(json{{"eventType", 8},
                 {"channelId", report.channelId},
                 {"cid", report.cid},
                 {"type", static_cast<int>(report.type)},
                 {"createTime", report.createTime},
                 {"durations", durations}});
}

void WebhookDispatcher::enqueue(const json &body)
{
    const QVariant text = sqlExactText(protocol::dumpJson(body), !m_context.db.isPostgres());
    const std::int64_t now = m_context.now();
    for (const QString &url : m_context.config.webhooks.urls) {
        const std::int64_t id = ++m_lastId;
        m_context.db.exec(QStringLiteral("INSERT INTO webhook_queue (id, url, event_id, body, "
                                         "attempts, next_attempt_at, created_at) "
                                         "VALUES (?, ?, ?, ?, 0, ?, ?)"),
                          {qint64(id), url, QUuid::createUuid().toString(QUuid::WithoutBraces),
                           text, qint64(now), qint64(now)});
    }
    m_context.db.afterCommit([this](bool durable) {
        if (durable)
            pump();
    });
}

std::int64_t WebhookDispatcher::queued()
{
    auto query = m_context.db.exec(QStringLiteral("SELECT COUNT(*) FROM webhook_queue"));
    return query && query->next() ? query->value(0).toLongLong() : 0;
}

void WebhookDispatcher::pump()
{
    auto query = m_context.db.exec(
        QStringLiteral("SELECT id, url, event_id, body, attempts FROM webhook_queue "
                       "WHERE next_attempt_at <= ? ORDER BY id LIMIT ?"),
        {qint64(m_context.now()), kBatch + int(m_inFlight.size())});
    const QByteArray secret = m_context.config.webhooks.secret.toUtf8();
    while (query && query->next()) {
        const std::int64_t id = query->value(0).toLongLong();
        if (m_inFlight.contains(id))
            continue;
        const QByteArray body = QByteArray::fromStdString(textOf(query->value(3)));
        QNetworkRequest request(QUrl(query->value(1).toString()));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("X-Softphone-Event-Id", query->value(2).toString().toUtf8());
        request.setRawHeader("X-Softphone-Signature", signature(body, secret));
        const int attempts = query->value(4).toInt();
        m_inFlight.insert(id);
        QNetworkReply *reply = m_network.post(request, body);
        connect(reply, &QNetworkReply::finished, this,
                [this, id, attempts, reply] { finished(id, attempts, reply); });
    }
}

void WebhookDispatcher::finished(std::int64_t id, int attempts, QNetworkReply *reply)
{
    m_inFlight.erase(id);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
        m_context.db.exec(QStringLiteral("DELETE FROM webhook_queue WHERE id = ?"), {qint64(id)});
        ++m_delivered;
        return;
    }
    ++m_failedAttempts;
    // 1 s doubling to the configured ceiling, spread by +-25% so retries do not stampede.
    const double base = std::min<double>(m_context.config.webhooks.maxBackoffSeconds,
                                         std::pow(2.0, std::min(attempts, 20)));
    const double jitter = 0.75 + QRandomGenerator::global()->generateDouble() * 0.5;
    const auto delayMs = static_cast<std::int64_t>(base * jitter * 1000);
    qCWarning(lcWebhook) << "delivery" << id << "failed (" << status << reply->errorString()
                         << "); retry in" << delayMs << "ms";
    m_context.db.exec(
        QStringLiteral("UPDATE webhook_queue SET attempts = ?, next_attempt_at = ? WHERE id = ?"),
        {attempts + 1, qint64(m_context.now() + delayMs), qint64(id)});
}

bool WebhookDispatcher::flush(int timeoutMs)
{
    if (!enabled())
        return true;
    QDeadlineTimer deadline(timeoutMs);
    pump();
    while (!m_inFlight.empty() && !deadline.hasExpired()) {
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return queued() == 0;
}

}  // namespace softphone::server
