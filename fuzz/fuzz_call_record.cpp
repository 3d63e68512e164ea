// The call-record codec: a record that parses serialises to text that parses to the same
// record, as the seeds' annotated records must; and it is accepted as a message's attach.

#include "fuzz_check.h"
#include "protocol/call_record.h"
#include "protocol/frame.h"
#include "protocol/messages.h"

#include <cstdint>
#include <string_view>

using namespace softphone::protocol;

namespace {

void checkRoundTrip(const CallRecord &record)
{
    FUZZ_CHECK(!record.validate(), "a parsed record is valid");
    const std::string serialized = record.serialize();
    auto again = CallRecord::parse(serialized);
    FUZZ_CHECK(again.ok(), "a serialised record must parse again");
    FUZZ_CHECK(*again == record, "parse(serialize(record)) must equal the record");
    FUZZ_CHECK(again->serialize() == serialized, "serialising a record must be stable");
    auto fromObject = CallRecord::fromJson(record.toJson());
    FUZZ_CHECK(fromObject.ok() && *fromObject == record, "fromJson(toJson(record)) is the record");
}

void checkAsAttach(std::string_view text, bool parsed)
{
    json params = {{"to", "bob"}, {"msgType", "NRTC_NETCALL"}, {"msgidClient", "m-1"}};
    params["attach"] = std::string(text);
    auto message = decodeParams<SendMessage>(params);
    if (message) {
        FUZZ_CHECK(parsed, "a message accepts only records that parse");
        return;
    }
    // Too long an attach or invalid UTF-8 is refused before the record is read.
    if (message.error().path == "params.attach" && message.error().detail.starts_with("is not"))
        FUZZ_CHECK(!parsed, "a message refuses only records that do not parse");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto record = CallRecord::parse(text);
    if (record)
        checkRoundTrip(*record);
    checkAsAttach(text, record.ok());
    return 0;
}
