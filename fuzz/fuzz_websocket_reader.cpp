// The server's reader of client WebSocket frames: any bytes, cut into pieces anywhere, give the
// same events as read whole; every message is within the limit and text is UTF-8; a failure
// has a code of RFC 6455 §7.4.1 and a reason that fits a close frame; nothing follows a close or
// a failure, and what the reader holds stays bounded by the limit.

#include "fuzz_check.h"
#include "net/websocket_frame_reader.h"
#include "protocol/limits.h"

#include <cstdint>
#include <string>
#include <vector>

using softphone::server::WebSocketEvent;
using softphone::server::WebSocketFrameReader;
using Kind = WebSocketEvent::Kind;

namespace {

constexpr std::size_t kLimit = 4096;
constexpr std::size_t kLongestHeader = 14;

struct Seen
{
    Kind kind;
    std::string payload;
    int code;

    bool operator==(const Seen &) const = default;
};

std::vector<Seen> read(std::string bytes, std::size_t piece)
{
    WebSocketFrameReader reader(kLimit);
    std::vector<Seen> seen;
    bool ended = false;
    for (std::size_t at = 0; at < bytes.size(); at += piece) {
        std::string part = bytes.substr(at, piece);
        reader.receive(part.data(), part.size());
        for (auto event = reader.next(); event.kind != Kind::None; event = reader.next()) {
            FUZZ_CHECK(!ended, "nothing is read after a close or a failure");
            ended = event.kind == Kind::Close || event.kind == Kind::Failure;
            if (event.kind == Kind::Text || event.kind == Kind::Binary)
                FUZZ_CHECK(event.payload.size() <= kLimit, "a message is within the limit");
            if (event.kind == Kind::Text)
                FUZZ_CHECK(softphone::protocol::isValidUtf8(event.payload), "text is UTF-8");
            if (event.kind == Kind::Ping || event.kind == Kind::Pong)
                FUZZ_CHECK(event.payload.size() <= 125, "a control frame is at most 125 bytes");
            if (event.kind == Kind::Failure) {
                FUZZ_CHECK(event.closeCode == 1002 || event.closeCode == 1007 ||
                               event.closeCode == 1009,
                           "a failure closes with 1002, 1007 or 1009");
                FUZZ_CHECK(!event.payload.empty() && event.payload.size() <= 123,
                           "a failure's reason fits a close frame");
            }
            seen.push_back({event.kind, std::string(event.payload), event.closeCode});
        }
        FUZZ_CHECK(reader.bufferedBytes() <= 2 * kLimit + kLongestHeader,
                   "the reader holds no more than a frame and a message");
    }
    return seen;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t piece = 1 + data[0] % 32;  // byte 0: how the bytes are cut
    const std::string bytes(reinterpret_cast<const char *>(data + 1), size - 1);
    const auto whole = read(bytes, std::max<std::size_t>(bytes.size(), 1));
    FUZZ_CHECK(read(bytes, piece) == whole, "pieces read the same as the whole");
    return 0;
}
