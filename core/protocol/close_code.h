#pragma once

// WebSocket close codes the server sends (docs/protocol.md §5, "Close codes"). Clients act on
// the code, never on the reason text.

namespace softphone::protocol {

enum class CloseCode : int {
    GoingAway = 1001,        // the server is stopping; reconnect with backoff
    InvalidUtf8 = 1007,      // a text frame that is not UTF-8 (RFC 6455 §8.1)
    PolicyViolation = 1008,  // no login in time, too many connections from one address
    TooLarge = 1009,         // a frame or message far over the size limit
    NotStored = 1011,        // writes the client was about to be told of could not be stored
    Replaced = 4000,         // a newer login of the same account and device; do not reconnect
};

}  // namespace softphone::protocol
