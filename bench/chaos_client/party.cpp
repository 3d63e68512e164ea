// A party's journal notes, its tick and its connection: opened again whenever it drops,
// logged in with the account's token.

#include "chaos_client/party.h"

namespace softphone::bench::chaos {

Party::Party(std::string account, std::string token, const Settings &settings, Journal &journal,
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

void Party::note(const std::string &kind, json fields)
{
    fields["k"] = kind;
    fields["acc"] = m_account;
    m_journal.write(fields);
}

void Party::told(const std::string &what)
{
    note("told", {{"cid", m_cid}, {"ch", m_channelId}, {"what", what}});
}

void Party::connectSoon(int ms)
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
        m_channel->open(m_settings.servers[m_server]);
        // A server that is down refuses at once; one that hangs gets a new try.
        QTimer::singleShot(2000, this, [this, generation] {
            if (generation == m_generation && !m_loggedIn)
                dropped();
        });
    });
}

void Party::dropped()
{
    if (m_channel) {
        m_channel->disconnect(this);
        m_channel.release()->deleteLater();
    }
    m_server = (m_server + 1) % int(m_settings.servers.size());  // a node that died is not back
    connectSoon(randomMs(100, 600));
}

void Party::request(const std::string &method, json params,
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

void Party::login()
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
void Party::resumed()
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

void Party::tick()
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

}  // namespace softphone::bench::chaos
