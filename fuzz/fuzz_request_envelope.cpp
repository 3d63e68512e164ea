// A request forwarded between nodes, as another node's bytes (cluster/request_envelope): any
// bytes read as lines or as JSON give a request or nothing, never a crash; a request read
// either way, written again in the same form, reads back as the same request. Params in field
// lines (protocol/field_lines.h) read as the request's message, if at all, write and read back
// as the same message, and as JSON are a JSON object.

#include "cluster/request_envelope.h"
#include "fuzz_check.h"
#include "protocol/field_lines.h"
#include "protocol/json_text.h"
#include "protocol/messages.h"

#include <cstdint>
#include <string>
#include <string_view>

using softphone::server::ForwardedRequest;
using softphone::server::RequestFromJson;

namespace {

bool same(const ForwardedRequest &a, const ForwardedRequest &b)
{
    return a.account == b.account && a.device == b.device && a.clientType == b.clientType &&
           a.id == b.id && a.method == b.method && a.form == b.form && a.params == b.params;
}

template<class Req>
void checkFieldsAs(std::string_view params)
{
    const auto read = softphone::protocol::fromFieldLines<Req>(params);
    if (!read)
        return;
    std::string written;
    softphone::protocol::appendFieldLines(written, *read);
    const auto again = softphone::protocol::fromFieldLines<Req>(written);
    FUZZ_CHECK(again && *again == *read, "field lines read, written and read again must agree");
}

void checkFields(std::string_view params)
{
    using namespace softphone::protocol;
    checkFieldsAs<CallRespond>(params);
    checkFieldsAs<CallCancel>(params);
    checkFieldsAs<RoomJoin>(params);
    checkFieldsAs<RtcSdp>(params);
    checkFieldsAs<RtcIce>(params);
    if (const auto json = fieldLinesAsJson(params)) {
        const auto parsed = parseJsonText(*json, json->size());
        FUZZ_CHECK(parsed && parsed->is_object(), "field lines as JSON must be a JSON object");
    }
}

void checkLines(std::string_view bytes)
{
    const auto read = softphone::server::requestFromLines(bytes);
    if (!read)
        return;
    const std::string written = softphone::server::requestAsLines(*read);
    const auto again = softphone::server::requestFromLines(written);
    FUZZ_CHECK(again && same(*again, *read), "lines read, written and read again must agree");
    FUZZ_CHECK(read->account.find('\n') == std::string_view::npos &&
                   read->method.find('\n') == std::string_view::npos,
               "a line read holds no newline");
    if (read->form == ForwardedRequest::Form::Fields)
        checkFields(read->params);
}

void checkJson(std::string_view bytes)
{
    const auto read = RequestFromJson::read(bytes);
    if (!read)
        return;
    const std::string written = softphone::server::requestAsJson(read->request());
    const auto again = RequestFromJson::read(written);
    FUZZ_CHECK(again && same(again->request(), read->request()),
               "JSON read, written and read again must agree");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    checkLines(bytes);
    checkJson(bytes);
    return 0;
}
