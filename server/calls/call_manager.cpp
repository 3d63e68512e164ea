// CallManager: the requests that place, answer, refuse and end a call, and the moves along
// its transition table. Rooms: call_rooms.cpp; records: call_records.cpp; devices that
// come and go: call_devices.cpp.

#include "calls/call_manager.h"

#include "logging.h"
#include "net/session_registry.h"
#include "protocol/call_rules.h"
#include "server_config.h"
#include "storage/account_store.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cstring>

namespace softphone::server {

using protocol::CallStatus;
using protocol::CancelReason;
using protocol::ErrorCode;
using protocol::statusName;

namespace {

// 32 hex digits: the creation time in milliseconds (48 bits), then 80 random bits. Time first
// keeps a new call's rows at the end of the indexes on cid, on pages the calls just before it
// wrote too, rather than on a random page of the file each. The cid grants nothing by itself
// (every request checks that the account is a party to the call), so 80 bits from the fast,
// securely seeded global generator are enough to keep ids apart.
std::string newCallId(std::int64_t nowMs)
{
    unsigned char bytes[16];
    const auto time = static_cast<std::uint64_t>(nowMs);
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<unsigned char>(time >> (8 * (5 - i)));
    quint64 random[2];
    QRandomGenerator::global()->fillRange(random);
    std::memcpy(bytes + 6, random, 10);
    return QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes).toHex().toStdString();
}

}  // namespace

