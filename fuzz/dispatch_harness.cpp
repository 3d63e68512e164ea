#include "dispatch_harness.h"

#include "fuzz_check.h"
#include "protocol/catalog.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <algorithm>

namespace softphone::fuzz {

using protocol::json;

namespace {

constexpr int kAnswerTimeoutMs = 30000;  // generous: CI machines are busy
constexpr std::size_t kMaxFramesPerInput = 32;
const std::string kCallIdPlaceholder = "$CID";

bool waitUntil(const std::function<bool()> &done, int timeoutMs = kAnswerTimeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

// What the server sends on the wire is what the client reads: the text of the frame after
// QWebSocket's UTF-16 round trip.
std::string asSent(const std::string &frame)
{
    return QString::fromUtf8(frame.data(), qsizetype(frame.size())).toStdString();
}

std::optional<std::int64_t> readableId(const std::string &text)
{
    auto frame = protocol::parseFrame(text);
    if (!frame)
        return frame.error().id;
    if (const auto *request = std::get_if<protocol::Request>(&*frame))
        return request->id;
    return std::nullopt;
}

bool isLoginOrLogout(const std::string &text)
{
    auto frame = protocol::parseFrame(text);
    const auto *request = frame ? std::get_if<protocol::Request>(&*frame) : nullptr;
    return request && (request->method == "login" || request->method == "logout");
}

// Every event the server sends is one of the protocol's, and its data decodes.
void checkEvent(const protocol::Event &event)
{
    bool known = false;
    protocol::forEachType(protocol::AllEvents{}, [&]<class Ev>() {
        if (event.name != Ev::kEvent)
            return;
        known = true;
        auto decoded = protocol::fromJson<Ev>(event.data, "data");
        FUZZ_CHECK(decoded.ok(), "the data of every event the server sends decodes");
    });
    FUZZ_CHECK(known, "the server sends only the protocol's events");
}

}  // namespace

Peer::Peer(QUrl url, std::string account, std::string &lastCallId)
    : m_url(std::move(url))
    , m_account(std::move(account))
    , m_lastCallId(lastCallId)
{}

bool Peer::open()
{
    m_socket = std::make_unique<QWebSocket>();
    m_socket->setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &Peer::onText);
    m_socket->open(m_url);
    m_loggedInOrOut = false;
    forgetFrames();
    return waitUntil([this] { return isOpen(); });
}

bool Peer::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

std::optional<json> Peer::call(const std::string &method, const json &params)
{
    sendFrame(protocol::encodeFrame(protocol::Request{0, method, params}));
    if (!waitUntil([this] { return allAnswered(); }))
        return std::nullopt;
    forgetFrames();
    if (!m_lastResponse || !m_lastResponse->result)
        return std::nullopt;
    return m_lastResponse->result;
}

bool Peer::logIn()
{
    if (m_account.empty())
        return true;
    const std::string deviceId = m_account + "-fuzz";
    json params = {{"protocol", protocol::kProtocolVersion},
                   {"account", m_account},
                   {"clientType", "desktop"},
                   {"deviceId", deviceId}};
    if (m_token.empty()) {
        call("register", {{"account", m_account}, {"password", m_account + "-password"}});
        params["password"] = m_account + "-password";
    } else {
        params["token"] = m_token;
    }
    const auto result = call("login", params);
    if (!result)
        return false;
    m_token = result->value("token", std::string());
    return !m_token.empty();
}

void Peer::sendFrame(const std::string &text)
{
    const std::string wire = asSent(text);
    m_sent.push_back(readableId(wire));
    m_loggedInOrOut = m_loggedInOrOut || isLoginOrLogout(wire);
    m_socket->sendTextMessage(QString::fromStdString(wire));
}

void Peer::forgetFrames()
{
    m_sent.clear();
    m_answers.clear();
}

void Peer::checkAnswers() const
{
    auto sent = m_sent;
    auto answers = m_answers;
    std::sort(sent.begin(), sent.end());
    std::sort(answers.begin(), answers.end());
    if (isOpen()) {
        FUZZ_CHECK(answers.size() == sent.size(), "every frame gets exactly one answer");
        FUZZ_CHECK(sent == answers, "each answer carries the id of its request, or null");
    } else {
        FUZZ_CHECK(std::includes(sent.begin(), sent.end(), answers.begin(), answers.end()),
                   "on a closed connection too, each answer answers one request");
    }
}

void Peer::onText(const QString &text)
{
    auto frame = protocol::parseFrame(text.toStdString(), 64 * 1024 * 1024);
    FUZZ_CHECK(frame.ok(), "every frame the server sends parses");
    FUZZ_CHECK(!std::holds_alternative<protocol::Request>(*frame), "the server sends no requests");
    if (const auto *event = std::get_if<protocol::Event>(&*frame)) {
        checkEvent(*event);
        noteCallId(event->data);
        return;
    }
    const auto &response = std::get<protocol::Response>(*frame);
    if (response.error) {
        FUZZ_CHECK(protocol::isKnownErrorCode(response.error->code),
                   "every error code is one of the protocol's");
    } else {
        noteCallId(*response.result);
    }
    m_answers.push_back(response.id);
    m_lastResponse = response;
}

void Peer::noteCallId(const json &object)
{
    const auto cid = object.find("cid");
    if (cid != object.end() && cid->is_string())
        m_lastCallId = cid->get<std::string>();
}

DispatchHarness::DispatchHarness()
{
    FUZZ_CHECK(m_dataDir.isValid(), "a temporary data directory");
    server::ServerConfig config;
    config.listen = {QHostAddress::LocalHost, 0};
    config.dataDir = m_dataDir.path();
    config.commitIntervalMs = 0;
    config.limits.requestsPerSecond = 1e9;  // the fuzzer is one very fast client
    config.limits.burst = 1e9;
    // Inputs run back to back for minutes: the harness's connection that never logs in must
    // not be closed by the login timer halfway through one, where its requests would go
    // unanswered for a reason that is not the input's.
    config.limits.loginTimeoutMs = 0;
    m_server = std::make_unique<server::SoftphoneServer>(config);
    const QString error = m_server->start();
    FUZZ_CHECK(error.isEmpty(), qPrintable(error));

    const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(m_server->port()));
    m_peers = {std::make_unique<Peer>(url, "alice", m_lastCallId),
               std::make_unique<Peer>(url, "bob", m_lastCallId),
               std::make_unique<Peer>(url, std::string(), m_lastCallId)};
    for (auto &peer : m_peers)
        FUZZ_CHECK(peer->open() && peer->logIn(), "the harness's clients connect and log in");
}

