#pragma once

#include "protocol/call_record.h"
#include "protocol/messages.h"

#include <cstdint>
#include <string_view>

namespace softphone::protocol {

// The rules that turn how a call ended into its record, shared by the server and the client
// so that both sides read an ending the same way (protocol.md §7 and §10).

// The status of the record of a call the caller took back: by hand, or on its ring timer.
constexpr CallStatus statusFor(CancelReason reason)
{
    return reason == CancelReason::Timeout ? CallStatus::Timeout : CallStatus::Canceled;
}

// What the callee is told of an unanswered call that ended with `status`.
constexpr CancelReason cancelReasonFor(CallStatus status)
{
    return status == CallStatus::Timeout ? CancelReason::Timeout : CancelReason::Canceled;
}

// Who writes a call's record: the server for an answered call, which alone knows both
// durations; the caller otherwise, with the server writing it if the caller does not.
enum class RecordSender { Server, Caller };
constexpr RecordSender recordSender(CallStatus status)
{
    return status == CallStatus::Completed ? RecordSender::Server : RecordSender::Caller;
}

// A call that rang here and that nobody here answered or declined.
constexpr bool isMissed(CallStatus status, bool viewerIsCaller)
{
    return !viewerIsCaller && (status == CallStatus::Canceled || status == CallStatus::Timeout ||
                               status == CallStatus::Busy);
}

// Time in a call, as records give it: whole seconds, half a second rounding up.
constexpr std::int64_t roundedSeconds(std::int64_t ms)
{
    return ms <= 0 ? 0 : (ms + 500) / 1000;
}

// For logs: "completed (1)", "canceled (2)"...
std::string_view statusName(CallStatus status);

}  // namespace softphone::protocol
