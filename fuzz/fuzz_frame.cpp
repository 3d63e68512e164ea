// The frame decoder: any text either parses as a frame that encodes and parses back to itself,
// or is refused with a code the server can answer with in a readable frame.

#include "fuzz_check.h"
#include "protocol/frame.h"

#include <cstdint>
#include <string_view>

using namespace softphone::protocol;

namespace {

void checkRefusal(const FrameError &failure)
{
    FUZZ_CHECK(failure.code == ErrorCode::BadFrame || failure.code == ErrorCode::FrameTooLarge,
               "a refused frame is answered with 1000 or 1001");
    const std::string answer = encodeError(failure.id, failure.code, failure.error.message());
    auto reread = parseFrame(answer);
    FUZZ_CHECK(reread.ok(), "the server's answer to a bad frame must itself parse");
    const auto *response = std::get_if<Response>(&*reread);
    FUZZ_CHECK(response && response->error, "the answer to a bad frame is an error response");
    FUZZ_CHECK(response->id == failure.id, "the answer carries the id that could be read");
    FUZZ_CHECK(response->error->code == static_cast<int>(failure.code),
               "the answer carries the refusal's code");
}

void checkRoundTrip(const Frame &frame)
{
    const std::string encoded = encodeFrame(frame);
    auto again = parseFrame(encoded, encoded.size());
    FUZZ_CHECK(again.ok(), "an encoded frame must parse");
    FUZZ_CHECK(*again == frame, "parse(encode(frame)) must equal the frame");
    FUZZ_CHECK(encodeFrame(*again) == encoded, "encoding a frame must be stable");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto frame = parseFrame(text);
    if (frame)
        checkRoundTrip(*frame);
    else
        checkRefusal(frame.error());
    return 0;
}
