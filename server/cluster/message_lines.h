#pragma once

#include <optional>
#include <string_view>

namespace softphone::server {

// What nodes send each other in lines (cluster_node.cpp, request_envelope.cpp): the next line of
// `data`, without its newline, which is taken off `data`; nothing, and `data` left as it is, if
// no newline is left.
inline std::optional<std::string_view> takeLine(std::string_view &data)
{
    const std::size_t end = data.find('\n');
    if (end == std::string_view::npos)
        return std::nullopt;
    const std::string_view line = data.substr(0, end);
    data.remove_prefix(end + 1);
    return line;
}

}  // namespace softphone::server
