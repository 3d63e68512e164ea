#include "protocol/call_rules.h"

namespace softphone::protocol {

std::string_view statusName(CallStatus status)
{
    switch (status) {
    case CallStatus::Completed:
        return "completed (1)";
    case CallStatus::Canceled:
        return "canceled (2)";
    case CallStatus::Rejected:
        return "rejected (3)";
    case CallStatus::Timeout:
        return "timeout (4)";
    case CallStatus::Busy:
        return "busy (5)";
    }
    return "unknown";
}

}  // namespace softphone::protocol
