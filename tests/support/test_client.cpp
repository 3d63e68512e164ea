#include "test_client.h"

#include <QTest>
#include <algorithm>

namespace softphone::test {

TestClient::TestClient(QUrl url, std::string deviceId, std::string clientType)
    : m_url(std::move(url))
    , m_deviceId(std::move(deviceId))
    , m_clientType(std::move(clientType))
{
    m_socket.setMaxAllowedIncomingMessageSize(4 * 1024 * 1024);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
    connect(&m_socket, &QWebSocket::disconnected, this,
            [this] { m_closeCode = m_socket.closeCode(); });
}

TestClient::~TestClient()
{
    m_socket.abort();
}

bool TestClient::open(int timeoutMs)
{
    m_closeCode = -1;
    m_socket.open(m_url);
    return QTest::qWaitFor([this] { return isOpen(); }, timeoutMs);
}

void TestClient::close()
{
    m_socket.close();
    waitClosed();
}

void TestClient::abort()
{
    m_socket.abort();
}

bool TestClient::waitClosed(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

void TestClient::onText(const QString &text)
{
    auto frame = protocol::parseFrame(text.toStdString(), 64 * 1024 * 1024);
    if (!frame) {
        qWarning("test client got an unreadable frame: %s", qPrintable(text.left(200)));
        return;
    }
    if (auto *response = std::get_if<protocol::Response>(&*frame)) {
        Reply reply{response->result, response->error};
        if (response->id)
            m_replies[*response->id] = std::move(reply);
        else
            m_unmatched.push_back(std::move(reply));
    } else if (auto *event = std::get_if<protocol::Event>(&*frame)) {
        m_events.push_back(std::move(*event));
    }
}

TestClient::Reply TestClient::call(const std::string &method, const json &params, int timeoutMs)
{
    return reply(post(method, params), timeoutMs);
}

std::int64_t TestClient::post(const std::string &method, const json &params)
{
    const std::int64_t id = m_nextId++;
    m_socket.sendTextMessage(
        QString::fromStdString(protocol::encodeFrame(protocol::Request{id, method, params})));
    m_socket.flush();
    return id;
}

std::vector<std::int64_t>
TestClient::postTogether(const std::vector<std::pair<std::string, json>> &requests)
{
    std::vector<std::int64_t> ids;
    for (const auto &[method, params] : requests) {
        ids.push_back(m_nextId++);
        m_socket.sendTextMessage(QString::fromStdString(
            protocol::encodeFrame(protocol::Request{ids.back(), method, params})));
    }
    m_socket.flush();
    return ids;
}

TestClient::Reply TestClient::reply(std::int64_t id, int timeoutMs)
{
    if (!QTest::qWaitFor([&] { return m_replies.contains(id); }, timeoutMs))
        return Reply{std::nullopt, protocol::ErrorBody{-1, "no response within the timeout"}};
    Reply reply = std::move(m_replies[id]);
    m_replies.erase(id);
    return reply;
}

TestClient::Reply TestClient::sendRaw(const QString &text, int timeoutMs)
{
    m_socket.sendTextMessage(text);
    return nextResponse(timeoutMs);
}

TestClient::Reply TestClient::nextResponse(int timeoutMs)
{
    const bool answered =
        QTest::qWaitFor([&] { return !m_unmatched.empty() || !m_replies.empty(); }, timeoutMs);
    if (!answered)
        return Reply{std::nullopt, protocol::ErrorBody{-1, "no response within the timeout"}};
    if (!m_unmatched.empty()) {
        Reply reply = std::move(m_unmatched.front());
        m_unmatched.pop_front();
        return reply;
    }
    auto first = m_replies.begin();
    Reply reply = std::move(first->second);
    m_replies.erase(first);
    return reply;
}

void TestClient::sendBinary(const QByteArray &data)
{
    m_socket.sendBinaryMessage(data);
}

TestClient::Reply TestClient::registerAccount(const std::string &account,
                                              const std::string &password, const std::string &name)
{
    return request(protocol::Register{account, password, name}, 20000);
}

TestClient::Reply TestClient::login(const std::string &account, const std::string &password)
{
    protocol::Login params;
    params.account = account;
    params.password = password;
    return login(std::move(params));
}

TestClient::Reply TestClient::loginWithToken(const std::string &account, const std::string &token)
{
    protocol::Login params;
    params.account = account;
    params.token = token;
    return login(std::move(params));
}

TestClient::Reply TestClient::login(protocol::Login params)
{
    params.clientType = m_clientType;
    params.deviceId = m_deviceId;
    Reply reply = request(params, 20000);  // a password login waits for argon2id
    if (reply.ok()) {
        m_account = params.account;
        m_token = (*reply.result)["token"].get<std::string>();
    }
    return reply;
}

bool TestClient::signIn(const std::string &account, const std::string &password)
{
    if (!isOpen() && !open())
        return false;
    const Reply registered = registerAccount(account, password);
    if (!registered.ok() && registered.code() != int(protocol::ErrorCode::AccountExists)) {
        qWarning("register %s: %s", account.c_str(), registered.message().c_str());
        return false;
    }
    const Reply loggedIn = login(account, password);
    if (!loggedIn.ok())
        qWarning("login %s: %s", account.c_str(), loggedIn.message().c_str());
    return loggedIn.ok();
}

std::optional<json>
TestClient::takeEvent(const std::function<bool(const protocol::Event &)> &wanted, int timeoutMs)
{
    std::optional<json> found;
    const auto take = [&] {
        const auto it = std::find_if(m_events.begin(), m_events.end(), wanted);
        if (it == m_events.end())
            return false;
        found = std::move(it->data);
        m_events.erase(it);
        return true;
    };
    if (!take())
        (void)QTest::qWaitFor(take, timeoutMs);
    return found;
}

std::optional<json> TestClient::waitEvent(const std::string &name, int timeoutMs)
{
    return takeEvent([&](const protocol::Event &e) { return e.name == name; }, timeoutMs);
}

std::optional<protocol::Message> TestClient::waitForMessage(const std::string &msgidClient,
                                                            int timeoutMs)
{
    const auto isIt = [&](const protocol::Event &e) {
        if (e.name != protocol::MessageEvent::kEvent)
            return false;
        const auto decoded = protocol::fromJson<protocol::MessageEvent>(e.data);
        return decoded && decoded->message.msgidClient == msgidClient;
    };
    const auto data = takeEvent(isIt, timeoutMs);
    if (!data)
        return std::nullopt;
    return protocol::fromJson<protocol::MessageEvent>(*data)->message;
}

bool TestClient::noMessageFrom(const std::string &account, int ms)
{
    QTest::qWait(ms);
    return std::none_of(m_events.begin(), m_events.end(), [&](const protocol::Event &e) {
        if (e.name != protocol::MessageEvent::kEvent)
            return false;
        const auto decoded = protocol::fromJson<protocol::MessageEvent>(e.data);
        return decoded && decoded->message.from == account;
    });
}

bool TestClient::noEvent(const std::string &name, int ms)
{
    QTest::qWait(ms);
    return countEvents(name) == 0;
}

std::size_t TestClient::countEvents(const std::string &name) const
{
    return std::count_if(m_events.begin(), m_events.end(),
                         [&](const protocol::Event &e) { return e.name == name; });
}

}  // namespace softphone::test
