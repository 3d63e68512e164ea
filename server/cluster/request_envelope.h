#pragma once

#include "calls/forwarded_request.h"

#include <optional>
#include <string>
#include <string_view>

namespace softphone::server {

// A forwarded request between nodes, in three forms. Lines: R (protocol 3) or P (protocol 4),
// account, device, client type, id, method, each followed by a newline, then the params, as
// JSON after R and as field lines (protocol/field_lines.h) after P; none of the first five can
// hold a newline (the protocol's rules for accounts, ids and client types). JSON (Q, then one
// object): what nodes before protocol 3 read and write.
inline constexpr char kRequestLinesKind = 'R';
inline constexpr char kRequestFieldsKind = 'P';
inline constexpr char kRequestJsonKind = 'Q';

// In lines, its params in the form they are in (R for JSON, P for fields).
std::string requestAsLines(const ForwardedRequest &request);
// Its params must be JSON.
std::string requestAsJson(const ForwardedRequest &request);
// Views into `data`; nothing if it is not a whole request in lines.
std::optional<ForwardedRequest> requestFromLines(std::string_view data);

// A request read from JSON, holding its own text.
class RequestFromJson
{
public:
    // Nothing if `data` is not a forwarded request's JSON.
    static std::optional<RequestFromJson> read(std::string_view data);
    ForwardedRequest request() const;

private:
    std::string m_account, m_device, m_clientType, m_method, m_params;
    std::int64_t m_id = 0;
};

}  // namespace softphone::server
