#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace softphone::call {

enum class CallState {
    Idle,
    Outgoing,    // we invited; the callee's devices ring ("Calling…")
    Incoming,    // we are being rung
    Connecting,  // answered; joining the room and connecting media
    InCall,      // both in the room, media flowing
    Ended,       // over, with a reason; shown briefly, then back to Idle
};

enum class CallEvent {
    Dial,               // the user places a call
    InviteFailed,       // the server refused the invite (or it could not be sent)
    RemoteAccepted,     // callAccepted
    RemoteRejected,     // callRejected
    RemoteBusy,         // the callee is busy
    RingTimeout,        // our ring timer, or the server's ring expiry
    Cancel,             // the user cancels before an answer
    IncomingInvite,     // beCalling
    Accept,             // the user accepts
    Reject,             // the user declines
    RemoteCanceled,     // the caller gave up (canceled or timed out) while we rang
    AnsweredElsewhere,  // callerAckSync, accepted on another of our devices
    DeclinedElsewhere,  // callerAckSync, declined on another of our devices
    MediaConnected,     // both in the room and media flows
    Hangup,             // the user hangs up
    RemoteHangup,       // the other side hung up (this call's cid)
    ConnectionFailed,   // media or the connection to the server failed for good
    Dismiss,            // the ended call has been shown; back to idle
    Glare,              // while our invite is on its way, the same peer's call rings here
};

enum class EndReason {
    None,
    HungUp,             // we hung up
    RemoteHungUp,       // they hung up
    Canceled,           // we canceled our outgoing call
    RemoteDeclined,     // the callee declined
    Declined,           // we declined
    Busy,               // the callee was busy
    NoAnswer,           // nobody answered our call in time
    Missed,             // we did not answer: the caller gave up
    AnsweredElsewhere,  // another of our devices took the call
    DeclinedElsewhere,  // another of our devices declined it
    Failed,             // the invite or the connection failed
};

struct Transition
{
    CallState from;
    CallEvent event;
    CallState to;
    EndReason reason = EndReason::None;  // set when `to` is Ended
};

// Every legal transition; anything not listed is refused.
inline constexpr std::array kTransitions{
    Transition{CallState::Idle, CallEvent::Dial, CallState::Outgoing},
    Transition{CallState::Idle, CallEvent::IncomingInvite, CallState::Incoming},
    Transition{CallState::Outgoing, CallEvent::InviteFailed, CallState::Ended, EndReason::Failed},
    Transition{CallState::Outgoing, CallEvent::RemoteAccepted, CallState::Connecting},
    Transition{CallState::Outgoing, CallEvent::RemoteRejected, CallState::Ended,
               EndReason::RemoteDeclined},
    Transition{CallState::Outgoing, CallEvent::RemoteBusy, CallState::Ended, EndReason::Busy},
    Transition{CallState::Outgoing, CallEvent::RingTimeout, CallState::Ended, EndReason::NoAnswer},
    Transition{CallState::Outgoing, CallEvent::Cancel, CallState::Ended, EndReason::Canceled},
    Transition{CallState::Outgoing, CallEvent::ConnectionFailed, CallState::Ended,
               EndReason::Failed},
    Transition{CallState::Outgoing, CallEvent::Glare, CallState::Connecting},
    Transition{CallState::Incoming, CallEvent::Accept, CallState::Connecting},
    Transition{CallState::Incoming, CallEvent::Reject, CallState::Ended, EndReason::Declined},
    Transition{CallState::Incoming, CallEvent::RemoteCanceled, CallState::Ended, EndReason::Missed},
    Transition{CallState::Incoming, CallEvent::AnsweredElsewhere, CallState::Ended,
               EndReason::AnsweredElsewhere},
    Transition{CallState::Incoming, CallEvent::DeclinedElsewhere, CallState::Ended,
               EndReason::DeclinedElsewhere},
    Transition{CallState::Incoming, CallEvent::ConnectionFailed, CallState::Ended,
               EndReason::Missed},
    Transition{CallState::Connecting, CallEvent::MediaConnected, CallState::InCall},
    Transition{CallState::Connecting, CallEvent::Hangup, CallState::Ended, EndReason::HungUp},
    Transition{CallState::Connecting, CallEvent::RemoteHangup, CallState::Ended,
               EndReason::RemoteHungUp},
    Transition{CallState::Connecting, CallEvent::ConnectionFailed, CallState::Ended,
               EndReason::Failed},
    // Our answer crossed the caller's cancel or another device's answer.
    Transition{CallState::Connecting, CallEvent::RemoteCanceled, CallState::Ended,
               EndReason::Missed},
    Transition{CallState::Connecting, CallEvent::AnsweredElsewhere, CallState::Ended,
               EndReason::AnsweredElsewhere},
    Transition{CallState::Connecting, CallEvent::DeclinedElsewhere, CallState::Ended,
               EndReason::DeclinedElsewhere},
    Transition{CallState::InCall, CallEvent::Hangup, CallState::Ended, EndReason::HungUp},
    Transition{CallState::InCall, CallEvent::RemoteHangup, CallState::Ended,
               EndReason::RemoteHungUp},
    Transition{CallState::InCall, CallEvent::ConnectionFailed, CallState::Ended, EndReason::Failed},
    Transition{CallState::Ended, CallEvent::Dismiss, CallState::Idle},
};

constexpr std::optional<Transition> findTransition(CallState from, CallEvent event)
{
    for (const Transition &transition : kTransitions) {
        if (transition.from == from && transition.event == event)
            return transition;
    }
    return std::nullopt;
}

std::string_view callStateName(CallState state);
std::string_view callEventName(CallEvent event);
std::string_view endReasonName(EndReason reason);

// The state of one call slot. It only moves along kTransitions; illegal events are refused
// and leave it as it was.
class CallStateMachine
{
public:
    CallState state() const { return m_state; }
    EndReason endReason() const { return m_reason; }
    bool isBusy() const { return m_state != CallState::Idle && m_state != CallState::Ended; }

    // Applies the event; returns the transition taken, or nullopt if the event is illegal now.
    std::optional<Transition> handle(CallEvent event);

private:
    CallState m_state = CallState::Idle;
    EndReason m_reason = EndReason::None;
};

}  // namespace softphone::call
