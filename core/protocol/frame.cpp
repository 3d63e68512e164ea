#include "frame.h"

#include "json_text.h"

namespace softphone::protocol {

namespace {

using FrameResult = Expected<Frame, FrameError>;

FrameError badFrame(DecodeError error, std::optional<std::int64_t> id = std::nullopt)
{
    return {ErrorCode::BadFrame, std::move(error), id};
}

FrameResult readRequest(const json &object)
{
    Request request;
    DecodeError error;
    const auto id = object.find("id");
    if (id == object.end())
        return badFrame({DecodeErrorKind::MissingField, "id", "is required"});
    if (!detail::readValue(*id, request.id, "id", error))
        return badFrame(error);
    if (request.id < 0)
        return badFrame({DecodeErrorKind::OutOfRange, "id", "must not be negative"});
    if (!detail::readValue(object["method"], request.method, "method", error))
        return badFrame(error, request.id);
    if (request.method.empty() || request.method.size() > 64)
        return badFrame({DecodeErrorKind::InvalidValue, "method", "must be 1-64 characters"},
                        request.id);
    if (const auto params = object.find("params"); params != object.end() && !params->is_null()) {
        if (!params->is_object())
            return badFrame(detail::wrongType("params", "an object", *params), request.id);
        request.params = *params;
    }
    return Frame{std::move(request)};
}

FrameResult readResponse(const json &object)
{
    Response response;
    DecodeError error;
    const auto id = object.find("id");
    if (id != object.end() && !id->is_null()) {
        std::int64_t value = 0;
        if (!detail::readValue(*id, value, "id", error))
            return badFrame(error);
        response.id = value;
    }
    const bool hasResult = object.contains("result");
    const bool hasError = object.contains("error");
    if (hasResult == hasError) {
        return badFrame(
            {DecodeErrorKind::InvalidValue, "", "a response has exactly one of result and error"},
            response.id);
    }
    if (hasResult) {
        const json &result = object["result"];
        if (!result.is_object())
            return badFrame(detail::wrongType("result", "an object", result), response.id);
        response.result = result;
    } else {
        auto body = fromJson<ErrorBody>(object["error"], "error");
        if (!body)
            return badFrame(body.error(), response.id);
        response.error = std::move(*body);
    }
    return Frame{std::move(response)};
}

FrameResult readEvent(const json &object)
{
    Event event;
    DecodeError error;
    if (!detail::readValue(object["event"], event.name, "event", error))
        return badFrame(error);
    if (const auto data = object.find("data"); data != object.end() && !data->is_null()) {
        if (!data->is_object())
            return badFrame(detail::wrongType("data", "an object", *data));
        event.data = *data;
    }
    return Frame{std::move(event)};
}

}  // namespace

Expected<Frame, FrameError> parseFrame(std::string_view text, std::size_t maxBytes)
{
    auto parsed = parseJsonText(text, maxBytes);
    if (!parsed) {
        const ErrorCode code = parsed.error().kind == DecodeErrorKind::TooLarge
                                   ? ErrorCode::FrameTooLarge
                                   : ErrorCode::BadFrame;
        return FrameError{code, parsed.error(), std::nullopt};
    }
    const json &object = *parsed;
    if (!object.is_object())
        return badFrame(detail::wrongType("", "an object", object));
    if (object.contains("method"))
        return readRequest(object);
    if (object.contains("event"))
        return readEvent(object);
    if (object.contains("result") || object.contains("error"))
        return readResponse(object);
    return badFrame({DecodeErrorKind::MissingField, "",
                     "a frame has a method (request), an event, or a result or error (response)"});
}

std::string encodeFrame(const Frame &frame)
{
    json object = json::object();
    if (const auto *request = std::get_if<Request>(&frame)) {
        object["id"] = request->id;
        object["method"] = request->method;
        object["params"] = request->params;
    } else if (const auto *response = std::get_if<Response>(&frame)) {
        object["id"] = response->id ? json(*response->id) : json(nullptr);
        if (response->error)
            object["error"] = toJson(*response->error);
        else
            object["result"] = response->result.value_or(json::object());
    } else if (const auto *event = std::get_if<Event>(&frame)) {
        object["event"] = event->name;
        object["data"] = event->data;
    }
    return dumpJson(object);
}

std::string encodeError(std::optional<std::int64_t> id, ErrorCode code, std::string_view message)
{
    return encodeFrame(
        Response{id, std::nullopt, ErrorBody{static_cast<int>(code), std::string(message)}});
}

}  // namespace softphone::protocol
