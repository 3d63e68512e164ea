// CallManager in a cluster: the calls of a node that died, taken over by this one, and those
// of this node's previous run (docs/cluster.md, "Losing a node").

#include "calls/call_forwarding.h"
#include "calls/call_manager.h"
#include "logging.h"
#include "net/session_registry.h"
#include "server_config.h"

namespace softphone::server {

namespace {

constexpr int kDirectoryFillMs = 1000;  // two beats of the other nodes

}  // namespace

void CallManager::adopt(const NodeLeases::TakenOver &node)
{
    std::vector<StoredCall> rows;
    for (const std::string &cid : node.cids) {
        m_ownerOf.erase(cid);
        if (auto row = m_store.byCid(cid))
            rows.push_back(std::move(*row));
    }
    recoverCalls(std::move(rows), std::min(node.lastAlive, m_context.now()));
    m_claims->releaseOrphans(m_forwarding->nodeName());  // the claims of the calls just ended
}

void CallManager::abandon()
{
    for (const auto &[cid, call] : m_calls)
        m_context.clock.cancelTimer(call->ringTimer);
    m_activeOf.clear();
    m_byChannel.clear();
    m_calls.clear();  // their timers find nothing; the new owner holds their claims
}

// The ring goes on for what is left of its time; the calling device has the reconnect grace
// to be online again, or the call ends as if it had left.
void CallManager::resumeRinging(StoredCall row)
{
    auto call = std::make_unique<Call>();
    call->row = std::move(row);
    call->phase = CallPhase::Ringing;
    call->claimed = true;
    call->callerDevice = call->row.callerDevice;
    Call &ringing = *call;
    m_byChannel[ringing.row.channelId] = &ringing;
    m_activeOf[ringing.row.caller] = &ringing;
    m_activeOf[ringing.row.callee] = &ringing;
    m_calls.emplace(ringing.row.cid, std::move(call));
    const std::int64_t rang = m_context.now() - ringing.row.createdAt;
    startRinging(ringing, std::int64_t(m_context.config.ringTimeoutSeconds) * 1000 - rang);
    qCInfo(lcCall) << "call" << ringing.row.cid.c_str() << "rings on after its node's end";
    if (!m_context.sessions.hasDevice(ringing.row.caller, ringing.callerDevice))
        awaitReturn(ringing, ringing.row.caller, ringing.callerDevice);
}

void CallManager::resumeParty(Call &call, const std::string &account, const std::string &deviceId)
{
    const std::int64_t now = m_context.now();
    if (m_claims && rejoinIfOnline(call, account, deviceId, now))
        return;
    awaitReturn(call, account, deviceId);
    if (!m_claims)
        return;
    // A node that has just started learns the other nodes' devices with their first beats: a
    // party that stayed online on another node is in the call since it was resumed.
    m_context.clock.startTimer(kDirectoryFillMs, [this, cid = call.row.cid, account, deviceId,
                                                  now] {
        Call *resumed = find(cid);
        if (resumed && resumed->phase == CallPhase::Answered && !isBackInCall(*resumed, account))
            rejoinIfOnline(*resumed, account, deviceId, now);
    });
}

bool CallManager::rejoinIfOnline(Call &call, const std::string &account,
                                 const std::string &deviceId, std::int64_t since)
{
    if (!m_context.sessions.hasDevice(account, deviceId))
        return false;
    Member &member = call.members[account];
    if (member.uid == 0)
        member.uid = static_cast<std::int64_t>(call.members.size());
    member.joinedAt = since;
    member.stays.push_back({account, member.uid, since, std::nullopt});
    m_store.joinRoom(call.row.cid, account, member.uid, since);
    return true;
}

void CallManager::onRecordGraceOver(Call &call)
{
    // In a cluster the caller may have sent its record through another node than the owner.
    if (m_claims) {
        if (const auto row = m_store.byChannel(call.row.channelId); row && row->recordMsgid) {
            apply(call, CallTrigger::CallerRecorded);
            return;
        }
    }
    apply(call, CallTrigger::RecordGraceExpired);
}

}  // namespace softphone::server
