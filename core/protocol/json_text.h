#pragma once

#include "expected.h"
#include "json_fields.h"

#include <string>
#include <string_view>

namespace softphone::protocol {

enum class Comments { Rejected, Allowed };

// Parses JSON text under a size limit and a nesting limit; never throws.
Expected<json> parseJsonText(std::string_view text, std::size_t maxBytes,
                             Comments comments = Comments::Rejected);

// Compact text; any invalid UTF-8 is replaced rather than thrown on.
std::string dumpJson(const json &value);

}  // namespace softphone::protocol
