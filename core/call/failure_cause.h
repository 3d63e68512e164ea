#pragma once

namespace softphone::call {

// Why a call ended as failed, for the user: the media layer's diagnosis, or the server.
enum class FailureCause {
    None,
    NoRoute,      // no network path to the peer worked (ICE failed, or nothing within the limit)
    TurnRefused,  // no direct path, and the TURN server gave us no relay address
    DtlsFailed,   // a path worked, but the encrypted handshake with the peer did not complete
    MediaError,   // our own media pipeline broke (a codec, a device)
};

// "noRoute", "turnRefused", ...: the CLI's and the logs' spelling.
const char *failureCauseName(FailureCause cause);

}  // namespace softphone::call
