#include "net/websocket_frame_writer.h"

namespace softphone::server::websocket_frame_writer {

namespace {

constexpr std::size_t kMaxControlPayload = 125;

// The longest start of `text` that fits in `bytes` without splitting a UTF-8 character.
std::string_view cutOnCharacter(std::string_view text, std::size_t bytes)
{
    if (text.size() <= bytes)
        return text;
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

}  // namespace

std::size_t headerBytes(std::size_t payloadBytes)
{
    if (payloadBytes < 126)
        return 2;
    return payloadBytes <= 0xFFFF ? 4 : 10;
}

void appendFrame(std::string &out, WebSocketOpcode opcode, std::string_view payload)
{
    const std::size_t length = payload.size();
    const std::size_t start = out.size();
    const std::size_t header = headerBytes(length);
    out.resize(start + header);
    char *at = out.data() + start;
    at[0] = static_cast<char>(0x80 | static_cast<std::uint8_t>(opcode));  // FIN, no RSV
    if (header == 2) {
        at[1] = static_cast<char>(length);
    } else if (header == 4) {
        at[1] = char(126);
        at[2] = static_cast<char>(length >> 8);
        at[3] = static_cast<char>(length);
    } else {
        at[1] = char(127);
        for (int i = 0; i < 8; ++i)
            at[2 + i] = static_cast<char>(std::uint64_t(length) >> (56 - 8 * i));
    }
    out.append(payload);
}

void appendClose(std::string &out, int code, std::string_view reason)
{
    char payload[kMaxControlPayload];
    payload[0] = static_cast<char>(code >> 8);
    payload[1] = static_cast<char>(code);
    const std::string_view text = cutOnCharacter(reason, kMaxControlPayload - 2);
    text.copy(payload + 2, text.size());
    appendFrame(out, WebSocketOpcode::Close, std::string_view(payload, 2 + text.size()));
}

}  // namespace softphone::server::websocket_frame_writer
