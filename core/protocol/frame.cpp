#include "frame.h"

#include "json_text.h"

namespace softphone::protocol {

namespace {

using FrameResult = Expected<Frame, FrameError>;

FrameError badFrame(DecodeError error, std::optional<std::int64_t> id = std::nullopt)
{
    return {ErrorCode::BadFrame, std::move(error), id};
}

FrameResult readRequest(json &object)
{
    Request request{0, {}, json()};  // params: the frame's own, or an empty object below
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
        request.params = std::move(*params);
    } else {
        request.params = json::object();
    }
    return Frame{std::move(request)};
}

FrameResult readResponse(json &object)
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
        json &result = object["result"];
        if (!result.is_object())
            return badFrame(detail::wrongType("result", "an object", result), response.id);
        response.result = std::move(result);
    } else {
        auto body = fromJson<ErrorBody>(object["error"], "error");
        if (!body)
            return badFrame(body.error(), response.id);
        response.error = std::move(*body);
    }
    return Frame{std::move(response)};
}

FrameResult readEvent(json &object)
{
    Event event;
    DecodeError error;
    if (!detail::readValue(object["event"], event.name, "event", error))
        return badFrame(error);
    if (const auto data = object.find("data"); data != object.end() && !data->is_null()) {
        if (!data->is_object())
            return badFrame(detail::wrongType("data", "an object", *data));
        event.data = std::move(*data);
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
    json &object = *parsed;  // its parts are moved into the frame
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

namespace {

class FrameText;

// Set when this thread's FrameText has been destroyed; neither has a destructor of its own, so
// both can still be read then.
thread_local bool frameTextDestroyed = false;
thread_local FrameText *lateFrameText = nullptr;

// The text of a frame being encoded. It is written into a buffer kept per thread, by a JSON
// writer bound to it: a fresh writer and a fresh string would each allocate for every frame.
class FrameText
{
public:
    FrameText() = default;
    FrameText(const FrameText &) = delete;
    FrameText &operator=(const FrameText &) = delete;
    ~FrameText() { frameTextDestroyed = true; }

    static FrameText &ofThisThread()
    {
        static thread_local FrameText text;
        if (!frameTextDestroyed)
            return text;
        // A frame encoded while the thread's locals are being torn down (a server stopped by an
        // exit handler ends its calls and sends their records) gets a buffer of its own, freed
        // when the frame is finished.
        if (!lateFrameText)
            lateFrameText = new FrameText;
        return *lateFrameText;
    }

    std::string &start(std::string_view opening)
    {
        m_text.assign(opening);
        return m_text;
    }
    void raw(std::string_view part) { m_text += part; }
    void value(const json &value) { m_writer.dump(value, false, false, 0); }
    void name(const std::string &text) { appendJsonString(m_text, text); }

    std::string finish()
    {
        m_text += '}';
        std::string text = m_text;
        if (m_text.capacity() > kKeptCapacity)
            std::string().swap(m_text);  // a large frame's buffer is not kept
        if (this == lateFrameText) {
            lateFrameText = nullptr;
            delete this;
        }
        return text;
    }

private:
    static constexpr std::size_t kKeptCapacity = 64 * 1024;

    std::string m_text;
    nlohmann::detail::serializer<json> m_writer{nlohmann::detail::output_adapter<char>(m_text), ' ',
                                                json::error_handler_t::replace};
};

}  // namespace

std::string &detail::startFrame(std::string_view opening)
{
    return FrameText::ofThisThread().start(opening);
}

std::string detail::finishFrame()
{
    return FrameText::ofThisThread().finish();
}

// The envelope is written around its parts rather than built as one value, which would copy
// the body; its keys come in the order nlohmann::json writes an object's (sorted).
std::string encodeFrame(const Frame &frame)
{
    FrameText &text = FrameText::ofThisThread();
    if (const auto *request = std::get_if<Request>(&frame)) {
        text.start("{\"id\":");
        text.raw(std::to_string(request->id));
        text.raw(",\"method\":");
        text.name(request->method);
        text.raw(",\"params\":");
        text.value(request->params);
    } else if (const auto *response = std::get_if<Response>(&frame)) {
        const std::string id = response->id ? std::to_string(*response->id) : "null";
        if (response->error) {
            appendJson(text.start("{\"error\":"), *response->error);
            text.raw(",\"id\":");
            text.raw(id);
        } else {
            text.start("{\"id\":");
            text.raw(id);
            text.raw(",\"result\":");
            if (response->result)
                text.value(*response->result);
            else
                text.raw("{}");
        }
    } else if (const auto *event = std::get_if<Event>(&frame)) {
        text.start("{\"data\":");
        text.value(event->data);
        text.raw(",\"event\":");
        text.name(event->name);
    } else {
        text.start("{");
    }
    return text.finish();
}

std::string encodeError(std::optional<std::int64_t> id, ErrorCode code, std::string_view message)
{
    return encodeFrame(
        Response{id, std::nullopt, ErrorBody{static_cast<int>(code), std::string(message)}});
}

}  // namespace softphone::protocol
