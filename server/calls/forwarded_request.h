#pragma once

#include <cstdint>
#include <string_view>

namespace softphone::server {

// A device's request about a call that another node owns, as the device's node hands it to the
// owner, which answers the device itself (docs/cluster.md, "Calls"). The views hold while the
// request is handed over.
struct ForwardedRequest
{
    std::string_view account;
    std::string_view device;
    std::string_view clientType;
    std::int64_t id = 0;  // the device's request id, which the answer carries
    std::string_view method;
    // Params as JSON text, or as field lines (protocol/field_lines.h): what the device's node
    // read and checked, which the owner reads back without a JSON parser.
    enum class Form { Json, Fields };
    Form form = Form::Json;
    std::string_view params;
};

}  // namespace softphone::server
