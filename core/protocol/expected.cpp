#include "expected.h"

namespace softphone::protocol {

const char *decodeErrorKindName(DecodeErrorKind kind)
{
    switch (kind) {
    case DecodeErrorKind::NotJson:
        return "not_json";
    case DecodeErrorKind::TooLarge:
        return "too_large";
    case DecodeErrorKind::WrongType:
        return "wrong_type";
    case DecodeErrorKind::MissingField:
        return "missing_field";
    case DecodeErrorKind::NotInteger:
        return "not_integer";
    case DecodeErrorKind::OutOfRange:
        return "out_of_range";
    case DecodeErrorKind::Duplicate:
        return "duplicate";
    case DecodeErrorKind::InvalidValue:
        return "invalid_value";
    }
    return "invalid_value";
}

std::string DecodeError::message() const
{
    return path.empty() ? detail : path + ": " + detail;
}

}  // namespace softphone::protocol