CallManager::CallManager(ServerContext &context, CallStore &store, MessageService &messages,
                         QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_store(store)
    , m_messages(messages)
    , m_invites(context.clock, context.config.invitesPerMinute / 60.0, context.config.inviteBurst)
{}

CallManager::~CallManager()
{
    m_context.clock.cancelTimer(m_heartbeat);
    for (const auto &[cid, call] : m_calls)
        m_context.clock.cancelTimer(call->ringTimer);
}

// ---- lookups -------------------------------------------------------------------------

CallDevice CallManager::deviceOf(const ClientConnection &client)
{
    return {client.account(), client.deviceId(), client.clientType()};
}

CallManager::Call *CallManager::find(const std::string &cid)
{
    auto it = m_calls.find(cid);
    return it == m_calls.end() ? nullptr : it->second.get();
}

CallManager::Call *CallManager::participantCall(const CallDevice &client, const std::string &cid,
                                                Responder &reply)
{
    Call *call = find(cid);
    if (!call || call->phase == CallPhase::AwaitingRecord) {
        reply.error(ErrorCode::NoSuchCall, "no live call \"" + cid + "\"");
        return nullptr;
    }
    if (client.account != call->row.caller && client.account != call->row.callee) {
        reply.error(ErrorCode::NotParticipant, "call \"" + cid + "\" is not yours");
        return nullptr;
    }
    return call;
}

CallManager::Call *CallManager::ringingCall(const CallDevice &client, const std::string &cid,
                                            Role role, Responder &reply)
{
    Call *call = participantCall(client, cid, reply);
    if (!call)
        return nullptr;
    const bool caller = role == Role::Caller;
    if (client.account != (caller ? call->row.caller : call->row.callee)) {
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

void CallManager::sendToDevice(const std::string &account, const std::string &deviceId,
                               const std::string &text) const
{
    m_context.sessions.sendToDevice(account, deviceId, text);
}

// ---- invite, answer, decline, cancel ---------------------------------------------------

bool CallManager::takeInvite(const std::string &caller)
{
    return m_context.config.invitesPerMinute <= 0 || m_invites.bucket(caller).take();
}

void CallManager::invite(ClientConnection &connection, const protocol::CallInvite &params,
                         Responder reply)
{
    const CallDevice client = deviceOf(connection);
    const std::string &caller = client.account;
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
    call->row.cid = newCallId(m_context.now());
    call->row.channelId = m_store.nextChannelId();
    if (call->row.channelId == 0) {
        reply.error(ErrorCode::Internal, "the call could not be stored; try again");
        return;
    }
    call->row.caller = caller;
    call->row.callee = params.callee;
    call->row.type = params.type;
    call->row.createdAt = m_context.now();
    call->forceKeepCalling = params.forceKeepCalling;
    call->callerDevice = client.deviceId;
    call->row.callerDevice = client.deviceId;
    const bool calleeBusy = m_activeOf.contains(params.callee);
    if (!calleeBusy && m_claims) {
        placeClaiming(std::move(call), client, std::move(reply));
        return;
    }
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
    startRinging(placed, std::int64_t(m_context.config.ringTimeoutSeconds) * 1000);
    ring(placed);
}

void CallManager::respond(ClientConnection &client, const protocol::CallRespond &params,
                          Responder reply)
{
    if (!forwarded(client, params.cid, params, reply))
        respond(deviceOf(client), params, std::move(reply));
}

void CallManager::respond(const CallDevice &client, const protocol::CallRespond &params,
                          Responder reply)
{
    Call *call = ringingCall(client, params.cid, Role::Callee, reply);
    if (!call)
        return;
    reply.result(protocol::Empty{});
    const CallTrigger trigger = params.accepted ? CallTrigger::Answer
                                : params.busy   ? CallTrigger::DeclineBusy
                                                : CallTrigger::Decline;
    apply(*call, trigger, {&client, client.account});
}

void CallManager::cancel(ClientConnection &client, const protocol::CallCancel &params,
                         Responder reply)
{
    if (!forwarded(client, params.cid, params, reply))
        cancel(deviceOf(client), params, std::move(reply));
}

void CallManager::cancel(const CallDevice &client, const protocol::CallCancel &params,
                         Responder reply)
{
    Call *call = ringingCall(client, params.cid, Role::Caller, reply);
    if (!call)
        return;
    reply.result(protocol::Empty{});
    apply(*call,
          params.reason == CancelReason::Timeout ? CallTrigger::CancelOnTimeout
                                                 : CallTrigger::Cancel,
          {&client, client.account});
}

void CallManager::startRinging(Call &call, std::int64_t delayMs)
{
    call.ringTimer = m_context.clock.startTimer(int(std::max<std::int64_t>(delayMs, 0)),
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

// ---- hangup, and the live call ---------------------------------------------------------

void CallManager::hangup(ClientConnection &client, const protocol::CallHangup &params,
                         Responder reply)
{
    if (!forwarded(client, params.cid, params, reply))
        hangup(deviceOf(client), params, std::move(reply));
}

void CallManager::hangup(const CallDevice &client, const protocol::CallHangup &params,
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
    const CallTrigger trigger = call->phase == CallPhase::Answered   ? CallTrigger::Hangup
                                : client.account == call->row.caller ? CallTrigger::Cancel
                                                                     : CallTrigger::Decline;
    apply(*call, trigger, {&client, client.account});
}

void CallManager::current(ClientConnection &client, const protocol::CallCurrent &params,
                          Responder reply)
{
    if (m_claims && !m_activeOf.contains(client.account())) {
        if (const auto claim = m_claims->ofAccount(client.account())) {
            if (forwarded(client, claim->cid, params, reply))
                return;
        }
    }
    current(deviceOf(client), params, std::move(reply));
}

void CallManager::current(const CallDevice &client, const protocol::CallCurrent &, Responder reply)
{
    auto it = m_activeOf.find(client.account);
    if (it == m_activeOf.end()) {
        reply.result(protocol::CallCurrentResult{});
        return;
    }
    const Call &call = *it->second;
    reply.result(protocol::CallCurrentResult{
        call.row.cid, call.row.channelId, call.row.type, call.row.caller, call.row.callee,
        call.phase == CallPhase::Ringing ? "ringing" : "answered", "call.hangup"});
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
    const bool recordsNow = (actions & RecordNow) && m_context.config.callRecords;
    // A call that ends and is recorded in one step has its row written once, with both.
    const bool endWithRecord = transition->status && !call.row.endStatus && recordsNow;
    // The writes first; what is told of them leaves once they are committed (OutputGate).
    if (actions & StopRinging)
        stopRinging(call);
    if (transition->to == CallPhase::Answered)
        markAnswered(call, *actor.device);
    if (actions & CloseRoom)
        closeRoom(call);
    if (transition->status)
        markEnded(call, *transition->status, !endWithRecord);
    tell(call, actions, actor);
    call.phase = transition->to;
    if (actions & ReportRoom)
        emit roomEnded(reportOf(call));
    if (recordsNow)
        recordNow(call, !endWithRecord);
    if ((actions & AwaitCallerRecord) && !m_context.config.callRecords)
        call.phase = CallPhase::Closed;  // nobody records: nothing to wait for
    else if (actions & AwaitCallerRecord)
        awaitCallerRecord(call);
    if (call.phase == CallPhase::Closed)
        forget(call);
    return true;
}

void CallManager::markAnswered(Call &call, const CallDevice &callee)
{
    call.calleeDevice = callee.deviceId;
    call.calleeClientType = callee.clientType;
    call.row.answeredAt = m_context.now();
    call.row.calleeDevice = callee.deviceId;
    m_store.markAnswered(call.row.cid, *call.row.answeredAt, callee.deviceId);
    ++m_counters.answered;
}

void CallManager::markEnded(Call &call, CallStatus status, bool write)
{
    if (!call.row.endStatus) {
        call.row.endedAt = m_context.now();
        call.row.endStatus = status;
        if (write)
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
                                                        answered, actor.device->clientType}),
            actor.device->deviceId);
    };
    if (actions & TellCallerAccepted)
        toCaller(protocol::encodeEvent(protocol::CallAccepted{{cid, call.calleeClientType}}));
    if (actions & TellCalleeAnswered)
        toCalleeOthers(true);
    if (actions & TellCallerRejected)
        toCaller(protocol::encodeEvent(protocol::CallRejected{{cid, actor.device->clientType}}));
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
        const auto isActor = [&](const std::string &account, const std::string &deviceId) {
            return actor.device && actor.device->account == account &&
                   actor.device->deviceId == deviceId;
        };
        if (!isActor(call.row.caller, call.callerDevice))
            sendToDevice(call.row.caller, call.callerDevice, text);
        if (!isActor(call.row.callee, call.calleeDevice))
            sendToDevice(call.row.callee, call.calleeDevice, text);
    }
}

void CallManager::release(Call &call)
{
    stopRinging(call);
    releaseClaims(call);
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
