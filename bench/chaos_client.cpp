// bench_chaos_client: one worker process of the chaos soak (bench/chaos_soak.cpp). It runs a
// few accounts against a softphone-server, places and answers calls with random outcomes,
// sends texts, drops its own sockets now and then, and writes to its journal every
// acknowledgement and every call outcome the server told it. The soak SIGKILLs it at random;
// the journal is written line by line with write(2), so what the server told a killed worker
// is on disk, and the soak compares it with what the server stored.
//
//   bench_chaos_client --url ws://127.0.0.1:PORT --journal FILE --tag GEN --seed N
//                      --drain FILE --peers a,b,c ACCOUNT:TOKEN...

#include "command_line.h"
#include "im/rpc_channel.h"
#include "protocol/messages.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTimer>
#include <algorithm>
#include <deque>
#include <fcntl.h>
#include <memory>
#include <random>
#include <unistd.h>
#include <vector>

using namespace softphone;
using bench::option;
using protocol::json;

namespace {

// Appends one JSON object per line; each line reaches the kernel before the call returns,
// so it survives a SIGKILL of this process.
class Journal
{
public:
    explicit Journal(const QString &path)
        : m_fd(::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_APPEND, 0644))
    {
        if (m_fd < 0)
            qFatal("cannot open journal %s", qPrintable(path));
    }
    ~Journal() { ::close(m_fd); }

    void write(const json &entry)
    {
        const std::string line = entry.dump() + '\n';
        if (::write(m_fd, line.data(), line.size()) != ssize_t(line.size()))
            qFatal("cannot write the journal");
    }

private:
    int m_fd;
};

struct Settings
{
    QUrl url;
    std::string tag;  // this process's generation: keeps its msgidClients unique
    std::vector<std::string> peers;
};

// One account on one device: a connection that it keeps reopening, at most one call, and
// an outbox of texts not yet acknowledged.
class Party : public QObject
{
public:
    enum class Phase { Idle, Calling, Ringing, Talking };

    Party(std::string account, std::string token, const Settings &settings, Journal &journal,
          std::mt19937_64 &random)
        : m_account(std::move(account))
        , m_token(std::move(token))
        , m_settings(settings)
        , m_journal(journal)
        , m_random(random)
    {
        m_tick.setInterval(100);
        connect(&m_tick, &QTimer::timeout, this, &Party::tick);
        m_tick.start();
    }

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

    void note(const std::string &kind, json fields = json::object())
    {
        fields["k"] = kind;
        fields["acc"] = m_account;
        m_journal.write(fields);
    }
    void told(const std::string &what)
    {
        note("told", {{"cid", m_cid}, {"ch", m_channelId}, {"what", what}});
    }

    // Connection ------------------------------------------------------------------------

    void connectSoon(int ms)
    {
        m_loggedIn = false;
        ++m_generation;
        QTimer::singleShot(ms, this, [this, generation = m_generation] {
            if (generation != m_generation)
                return;
            m_channel = std::make_unique<im::RpcChannel>();
            connect(m_channel.get(), &im::RpcChannel::opened, this, &Party::login);
            connect(m_channel.get(), &im::RpcChannel::closed, this, [this, generation] {
                if (generation == m_generation)
                    dropped();
            });
            connect(m_channel.get(), &im::RpcChannel::eventReceived, this, &Party::onEvent);
            m_channel->open(m_settings.url);
            // A server that is down refuses at once; one that hangs gets a new try.
            QTimer::singleShot(2000, this, [this, generation] {
                if (generation == m_generation && !m_loggedIn)
                    dropped();
            });
        });
    }

    void dropped()
    {
        if (m_channel) {
            m_channel->disconnect(this);
            m_channel.release()->deleteLater();
        }
        connectSoon(randomMs(100, 600));
    }

    void request(const std::string &method, json params,
                 std::function<void(const im::RpcReply &)> done)
    {
        if (!m_channel || !m_loggedIn)
            return;
        m_channel->request(method, params,
                           [this, generation = m_generation, done](const im::RpcReply &reply) {
                               if (generation == m_generation)
                                   done(reply);
                           });
    }

