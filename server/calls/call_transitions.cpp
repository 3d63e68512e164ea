#include "calls/call_transitions.h"

namespace softphone::server {

std::string_view callPhaseName(CallPhase phase)
{
    switch (phase) {
    case CallPhase::Ringing:
        return "ringing";
    case CallPhase::Answered:
        return "answered";
    case CallPhase::AwaitingRecord:
        return "awaiting-record";
    case CallPhase::Closed:
        return "closed";
    }
    return "?";
}

std::string_view callTriggerName(CallTrigger trigger)
{
    switch (trigger) {
    case CallTrigger::Answer:
        return "answer";
    case CallTrigger::Decline:
        return "decline";
    case CallTrigger::DeclineBusy:
        return "decline-busy";
    case CallTrigger::CalleeBusy:
        return "callee-busy";
    case CallTrigger::Cancel:
        return "cancel";
    case CallTrigger::CancelOnTimeout:
        return "cancel-on-timeout";
    case CallTrigger::RingExpired:
        return "ring-expired";
    case CallTrigger::CallerLeft:
        return "caller-left";
    case CallTrigger::CallerForgot:
        return "caller-forgot";
    case CallTrigger::Hangup:
        return "hangup";
    case CallTrigger::PartyLeft:
        return "party-left";
    case CallTrigger::CallerRecorded:
        return "caller-recorded";
    case CallTrigger::RecordGraceExpired:
        return "record-grace-expired";
    case CallTrigger::Shutdown:
        return "shutdown";
    }
    return "?";
}

}  // namespace softphone::server
