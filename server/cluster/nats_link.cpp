#include "cluster/nats_link.h"

#include <QByteArray>
#include <QMetaObject>
#include <QPointer>
#include <QSocketNotifier>
#include <QThread>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <nats/nats.h>
#include <poll.h>
#include <thread>

namespace softphone::server {

namespace {

constexpr int kStatusPollMs = 200;
constexpr int kReconnectWaitMs = 250;
constexpr int kReconnectBufferBytes = 8 * 1024 * 1024;
constexpr std::size_t kRetiredBatch = 256;
int g_links = 0;  // the library's threads are stopped when the last link goes

QString textOf(natsStatus status)
{
    return QString::fromUtf8(natsStatus_GetText(status));
}

}  // namespace

// The library's side of the event loop. It calls these from the link's thread (while it reads,
// writes, publishes or closes there) and from threads of its own (reconnecting, pinging); the
// socket is only ever watched from the link's thread, so calls from elsewhere are posted to it.
struct NatsLink::Socket
{
    std::mutex mutex;
    NatsLink *link = nullptr;  // cleared when the link goes
    QThread *thread = nullptr;
    int fd = -1;
    // Counts attaches and stops: a posted attach that is no longer current is dropped.
    std::uint64_t epoch = 0;
    bool writeWanted = false;  // the library holds bytes for the socket
    bool writePosted = false;  // a writeOut() is on its way

    bool onLinkThread() const { return QThread::currentThread() == thread; }

    static natsStatus attach(void **state, void *loop, natsConnection *, natsSock fd)
    {
        auto *self = static_cast<Socket *>(loop);
        *state = self;
        const std::lock_guard lock(self->mutex);
        self->fd = fd;
        self->watchLocked();
        return NATS_OK;
    }

    // The library stops reading before it closes the socket (to reconnect, or for good); it
    // reads again by attaching a new one.
    static natsStatus read(void *state, bool add)
    {
        auto *self = static_cast<Socket *>(state);
        const std::lock_guard lock(self->mutex);
        if (add)
            self->watchLocked();
        else
            self->stopLocked();
        return NATS_OK;
    }

    static natsStatus write(void *state, bool add)
    {
        auto *self = static_cast<Socket *>(state);
        const std::lock_guard lock(self->mutex);
        self->writeWanted = add;
        if (!self->link)
            return NATS_OK;
        if (add) {
            // Deferred to the next turn of the loop, so that all this turn publishes leaves in
            // one write.
            if (!self->writePosted) {
                self->writePosted = true;
                QMetaObject::invokeMethod(self->link, &NatsLink::writeOut, Qt::QueuedConnection);
            }
        } else if (self->onLinkThread()) {
            self->link->stopWriting();
        }
        return NATS_OK;
    }

    static natsStatus detach(void *state)
    {
        auto *self = static_cast<Socket *>(state);
        const std::lock_guard lock(self->mutex);
        self->stopLocked();
        return NATS_OK;
    }

    void watchLocked()
    {
        const std::uint64_t current = ++epoch;
        if (!link)
            return;
        if (onLinkThread()) {
            link->watch(fd);
            return;
        }
        NatsLink *target = link;
        QMetaObject::invokeMethod(
            target,
            [this, target, current, socket = fd] {
                const std::lock_guard lock(mutex);
                if (epoch == current)
                    target->watch(socket);
            },
            Qt::QueuedConnection);
    }

