#pragma once

// The real server in this process, on SQLite in a temporary directory, with three WebSocket
// connections to it over loopback: alice's and bob's devices, logged in, and one that is not.
// A fuzz input is a list of frames, each sent on one of them; the harness waits for each
// answer and checks what the protocol promises of it.

#include "softphone_server.h"

#include <QTemporaryDir>
#include <QWebSocket>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace softphone::fuzz {

// One client connection: what it sent, and what came back.
class Peer : public QObject
{
    Q_OBJECT

public:
    Peer(QUrl url, std::string account, std::string &lastCallId);

    bool open();
    bool logIn();  // registers and logs in with the password the first time, the token after
    void sendFrame(const std::string &text);
    bool allAnswered() const { return m_answers.size() >= m_sent.size(); }
    void checkAnswers() const;  // aborts when a request was answered wrongly
    bool needsFreshConnection() const { return m_loggedInOrOut || !isOpen(); }
    bool isOpen() const;
    void forgetFrames();

private:
    std::optional<protocol::json> call(const std::string &method, const protocol::json &params);
    void onText(const QString &text);
    void noteCallId(const protocol::json &object);

    QUrl m_url;
    std::string m_account;
    std::string m_token;
    std::string &m_lastCallId;
    std::unique_ptr<QWebSocket> m_socket;
    std::vector<std::optional<std::int64_t>> m_sent;  // each frame's id, when it can be read
    std::vector<std::optional<std::int64_t>> m_answers;
    std::optional<protocol::Response> m_lastResponse;
    bool m_loggedInOrOut = false;
};

class DispatchHarness
{
public:
    DispatchHarness();
    ~DispatchHarness();
    void run(std::string_view input);

private:
    Peer &peerFor(char selector);
    std::string substitute(std::string frame) const;
    void endCalls();
    void restoreConnections();

    QTemporaryDir m_dataDir;
    std::unique_ptr<server::SoftphoneServer> m_server;
    std::string m_lastCallId = "c-none";
    std::array<std::unique_ptr<Peer>, 3> m_peers;  // alice, bob, a connection not logged in
};

}  // namespace softphone::fuzz