    void login()
    {
        json params = {{"protocol", 1},
                       {"account", m_account},
                       {"token", m_token},
                       {"clientType", "cli"},
                       {"deviceId", "soak-" + m_account},
                       {"inCall", m_cid}};
        m_channel->request("login", params,
                           [this, generation = m_generation](const im::RpcReply &reply) {
                               if (generation != m_generation)
                                   return;
                               if (!reply.ok()) {
                                   if (reply.code() == 2003)
                                       note("error", {{"what", "token refused"}});
                                   dropped();
                                   return;
                               }
                               m_loggedIn = true;
                               resumed();
                           });
    }

    // After a login: the call this client holds may have ended while it was away.
    void resumed()
    {
        for (const Text &text : m_outbox)
            sendText(text);
        if (m_phase == Phase::Calling && m_cid.empty())
            becomeIdle();  // the invite got no answer; login said we hold no call
        if (m_phase == Phase::Idle)
            return;
        request("call.current", json::object(), [this](const im::RpcReply &reply) {
            if (!reply.ok())
                return;
            if (reply.result->value("cid", std::string()) != m_cid) {
                becomeIdle();
                return;
            }
            const bool answered = reply.result->value("state", std::string()) == "answered";
            if (m_phase == Phase::Ringing && answered)
                startTalking();  // its answer took effect; the ack was lost with the connection
            else if (m_phase == Phase::Talking)
                joinRoom();
        });
    }

    void tick()
    {
        if (!m_loggedIn)
            return;
        if (!m_draining && chance(0.0015)) {  // a dropped socket: no close frame, as a network cut
            note("abort");
            m_channel->abort();
            return;
        }
        if (m_phase != Phase::Idle && now() > m_deadline)
            endOwnPart();
        if (m_draining)
            return;
        if (m_phase == Phase::Idle && now() > m_nextCallAt)
            invite();
        if (chance(0.02))
            queueText();
    }

    // Calls -----------------------------------------------------------------------------

    std::string randomPeer()
    {
        std::string peer;
        do
            peer = m_settings.peers[std::size_t(randomMs(0, int(m_settings.peers.size()) - 1))];
        while (peer == m_account);
        return peer;
    }

    void invite()
    {
        const std::string callee = randomPeer();
        m_phase = Phase::Calling;
        m_cid.clear();
        m_deadline = now() + 60000;
        m_type = randomMs(1, 2);
        request("call.invite", {{"callee", callee}, {"type", m_type}},
                [this, callee](const im::RpcReply &reply) {
                    if (!reply.ok()) {
                        if (reply.code() == 4003)
                            note("callerBusy");
                        if (m_cid.empty())
                            becomeIdle();
                        return;
                    }
                    m_cid = reply.result->value("cid", std::string());
                    m_channelId = reply.result->value("channelId", std::int64_t(0));
                    m_callee = callee;
                    note("invite", {{"cid", m_cid}, {"ch", m_channelId}, {"callee", callee}});
                    planCaller();
                });
    }

    // The caller either cancels, lets its own ring timer cancel, or waits for the callee.
    void planCaller()
    {
        const double pick = std::uniform_real_distribution(0.0, 1.0)(m_random);
        m_cancelReason = "canceled";
        if (pick < 0.12) {
            m_deadline = now() + randomMs(50, 1500);
        } else if (pick < 0.2) {
            m_deadline = now() + 2000;
            m_cancelReason = "timeout";
        } else {
            m_deadline = now() + 60000;  // the callee or the server's ring expiry decides
        }
    }

    void onIncoming(const json &data)
    {
        const std::string cid = data.value("cid", std::string());
        if (m_phase != Phase::Idle || m_draining) {
            request("call.respond", {{"cid", cid}, {"accepted", false}, {"busy", true}},
                    [this, cid, ch = data.value("channelId", std::int64_t(0))](auto &reply) {
                        if (reply.ok())
                            note("told", {{"cid", cid}, {"ch", ch}, {"what", "respond:busy"}});
                    });
            return;
        }
        m_phase = Phase::Ringing;
        m_cid = cid;
        m_channelId = data.value("channelId", std::int64_t(0));
        note("incoming", {{"cid", m_cid}, {"ch", m_channelId}});
        const double pick = std::uniform_real_distribution(0.0, 1.0)(m_random);
        m_answer = pick < 0.55 ? "accept" : pick < 0.72 ? "decline" : pick < 0.82 ? "busy" : "";
        m_deadline = m_answer.empty() ? now() + 60000 : now() + randomMs(50, 900);
    }

