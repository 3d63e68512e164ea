#include "json_writer.h"

#include "json_text.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <numeric>

namespace softphone::protocol {

namespace {

// The length of the valid UTF-8 sequence that starts at text[at], or 0 when there is none
// there: overlong forms, surrogates and code points past U+10FFFF are not valid.
std::size_t utf8SequenceLength(std::string_view text, std::size_t at)
{
    const auto lead = static_cast<unsigned char>(text[at]);
    const auto continues = [&](std::size_t offset, unsigned char low = 0x80,
                               unsigned char high = 0xBF) {
        if (at + offset >= text.size())
            return false;
        const auto byte = static_cast<unsigned char>(text[at + offset]);
        return byte >= low && byte <= high;
    };
    if (lead >= 0xC2 && lead <= 0xDF)
        return continues(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
        const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
        return continues(1, low, high) && continues(2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
        const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
        return continues(1, low, high) && continues(2) && continues(3) ? 4 : 0;
    }
    return 0;
}

void appendEscaped(std::string &out, unsigned char c)
{
    static constexpr char kHex[] = "0123456789abcdef";
    switch (c) {
    case '\b':
        out += "\\b";
        return;
    case '\t':
        out += "\\t";
        return;
    case '\n':
        out += "\\n";
        return;
    case '\f':
        out += "\\f";
        return;
    case '\r':
        out += "\\r";
        return;
    case '"':
        out += "\\\"";
        return;
    case '\\':
        out += "\\\\";
        return;
    default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
}

}  // namespace

void appendJsonString(std::string &out, std::string_view text)
{
    const std::size_t start = out.size();
    out += '"';
    std::size_t copiedUpTo = 0;  // runs of bytes that need no escaping are copied at once
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t length = utf8SequenceLength(text, i);
            if (length == 0) {
                // Invalid UTF-8 is rare, and where each U+FFFD goes is nlohmann's own rule.
                out.resize(start);
                out += dumpJson(json(std::string(text)));
                return;
            }
            i += length;
        } else if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
        } else {
            out.append(text.substr(copiedUpTo, i - copiedUpTo));
            appendEscaped(out, c);
            copiedUpTo = ++i;
        }
    }
    out.append(text.substr(copiedUpTo));
    out += '"';
}

void appendJsonInteger(std::string &out, std::int64_t value)
{
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
    out.append(digits, end);
}

void detail::appendValue(std::string &out, const json &v)
{
    out += dumpJson(v);
}

void FieldTextWriter::note(const char *key, const void *value, Write write)
{
    if (m_count == kMaxFields)
        std::abort();  // a message type with more fields than this writer holds: raise kMaxFields
    m_fields[m_count++] = {key, value, write};
}

FieldTextWriter::KeyOrder::KeyOrder(const FieldTextWriter &fields)
    : m_count(fields.m_count)
{
    std::iota(m_positions.begin(), m_positions.begin() + m_count, std::uint8_t{0});
    std::stable_sort(m_positions.begin(), m_positions.begin() + m_count,
                     [&](std::uint8_t a, std::uint8_t b) {
                         return std::string_view(fields.m_fields[a].key) <
                                std::string_view(fields.m_fields[b].key);
                     });
}

void FieldTextWriter::writeObject(std::string &out, const KeyOrder &order) const
{
    out += '{';
    bool first = true;
    for (std::size_t i = 0; i < order.m_count; ++i) {
        const Field &field = m_fields[order.m_positions[i]];
        if (!field.value)
            continue;
        if (!first)
            out += ',';
        first = false;
        appendJsonString(out, field.key);
        out += ':';
        field.write(out, field.value);
    }
    out += '}';
}

}  // namespace softphone::protocol
