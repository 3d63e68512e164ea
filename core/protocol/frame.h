#pragma once

// The envelope of every WebSocket text frame (docs/protocol.md, "Frames"):
//   request  {"id": 7, "method": "call.invite", "params": {...}}
//   response {"id": 7, "result": {...}}  or  {"id": 7, "error": {"code": 4003, "message": "..."}}
//   event    {"event": "call.incoming", "data": {...}}

#include "error_code.h"
#include "expected.h"
#include "json_fields.h"
#include "json_writer.h"
#include "limits.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace softphone::protocol {

struct ErrorBody
{
    int code = 0;
    std::string message;

    bool operator==(const ErrorBody &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("code", s.code);
        v.req("message", s.message);
    }
};

struct Request
{
    std::int64_t id = 0;
    std::string method;
    json params = json::object();
    bool operator==(const Request &) const = default;
};

struct Response
{
    std::optional<std::int64_t> id;  // absent (null) when the request's id could not be read
    std::optional<json> result;
    std::optional<ErrorBody> error;
    bool operator==(const Response &) const = default;
};

struct Event
{
    std::string name;
    json data = json::object();
    bool operator==(const Event &) const = default;
};

using Frame = std::variant<Request, Response, Event>;

// A frame that could not be read, with the request id when it could be.
struct FrameError
{
    ErrorCode code = ErrorCode::BadFrame;
    DecodeError error;
    std::optional<std::int64_t> id;
};

Expected<Frame, FrameError> parseFrame(std::string_view text,
                                       std::size_t maxBytes = kMaxFrameBytes);
std::string encodeFrame(const Frame &frame);
std::string encodeError(std::optional<std::int64_t> id, ErrorCode code, std::string_view message);

namespace detail {
// The text of the frame being encoded on this thread, emptied and started with `opening`: its
// buffer is kept from frame to frame, so that a frame allocates only the text it returns.
std::string &startFrame(std::string_view opening);
std::string finishFrame();
}  // namespace detail

// The typed encoders write the body's text straight into the frame (json_writer.h); the
// bytes are those encodeFrame() gives for the same body as a json value.
template<class Req>
std::string encodeRequest(std::int64_t id, const Req &params)
{
    std::string &text = detail::startFrame("{\"id\":");
    appendJsonInteger(text, id);
    text += ",\"method\":";
    appendJsonString(text, Req::kMethod);
    text += ",\"params\":";
    appendJson(text, params);
    return detail::finishFrame();
}

template<class T>
std::string encodeResult(std::int64_t id, const T &result)
{
    std::string &text = detail::startFrame("{\"id\":");
    appendJsonInteger(text, id);
    text += ",\"result\":";
    appendJson(text, result);
    return detail::finishFrame();
}

template<class Ev>
std::string encodeEvent(const Ev &event)
{
    std::string &text = detail::startFrame("{\"data\":");
    appendJson(text, event);
    text += ",\"event\":";
    appendJsonString(text, Ev::kEvent);
    return detail::finishFrame();
}

template<class T>
Expected<T> decodeParams(const json &params)
{
    return fromJson<T>(params, "params");
}

}  // namespace softphone::protocol
