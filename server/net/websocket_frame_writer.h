#pragma once

#include "net/websocket_opcode.h"

#include <string>
#include <string_view>

namespace softphone::server {

// Writes the server's frames (RFC 6455 §5.2): whole, unfragmented and unmasked, as a server
// sends them. Appends to `out`, so that one connection's frames of an event-loop turn make one
// buffer and one write.
namespace websocket_frame_writer {

// The header's size for a payload of `payloadBytes`: 2, 4 or 10 bytes.
std::size_t headerBytes(std::size_t payloadBytes);

void appendFrame(std::string &out, WebSocketOpcode opcode, std::string_view payload);

// A close frame with `code` (RFC 6455 §7.4) and `reason`, cut on a character boundary to fit
// the 125 bytes a control frame may carry.
void appendClose(std::string &out, int code, std::string_view reason);

}  // namespace websocket_frame_writer

}  // namespace softphone::server
