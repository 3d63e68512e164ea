#include "messages.h"

namespace softphone::protocol {

namespace {

std::optional<DecodeError> checkRecordAttach(MsgType type, const std::string &attach)
{
    if (type != MsgType::CallRecord)
        return std::nullopt;
    auto record = CallRecord::parse(attach);
    if (record)
        return std::nullopt;
    return DecodeError{record.error().kind, "attach",
                       "is not a call record: " + record.error().message()};
}

std::optional<DecodeError> checkTextBody(MsgType type, const std::string &body)
{
    if (type == MsgType::Text && body.empty())
        return DecodeError{DecodeErrorKind::InvalidValue, "body", "must not be empty for TEXT"};
    return std::nullopt;
}

}  // namespace

Problem checkRoomMode(const int &mode)
{
    return mode >= 0 && mode <= 2 ? Problem{} : outOfRange("must be between 0 and 2");
}

Problem checkMLineIndex(const int &index)
{
    return index >= 0 && index <= 63 ? Problem{} : outOfRange("must be between 0 and 63");
}

std::optional<DecodeError> Message::validate() const
{
    if (auto problem = checkTextBody(msgType, body))
        return problem;
    return checkRecordAttach(msgType, attach);
}

std::optional<DecodeError> SendMessage::validate() const
{
    if (msgidClient.starts_with(kServerIdPrefix)) {
        return DecodeError{DecodeErrorKind::InvalidValue, "msgidClient",
                           "must not start with \"" + std::string(kServerIdPrefix) +
                               "\" (the server's own ids)"};
    }
    if (auto problem = checkTextBody(msgType, body))
        return problem;
    return checkRecordAttach(msgType, attach);
}

std::optional<DecodeError> Login::validate() const
{
    if (password.has_value() == token.has_value()) {
        return DecodeError{DecodeErrorKind::MissingField, "",
                           "exactly one of password and token is required"};
    }
    return std::nullopt;
}

std::optional<DecodeError> CallRespond::validate() const
{
    if (busy && accepted)
        return DecodeError{DecodeErrorKind::InvalidValue, "busy", "cannot be true when accepted"};
    return std::nullopt;
}

#define SOFTPHONE_DEFINE_MESSAGE_CODEC(T)                                                          \
    template json toJson<T>(const T &);                                                            \
    template void appendJson<T>(std::string &, const T &);                                         \
    template Expected<T> fromJson<T>(const json &, std::string_view);
SOFTPHONE_PROTOCOL_MESSAGE_TYPES(SOFTPHONE_DEFINE_MESSAGE_CODEC)
#undef SOFTPHONE_DEFINE_MESSAGE_CODEC

}  // namespace softphone::protocol
