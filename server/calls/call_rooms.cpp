// CallManager: the room of an answered call, who is in it and for how long, and the
// WebRTC signalling relayed between its two devices.

#include "calls/call_manager.h"
#include "net/session_registry.h"
#include "protocol/call_rules.h"
#include "storage/call_store.h"

namespace softphone::server {

using protocol::ErrorCode;
using protocol::roundedSeconds;

// ---- who is in the call, and the room ------------------------------------------------

bool CallManager::isInCallDevice(const Call &call, const CallDevice &device) const
{
    if (call.phase != CallPhase::Answered)
        return false;
    return (device.account == call.row.caller && device.deviceId == call.callerDevice) ||
           (device.account == call.row.callee && device.deviceId == call.calleeDevice);
}

void CallManager::sendToOtherInCall(const Call &call, const CallDevice &device,
                                    const std::string &text) const
{
    if (device.account == call.row.caller)
        sendToDevice(call.row.callee, call.calleeDevice, text);
    else
        sendToDevice(call.row.caller, call.callerDevice, text);
}

void CallManager::joinRoom(ClientConnection &client, const protocol::RoomJoin &params,
                           Responder reply)
{
    if (!forwarded(client, params.cid, params, reply))
        joinRoom(deviceOf(client), params, std::move(reply));
}

void CallManager::joinRoom(const CallDevice &client, const protocol::RoomJoin &params,
                           Responder reply)
{
    Call *call = participantCall(client, params.cid, reply);
    if (!call)
        return;
    if (!isInCallDevice(*call, client)) {
        const bool ringing = call->phase == CallPhase::Ringing;
        reply.error(ringing ? ErrorCode::CallStateConflict : ErrorCode::NotParticipant,
                    ringing ? "the call has not been answered"
                            : "this device is not the one in the call");
        return;
    }
    Member &me = call->members[client.account];
    if (me.uid == 0)
        me.uid = static_cast<std::int64_t>(call->members.size());
    me.mode = params.mode;
    const std::int64_t now = m_context.now();
    const bool rejoin = me.joinedAt != 0;
    if (!rejoin) {
        me.joinedAt = now;
        me.stays.push_back({client.account, me.uid, now, std::nullopt});
        m_store.joinRoom(call->row.cid, client.account, me.uid, now);
    }
    reply.result(protocol::RoomJoinResult{me.uid, client.account, call->row.cid});

    protocol::RoomSyncDone done{200, "", call->row.cid, {}};
    for (const auto &[account, member] : call->members) {
        if (account != client.account && member.joinedAt != 0)
            done.userlist.push_back({account, member.uid, member.mode});
    }
    sendToDevice(client.account, client.deviceId, protocol::encodeEvent(done));
    if (!rejoin && !done.userlist.empty()) {  // only members already in hear of the join
        sendToOtherInCall(*call, client,
                          protocol::encodeEvent(protocol::RoomClientJoin{
                              client.account, call->row.cid, me.mode, me.uid}));
    }
}

void CallManager::leaveRoom(ClientConnection &client, const protocol::RoomLeave &params,
                            Responder reply)
{
    if (!forwarded(client, params.cid, params, reply))
        leaveRoom(deviceOf(client), params, std::move(reply));
}

void CallManager::leaveRoom(const CallDevice &client, const protocol::RoomLeave &params,
                            Responder reply)
{
    Call *call = participantCall(client, params.cid, reply);
    if (!call)
        return;
    if (!isInCallDevice(*call, client)) {
        reply.error(ErrorCode::NotParticipant, "this device is not the one in the call");
        return;
    }
    reply.result(protocol::Empty{});
    leave(*call, client.account);
}

void CallManager::leave(Call &call, const std::string &account)
{
    const std::int64_t now = m_context.now();
    if (stepOut(call, account, now))
        m_store.leaveRoom(call.row.cid, account, now);
}

void CallManager::closeRoom(Call &call)
{
    const std::int64_t now = m_context.now();
    const bool callerWasIn = stepOut(call, call.row.caller, now);
    const bool calleeWasIn = stepOut(call, call.row.callee, now);
    if (callerWasIn || calleeWasIn)
        m_store.closeRoom(call.row.cid, now);  // both stays in one write
}

// Ends the account's stay, if it is in the room, and tells the other party if it still is.
// True if it was in: the end of its stay is then the caller's to write.
bool CallManager::stepOut(Call &call, const std::string &account, std::int64_t now)
{
    auto it = call.members.find(account);
    if (it == call.members.end() || it->second.joinedAt == 0)
        return false;
    Member &member = it->second;
    member.totalMs += now - member.joinedAt;
    member.joinedAt = 0;
    member.stays.back().leaveTime = now;
    const bool isCaller = account == call.row.caller;
    const auto other = call.members.find(isCaller ? call.row.callee : call.row.caller);
    if (other != call.members.end() && other->second.joinedAt != 0) {
        sendToDevice(
            isCaller ? call.row.callee : call.row.caller,
            isCaller ? call.calleeDevice : call.callerDevice,
            protocol::encodeEvent(protocol::RoomClientLeave{account, member.uid, call.row.cid}));
    }
    return true;
}

void CallManager::relaySdp(ClientConnection &client, const protocol::RtcSdp &params,
                           Responder reply)
{
    if (!forwarded(client, params.cid, params, reply))
        relaySdp(deviceOf(client), params, std::move(reply));
}

void CallManager::relaySdp(const CallDevice &client, const protocol::RtcSdp &params,
                           Responder reply)
{
    if (const Call *call = relayCall(client, params.cid, reply)) {
        reply.result(protocol::Empty{});
        sendToOtherInCall(*call, client,
                          protocol::encodeEvent(protocol::RtcSdpEvent{params.cid, client.account,
                                                                      params.sdpType, params.sdp}));
    }
}

void CallManager::relayIce(ClientConnection &client, const protocol::RtcIce &params,
                           Responder reply)
{
    if (!forwarded(client, params.cid, params, reply))
        relayIce(deviceOf(client), params, std::move(reply));
}

void CallManager::relayIce(const CallDevice &client, const protocol::RtcIce &params,
                           Responder reply)
{
    if (const Call *call = relayCall(client, params.cid, reply)) {
        reply.result(protocol::Empty{});
        sendToOtherInCall(*call, client,
                          protocol::encodeEvent(
                              protocol::RtcIceEvent{params.cid, client.account, params.candidate,
                                                    params.sdpMLineIndex, params.sdpMid}));
    }
}

const CallManager::Call *CallManager::relayCall(const CallDevice &client, const std::string &cid,
                                                Responder &reply)
{
    Call *call = participantCall(client, cid, reply);
    if (!call)
        return nullptr;
    if (call->phase == CallPhase::Ringing) {
        reply.error(ErrorCode::CallStateConflict, "the call has not been answered");
        return nullptr;
    }
    if (!isInCallDevice(*call, client)) {
        reply.error(ErrorCode::NotParticipant, "only the two devices in the call signal media");
        return nullptr;
    }
    const bool isCaller = client.account == call->row.caller;
    if (!m_context.sessions.hasDevice(isCaller ? call->row.callee : call->row.caller,
                                      isCaller ? call->calleeDevice : call->callerDevice)) {
        reply.error(ErrorCode::CallStateConflict, "the other device is reconnecting; retry");
        return nullptr;
    }
    return call;
}

bool CallManager::isBackInCall(const Call &call, const std::string &account) const
{
    const auto it = call.members.find(account);
    return it != call.members.end() && it->second.joinedAt != 0;
}

std::vector<protocol::CallDuration> CallManager::durationsOf(const Call &call) const
{
    std::vector<protocol::CallDuration> durations;
    for (const std::string *account : {&call.row.caller, &call.row.callee}) {
        auto it = call.members.find(*account);
        const std::int64_t ms = it == call.members.end() ? 0 : it->second.totalMs;
        durations.push_back({*account, roundedSeconds(ms)});
    }
    return durations;
}

RoomReport CallManager::reportOf(const Call &call) const
{
    RoomReport report{call.row.channelId, call.row.cid, call.row.type, call.row.createdAt, {}};
    for (const auto &[account, member] : call.members)
        report.stays.insert(report.stays.end(), member.stays.begin(), member.stays.end());
    return report;
}

}  // namespace softphone::server
