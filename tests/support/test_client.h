#pragma once

#include "protocol/frame.h"
#include "protocol/messages.h"

#include <QObject>
#include <QUrl>
#include <QWebSocket>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace softphone::test {

using protocol::json;

// A protocol-level client for the server's tests: one WebSocket, requests answered by id,
// events kept in arrival order until a test takes them.
class TestClient : public QObject
{
    Q_OBJECT

public:
    struct Reply
    {
        std::optional<json> result;
        std::optional<protocol::ErrorBody> error;
        bool ok() const { return result.has_value(); }
        int code() const { return error ? error->code : 0; }
        std::string message() const { return error ? error->message : std::string(); }
    };

    explicit TestClient(QUrl url, std::string deviceId = "dev-1",
                        std::string clientType = "desktop");
    ~TestClient() override;

    bool open(int timeoutMs = 5000);
    void close();
    void abort();  // drop the TCP connection without a close handshake, as a crash would
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool waitClosed(int timeoutMs = 5000);
    int closeCode() const { return m_closeCode; }

    Reply call(const std::string &method, const json &params, int timeoutMs = 10000);
    template<class Req>
    Reply request(const Req &params, int timeoutMs = 10000)
    {
        return call(std::string(Req::kMethod), protocol::toJson(params), timeoutMs);
    }
    // A request sent without waiting for its response (several in flight at once), and then
    // its response.
    std::int64_t post(const std::string &method, const json &params);
    template<class Req>
    std::int64_t post(const Req &params)
    {
        return post(std::string(Req::kMethod), protocol::toJson(params));
    }
    Reply reply(std::int64_t id, int timeoutMs = 10000);
    // Requests handed to the socket together, in one write: the server reads them in one turn.
    // Their ids, in order.
    std::vector<std::int64_t>
    postTogether(const std::vector<std::pair<std::string, json>> &requests);
    // Sends raw text and waits for the next response, whatever its id.
    Reply sendRaw(const QString &text, int timeoutMs = 5000);
    Reply nextResponse(int timeoutMs = 5000);
    void sendBinary(const QByteArray &data);

    Reply registerAccount(const std::string &account, const std::string &password,
                          const std::string &name = {});
    Reply login(const std::string &account, const std::string &password);
    Reply loginWithToken(const std::string &account, const std::string &token);
    // register (ignoring "exists") and log in; the test fails on any other problem
    bool signIn(const std::string &account, const std::string &password = "password-123");

    std::optional<json> waitEvent(const std::string &name, int timeoutMs = 5000);
    // The msg.new whose msgidClient is `msgidClient`. Other messages are passed over: the
    // server writes call records on its own timers (the caller's record grace), so a test
    // cannot know they will not arrive in between.
    std::optional<protocol::Message> waitForMessage(const std::string &msgidClient,
                                                    int timeoutMs = 5000);
    // True if, after waiting `ms`, no msg.new from `account` has arrived.
    bool noMessageFrom(const std::string &account, int ms);
    template<class Ev>
    std::optional<Ev> waitFor(int timeoutMs = 5000)
    {
        auto data = waitEvent(std::string(Ev::kEvent), timeoutMs);
        if (!data)
            return std::nullopt;
        auto decoded = protocol::fromJson<Ev>(*data);
        if (!decoded)
            return std::nullopt;
        return *decoded;
    }
    // True if no event of that name arrives within `ms` (it waits the whole time).
    bool noEvent(const std::string &name, int ms);
    std::size_t countEvents(const std::string &name) const;
    void clearEvents() { m_events.clear(); }

    const std::string &account() const { return m_account; }
    const std::string &token() const { return m_token; }
    const std::string &deviceId() const { return m_deviceId; }

private:
    Reply login(protocol::Login params);
    std::optional<json> takeEvent(const std::function<bool(const protocol::Event &)> &wanted,
                                  int timeoutMs);
    void onText(const QString &text);

    QUrl m_url;
    QWebSocket m_socket;
    std::string m_deviceId;
    std::string m_clientType;
    std::string m_account;
    std::string m_token;
    std::int64_t m_nextId = 1;
    std::map<std::int64_t, Reply> m_replies;
    std::deque<Reply> m_unmatched;  // responses with a null id
    std::deque<protocol::Event> m_events;
    int m_closeCode = -1;
};

}  // namespace softphone::test
