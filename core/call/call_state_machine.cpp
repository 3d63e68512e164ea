#include "call_state_machine.h"

namespace softphone::call {

std::optional<Transition> CallStateMachine::handle(CallEvent event)
{
    const auto transition = findTransition(m_state, event);
    if (!transition)
        return std::nullopt;
    m_state = transition->to;
    m_reason = transition->reason;
    return transition;
}

std::string_view callStateName(CallState state)
{
    switch (state) {
    case CallState::Idle:
        return "idle";
    case CallState::Outgoing:
        return "outgoing";
    case CallState::Incoming:
        return "incoming";
    case CallState::Connecting:
        return "connecting";
    case CallState::InCall:
        return "in-call";
    case CallState::Ended:
        return "ended";
    }
    return "?";
}

std::string_view callEventName(CallEvent event)
{
    switch (event) {
    case CallEvent::Dial:
        return "dial";
    case CallEvent::InviteFailed:
        return "invite-failed";
    case CallEvent::RemoteAccepted:
        return "remote-accepted";
    case CallEvent::RemoteRejected:
        return "remote-rejected";
    case CallEvent::RemoteBusy:
        return "remote-busy";
    case CallEvent::RingTimeout:
        return "ring-timeout";
    case CallEvent::Cancel:
        return "cancel";
    case CallEvent::IncomingInvite:
        return "incoming-invite";
    case CallEvent::Accept:
        return "accept";
    case CallEvent::Reject:
        return "reject";
    case CallEvent::RemoteCanceled:
        return "remote-canceled";
    case CallEvent::AnsweredElsewhere:
        return "answered-elsewhere";
    case CallEvent::DeclinedElsewhere:
        return "declined-elsewhere";
    case CallEvent::MediaConnected:
        return "media-connected";
    case CallEvent::Hangup:
        return "hangup";
    case CallEvent::RemoteHangup:
        return "remote-hangup";
    case CallEvent::ConnectionFailed:
        return "connection-failed";
    case CallEvent::Dismiss:
        return "dismiss";
    case CallEvent::Glare:
        return "glare";
    }
    return "?";
}

std::string_view endReasonName(EndReason reason)
{
    switch (reason) {
    case EndReason::None:
        return "none";
    case EndReason::HungUp:
        return "hung-up";
    case EndReason::RemoteHungUp:
        return "remote-hung-up";
    case EndReason::Canceled:
        return "canceled";
    case EndReason::RemoteDeclined:
        return "remote-declined";
    case EndReason::Declined:
        return "declined";
    case EndReason::Busy:
        return "busy";
    case EndReason::NoAnswer:
        return "no-answer";
    case EndReason::Missed:
        return "missed";
    case EndReason::AnsweredElsewhere:
        return "answered-elsewhere";
    case EndReason::DeclinedElsewhere:
        return "declined-elsewhere";
    case EndReason::Failed:
        return "failed";
    }
    return "?";
}

}  // namespace softphone::call
