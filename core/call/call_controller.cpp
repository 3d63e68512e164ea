#include "call/call_controller.h"

#include "protocol/call_rules.h"
#include "protocol/error_code.h"

#include <QPointer>

Q_LOGGING_CATEGORY(lcCallController, "softphone.call", QtInfoMsg)

namespace softphone::call {

using protocol::CallStatus;
using protocol::ErrorBody;
using protocol::ErrorCode;

namespace {

// How long the controller waits for a lost connection to come back during a call: a little
// longer than the server keeps the device's place, which the login result says (20 s by
// default, and assumed when a server does not say).
int reconnectWaitMs(std::int64_t serverGraceSeconds)
{
    constexpr int kDefaultGraceMs = 20000;
    constexpr int kMarginMs = 5000;
    return int(serverGraceSeconds > 0 ? serverGraceSeconds * 1000 : kDefaultGraceMs) + kMarginMs;
}

template<class Event>
std::optional<Event> decodeEvent(const protocol::json &data)
{
    auto event = protocol::fromJson<Event>(data);
    if (!event) {
        qCWarning(lcCallController)
            << "unreadable" << Event::kEvent.data() << "event:" << event.error().message().c_str();
        return std::nullopt;
    }
    return std::move(*event);
}

}  // namespace

CallController::CallController(im::ImClient *im, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_im(im)
    , m_clock(clock)
    , m_records(im)
{
    if (!m_clock) {
        m_ownClock = std::make_unique<SystemClock>();
        m_clock = m_ownClock.get();
    }
    connect(m_im, &im::ImClient::eventReceived, this, &CallController::onEvent);
    connect(m_im, &im::ImClient::messageStored, this, &CallController::onMessageStored);
    connect(m_im, &im::ImClient::loggedIn, this, &CallController::onLoggedIn);
    connect(m_im, &im::ImClient::stateChanged, this, &CallController::onConnectionState);
    if (const auto login = m_im->lastLogin())  // made after the login, as the desktop app does
        onLoggedIn(*login);
}

CallController::~CallController()
{
    clearTimers();
}

template<class Req>
void CallController::requestForCall(const Req &params)
{
    QPointer<CallController> self(this);
    m_im->request(
        std::string(Req::kMethod), protocol::toJson(params), [self](const im::RpcReply &reply) {
            if (self && !reply.ok()) {
                qCInfo(lcCallController)
                    << Req::kMethod.data() << "failed:" << reply.error.message.c_str();
                emit self->failed(reply.error.code, QString::fromStdString(reply.error.message));
            }
        });
}

// ---- the user's actions ------------------------------------------------------------------

bool CallController::call(const QString &callee, protocol::CallType type)
{
    if (state() == CallState::Ended)
        dismiss();
    if (isBusy() || callee.isEmpty())
        return false;
    m_call = CallInfo{};
    m_call.peer = callee;
    m_call.type = type;
    m_call.outgoing = true;
    m_call.startedMs = m_clock->nowMs();
    m_records.beginCall();
    apply(CallEvent::Dial);

    const int attempt = ++m_attempt;
    m_inviteInFlight = true;
    QPointer<CallController> self(this);
    m_im->call(
        protocol::CallInvite{callee.toStdString(), type, true},
        [self, attempt](std::optional<protocol::CallInviteResult> result, const ErrorBody &error) {
            if (self)
                self->onInviteAnswered(attempt, std::move(result), error);
        });
    return true;
}

void CallController::onInviteAnswered(int attempt, std::optional<protocol::CallInviteResult> result,
                                      const ErrorBody &error)
{
    if (attempt != m_attempt) {
        // Superseded (glare): the peer's call was taken instead. Should the server still have
        // made ours, take it back so that it does not ring.
        if (result) {
            qCInfo(lcCallController) << "withdrawing superseded call" << result->cid.c_str();
            m_im->request(std::string(protocol::CallCancel::kMethod),
                          protocol::toJson(
                              protocol::CallCancel{result->cid, protocol::CancelReason::Canceled}),
                          [](const im::RpcReply &) {});
        }
        return;
    }
    m_inviteInFlight = false;
    if (!result) {
        if (state() == CallState::Outgoing) {
            emit failed(error.code, QString::fromStdString(error.message));
            apply(CallEvent::InviteFailed);
        }
        return;
    }
    m_call.cid = QString::fromStdString(result->cid);
    m_call.channelId = result->channelId;
    tellHeldCall();
    if (state() == CallState::Outgoing) {
        m_ringTimer = m_clock->startTimer(m_ringTimeoutMs, [this] { onRingTimeout(); });
        emit ringing();
    } else if (state() == CallState::Ended && endReason() == EndReason::Canceled) {
        // Canceled before the server answered.
        withdraw(protocol::CancelReason::Canceled, EndReason::Canceled);
    }
}

bool CallController::accept()
{
    if (state() != CallState::Incoming)
        return false;
    m_call.answeredMs = m_clock->nowMs();
    apply(CallEvent::Accept);
    answer(true);
    return true;
}

// Requests go out before the transition: a slot of `ended` may dismiss the call.
bool CallController::reject()
{
    if (state() != CallState::Incoming)
        return false;
    answer(false);
    apply(CallEvent::Reject);
    return true;
}

bool CallController::cancel()
{
    if (state() != CallState::Outgoing)
        return false;
    if (!m_inviteInFlight)
        withdraw(protocol::CancelReason::Canceled, EndReason::Canceled);
    apply(CallEvent::Cancel);
    return true;
}

bool CallController::hangup()
{
    switch (state()) {
    case CallState::Outgoing:
        return cancel();
    case CallState::Incoming:
        return reject();
    case CallState::Connecting:
    case CallState::InCall:
        break;
    case CallState::Idle:
    case CallState::Ended:
        return false;
    }
    sendHangup(m_call.cid.toStdString());
    apply(CallEvent::Hangup);
    return true;
}

void CallController::dismiss()
{
    if (state() != CallState::Ended)
        return;
    apply(CallEvent::Dismiss);
}

// ---- media ---------------------------------------------------------------------------------

void CallController::mediaConnected()
{
    if (state() == CallState::Connecting)
        apply(CallEvent::MediaConnected);
}

void CallController::mediaFailed(FailureCause cause, const QString &detail)
{
    if (state() != CallState::Connecting && state() != CallState::InCall)
        return;
    qCWarning(lcCallController) << "media failed:" << failureCauseName(cause) << detail;
    m_call.failure = cause;
    m_call.failureDetail = detail;
    sendHangup(m_call.cid.toStdString());
    apply(CallEvent::ConnectionFailed);
}

void CallController::sendSdp(protocol::SdpType type, const QString &sdp)
{
    if (m_call.cid.isEmpty())
        return;
    requestForCall(protocol::RtcSdp{m_call.cid.toStdString(), type, sdp.toStdString()});
}

void CallController::sendIce(int mlineIndex, const QString &mid, const QString &candidate)
{
    if (m_call.cid.isEmpty())
        return;
    requestForCall(protocol::RtcIce{m_call.cid.toStdString(), candidate.toStdString(), mlineIndex,
                                    mid.toStdString()});
}

// ---- server events -------------------------------------------------------------------------

void CallController::onEvent(const std::string &name, const protocol::json &data)
{
    using namespace protocol;
    if (name == CallIncoming::kEvent) {
        if (auto e = decodeEvent<CallIncoming>(data))
            onIncoming(*e);
    } else if (name == CallAccepted::kEvent) {
        if (auto e = decodeEvent<CallAccepted>(data))
            onAccepted(e->cid);
    } else if (name == CallRejected::kEvent) {
        if (auto e = decodeEvent<CallRejected>(data))
            onCallerOutcome(e->cid, CallEvent::RemoteRejected, CallStatus::Rejected);
    } else if (name == CallBusy::kEvent) {
        if (auto e = decodeEvent<CallBusy>(data))
            onCallerOutcome(e->cid, CallEvent::RemoteBusy, CallStatus::Busy);
    } else if (name == CallTimeout::kEvent) {
        if (auto e = decodeEvent<CallTimeout>(data))
            onCallerOutcome(e->cid, CallEvent::RingTimeout, CallStatus::Timeout);
    } else if (name == CallCanceled::kEvent) {
        if (auto e = decodeEvent<CallCanceled>(data); e && isCurrent(e->cid)) {
            m_records.callerGaveUp(e->reason);
            if (apply(CallEvent::RemoteCanceled))
                emit canceled();
        }
    } else if (name == CallAckSync::kEvent) {
        if (auto e = decodeEvent<CallAckSync>(data))
            onAckSync(*e);
    } else if (name == CallHangupEvent::kEvent) {
        if (auto e = decodeEvent<CallHangupEvent>(data))
            onHangupEvent(*e);
    } else if (name == RoomSyncDone::kEvent) {
        if (auto e = decodeEvent<RoomSyncDone>(data))
            onSyncDone(*e);
    } else if (name == RoomClientJoin::kEvent) {
        if (auto e = decodeEvent<RoomClientJoin>(data);
            e && isCurrent(e->cid) && e->account == m_call.peer.toStdString())
            peerArrived(e->uid);
    } else if (name == RoomClientLeave::kEvent) {
        if (auto e = decodeEvent<RoomClientLeave>(data);
            e && isCurrent(e->cid) && e->account == m_call.peer.toStdString()) {
            m_call.peerInRoom = false;
            emit peerLeft(QString::fromStdString(e->account), e->uid);
        }
    } else if (name == RtcSdpEvent::kEvent) {
        if (auto e = decodeEvent<RtcSdpEvent>(data); e && isCurrent(e->cid))
            emit remoteSdp(e->sdpType, QString::fromStdString(e->sdp));
    } else if (name == RtcIceEvent::kEvent) {
        if (auto e = decodeEvent<RtcIceEvent>(data); e && isCurrent(e->cid))
            emit remoteIce(e->sdpMLineIndex, QString::fromStdString(e->sdpMid),
                           QString::fromStdString(e->candidate));
    }
}

void CallController::onIncoming(const protocol::CallIncoming &event)
{
    const QString cid = QString::fromStdString(event.cid);
    const QString caller = QString::fromStdString(event.caller);
    if (cid == m_call.cid && isBusy())
        return;  // rung again after a reconnect: already ringing
    if (!m_acceptCalls) {
        qCInfo(lcCallController) << "not ringing for" << cid << ": calls are off on this device";
        return;
    }
    if (state() == CallState::Outgoing && m_inviteInFlight && caller == m_call.peer) {
        takeOverGlare(event);
        return;
    }
    if (state() == CallState::Ended)
        dismiss();
    if (isBusy()) {
        qCInfo(lcCallController) << "busy: declining" << cid << "from" << caller;
        m_im->request(std::string(protocol::CallRespond::kMethod),
                      protocol::toJson(protocol::CallRespond{event.cid, false, true}),
                      [](const im::RpcReply &) {});
        m_records.reportBusy(event, m_clock->nowMs());
        emit autoBusy(caller, cid);
        return;
    }
    beginIncoming(event);
    apply(CallEvent::IncomingInvite);
    emit incoming(caller, m_call.peerName, event.type, cid);
}

void CallController::beginIncoming(const protocol::CallIncoming &event)
{
    m_call = CallInfo{};
    m_call.cid = QString::fromStdString(event.cid);
    m_call.channelId = event.channelId;
    m_call.peer = QString::fromStdString(event.caller);
    m_call.peerName = QString::fromStdString(event.callerName);
    m_call.type = event.type;
    m_call.outgoing = false;
    m_call.startedMs = m_clock->nowMs();
    m_records.beginCall();
}

// Both called each other at once. The server lets only one of the two invites through (the
// other gets caller_busy), and the one it let through is the one that rings here: take it,
// and answer it, since both users asked for this conversation.
void CallController::takeOverGlare(const protocol::CallIncoming &event)
{
    qCInfo(lcCallController) << "glare with" << event.caller.c_str() << ": taking call"
                             << event.cid.c_str();
    ++m_attempt;  // our own invite's answer is now stale
    m_inviteInFlight = false;
    clearTimers();
    beginIncoming(event);
    m_call.answeredMs = m_clock->nowMs();
    apply(CallEvent::Glare);
    answer(true);
}

void CallController::onAccepted(const std::string &cid)
{
    if (!isCurrent(cid) || !m_call.outgoing)
        return;
    if (state() == CallState::Outgoing) {
        m_clock->cancelTimer(m_ringTimer);
        m_call.answeredMs = m_clock->nowMs();
        apply(CallEvent::RemoteAccepted);
        emit accepted();
    }
    if (state() == CallState::Connecting && m_call.localUid == 0)
        joinRoom();
}

void CallController::onCallerOutcome(const std::string &cid, CallEvent event, CallStatus status)
{
    if (!isCurrent(cid) || !m_call.outgoing) {
        qCDebug(lcCallController) << "ignoring outcome of call" << cid.c_str();
        return;
    }
    const CallInfo call = m_call;  // a slot of `ended` may dismiss it
    const auto transition = findTransition(state(), event);
    if (!transition || !apply(event))
        return;
    switch (status) {
    case CallStatus::Rejected:
        emit rejected();
        break;
    case CallStatus::Busy:
        emit busy();
        break;
    case CallStatus::Timeout:
        emit timedOut();
        break;
    case CallStatus::Completed:
    case CallStatus::Canceled:
        break;
    }
    sendRecord(call, transition->reason, status);
}

void CallController::onAckSync(const protocol::CallAckSync &event)
{
    if (!isCurrent(event.cid) || m_call.outgoing)
        return;
    if (apply(event.accepted ? CallEvent::AnsweredElsewhere : CallEvent::DeclinedElsewhere))
        emit handledElsewhere(event.accepted);
}

void CallController::onHangupEvent(const protocol::CallHangupEvent &event)
{
    if (!isCurrent(event.cid)) {
        qCInfo(lcCallController) << "ignoring hangup of call" << event.cid.c_str()
                                 << "; the current call is" << m_call.cid;
        return;
    }
    if (apply(CallEvent::RemoteHangup))
        emit remoteHungUp();
}

void CallController::onSyncDone(const protocol::RoomSyncDone &event)
{
    if (!isCurrent(event.cid))
        return;
    for (const protocol::RoomUser &user : event.userlist) {
        if (user.account == m_call.peer.toStdString())
            peerArrived(user.uid);
    }
}

void CallController::onMessageStored(const im::StoredMessage &message)
{
    if (message.message.msgType != protocol::MsgType::CallRecord || !isBusy() ||
        m_call.channelId == 0)
        return;
    auto record = protocol::CallRecord::parse(message.message.attach);
    if (!record || record->channelId != m_call.channelId)
        return;
    if (auto event = eventForRecord(state(), record->status)) {
        qCInfo(lcCallController) << "call" << m_call.cid << "ended while we were away";
        m_records.markRecorded();  // the conversation has its record
        apply(*event);
    }
}

void CallController::onLoggedIn(const protocol::LoginResult &result)
{
    m_records.setServerRecords(result.callRecords);
    m_reconnectGraceSeconds = result.reconnectGraceSeconds;
}

void CallController::onConnectionState(im::ConnectionState connection)
{
    if (!isBusy())
        return;
    if (connection == im::ConnectionState::Online) {
        m_clock->cancelTimer(m_reconnectTimer);
        m_reconnectTimer = 0;
        // A dropped connection left the room; the server kept our place in the call.
        const bool answered = state() == CallState::Connecting || state() == CallState::InCall;
        if (answered && m_call.localUid == 0 && !m_joinInFlight) {
            qCInfo(lcCallController) << "back online: rejoining call" << m_call.cid;
            joinRoom();
        }
        return;
    }
    m_call.localUid = 0;
    if (connection == im::ConnectionState::Offline) {
        apply(CallEvent::ConnectionFailed);
        return;
    }
    if (connection == im::ConnectionState::Waiting && m_reconnectTimer == 0) {
        m_reconnectTimer = m_clock->startTimer(reconnectWaitMs(m_reconnectGraceSeconds), [this] {
            m_reconnectTimer = 0;
            if (m_im->state() != im::ConnectionState::Online)
                apply(CallEvent::ConnectionFailed);
        });
    }
}

// ---- helpers -------------------------------------------------------------------------------

// The device holds a call from its invite's answer, or its own answer, until the call ends.
void CallController::tellHeldCall()
{
    const CallState now = state();
    const bool holds =
        now == CallState::Outgoing || now == CallState::Connecting || now == CallState::InCall;
    m_im->setHeldCall(holds ? m_call.cid : QString());
}

bool CallController::apply(CallEvent event)
{
    const CallState before = state();
    const auto transition = m_machine.handle(event);
    if (!transition) {
        qCDebug(lcCallController) << "event" << callEventName(event).data() << "ignored in state"
                                  << callStateName(before).data();
        return false;
    }
    if (transition->to == CallState::Idle) {
        clearTimers();
        m_call = CallInfo{};
    }
    tellHeldCall();
    emit stateChanged(transition->to);
    if (transition->to == CallState::Ended) {
        m_call.endedMs = m_clock->nowMs();
        clearTimers();
        if (m_endedLingerMs > 0)
            m_lingerTimer = m_clock->startTimer(m_endedLingerMs, [this] {
                m_lingerTimer = 0;
                dismiss();
            });
        const CallInfo endedCall = m_call;  // a slot may dismiss the call and reset m_call
        const bool recorded = m_records.recorded();
        emit ended(transition->reason, endedCall);
        if (!recorded)
            m_records.reportEnd(endedCall, transition->reason);
    }
    return true;
}

bool CallController::isCurrent(const std::string &cid) const
{
    return !m_call.cid.isEmpty() && m_call.cid.toStdString() == cid;
}

void CallController::answer(bool accepted)
{
    QPointer<CallController> self(this);
    const std::string cid = m_call.cid.toStdString();
    m_im->call(protocol::CallRespond{cid, accepted, false},
               [self, cid, accepted](std::optional<protocol::Empty> ok, const ErrorBody &error) {
                   if (!self || !self->isCurrent(cid))
                       return;
                   if (!ok) {
                       emit self->failed(error.code, QString::fromStdString(error.message));
                       if (accepted)
                           self->apply(CallEvent::ConnectionFailed);
                       return;
                   }
                   if (accepted && self->state() == CallState::Connecting)
                       self->joinRoom();
               });
}

void CallController::joinRoom()
{
    QPointer<CallController> self(this);
    const std::string cid = m_call.cid.toStdString();
    m_joinInFlight = true;
    m_im->call(protocol::RoomJoin{cid, 0},
               [self, cid](std::optional<protocol::RoomJoinResult> joined, const ErrorBody &error) {
                   if (!self)
                       return;
                   self->m_joinInFlight = false;
                   if (!self->isCurrent(cid) || !self->isBusy())
                       return;
                   if (!joined) {
                       if (error.code == int(im::LocalError::Disconnected))
                           return;  // rejoined once logged in again
                       emit self->failed(error.code, QString::fromStdString(error.message));
                       self->apply(CallEvent::ConnectionFailed);
                       return;
                   }
                   self->m_call.localUid = joined->uid;
                   emit self->roomJoined(joined->uid);
               });
}

void CallController::peerArrived(qint64 uid)
{
    if (m_call.peerInRoom)
        return;  // told twice: by syncDone and by a clientJoin that crossed our join
    m_call.peerInRoom = true;
    emit peerJoined(m_call.peer, uid);
    if (!m_waitForMedia && state() == CallState::Connecting)
        apply(CallEvent::MediaConnected);
}

void CallController::onRingTimeout()
{
    m_ringTimer = 0;
    if (state() != CallState::Outgoing)
        return;
    withdraw(protocol::CancelReason::Timeout, EndReason::NoAnswer);
    apply(CallEvent::RingTimeout);
    emit timedOut();
}

// Takes back an unanswered outgoing call on the server; the record follows the server's
// confirmation, so that it cannot contradict an answer that crossed our cancel.
void CallController::withdraw(protocol::CancelReason reason, EndReason ending)
{
    QPointer<CallController> self(this);
    const CallInfo call = m_call;
    m_im->call(
        protocol::CallCancel{call.cid.toStdString(), reason},
        [self, call, ending, reason](std::optional<protocol::Empty> ok, const ErrorBody &error) {
            if (!self)
                return;
            if (ok) {
                self->sendRecord(call, ending, protocol::statusFor(reason));
            } else if (error.code == int(ErrorCode::CallStateConflict)) {
                // Answered just as we gave up: end it properly; the server records it.
                self->sendHangup(call.cid.toStdString());
            } else {
                qCInfo(lcCallController)
                    << "cancel of" << call.cid << "failed:" << error.message.c_str();
            }
        });
}

void CallController::sendHangup(const std::string &cid)
{
    requestForCall(protocol::CallHangup{cid});
}

// Once per call while it is the current one; the policy decides what the record is and
// where it goes.
void CallController::sendRecord(const CallInfo &call, EndReason reason, CallStatus status)
{
    m_records.sendRecord(call, call.channelId == m_call.channelId, reason, status);
}

void CallController::clearTimers()
{
    for (Clock::TimerId *timer : {&m_ringTimer, &m_lingerTimer, &m_reconnectTimer}) {
        if (*timer)
            m_clock->cancelTimer(*timer);
        *timer = 0;
    }
}

}  // namespace softphone::call
