#include "call/call_controller.h"

#include "protocol/call_rules.h"
#include "protocol/error_code.h"

#include <QPointer>

Q_LOGGING_CATEGORY(lcCallController, "softphone.call", QtInfoMsg)

namespace softphone::call {

using protocol::CallStatus;
using protocol::ErrorBody;
using protocol::ErrorCode;

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
    stopJoining();
    for (Clock::TimerId *timer : {&m_ringTimer, &m_lingerTimer, &m_reconnectTimer}) {
        if (*timer)
            m_clock->cancelTimer(*timer);
        *timer = 0;
    }
}

}  // namespace softphone::call
