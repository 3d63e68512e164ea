#include "calls/call_manager.h"

#include "logging.h"
#include "net/session_registry.h"
#include "protocol/call_rules.h"
#include "server_config.h"
#include "services/message_service.h"
#include "storage/account_store.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

namespace softphone::server {

using protocol::CallStatus;
using protocol::CancelReason;
using protocol::ErrorCode;
using protocol::roundedSeconds;
using protocol::statusName;

namespace {

// 128 random bits in hex. The cid grants nothing by itself (every request checks that the
// account is a party to the call), so the fast, securely seeded global generator is enough.
std::string newCallId()
{
    quint64 bits[2];
    QRandomGenerator::global()->fillRange(bits);
    return QByteArray(reinterpret_cast<const char *>(bits), sizeof bits).toHex().toStdString();
}

}  // namespace

CallManager::CallManager(ServerContext &context, CallStore &store, MessageService &messages,
                         QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_store(store)
    , m_messages(messages)
{}

CallManager::~CallManager()
{
    m_context.clock.cancelTimer(m_heartbeat);
    for (const auto &[cid, call] : m_calls)
        m_context.clock.cancelTimer(call->ringTimer);
}

void CallManager::keepAlive()
{
    const bool answered = std::any_of(m_calls.begin(), m_calls.end(), [](const auto &entry) {
        return entry.second->phase == CallPhase::Answered;
    });
    if (answered)
        m_store.markAlive(m_context.now());
    m_heartbeat = m_context.clock.startTimer(500, [this] { keepAlive(); });
}

// ---- lookups -------------------------------------------------------------------------

CallManager::Call *CallManager::find(const std::string &cid)
{
    auto it = m_calls.find(cid);
    return it == m_calls.end() ? nullptr : it->second.get();
}

CallManager::Call *CallManager::participantCall(ClientConnection &client, const std::string &cid,
                                                Responder &reply)
{
    Call *call = find(cid);
    if (!call || call->phase == CallPhase::AwaitingRecord) {
        reply.error(ErrorCode::NoSuchCall, "no live call \"" + cid + "\"");
        return nullptr;
    }
    if (client.account() != call->row.caller && client.account() != call->row.callee) {
        reply.error(ErrorCode::NotParticipant, "call \"" + cid + "\" is not yours");
        return nullptr;
    }
    return call;
}

CallManager::Call *CallManager::ringingCall(ClientConnection &client, const std::string &cid,
                                            Role role, Responder &reply)
{
    Call *call = participantCall(client, cid, reply);
    if (!call)
        return nullptr;
    const bool caller = role == Role::Caller;
    if (client.account() != (caller ? call->row.caller : call->row.callee)) {
        reply.error(ErrorCode::NotParticipant,
                    caller ? "only the caller cancels a call" : "only the callee answers a call");
        return nullptr;
    }
    if (call->phase != CallPhase::Ringing) {
        reply.error(ErrorCode::CallStateConflict,
                    caller ? "the call has been answered; hang up instead"
                           : "the call was answered on another device");
        return nullptr;
    }
    return call;
}

bool CallManager::isInCallDevice(const Call &call, const ClientConnection &client) const
{
    if (call.phase != CallPhase::Answered)
        return false;
    return (client.account() == call.row.caller && client.deviceId() == call.callerDevice) ||
           (client.account() == call.row.callee && client.deviceId() == call.calleeDevice);
}

ClientConnection *CallManager::otherInCallDevice(const Call &call,
                                                 const ClientConnection &client) const
{
    if (client.account() == call.row.caller)
        return m_context.sessions.device(call.row.callee, call.calleeDevice);
    return m_context.sessions.device(call.row.caller, call.callerDevice);
}

void CallManager::sendToDevice(const std::string &account, const std::string &deviceId,
                               const std::string &text) const
{
    if (ClientConnection *device = m_context.sessions.device(account, deviceId))
        device->send(text);
}

// ---- invite, answer, decline, cancel ---------------------------------------------------

bool CallManager::takeInvite(const std::string &caller)
{
    const ServerConfig &config = m_context.config;
    if (config.invitesPerMinute <= 0)
        return true;
    if (m_invites.size() > 10'000)
        std::erase_if(m_invites, [](auto &entry) { return entry.second.isFull(); });
    auto it = m_invites.find(caller);
    if (it == m_invites.end()) {
        it = m_invites
                 .emplace(caller, TokenBucket(config.invitesPerMinute / 60.0, config.inviteBurst))
                 .first;
    }
    return it->second.take();
}

void CallManager::invite(ClientConnection &client, const protocol::CallInvite &params,
                         Responder reply)
{
    const std::string &caller = client.account();
    if (params.callee == caller) {
        reply.error(ErrorCode::CalleeIsSelf, "you cannot call your own account");
        return;
    }
    if (m_stopping) {
        reply.error(ErrorCode::Unavailable, "the server is shutting down");
        return;
    }
    if (!takeInvite(caller)) {
        // Without this, an invite/cancel loop rings someone's every device many times a second.
        reply.error(ErrorCode::RateLimited, "too many calls placed in a short time; wait a little");
        return;
    }
    const auto calleeName = m_context.accounts.name(params.callee);
    if (!calleeName) {
        reply.error(ErrorCode::NoSuchAccount, "no account \"" + params.callee + "\"");
        return;
    }
    if (m_activeOf.contains(caller)) {
        reply.error(ErrorCode::CallerBusy, "you are already in, placing or receiving a call");
        return;
    }

    auto call = std::make_unique<Call>();
    call->row.cid = newCallId();
    call->row.channelId = m_store.nextChannelId();
    call->row.caller = caller;
    call->row.callee = params.callee;
    call->row.type = params.type;
    call->row.createdAt = m_context.now();
    call->forceKeepCalling = params.forceKeepCalling;
    call->callerDevice = client.deviceId();
    call->row.callerDevice = client.deviceId();
    const bool calleeBusy = m_activeOf.contains(params.callee);
    if (calleeBusy) {  // stored as ended at once: one write for a busy invite
        call->row.endedAt = call->row.createdAt;
        call->row.endStatus = CallStatus::Busy;
    }
    if (!m_store.insert(call->row)) {
        reply.error(ErrorCode::Internal, "the call could not be stored; try again");
        return;
    }
    ++m_counters.invites;
    Call &placed = *call;
    m_byChannel[placed.row.channelId] = &placed;
    m_calls.emplace(placed.row.cid, std::move(call));
    reply.result(protocol::CallInviteResult{placed.row.cid, placed.row.channelId});
    qCDebug(lcCall) << "invite" << placed.row.cid.c_str() << caller.c_str() << "->"
                    << params.callee.c_str() << (calleeBusy ? "(busy)" : "");

    if (calleeBusy) {
        apply(placed, CallTrigger::CalleeBusy, {&client, caller});
        return;
    }
    m_activeOf[caller] = &placed;
    m_activeOf[params.callee] = &placed;
    startRinging(placed);
    m_context.sessions.sendToAccount(params.callee,
                                     protocol::encodeEvent(protocol::CallIncoming{
                                         caller, m_context.accounts.name(caller).value_or(""),
                                         params.type, placed.row.cid, placed.row.channelId}));
}

void CallManager::respond(ClientConnection &client, const protocol::CallRespond &params,
                          Responder reply)
{
    Call *call = ringingCall(client, params.cid, Role::Callee, reply);
    if (!call)
        return;
    reply.result(protocol::Empty{});
    const CallTrigger trigger = params.accepted ? CallTrigger::Answer
                                : params.busy   ? CallTrigger::DeclineBusy
                                                : CallTrigger::Decline;
    apply(*call, trigger, {&client, client.account()});
}

void CallManager::cancel(ClientConnection &client, const protocol::CallCancel &params,
                         Responder reply)
{
    Call *call = ringingCall(client, params.cid, Role::Caller, reply);
    if (!call)
        return;
    reply.result(protocol::Empty{});
    apply(*call,
          params.reason == CancelReason::Timeout ? CallTrigger::CancelOnTimeout
                                                 : CallTrigger::Cancel,
          {&client, client.account()});
}

void CallManager::startRinging(Call &call)
{
    call.ringTimer = m_context.clock.startTimer(m_context.config.ringTimeoutSeconds * 1000,
                                                [this, cid = call.row.cid] {
                                                    if (Call *ringing = find(cid)) {
                                                        ringing->ringTimer = 0;
                                                        apply(*ringing, CallTrigger::RingExpired);
                                                    }
                                                });
}

void CallManager::stopRinging(Call &call)
{
    m_context.clock.cancelTimer(call.ringTimer);
    call.ringTimer = 0;
}

// ---- hangup and rooms ----------------------------------------------------------------

void CallManager::hangup(ClientConnection &client, const protocol::CallHangup &params,
                         Responder reply)
{
    Call *call = participantCall(client, params.cid, reply);
    if (!call)
        return;
    if (call->phase == CallPhase::Answered && !isInCallDevice(*call, client)) {
        reply.error(ErrorCode::NotParticipant, "this device is not the one in the call");
        return;
    }
    reply.result(protocol::Empty{});
    // Hanging up a call that still rings: the caller cancels, the callee declines.
    const CallTrigger trigger = call->phase == CallPhase::Answered     ? CallTrigger::Hangup
                                : client.account() == call->row.caller ? CallTrigger::Cancel
                                                                       : CallTrigger::Decline;
    apply(*call, trigger, {&client, client.account()});
}

void CallManager::current(ClientConnection &client, const protocol::CallCurrent &, Responder reply)
{
    auto it = m_activeOf.find(client.account());
    if (it == m_activeOf.end()) {
        reply.result(protocol::CallCurrentResult{});
        return;
    }
    const Call &call = *it->second;
    reply.result(protocol::CallCurrentResult{
        call.row.cid, call.row.channelId, call.row.type, call.row.caller, call.row.callee,
        call.phase == CallPhase::Ringing ? "ringing" : "answered", "call.hangup"});
}

void CallManager::joinRoom(ClientConnection &client, const protocol::RoomJoin &params,
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
    Member &me = call->members[client.account()];
    if (me.uid == 0)
        me.uid = static_cast<std::int64_t>(call->members.size());
    me.mode = params.mode;
    const std::int64_t now = m_context.now();
    const bool rejoin = me.joinedAt != 0;
    if (!rejoin) {
        me.joinedAt = now;
        me.stays.push_back({client.account(), me.uid, now, std::nullopt});
        m_store.joinRoom(call->row.cid, client.account(), me.uid, now);
    }
    reply.result(protocol::RoomJoinResult{me.uid, client.account(), call->row.cid});

    protocol::RoomSyncDone done{200, "", call->row.cid, {}};
    for (const auto &[account, member] : call->members) {
        if (account != client.account() && member.joinedAt != 0)
            done.userlist.push_back({account, member.uid, member.mode});
    }
    client.send(protocol::encodeEvent(done));
    if (!rejoin && !done.userlist.empty()) {  // only members already in hear of the join
        if (ClientConnection *other = otherInCallDevice(*call, client))
            other->send(protocol::encodeEvent(
                protocol::RoomClientJoin{client.account(), call->row.cid, me.mode, me.uid}));
    }
}

void CallManager::leaveRoom(ClientConnection &client, const protocol::RoomLeave &params,
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
    leave(*call, client.account());
}

void CallManager::leave(Call &call, const std::string &account)
{
    auto it = call.members.find(account);
    if (it == call.members.end() || it->second.joinedAt == 0)
        return;
    Member &member = it->second;
    const std::int64_t now = m_context.now();
    member.totalMs += now - member.joinedAt;
    member.joinedAt = 0;
    member.stays.back().leaveTime = now;
    m_store.leaveRoom(call.row.cid, account, now);
    const bool isCaller = account == call.row.caller;
    const auto other = call.members.find(isCaller ? call.row.callee : call.row.caller);
    if (other == call.members.end() || other->second.joinedAt == 0)
        return;  // nobody left in the room to tell
    sendToDevice(
        isCaller ? call.row.callee : call.row.caller,
        isCaller ? call.calleeDevice : call.callerDevice,
        protocol::encodeEvent(protocol::RoomClientLeave{account, member.uid, call.row.cid}));
}

void CallManager::relaySdp(ClientConnection &client, const protocol::RtcSdp &params,
                           Responder reply)
{
    if (ClientConnection *other = relayTarget(client, params.cid, reply)) {
        reply.result(protocol::Empty{});
        other->send(protocol::encodeEvent(
            protocol::RtcSdpEvent{params.cid, client.account(), params.sdpType, params.sdp}));
    }
}

void CallManager::relayIce(ClientConnection &client, const protocol::RtcIce &params,
                           Responder reply)
{
    if (ClientConnection *other = relayTarget(client, params.cid, reply)) {
        reply.result(protocol::Empty{});
        other->send(protocol::encodeEvent(protocol::RtcIceEvent{
            params.cid, client.account(), params.candidate, params.sdpMLineIndex, params.sdpMid}));
    }
}

ClientConnection *CallManager::relayTarget(ClientConnection &client, const std::string &cid,
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
    ClientConnection *other = otherInCallDevice(*call, client);
    if (!other)
        reply.error(ErrorCode::CallStateConflict, "the other device is reconnecting; retry");
    return other;
}

// ---- ending ---------------------------------------------------------------------------

bool CallManager::apply(Call &call, CallTrigger trigger)
{
    return apply(call, trigger, Actor{});
}

bool CallManager::apply(Call &call, CallTrigger trigger, const Actor &actor)
{
    const auto transition = findCallTransition(call.phase, trigger);
    if (!transition) {
        qCWarning(lcCall) << "call" << call.row.cid.c_str() << "ignores"
                          << callTriggerName(trigger).data() << "while"
                          << callPhaseName(call.phase).data();
        return false;
    }
    qCDebug(lcCall) << "call" << call.row.cid.c_str() << callPhaseName(call.phase).data() << "--"
                    << callTriggerName(trigger).data() << "->"
                    << callPhaseName(transition->to).data();
    const std::uint32_t actions = transition->actions;
    // The writes first; what is told of them leaves once they are committed (OutputGate).
    if (actions & StopRinging)
        stopRinging(call);
    if (transition->to == CallPhase::Answered)
        markAnswered(call, *actor.device);
    if (actions & CloseRoom) {
        for (const std::string *account : {&call.row.caller, &call.row.callee})
            leave(call, *account);
    }
    if (transition->status)
        markEnded(call, *transition->status);
    tell(call, actions, actor);
    call.phase = transition->to;
    if (actions & ReportRoom)
        emit roomEnded(reportOf(call));
    if ((actions & RecordNow) && m_context.config.callRecords)
        recordNow(call);
    if ((actions & AwaitCallerRecord) && !m_context.config.callRecords)
        call.phase = CallPhase::Closed;  // nobody records: nothing to wait for
    else if (actions & AwaitCallerRecord)
        awaitCallerRecord(call);
    if (call.phase == CallPhase::Closed)
        forget(call);
    return true;
}

void CallManager::markAnswered(Call &call, const ClientConnection &callee)
{
    call.calleeDevice = callee.deviceId();
    call.calleeClientType = callee.clientType();
    call.row.answeredAt = m_context.now();
    call.row.calleeDevice = callee.deviceId();
    m_store.markAnswered(call.row.cid, *call.row.answeredAt, callee.deviceId());
    ++m_counters.answered;
}

void CallManager::markEnded(Call &call, CallStatus status)
{
    if (!call.row.endStatus) {
        call.row.endedAt = m_context.now();
        call.row.endStatus = status;
        m_store.markEnded(call.row.cid, *call.row.endedAt, status);
    }
    ++(status == CallStatus::Completed ? m_counters.completed : m_counters.unanswered);
    release(call);
    qCDebug(lcCall) << "ended" << call.row.cid.c_str() << statusName(status).data();
}

void CallManager::tell(const Call &call, std::uint32_t actions, const Actor &actor) const
{
    const std::string &cid = call.row.cid;
    const auto toCaller = [&](const std::string &text) {
        sendToDevice(call.row.caller, call.callerDevice, text);
    };
    const auto toCalleeOthers = [&](bool answered) {
        m_context.sessions.sendToAccount(
            call.row.callee,
            protocol::encodeEvent(protocol::CallAckSync{m_context.now(), cid, call.row.type,
                                                        answered, actor.device->clientType()}),
            actor.device);
    };
    if (actions & TellCallerAccepted)
        toCaller(protocol::encodeEvent(protocol::CallAccepted{{cid, call.calleeClientType}}));
    if (actions & TellCalleeAnswered)
        toCalleeOthers(true);
    if (actions & TellCallerRejected)
        toCaller(protocol::encodeEvent(protocol::CallRejected{{cid, actor.device->clientType()}}));
    if (actions & TellCallerBusy)
        toCaller(protocol::encodeEvent(protocol::CallBusy{{cid}}));
    if (actions & TellCalleeDeclined)
        toCalleeOthers(false);
    if (actions & TellCallerTimedOut)
        toCaller(protocol::encodeEvent(protocol::CallTimeout{{cid}}));
    if (actions & TellCalleeCanceled) {
        m_context.sessions.sendToAccount(
            call.row.callee, protocol::encodeEvent(protocol::CallCanceled{
                                 cid, protocol::cancelReasonFor(
                                          call.row.endStatus.value_or(CallStatus::Canceled))}));
    }
    if (actions & TellHangup) {
        const std::string text =
            protocol::encodeEvent(protocol::CallHangupEvent{m_context.now(), cid, actor.account});
        for (ClientConnection *device :
             {m_context.sessions.device(call.row.caller, call.callerDevice),
              m_context.sessions.device(call.row.callee, call.calleeDevice)}) {
            if (device && device != actor.device)
                device->send(text);
        }
    }
}

void CallManager::recordNow(const Call &call)
{
    const bool completed = call.row.endStatus == CallStatus::Completed;
    if (completed) {
        ++m_counters.serverRecords;
    } else {
        qCInfo(lcCall) << "the caller sent no record for" << call.row.cid.c_str()
                       << "; the server sends it";
        ++m_counters.fallbackRecords;
    }
    sendServerRecord(call.row, *call.row.endStatus,
                     completed ? durationsOf(call) : std::vector<protocol::CallDuration>{});
}

// Records 2-5 are the caller's to send; the server steps in if they never come.
void CallManager::awaitCallerRecord(const Call &call)
{
    m_context.clock.startTimer(
        m_context.config.recordGraceSeconds * 1000, [this, channelId = call.row.channelId] {
            if (auto it = m_byChannel.find(channelId); it != m_byChannel.end())
                apply(*it->second, CallTrigger::RecordGraceExpired);
        });
}

void CallManager::release(Call &call)
{
    stopRinging(call);
    for (const std::string *account : {&call.row.caller, &call.row.callee}) {
        auto it = m_activeOf.find(*account);
        if (it != m_activeOf.end() && it->second == &call)
            m_activeOf.erase(it);
    }
}

void CallManager::forget(Call &call)
{
    release(call);
    m_byChannel.erase(call.row.channelId);
    m_calls.erase(call.row.cid);  // destroys `call`
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

void CallManager::sendServerRecord(const StoredCall &row, CallStatus status,
                                   std::vector<protocol::CallDuration> durations, bool recovering)
{
    const protocol::CallRecord record{row.type, row.channelId, status, std::move(durations), {}};
    protocol::Message message{protocol::ConvType::Person,
                              row.caller,
                              row.callee,
                              protocol::MsgType::CallRecord,
                              {},
                              record.serialize(),
                              std::string(protocol::kServerIdPrefix) + "record:" + row.cid,
                              0,
                              0,
                              "server"};
    if (auto stored = m_messages.storeAndDeliver(std::move(message), recovering))
        m_store.markRecord(row.channelId, stored->msgidServer);
}

// ---- records from clients ------------------------------------------------------------

std::optional<Refusal> CallManager::admitClientRecord(const std::string &from,
                                                      const std::string &to,
                                                      const protocol::CallRecord &record)
{
    const std::string channel = "call " + std::to_string(record.channelId);
    if (protocol::recordSender(record.status) == protocol::RecordSender::Server)
        return Refusal{ErrorCode::RecordForbidden, "status 1 records are sent by the server"};
    StoredCall row;
    bool live = false;
    if (auto it = m_byChannel.find(record.channelId); it != m_byChannel.end()) {
        row = it->second->row;
        live = it->second->phase != CallPhase::AwaitingRecord;
    } else if (auto stored = m_store.byChannel(record.channelId)) {
        row = *stored;
        if (row.recordMsgid)
            return Refusal{ErrorCode::RecordDuplicate, channel + " has its record already"};
    } else {
        return Refusal{ErrorCode::NoSuchCall, "no " + channel};
    }
    if (from != row.caller)
        return Refusal{ErrorCode::RecordForbidden,
                       "only the caller of " + channel + " sends its record"};
    if (to != row.callee)
        return Refusal{ErrorCode::RecordMismatch, channel + " was to \"" + row.callee + "\""};
    if (live || !row.endStatus)
        return Refusal{ErrorCode::RecordMismatch, channel + " has not ended"};
    if (row.answeredAt)
        return Refusal{ErrorCode::RecordMismatch, channel + " was answered; the server records it"};
    if (record.type != row.type)
        return Refusal{ErrorCode::RecordMismatch, channel + " was of the other media type"};
    if (record.status != *row.endStatus)
        return Refusal{ErrorCode::RecordMismatch,
                       channel + " ended as " + std::string(statusName(*row.endStatus)) + ", not " +
                           std::string(statusName(record.status))};
    return std::nullopt;
}

void CallManager::recordStored(std::int64_t channelId, std::int64_t msgidServer)
{
    m_store.markRecord(channelId, msgidServer);
    ++m_counters.clientRecords;
    if (auto it = m_byChannel.find(channelId); it != m_byChannel.end())
        apply(*it->second, CallTrigger::CallerRecorded);
}

// ---- devices coming and going ----------------------------------------------------------

void CallManager::deviceOnline(ClientConnection *client, const std::optional<std::string> &heldCall)
{
    auto it = m_activeOf.find(client->account());
    if (it == m_activeOf.end())
        return;
    Call &call = *it->second;
    if (heldCall && *heldCall != call.row.cid && isPartyDevice(call, *client)) {
        qCInfo(lcCall) << "device of" << client->account().c_str() << "came back without call"
                       << call.row.cid.c_str() << "; it ends now";
        apply(call,
              call.phase == CallPhase::Answered ? CallTrigger::PartyLeft
                                                : CallTrigger::CallerForgot,
              {nullptr, client->account()});
        return;
    }
    // A new connection took the place of one still in the room (a restarted client, a
    // half-open socket): that stay is over, and the party is back in the call only once the
    // new connection joins the room.
    if (isInCallDevice(call, *client) && isBackInCall(call, client->account())) {
        leave(call, client->account());
        awaitReturn(call, client->account(), client->deviceId());
    }
    if (call.phase == CallPhase::Ringing && call.row.callee == client->account() &&
        call.forceKeepCalling) {
        client->send(protocol::encodeEvent(protocol::CallIncoming{
            call.row.caller, m_context.accounts.name(call.row.caller).value_or(""), call.row.type,
            call.row.cid, call.row.channelId}));
    }
    // The calling device came back after an answer it may have missed while away.
    if (call.phase == CallPhase::Answered && call.row.caller == client->account() &&
        call.callerDevice == client->deviceId()) {
        client->send(
            protocol::encodeEvent(protocol::CallAccepted{{call.row.cid, call.calleeClientType}}));
    }
}

void CallManager::deviceOffline(ClientConnection *client, Departure departure)
{
    if (!client->isAuthenticated() ||
        m_context.sessions.device(client->account(), client->deviceId()) != client)
        return;  // a newer connection speaks for this device now
    auto it = m_activeOf.find(client->account());
    if (it == m_activeOf.end())
        return;
    Call &call = *it->second;
    const std::string account = client->account();
    const std::string deviceId = client->deviceId();
    const bool callingDevice = call.phase == CallPhase::Ringing && account == call.row.caller &&
                               deviceId == call.callerDevice;
    const bool inCall = isInCallDevice(call, *client);
    if (!callingDevice && !inCall)
        return;
    if (departure == Departure::LoggedOut) {
        apply(call, callingDevice ? CallTrigger::CallerLeft : CallTrigger::PartyLeft,
              {client, account});
        return;
    }
    if (inCall)
        leave(call, account);
    qCInfo(lcCall) << "device of" << account.c_str() << "left call" << call.row.cid.c_str()
                   << "; waiting for it to come back";
    awaitReturn(call, account, deviceId);
}

void CallManager::awaitReturn(const Call &call, const std::string &account,
                              const std::string &deviceId)
{
    m_context.clock.startTimer(m_context.config.reconnectGraceSeconds * 1000,
                               [this, cid = call.row.cid, account, deviceId] {
                                   onReturnGraceOver(cid, account, deviceId);
                               });
}

void CallManager::onReturnGraceOver(const std::string &cid, const std::string &account,
                                    const std::string &deviceId)
{
    Call *call = find(cid);
    if (!call)
        return;
    // A calling device is back with its call when it is online again; a party of an answered
    // call only once it is in the room again (its client rejoins at once).
    if (call->phase == CallPhase::Ringing && account == call->row.caller &&
        !m_context.sessions.device(account, deviceId))
        apply(*call, CallTrigger::CallerLeft, {nullptr, account});
    else if (call->phase == CallPhase::Answered && !isBackInCall(*call, account))
        apply(*call, CallTrigger::PartyLeft, {nullptr, account});
}

bool CallManager::isBackInCall(const Call &call, const std::string &account) const
{
    const auto it = call.members.find(account);
    return it != call.members.end() && it->second.joinedAt != 0;
}

bool CallManager::isPartyDevice(const Call &call, const ClientConnection &client) const
{
    if (call.phase == CallPhase::Ringing)
        return client.account() == call.row.caller && client.deviceId() == call.callerDevice;
    return isInCallDevice(call, client);
}

// ---- start and stop --------------------------------------------------------------------

void CallManager::recover()
{
    const std::int64_t now = m_context.now();
    // The server was surely alive until its last sign of life; what happened after that,
    // up to the crash, is not known, and it is not counted as talk.
    const std::int64_t lastAlive = std::min(m_store.lastAlive().value_or(now), now);
    for (StoredCall &row : m_store.unfinished()) {
        const bool live = !row.endedAt && row.answeredAt;
        if (live && !row.callerDevice.empty() && !row.calleeDevice.empty()) {
            resume(std::move(row), lastAlive);
            continue;
        }
        recordTheEnd(row, lastAlive);
    }
    keepAlive();
}

// An answered call carries on: media flows between the peers without the server. Each party
// has the reconnect grace to come back into it; the stays open at the crash end at the
// server's last sign of life.
void CallManager::resume(StoredCall row, std::int64_t lastAlive)
{
    auto call = std::make_unique<Call>();
    call->row = std::move(row);
    call->phase = CallPhase::Answered;
    call->callerDevice = call->row.callerDevice;
    call->calleeDevice = call->row.calleeDevice;
    for (RoomStay stay : m_store.stays(call->row.cid)) {
        if (!stay.leaveTime) {
            stay.leaveTime = std::max(lastAlive, stay.joinTime);
            m_store.leaveRoom(call->row.cid, stay.accid, *stay.leaveTime);
        }
        Member &member = call->members[stay.accid];
        member.uid = stay.uid;
        member.totalMs += *stay.leaveTime - stay.joinTime;
        member.stays.push_back(std::move(stay));
    }
    Call &resumed = *call;
    m_byChannel[resumed.row.channelId] = &resumed;
    m_activeOf[resumed.row.caller] = &resumed;
    m_activeOf[resumed.row.callee] = &resumed;
    m_calls.emplace(resumed.row.cid, std::move(call));
    qCInfo(lcCall) << "call" << resumed.row.cid.c_str() << "resumes after the restart";
    awaitReturn(resumed, resumed.row.caller, resumed.callerDevice);
    awaitReturn(resumed, resumed.row.callee, resumed.calleeDevice);
}

void CallManager::recordTheEnd(StoredCall &row, std::int64_t lastAlive)
{
    if (!row.endedAt) {
        row.endStatus = row.answeredAt ? CallStatus::Completed : CallStatus::Canceled;
        m_store.markEnded(row.cid,
                          row.answeredAt ? std::max(lastAlive, *row.answeredAt) : m_context.now(),
                          *row.endStatus);
        if (row.answeredAt) {
            std::map<std::string, std::int64_t> ms;
            for (const RoomStay &stay : m_store.stays(row.cid)) {
                const std::int64_t end =
                    stay.leaveTime.value_or(std::max(lastAlive, stay.joinTime));
                if (!stay.leaveTime)
                    m_store.leaveRoom(row.cid, stay.accid, end);
                ms[stay.accid] += end - stay.joinTime;
            }
            if (m_context.config.callRecords) {
                sendServerRecord(row, CallStatus::Completed,
                                 {{row.caller, roundedSeconds(ms[row.caller])},
                                  {row.callee, roundedSeconds(ms[row.callee])}},
                                 true);
            }
            return;
        }
    }
    if (m_context.config.callRecords && row.endStatus) {
        qCInfo(lcCall) << "recovering the record of" << row.cid.c_str();
        sendServerRecord(row, *row.endStatus, {}, true);
    }
}

void CallManager::shutdown()
{
    m_stopping = true;
    m_context.clock.cancelTimer(m_heartbeat);
    std::vector<std::string> live;
    for (const auto &[cid, call] : m_calls)
        live.push_back(cid);
    for (const std::string &cid : live) {
        if (Call *call = find(cid))
            apply(*call, CallTrigger::Shutdown, {nullptr, call->row.caller});
    }
}

}  // namespace softphone::server
