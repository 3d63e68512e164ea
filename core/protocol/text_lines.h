#pragma once

// Reading text in lines, as the servers of a cluster write to each other (field lines, and the
// cluster's own messages): a line at a time, and decimal numbers that are the whole of a line.

#include <charconv>
#include <optional>
#include <string_view>

namespace softphone::protocol {

// The next line of `text`, without its newline, which is taken off `text`; nothing, and `text`
// left as it is, if no newline is left.
inline std::optional<std::string_view> takeLine(std::string_view &text)
{
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos)
        return std::nullopt;
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    return line;
}

// True if `text` is a decimal number and nothing else, in range of `Number`: then in `out`.
template<class Number>
bool readDecimal(std::string_view text, Number &out)
{
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace softphone::protocol
