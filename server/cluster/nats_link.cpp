#include "cluster/nats_link.h"

#include <QByteArray>
#include <QMetaObject>
#include <QPointer>
#include <mutex>
#include <nats/nats.h>

namespace softphone::server {

namespace {

constexpr int kStatusPollMs = 200;
constexpr int kReconnectWaitMs = 250;
constexpr int kReconnectBufferBytes = 8 * 1024 * 1024;
int g_links = 0;  // the library's threads are stopped when the last link goes

QString textOf(natsStatus status)
{
    return QString::fromUtf8(natsStatus_GetText(status));
}

}  // namespace

// What a subscription's delivery thread posts through. It outlives the link when a message
// is being handed over while the link goes away: the library frees it once the subscription
// is done and its handler has returned.
struct NatsLink::Relay
{
    std::mutex mutex;
    QPointer<NatsLink> link;

    static void onMessage(natsConnection *, natsSubscription *, natsMsg *message, void *closure)
    {
        auto *relay = static_cast<Relay *>(closure);
        QByteArray subject(natsMsg_GetSubject(message));
        QByteArray data(natsMsg_GetData(message), natsMsg_GetDataLength(message));
        natsMsg_Destroy(message);
        const std::lock_guard lock(relay->mutex);
        if (NatsLink *link = relay->link.data()) {
            QMetaObject::invokeMethod(
                link,
                [link, subject = std::move(subject), data = std::move(data)] {
                    emit link->received(subject, data);
                },
                Qt::QueuedConnection);
        }
    }
    static void onComplete(void *closure) { delete static_cast<Relay *>(closure); }
};

NatsLink::NatsLink(QObject *parent)
    : QObject(parent)
{
    ++g_links;
    m_statusTimer.setInterval(kStatusPollMs);
    connect(&m_statusTimer, &QTimer::timeout, this, &NatsLink::pollStatus);
}

NatsLink::~NatsLink()
{
    for (Relay *relay : m_relays) {
        const std::lock_guard lock(relay->mutex);
        relay->link = nullptr;
    }
    for (natsSubscription *subscription : m_subscriptions) {
        natsSubscription_Unsubscribe(subscription);
        natsSubscription_Destroy(subscription);
    }
    if (m_connection) {
        natsConnection_Close(m_connection);
        natsConnection_Destroy(m_connection);
    }
    if (--g_links == 0)
        nats_CloseAndWait(2000);
}

QString NatsLink::connectTo(const QStringList &urls, const QString &name, int timeoutMs)
{
    std::vector<QByteArray> bytes;
    std::vector<const char *> servers;
    for (const QString &url : urls)
        bytes.push_back(url.toUtf8());
    for (const QByteArray &url : bytes)
        servers.push_back(url.constData());

    natsOptions *options = nullptr;
    natsStatus status = natsOptions_Create(&options);
    if (status == NATS_OK)
        status = natsOptions_SetServers(options, servers.data(), int(servers.size()));
    if (status == NATS_OK)
        status = natsOptions_SetName(options, name.toUtf8().constData());
    if (status == NATS_OK)
        status = natsOptions_SetTimeout(options, timeoutMs);
    if (status == NATS_OK)
        status = natsOptions_SetMaxReconnect(options, -1);  // for as long as the node runs
    if (status == NATS_OK)
        status = natsOptions_SetReconnectWait(options, kReconnectWaitMs);
    if (status == NATS_OK)
        status = natsOptions_SetReconnectBufSize(options, kReconnectBufferBytes);
    // One pool of delivery threads rather than a thread per subscription.
    if (status == NATS_OK)
        status = natsOptions_UseGlobalMessageDelivery(options, true);
    if (status == NATS_OK)
        status = natsConnection_Connect(&m_connection, options);
    natsOptions_Destroy(options);
    if (status != NATS_OK) {
        m_connection = nullptr;
        return tr("cannot reach NATS at %1: %2")
            .arg(urls.join(QStringLiteral(", ")), textOf(status));
    }
    m_connected = true;
    m_statusTimer.start();
    return {};
}

QString NatsLink::subscribe(const std::string &subject)
{
    auto *relay = new Relay;
    relay->link = this;
    natsSubscription *subscription = nullptr;
    natsStatus status = natsConnection_Subscribe(&subscription, m_connection, subject.c_str(),
                                                 &Relay::onMessage, relay);
    if (status != NATS_OK) {
        delete relay;
        return tr("cannot subscribe to %1: %2")
            .arg(QString::fromStdString(subject), textOf(status));
    }
    // Beyond the library's default pending limits a busy node would drop cluster traffic.
    natsSubscription_SetPendingLimits(subscription, -1, -1);
    natsSubscription_SetOnCompleteCB(subscription, &Relay::onComplete, relay);
    m_subscriptions.push_back(subscription);
    m_relays.push_back(relay);
    return {};
}

void NatsLink::publish(const std::string &subject, std::string_view data)
{
    if (m_connection)
        natsConnection_Publish(m_connection, subject.c_str(), data.data(), int(data.size()));
}

bool NatsLink::flush(int timeoutMs)
{
    return m_connection && natsConnection_FlushTimeout(m_connection, timeoutMs) == NATS_OK;
}

void NatsLink::pollStatus()
{
    const bool connected = natsConnection_Status(m_connection) == NATS_CONN_STATUS_CONNECTED;
    if (connected == m_connected)
        return;
    m_connected = connected;
    if (connected)
        emit connectionRestored();
    else
        emit connectionLost();
}

}  // namespace softphone::server
