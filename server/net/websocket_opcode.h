#pragma once

#include <cstdint>

namespace softphone::server {

// The opcodes of RFC 6455 §5.2.
enum class WebSocketOpcode : std::uint8_t {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

}  // namespace softphone::server
