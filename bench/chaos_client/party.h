#pragma once

#include "chaos_client/journal.h"
#include "chaos_client/worker_settings.h"
#include "im/rpc_channel.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>
#include <random>
#include <string>

namespace softphone::bench::chaos {

using protocol::json;

// One account on one device: a connection that it keeps reopening, at most one call, and
// an outbox of texts not yet acknowledged.
class Party : public QObject
{
public:
    enum class Phase { Idle, Calling, Ringing, Talking };

    Party(std::string account, std::string token, const Settings &settings, Journal &journal,
          std::mt19937_64 &random);

    void start() { connectSoon(0); }
    void drain()
    {
        m_draining = true;
        m_deadline = 0;
    }
    bool settled() const { return m_phase == Phase::Idle && m_outbox.empty() && m_loggedIn; }

private:
    struct Text
    {
        std::string to;
        std::string msgidClient;
        std::string body;
    };

    int randomMs(int low, int high) { return std::uniform_int_distribution(low, high)(m_random); }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_random); }
    qint64 now() const { return QDateTime::currentMSecsSinceEpoch(); }

    void note(const std::string &kind, json fields = json::object());
    void told(const std::string &what);

    // The connection (party.cpp)
    void connectSoon(int ms);
    void dropped();
    void request(const std::string &method, json params,
                 std::function<void(const im::RpcReply &)> done);
    void login();
    void resumed();
    void tick();

    // Calls (party_calls.cpp)
    std::string randomPeer();
    void invite();
    void planCaller();
    void onIncoming(const json &data);
    void respond();
    void startTalking();
    void joinRoom();
    void endOwnPart();
    void finishAsCaller(int status);
    void requestOnCall(const std::string &method, json params, std::function<void()> done);
    void endedElsewhere(const im::RpcReply &reply);
    void becomeIdle();
    void onEvent(const std::string &name, const json &data);
    void onMessage(const json &data);

    // Texts (party_texts.cpp)
    void queueText();
    void sendText(const Text &text);

    std::string m_account;
    std::string m_token;
    const Settings &m_settings;
    Journal &m_journal;
    std::mt19937_64 &m_random;
    std::unique_ptr<im::RpcChannel> m_channel;
    QTimer m_tick;
    int m_generation = 0;
    int m_server = 0;  // the server of Settings::servers this party tries next
    bool m_loggedIn = false;
    bool m_draining = false;

    Phase m_phase = Phase::Idle;
    std::string m_cid;
    std::int64_t m_channelId = 0;
    int m_type = 1;
    std::string m_callee;
    std::string m_answer;
    std::string m_cancelReason = "canceled";
    qint64 m_deadline = 0;
    qint64 m_nextCallAt = 0;
    std::int64_t m_sequence = 0;
    std::deque<Text> m_outbox;
};

}  // namespace softphone::bench::chaos
