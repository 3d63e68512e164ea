#pragma once

#include "protocol/json_text.h"

#include <QString>
#include <cstdio>
#include <string_view>

namespace softphone::im {
struct StoredMessage;
}

namespace softphone::cli {

// Writes what happens as JSON lines with an "event" field first, flushed line by line so
// that a script reading the pipe sees each one at once; errors go to stderr as text.
class EventPrinter
{
public:
    explicit EventPrinter(std::FILE *out = stdout, std::FILE *err = stderr)
        : m_out(out)
        , m_err(err)
    {}

    void print(std::string_view event, const protocol::json &fields = protocol::json::object());
    // The fields in the order given, after "event" (print() sorts them by name).
    void printOrdered(std::string_view event, const nlohmann::ordered_json &fields);
    void error(const QString &message);

    static protocol::json messageFields(const im::StoredMessage &message);

private:
    std::FILE *m_out;
    std::FILE *m_err;
};

}  // namespace softphone::cli