    // Stops watching at once on the link's thread, where the library closes the socket right
    // after (a descriptor still watched once closed could be another socket's by the next
    // turn). From another thread the stop is posted; the epoch keeps a posted attach from
    // watching a socket that has been stopped meanwhile.
    void stopLocked()
    {
        ++epoch;
        writeWanted = false;
        if (!link)
            return;
        if (onLinkThread()) {
            link->unwatch();
            return;
        }
        QMetaObject::invokeMethod(link, &NatsLink::unwatch, Qt::QueuedConnection);
    }
};

NatsLink::NatsLink(QObject *parent)
    : QObject(parent)
    , m_socket(std::make_unique<Socket>())
{
    ++g_links;
    m_socket->link = this;
    m_socket->thread = thread();
    m_statusTimer.setInterval(kStatusPollMs);
    connect(&m_statusTimer, &QTimer::timeout, this, &NatsLink::pollStatus);
}

NatsLink::~NatsLink()
{
    // Written out first: with bytes still held, closing would wait for the server's answer
    // to a ping that this thread, busy closing, could not read.
    if (m_connection)
        flush(500);
    releaseRetired();
    {
        const std::lock_guard lock(m_socket->mutex);
        m_socket->link = nullptr;
    }
    unwatch();
    if (m_connection) {
        natsConnection_Close(m_connection);  // also ends the subscriptions
        for (natsSubscription *subscription : m_subscriptions)
            natsSubscription_Destroy(subscription);
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
    if (status == NATS_OK)
        status = natsOptions_SetEventLoop(options, m_socket.get(), &Socket::attach, &Socket::read,
                                          &Socket::write, &Socket::detach);
    // Without it the library hands every publish to a flusher thread of its own, which
    // waits a millisecond for more before it writes.
    if (status == NATS_OK)
        status = natsOptions_SetSendAsap(options, true);
    if (status == NATS_OK)
        status = natsConnection_Connect(&m_connection, options);
    natsOptions_Destroy(options);
    if (status != NATS_OK) {
        m_connection = nullptr;
        unwatch();
        return tr("cannot reach NATS at %1: %2")
            .arg(urls.join(QStringLiteral(", ")), textOf(status));
    }
    m_connected = true;
    m_statusTimer.start();
    return {};
}

QString NatsLink::subscribe(const std::string &subject)
{
    natsSubscription *subscription = nullptr;
    // Taken from the subscription's queue on this thread, right after the socket is read,
    // rather than handed over by a delivery thread.
    natsStatus status = natsConnection_SubscribeSync(&subscription, m_connection, subject.c_str());
    if (status != NATS_OK)
        return tr("cannot subscribe to %1: %2")
            .arg(QString::fromStdString(subject), textOf(status));
    // Beyond the library's default pending limits a busy node would drop cluster traffic.
    natsSubscription_SetPendingLimits(subscription, -1, -1);
    m_subscriptions.push_back(subscription);
    return {};
}

void NatsLink::publish(const std::string &subject, std::string_view data)
{
    if (m_connection)
        natsConnection_Publish(m_connection, subject.c_str(), data.data(), int(data.size()));
}

bool NatsLink::flush(int timeoutMs)
{
    if (!m_connection || natsConnection_Status(m_connection) != NATS_CONN_STATUS_CONNECTED)
        return false;
    // The library's flush sends a ping and waits for the server's pong, which only this
    // thread reads: it waits on a thread of its own while this one writes and reads. Bytes
    // merely handed to the kernel are not enough: a socket closed with unread data in it is
    // reset, and what it still held to send is lost (a node's "leaving" beat, say).
    std::atomic<bool> done = false;
    natsStatus status = NATS_TIMEOUT;
    std::thread waiter([&] {
        status = natsConnection_FlushTimeout(m_connection, timeoutMs);
        done = true;
    });
    while (!done) {
        int fd = -1;
        bool writing = false;
        {
            const std::lock_guard lock(m_socket->mutex);
            fd = m_socket->fd;
            writing = m_socket->writeWanted;
        }
        if (writing)
            natsConnection_ProcessWriteEvent(m_connection);
        pollfd readable{fd, POLLIN, 0};
        if (::poll(&readable, 1, 1) > 0)
            natsConnection_ProcessReadEvent(m_connection);
    }
    waiter.join();
    // What arrived meanwhile waits in the subscriptions' queues.
    QMetaObject::invokeMethod(this, &NatsLink::deliver, Qt::QueuedConnection);
    return status == NATS_OK;
}

bool NatsLink::catchUp(int timeoutMs)
{
    const bool flushed = flush(timeoutMs);
    deliver();
    return flushed;
}

void NatsLink::watch(int socket)
{
    unwatch();
    m_reader = std::make_unique<QSocketNotifier>(socket, QSocketNotifier::Read);
    connect(m_reader.get(), &QSocketNotifier::activated, this, &NatsLink::readIn);
}

void NatsLink::unwatch()
{
    retire(m_reader);
    retire(m_writer);
}

void NatsLink::stopWriting()
{
    retire(m_writer);
}

// A notifier can be the one being activated (the library stops reading while it reads):
// switched off now, deleted once its signal has returned.
void NatsLink::retire(std::unique_ptr<QSocketNotifier> &notifier)
{
    if (!notifier)
        return;
    notifier->setEnabled(false);
    notifier.release()->deleteLater();
}

void NatsLink::writeOut()
{
    {
        const std::lock_guard lock(m_socket->mutex);
        m_socket->writePosted = false;
    }
    if (!m_connection)
        return;
    natsConnection_ProcessWriteEvent(m_connection);
    const std::lock_guard lock(m_socket->mutex);
    // The socket took only part: the rest goes when it can take more.
    if (m_socket->writeWanted && !m_writer && m_reader) {
        m_writer = std::make_unique<QSocketNotifier>(m_socket->fd, QSocketNotifier::Write);
        connect(m_writer.get(), &QSocketNotifier::activated, this, &NatsLink::writeOut);
    }
}

void NatsLink::readIn()
{
    natsConnection_ProcessReadEvent(m_connection);
    deliver();
}

void NatsLink::deliver()
{
    const QPointer<NatsLink> alive(this);
    for (std::size_t i = 0; i < m_subscriptions.size(); ++i) {
        int pending = 0;
        while (natsSubscription_GetPending(m_subscriptions[i], &pending, nullptr) == NATS_OK &&
               pending > 0) {
            natsMsg *message = nullptr;
            if (natsSubscription_NextMsg(&message, m_subscriptions[i], 0) != NATS_OK)
                break;
            // Read where the library holds it: no copy.
            emit received(natsMsg_GetSubject(message),
                          std::string_view(natsMsg_GetData(message),
                                           std::size_t(natsMsg_GetDataLength(message))));
            if (!alive) {
                natsMsg_Destroy(message);
                return;
            }
            retire(message);
        }
    }
}

// The library frees a message on a collector thread of its own, which natsMsg_Destroy() wakes
// when it sleeps: a message at a time, that is two thread switches and a contended lock per
// message on the node's busiest path. Given back in batches, the collector wakes a few times a
// second.
void NatsLink::retire(__natsMsg *message)
{
    m_retired.push_back(message);
    if (m_retired.size() >= kRetiredBatch)
        releaseRetired();
}

void NatsLink::releaseRetired()
{
    for (natsMsg *message : m_retired)
        natsMsg_Destroy(message);
    m_retired.clear();
}

void NatsLink::pollStatus()
{
    releaseRetired();
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
