#pragma once

#include "protocol/call_record.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace softphone::server {

// The server's side of one call, from invite to record. The client has its own table
// (core/call/call_state_machine.h); this one decides what the server tells whom, what it
// writes and who records the call.
enum class CallPhase {
    Ringing,         // invited; the callee's devices ring
    Answered,        // a device of the callee took it; the room is open
    AwaitingRecord,  // over without an answer; the caller's record is due within the grace
    Closed,          // over, and its record is stored
};

enum class CallTrigger {
    Answer,              // call.respond accepted, from a device of the callee
    Decline,             // call.respond declined (or the callee hung up while it rang)
    DeclineBusy,         // call.respond declined because that device is busy
    CalleeBusy,          // at invite: the callee is already in, placing or receiving a call
    Cancel,              // call.cancel (or the caller hung up while it rang)
    CancelOnTimeout,     // call.cancel with reason timeout: the caller's own ring timer
    RingExpired,         // nobody answered within ringTimeoutSeconds
    CallerLeft,          // the calling device logged out, or did not come back in the grace
    CallerForgot,        // the calling device came back without the call: it will not record
    Hangup,              // an in-call device hung up
    PartyLeft,           // an in-call device logged out, did not come back into the room in
                         // the grace, or came back without the call
    CallerRecorded,      // the caller's record was stored
    RecordGraceExpired,  // the caller sent no record within recordGraceSeconds
    Shutdown,            // the server stops
};

// What a transition does, besides changing the phase. Each flag is one duty of CallManager.
enum CallAction : std::uint32_t {
    NoAction = 0,
    TellCallerAccepted = 1u << 0,  // call.accepted to the calling device
    TellCalleeAnswered = 1u << 1,  // callerAckSync(answered) to the callee's other devices
    TellCallerRejected = 1u << 2,  // call.rejected to the calling device
    TellCallerBusy = 1u << 3,      // call.busy to the calling device
    TellCalleeDeclined = 1u << 4,  // callerAckSync(declined) to the callee's other devices
    TellCalleeCanceled = 1u << 5,  // call.canceled (reason from the status) to the callee
    TellCallerTimedOut = 1u << 6,  // call.timeout to the calling device
    TellHangup = 1u << 7,          // call.hangup to the in-call devices but the one that acted
    CloseRoom = 1u << 8,           // both stays end now; the durations are final
    ReportRoom = 1u << 9,          // the room report for the CC webhook
    RecordNow = 1u << 10,          // the server writes the record at once
    AwaitCallerRecord = 1u << 11,  // the caller records; the server's fallback after the grace
    StopRinging = 1u << 12,        // the ring expiry timer is cancelled
};

struct CallTransition
{
    CallPhase from;
    CallTrigger trigger;
    CallPhase to;
    std::optional<protocol::CallStatus> status;  // set when the call ends here
    std::uint32_t actions = NoAction;
};

inline constexpr std::uint32_t kEndRinging = StopRinging | AwaitCallerRecord;
inline constexpr std::uint32_t kEndAnswered = CloseRoom | TellHangup | ReportRoom | RecordNow;

// Every legal transition; any other trigger in a phase is refused and changes nothing.
inline constexpr std::array kCallTransitions{
    CallTransition{CallPhase::Ringing, CallTrigger::Answer, CallPhase::Answered, std::nullopt,
                   StopRinging | TellCallerAccepted | TellCalleeAnswered},
    CallTransition{CallPhase::Ringing, CallTrigger::Decline, CallPhase::AwaitingRecord,
                   protocol::CallStatus::Rejected,
                   kEndRinging | TellCallerRejected | TellCalleeDeclined},
    CallTransition{CallPhase::Ringing, CallTrigger::DeclineBusy, CallPhase::AwaitingRecord,
                   protocol::CallStatus::Busy, kEndRinging | TellCallerBusy | TellCalleeDeclined},
    CallTransition{CallPhase::Ringing, CallTrigger::CalleeBusy, CallPhase::AwaitingRecord,
                   protocol::CallStatus::Busy, kEndRinging | TellCallerBusy},
    CallTransition{CallPhase::Ringing, CallTrigger::Cancel, CallPhase::AwaitingRecord,
                   protocol::CallStatus::Canceled, kEndRinging | TellCalleeCanceled},
    CallTransition{CallPhase::Ringing, CallTrigger::CancelOnTimeout, CallPhase::AwaitingRecord,
                   protocol::CallStatus::Timeout, kEndRinging | TellCalleeCanceled},
    CallTransition{CallPhase::Ringing, CallTrigger::RingExpired, CallPhase::AwaitingRecord,
                   protocol::CallStatus::Timeout,
                   kEndRinging | TellCallerTimedOut | TellCalleeCanceled},
    CallTransition{CallPhase::Ringing, CallTrigger::CallerLeft, CallPhase::AwaitingRecord,
                   protocol::CallStatus::Canceled, kEndRinging | TellCalleeCanceled},
    // Its client no longer knows the call and will send no record: the server writes it now.
    CallTransition{CallPhase::Ringing, CallTrigger::CallerForgot, CallPhase::Closed,
                   protocol::CallStatus::Canceled, StopRinging | TellCalleeCanceled | RecordNow},
    CallTransition{CallPhase::Ringing, CallTrigger::Shutdown, CallPhase::Closed,
                   protocol::CallStatus::Canceled, StopRinging | TellCalleeCanceled | RecordNow},
    CallTransition{CallPhase::Answered, CallTrigger::Hangup, CallPhase::Closed,
                   protocol::CallStatus::Completed, kEndAnswered},
    CallTransition{CallPhase::Answered, CallTrigger::PartyLeft, CallPhase::Closed,
                   protocol::CallStatus::Completed, kEndAnswered},
    CallTransition{CallPhase::Answered, CallTrigger::Shutdown, CallPhase::Closed,
                   protocol::CallStatus::Completed, kEndAnswered},
    CallTransition{CallPhase::AwaitingRecord, CallTrigger::CallerRecorded, CallPhase::Closed,
                   std::nullopt, NoAction},
    CallTransition{CallPhase::AwaitingRecord, CallTrigger::RecordGraceExpired, CallPhase::Closed,
                   std::nullopt, RecordNow},
    CallTransition{CallPhase::AwaitingRecord, CallTrigger::Shutdown, CallPhase::Closed,
                   std::nullopt, RecordNow},
};

constexpr std::optional<CallTransition> findCallTransition(CallPhase from, CallTrigger trigger)
{
    for (const CallTransition &transition : kCallTransitions) {
        if (transition.from == from && transition.trigger == trigger)
            return transition;
    }
    return std::nullopt;
}

std::string_view callPhaseName(CallPhase phase);
std::string_view callTriggerName(CallTrigger trigger);

}  // namespace softphone::server