DispatchHarness::~DispatchHarness()
{
    m_peers = {};
    m_server.reset();
}

Peer &DispatchHarness::peerFor(char selector)
{
    return *m_peers[static_cast<unsigned char>(selector) % m_peers.size()];
}

std::string DispatchHarness::substitute(std::string frame) const
{
    for (auto at = frame.find(kCallIdPlaceholder); at != std::string::npos;
         at = frame.find(kCallIdPlaceholder, at + m_lastCallId.size())) {
        frame.replace(at, kCallIdPlaceholder.size(), m_lastCallId);
    }
    return frame;
}

void DispatchHarness::run(std::string_view input)
{
    std::size_t frames = 0;
    while (!input.empty() && frames < kMaxFramesPerInput) {
        const auto end = std::min(input.find('\n'), input.size());
        const std::string_view line = input.substr(0, end);
        input.remove_prefix(std::min(end + 1, input.size()));
        if (line.empty())
            continue;
        Peer &peer = peerFor(line.front());
        // The server may close a connection for a reason the input gave it (another login with
        // the same device replaces it); what was left unanswered there is not owed.
        if (!peer.isOpen())
            continue;
        peer.sendFrame(substitute(std::string(line.substr(1))));
        FUZZ_CHECK(waitUntil([&peer] { return peer.allAnswered() || !peer.isOpen(); }),
                   "every request is answered within 30 s");
        ++frames;
    }
    for (auto &peer : m_peers)
        peer->checkAnswers();
    restoreConnections();
    endCalls();
}

// A call left ringing keeps both accounts busy for a minute: end whatever the input started.
void DispatchHarness::endCalls()
{
    if (m_lastCallId == "c-none")
        return;
    for (const char *method : {"call.cancel", "call.hangup"}) {
        for (int peer = 0; peer < 2; ++peer) {
            const json params = {{"cid", m_lastCallId}};
            m_peers[peer]->sendFrame(protocol::encodeFrame(protocol::Request{0, method, params}));
        }
    }
    for (auto &peer : m_peers) {
        FUZZ_CHECK(waitUntil([&peer] { return peer->allAnswered() || !peer->isOpen(); }),
                   "the calls end");
    }
    m_lastCallId = "c-none";
    for (auto &peer : m_peers)
        peer->forgetFrames();
}

void DispatchHarness::restoreConnections()
{
    for (auto &peer : m_peers) {
        if (peer->needsFreshConnection())
            FUZZ_CHECK(peer->open() && peer->logIn(), "a fresh connection logs in again");
    }
}

}  // namespace softphone::fuzz
