#include "call/failure_cause.h"

namespace softphone::call {

const char *failureCauseName(FailureCause cause)
{
    switch (cause) {
    case FailureCause::None:
        return "none";
    case FailureCause::NoRoute:
        return "noRoute";
    case FailureCause::TurnRefused:
        return "turnRefused";
    case FailureCause::DtlsFailed:
        return "dtlsFailed";
    case FailureCause::MediaError:
        return "mediaError";
    }
    return "none";
}

}  // namespace softphone::call
