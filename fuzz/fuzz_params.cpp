// Every params decoder of every request, and the data decoder of every event. The first byte
// picks the message type; the rest is its params (or data) object as JSON text. A value that
// decodes must encode to JSON that decodes to the same value, alone and inside a whole frame.

#include "fuzz_check.h"
#include "protocol/catalog.h"
#include "protocol/frame.h"
#include "protocol/json_text.h"

#include <cstdint>
#include <string_view>
#include <vector>

using namespace softphone::protocol;

namespace {

using Decoder = void (*)(const json &);

template<class Req>
void checkRequest(const json &params)
{
    auto decoded = decodeParams<Req>(params);
    if (!decoded) {
        FUZZ_CHECK(!decoded.error().detail.empty(), "a refusal says what is wrong");
        return;
    }
    auto again = decodeParams<Req>(toJson(*decoded));
    FUZZ_CHECK(again.ok(), "the encoding of decoded params must decode");
    FUZZ_CHECK(*again == *decoded, "decode(encode(params)) must equal the params");

    auto frame = parseFrame(encodeRequest(1, *decoded));
    FUZZ_CHECK(frame.ok(), "a request of decoded params must parse as a frame");
    const auto *request = std::get_if<Request>(&*frame);
    FUZZ_CHECK(request && request->method == Req::kMethod, "the frame is the same request");
    auto viaFrame = decodeParams<Req>(request->params);
    FUZZ_CHECK(viaFrame.ok() && *viaFrame == *decoded, "params survive the frame unchanged");
}

template<class Ev>
void checkEvent(const json &data)
{
    auto decoded = fromJson<Ev>(data, "data");
    if (!decoded)
        return;
    auto again = fromJson<Ev>(toJson(*decoded), "data");
    FUZZ_CHECK(again.ok(), "the encoding of a decoded event must decode");
    FUZZ_CHECK(*again == *decoded, "decode(encode(event)) must equal the event");

    auto frame = parseFrame(encodeEvent(*decoded));
    FUZZ_CHECK(frame.ok(), "an encoded event must parse as a frame");
    const auto *event = std::get_if<Event>(&*frame);
    FUZZ_CHECK(event && event->name == Ev::kEvent, "the frame is the same event");
    auto viaFrame = fromJson<Ev>(event->data, "data");
    FUZZ_CHECK(viaFrame.ok() && *viaFrame == *decoded, "data survives the frame unchanged");
}

std::vector<Decoder> allDecoders()
{
    std::vector<Decoder> decoders;
    forEachType(AllRequests{}, [&]<class Req>() { decoders.push_back(&checkRequest<Req>); });
    forEachType(AllEvents{}, [&]<class Ev>() { decoders.push_back(&checkEvent<Ev>); });
    return decoders;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::vector<Decoder> decoders = allDecoders();
    if (size == 0)
        return 0;
    const std::string_view text(reinterpret_cast<const char *>(data + 1), size - 1);
    auto value = parseJsonText(text, kMaxFrameBytes);
    if (!value)
        return 0;
    decoders[data[0] % decoders.size()](*value);
    return 0;
}
