#include "call/call_record_policy.h"

#include "protocol/call_rules.h"

namespace softphone::call {

using protocol::CallStatus;

std::optional<CallEvent> eventForRecord(CallState state, CallStatus status)
{
    switch (state) {
    case CallState::Outgoing:
        switch (status) {
        case CallStatus::Canceled:
            return CallEvent::Cancel;
        case CallStatus::Rejected:
            return CallEvent::RemoteRejected;
        case CallStatus::Timeout:
            return CallEvent::RingTimeout;
        case CallStatus::Busy:
            return CallEvent::RemoteBusy;
        case CallStatus::Completed:
            return CallEvent::ConnectionFailed;
        }
        break;
    case CallState::Incoming:
        switch (status) {
        case CallStatus::Completed:
            return CallEvent::AnsweredElsewhere;
        case CallStatus::Canceled:
        case CallStatus::Timeout:
            return CallEvent::RemoteCanceled;
        case CallStatus::Rejected:
        case CallStatus::Busy:
            return CallEvent::DeclinedElsewhere;
        }
        break;
    case CallState::Connecting:
    case CallState::InCall:
        return CallEvent::RemoteHangup;
    case CallState::Idle:
    case CallState::Ended:
        break;
    }
    return std::nullopt;
}

CallRecordPolicy::CallRecordPolicy(im::ImClient *im)
    : m_im(im)
{}

void CallRecordPolicy::beginCall()
{
    m_recorded = false;
    m_missedStatus = CallStatus::Canceled;
}

void CallRecordPolicy::callerGaveUp(protocol::CancelReason reason)
{
    m_missedStatus = protocol::statusFor(reason);
}

// Records 2–5 are the caller's to send, once per call.
void CallRecordPolicy::sendRecord(const CallInfo &call, bool current, EndReason reason,
                                  CallStatus status)
{
    if (call.channelId == 0 || !call.outgoing)
        return;
    if (current) {
        if (m_recorded)
            return;
        m_recorded = true;
    }
    if (!builtInRecords()) {
        if (m_recordHook)
            m_recordHook(EndedCall{call, reason, status});
        return;
    }
    protocol::CallRecord record;
    record.type = call.type;
    record.channelId = call.channelId;
    record.status = status;
    m_im->sendMessage(call.peer, protocol::MsgType::CallRecord, QString(),
                      QString::fromStdString(record.serialize()));
}

// The ends that no record of the caller's stands for: status 1 on both sides, and the
// callee's side of records 2–5. Only the application's own records want them.
void CallRecordPolicy::reportEnd(const CallInfo &call, EndReason reason)
{
    if (builtInRecords() || !m_recordHook || call.channelId == 0)
        return;
    if (const auto status = endStatus(call, reason))
        m_recordHook(EndedCall{call, reason, *status});
}

std::optional<CallStatus> CallRecordPolicy::endStatus(const CallInfo &call, EndReason reason) const
{
    switch (reason) {
    case EndReason::HungUp:
    case EndReason::RemoteHungUp:
    case EndReason::Failed:
        if (call.answeredMs > 0)
            return CallStatus::Completed;
        break;
    case EndReason::Declined:
        return CallStatus::Rejected;
    case EndReason::Missed:
        return m_missedStatus;
    case EndReason::None:
    case EndReason::Canceled:
    case EndReason::RemoteDeclined:
    case EndReason::Busy:
    case EndReason::NoAnswer:
    case EndReason::AnsweredElsewhere:
    case EndReason::DeclinedElsewhere:
        break;  // the caller's hook, or another of our devices, has it
    }
    return std::nullopt;
}

// Answered busy while another call is on: the missed call never became the current one.
void CallRecordPolicy::reportBusy(const protocol::CallIncoming &event, qint64 nowMs)
{
    if (builtInRecords() || !m_recordHook)
        return;
    EndedCall ended;
    ended.info.cid = QString::fromStdString(event.cid);
    ended.info.channelId = event.channelId;
    ended.info.peer = QString::fromStdString(event.caller);
    ended.info.peerName = QString::fromStdString(event.callerName);
    ended.info.type = event.type;
    ended.info.startedMs = ended.info.endedMs = nowMs;
    ended.reason = EndReason::Busy;
    ended.status = CallStatus::Busy;
    m_recordHook(ended);
}

}  // namespace softphone::call
