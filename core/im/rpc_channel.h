#pragma once

#include "protocol/frame.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <optional>
#include <unordered_map>
#include <utility>

namespace softphone::im {

// The outcome of one request: its result object, or the error the server (or a timeout, or
// a lost connection) gave.
struct RpcReply
{
    std::optional<protocol::json> result;
    protocol::ErrorBody error;

    bool ok() const { return result.has_value(); }
    int code() const { return ok() ? 0 : error.code; }
};

// Client-side error codes, outside the server's range.
enum class LocalError : int {
    Timeout = 9001,       // no response within the request's deadline
    Disconnected = 9002,  // the connection closed before the response
    BadResponse = 9003,   // a result that does not decode as the method's result type
};

// A reply as the method's result type, or the error that stands in for it.
template<class Result>
std::pair<std::optional<Result>, protocol::ErrorBody> decodeReply(const RpcReply &reply)
{
    if (!reply.ok())
        return {std::nullopt, reply.error};
    auto decoded = protocol::fromJson<Result>(*reply.result);
    if (!decoded)
        return {std::nullopt,
                protocol::ErrorBody{int(LocalError::BadResponse), decoded.error().message()}};
    return {std::move(*decoded), protocol::ErrorBody{}};
}

// One WebSocket connection speaking the protocol's frames: requests matched to responses
// by id with a deadline each, and events passed on as they come.
class RpcChannel : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const RpcReply &)>;

    explicit RpcChannel(QObject *parent = nullptr);
    ~RpcChannel() override;

    void open(const QUrl &url);
    void close();
    void abort();
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    std::size_t pending() const { return m_pending.size(); }

    // Sends a request; `done` runs exactly once: with the response, on timeout, or when the
    // connection is lost.
    void request(const std::string &method, const protocol::json &params, Callback done,
                 int timeoutMs = 15000);

    template<class Req, class F>
    void call(const Req &params, F &&done, int timeoutMs = 15000)
    {
        request(
            std::string(Req::kMethod), protocol::toJson(params),
            [done = std::forward<F>(done)](const RpcReply &reply) {
                auto [result, error] = decodeReply<typename Req::Result>(reply);
                done(std::move(result), error);
            },
            timeoutMs);
    }

signals:
    void opened();
    void closed(int closeCode, const QString &reason);
    void eventReceived(const std::string &name, const protocol::json &data);

private:
    struct Pending
    {
        Callback done;
        qint64 deadline;
    };
    void onText(const QString &text);
    void onDisconnected();
    void expire();
    void failAll(LocalError code, const char *message);

    QWebSocket m_socket;
    QTimer m_deadlines;
    std::int64_t m_nextId = 1;
    std::unordered_map<std::int64_t, Pending> m_pending;
};

}  // namespace softphone::im
