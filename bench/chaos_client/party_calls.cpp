// The party's calls: placed and answered with random outcomes, each outcome journaled as told.

#include "chaos_client/party.h"

namespace softphone::bench::chaos {

std::string Party::randomPeer()
{
    std::string peer;
    do
        peer = m_settings.peers[std::size_t(randomMs(0, int(m_settings.peers.size()) - 1))];
    while (peer == m_account);
    return peer;
}

void Party::invite()
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
void Party::planCaller()
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

void Party::onIncoming(const json &data)
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

void Party::respond()
{
    json params = {{"cid", m_cid}, {"accepted", m_answer == "accept"}};
    if (m_answer == "busy")
        params["busy"] = true;
    m_deadline = now() + 60000;
    requestOnCall("call.respond", params, [this, answer = m_answer] {
        told("respond:" + answer);
        if (answer == "accept")
            startTalking();
        else
            becomeIdle();
    });
}

void Party::startTalking()
{
    m_phase = Phase::Talking;
    m_deadline = m_draining ? 0 : now() + randomMs(200, 3000);
    joinRoom();
}

void Party::joinRoom()
{
    request("room.join", {{"cid", m_cid}, {"mode", 0}}, [](const im::RpcReply &) {});
}

// What this party does when its timer for the call runs out.
void Party::endOwnPart()
{
    switch (m_phase) {
    case Phase::Idle:
        return;
    case Phase::Calling:
        if (m_cid.empty())
            return;
        m_deadline = now() + 60000;
        requestOnCall("call.cancel", {{"cid", m_cid}, {"reason", m_cancelReason}},
                      [this, reason = m_cancelReason] {
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
        requestOnCall("call.hangup", {{"cid", m_cid}}, [this] {
            told("hangup");
            becomeIdle();
        });
        return;
    }
}

// A caller whose call ended unanswered may send the record itself (§10), or leave it to
// the server's record grace.
void Party::finishAsCaller(int status)
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

// A request about the current call: its reply counts only while that call is still this
// party's, and a refusal means the call ended elsewhere.
void Party::requestOnCall(const std::string &method, json params, std::function<void()> done)
{
    request(method, std::move(params), [this, cid = m_cid, done](const im::RpcReply &reply) {
        if (cid != m_cid)
            return;
        if (!reply.ok()) {
            endedElsewhere(reply);
            return;
        }
        done();
    });
}

// The call ended without this party being told how (it learns that from the record).
void Party::endedElsewhere(const im::RpcReply &reply)
{
    if (reply.code() == 4000 || reply.code() == 4001)
        becomeIdle();
}

void Party::becomeIdle()
{
    m_nextCallAt = now() + randomMs(100, 1500);
    m_phase = Phase::Idle;
    m_cid.clear();
    m_channelId = 0;
    m_answer.clear();
}

void Party::onEvent(const std::string &name, const json &data)
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
void Party::onMessage(const json &data)
{
    if (data.value("msgType", std::string()) != "NRTC_NETCALL" || m_channelId == 0)
        return;
    const json record = json::parse(data.value("attach", std::string()), nullptr, false);
    if (record.is_object() && record.value("channelId", std::int64_t(0)) == m_channelId)
        becomeIdle();
}

}  // namespace softphone::bench::chaos