    void respond()
    {
        json params = {{"cid", m_cid}, {"accepted", m_answer == "accept"}};
        if (m_answer == "busy")
            params["busy"] = true;
        m_deadline = now() + 60000;
        request("call.respond", params,
                [this, cid = m_cid, answer = m_answer](const im::RpcReply &reply) {
                    if (cid != m_cid)
                        return;
                    if (!reply.ok()) {
                        endedElsewhere(reply);
                        return;
                    }
                    told("respond:" + answer);
                    if (answer == "accept")
                        startTalking();
                    else
                        becomeIdle();
                });
    }

    void startTalking()
    {
        m_phase = Phase::Talking;
        m_deadline = m_draining ? 0 : now() + randomMs(200, 3000);
        joinRoom();
    }

    void joinRoom()
    {
        request("room.join", {{"cid", m_cid}, {"mode", 0}}, [](const im::RpcReply &) {});
    }

    // What this party does when its timer for the call runs out.
    void endOwnPart()
    {
        switch (m_phase) {
        case Phase::Idle:
            return;
        case Phase::Calling:
            if (m_cid.empty())
                return;
            m_deadline = now() + 60000;
            request("call.cancel", {{"cid", m_cid}, {"reason", m_cancelReason}},
                    [this, cid = m_cid, reason = m_cancelReason](const im::RpcReply &reply) {
                        if (cid != m_cid)
                            return;
                        if (!reply.ok()) {
                            endedElsewhere(reply);
                            return;
                        }
                        told("cancel:" + reason);
                        finishAsCaller(reason == "timeout" ? 4 : 2);
                    });
            return;
        case Phase::Ringing:
            if (m_draining)
                m_answer = "decline";
            if (!m_answer.empty())
                respond();
            else
                m_deadline = now() + 60000;
            return;
        case Phase::Talking:
            m_deadline = now() + 60000;
            request("call.hangup", {{"cid", m_cid}},
                    [this, cid = m_cid](const im::RpcReply &reply) {
                        if (cid != m_cid)
                            return;
                        if (!reply.ok()) {
                            endedElsewhere(reply);
                            return;
                        }
                        told("hangup");
                        becomeIdle();
                    });
            return;
        }
    }

    // A caller whose call ended unanswered may send the record itself (§10), or leave it to
    // the server's record grace.
    void finishAsCaller(int status)
    {
        if (chance(0.5)) {
            const json record = {{"type", m_type}, {"channelId", m_channelId}, {"status", status}};
            const std::string id = "r-" + m_settings.tag + "-" + std::to_string(++m_sequence);
            request("msg.send",
                    {{"to", m_callee},
                     {"msgType", "NRTC_NETCALL"},
                     {"attach", record.dump()},
                     {"msgidClient", id}},
                    [](const im::RpcReply &) {});
        }
        becomeIdle();
    }

    // The call ended without this party being told how (it learns that from the record).
    void endedElsewhere(const im::RpcReply &reply)
    {
        if (reply.code() == 4000 || reply.code() == 4001)
            becomeIdle();
    }

    void becomeIdle()
    {
        m_nextCallAt = now() + randomMs(100, 1500);
        m_phase = Phase::Idle;
        m_cid.clear();
        m_channelId = 0;
        m_answer.clear();
    }

    void onEvent(const std::string &name, const json &data)
    {
        if (name == "call.incoming") {
            onIncoming(data);
            return;
        }
        if (name == "msg.new") {
            onMessage(data);
            return;
        }
        if (m_cid.empty() || data.value("cid", std::string()) != m_cid)
            return;
        if (name == "call.accepted" && m_phase == Phase::Calling) {
            told("accepted");
            startTalking();
        } else if (name == "call.rejected") {
            told("rejected");
            finishAsCaller(3);
        } else if (name == "call.busy") {
            told("busy");
            finishAsCaller(5);
        } else if (name == "call.timeout") {
            told("timeout");
            finishAsCaller(4);
        } else if (name == "call.canceled") {
            told("canceled:" + data.value("reason", std::string("canceled")));
            becomeIdle();
        } else if (name == "call.hangup") {
            told("hungUp");
            becomeIdle();
        }
    }

