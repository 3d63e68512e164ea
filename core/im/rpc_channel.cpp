#include "rpc_channel.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace softphone::im {

Q_LOGGING_CATEGORY(lcRpc, "softphone.core.rpc", QtInfoMsg)

RpcChannel::RpcChannel(QObject *parent)
    : QObject(parent)
{
    m_socket.setMaxAllowedIncomingMessageSize(16 * 1024 * 1024);
    connect(&m_socket, &QWebSocket::connected, this, &RpcChannel::opened);
    connect(&m_socket, &QWebSocket::disconnected, this, &RpcChannel::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &RpcChannel::onText);
    m_deadlines.setInterval(250);
    connect(&m_deadlines, &QTimer::timeout, this, &RpcChannel::expire);
}

RpcChannel::~RpcChannel()
{
    m_socket.disconnect(this);
    m_socket.abort();
    failAll(LocalError::Disconnected, "the channel was destroyed");
}

void RpcChannel::open(const QUrl &url)
{
    m_socket.open(url);
}

void RpcChannel::close()
{
    m_socket.close();
}

void RpcChannel::abort()
{
    m_socket.abort();
}

void RpcChannel::request(const std::string &method, const protocol::json &params, Callback done,
                         int timeoutMs)
{
    if (!isOpen()) {
        done(RpcReply{std::nullopt, {int(LocalError::Disconnected), "not connected"}});
        return;
    }
    const std::int64_t id = m_nextId++;
    m_pending.emplace(id,
                      Pending{std::move(done), QDateTime::currentMSecsSinceEpoch() + timeoutMs});
    if (!m_deadlines.isActive())
        m_deadlines.start();
    m_socket.sendTextMessage(
        QString::fromStdString(protocol::encodeFrame(protocol::Request{id, method, params})));
}

void RpcChannel::onText(const QString &text)
{
    auto frame = protocol::parseFrame(text.toStdString(), 64 * 1024 * 1024);
    if (!frame) {
        qCWarning(lcRpc) << "unreadable frame from the server:"
                         << frame.error().error.message().c_str();
        return;
    }
    if (auto *event = std::get_if<protocol::Event>(&*frame)) {
        emit eventReceived(event->name, event->data);
        return;
    }
    auto *response = std::get_if<protocol::Response>(&*frame);
    if (!response || !response->id) {
        if (response && response->error)
            qCWarning(lcRpc) << "server error without an id:" << response->error->message.c_str();
        return;
    }
    auto found = m_pending.find(*response->id);
    if (found == m_pending.end())
        return;  // answered after its deadline
    Callback done = std::move(found->second.done);
    m_pending.erase(found);
    if (response->error)
        done(RpcReply{std::nullopt, *response->error});
    else
        done(RpcReply{response->result, {}});
}

void RpcChannel::onDisconnected()
{
    m_deadlines.stop();
    failAll(LocalError::Disconnected, "the connection was lost");
    emit closed(m_socket.closeCode(), m_socket.closeReason());
}

void RpcChannel::expire()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<Callback> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->second.deadline <= now) {
            expired.push_back(std::move(it->second.done));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    if (m_pending.empty())
        m_deadlines.stop();
    for (Callback &done : expired)
        done(RpcReply{std::nullopt, {int(LocalError::Timeout), "no response in time"}});
}

void RpcChannel::failAll(LocalError code, const char *message)
{
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto &[id, entry] : pending)
        entry.done(RpcReply{std::nullopt, {int(code), message}});
}

}  // namespace softphone::im
