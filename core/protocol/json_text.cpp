#include "json_text.h"

namespace softphone::protocol {

namespace {

constexpr int kMaxNesting = 32;

// Deep nesting is refused before parsing, so no input can exhaust the stack.
bool nestingWithin(std::string_view text, int limit)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

}  // namespace

Expected<json> parseJsonText(std::string_view text, std::size_t maxBytes, Comments comments)
{
    if (text.size() > maxBytes) {
        return DecodeError{DecodeErrorKind::TooLarge,
                           {},
                           "input is " + std::to_string(text.size()) + " bytes, the limit is " +
                               std::to_string(maxBytes)};
    }
    if (!nestingWithin(text, kMaxNesting)) {
        return DecodeError{DecodeErrorKind::TooLarge,
                           {},
                           "nested deeper than " + std::to_string(kMaxNesting) + " levels"};
    }
    json value = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false,
                             /*ignore_comments=*/comments == Comments::Allowed);
    if (value.is_discarded())
        return DecodeError{DecodeErrorKind::NotJson, {}, "not valid JSON text"};
    return value;
}

std::string dumpJson(const json &value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace softphone::protocol