    // A record of the current call ends it for this client (§7).
    void onMessage(const json &data)
    {
        if (data.value("msgType", std::string()) != "NRTC_NETCALL" || m_channelId == 0)
            return;
        const json record = json::parse(data.value("attach", std::string()), nullptr, false);
        if (record.is_object() && record.value("channelId", std::int64_t(0)) == m_channelId)
            becomeIdle();
    }

    // Texts -----------------------------------------------------------------------------

    void queueText()
    {
        Text text{randomPeer(),
                  "t-" + m_settings.tag + "-" + m_account + "-" + std::to_string(++m_sequence),
                  "soak " + std::to_string(m_sequence)};
        m_outbox.push_back(text);
        sendText(text);
    }

    void sendText(const Text &text)
    {
        request("msg.send",
                {{"to", text.to},
                 {"msgType", "TEXT"},
                 {"body", text.body},
                 {"msgidClient", text.msgidClient}},
                [this, text](const im::RpcReply &reply) {
                    if (!reply.ok()) {
                        if (reply.code() < 9000 && reply.code() != 5001)
                            note("error", {{"what", "msg.send " + std::to_string(reply.code())}});
                        return;
                    }
                    const auto found =
                        std::find_if(m_outbox.begin(), m_outbox.end(), [&](const Text &t) {
                            return t.msgidClient == text.msgidClient;
                        });
                    if (found == m_outbox.end())
                        return;  // a resend's ack after the first one's
                    m_outbox.erase(found);
                    note("text", {{"id", text.msgidClient}, {"to", text.to}});
                });
    }

    std::string m_account;
    std::string m_token;
    const Settings &m_settings;
    Journal &m_journal;
    std::mt19937_64 &m_random;
    std::unique_ptr<im::RpcChannel> m_channel;
    QTimer m_tick;
    int m_generation = 0;
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

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {option("url", "Server URL.", "url"),
         option("journal", "Journal file (appended to).", "file"),
         option("tag", "Unique generation tag of this process.", "tag"),
         option("seed", "Random seed.", "n", "1"),
         option("drain", "When this file exists: end calls, flush texts, exit.", "file"),
         option("peers", "Comma-separated accounts to call and text.", "list")});
    parser.addPositionalArgument(QStringLiteral("accounts"),
                                 QStringLiteral("ACCOUNT:TOKEN pairs run by this worker."));
    parser.process(app);
    const auto value = [&](const char *name) { return parser.value(QString::fromLatin1(name)); };

    Settings settings;
    settings.url = QUrl(value("url"));
    settings.tag = value("tag").toStdString();
    for (const QString &peer : value("peers").split(QLatin1Char(',')))
        settings.peers.push_back(peer.toStdString());
    Journal journal(value("journal"));
    std::mt19937_64 random(value("seed").toULongLong());

    std::vector<std::unique_ptr<Party>> parties;
    for (const QString &pair : parser.positionalArguments())
        parties.push_back(std::make_unique<Party>(
            pair.section(QLatin1Char(':'), 0, 0).toStdString(),
            pair.section(QLatin1Char(':'), 1).toStdString(), settings, journal, random));
    for (auto &party : parties)
        party->start();

    const QString drainFile = value("drain");
    QTimer drainCheck;
    qint64 drainStarted = 0;
    QObject::connect(&drainCheck, &QTimer::timeout, [&] {
        if (drainStarted == 0 && QFile::exists(drainFile)) {
            drainStarted = QDateTime::currentMSecsSinceEpoch();
            for (auto &party : parties)
                party->drain();
        }
        if (drainStarted == 0)
            return;
        const bool settled = std::all_of(parties.begin(), parties.end(),
                                         [](const auto &party) { return party->settled(); });
        if (settled || QDateTime::currentMSecsSinceEpoch() - drainStarted > 20000)
            app.exit(settled ? 0 : 3);
    });
    drainCheck.start(200);
    return app.exec();
}
