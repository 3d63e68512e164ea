#include "error_code.h"

namespace softphone::protocol {

std::string_view errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadFrame:
        return "bad_frame";
    case ErrorCode::FrameTooLarge:
        return "frame_too_large";
    case ErrorCode::UnknownMethod:
        return "unknown_method";
    case ErrorCode::InvalidParams:
        return "invalid_params";
    case ErrorCode::RateLimited:
        return "rate_limited";
    case ErrorCode::UnsupportedVersion:
        return "unsupported_version";
    case ErrorCode::NotAuthenticated:
        return "not_authenticated";
    case ErrorCode::BadCredentials:
        return "bad_credentials";
    case ErrorCode::AccountExists:
        return "account_exists";
    case ErrorCode::InvalidToken:
        return "invalid_token";
    case ErrorCode::AlreadyAuthenticated:
        return "already_authenticated";
    case ErrorCode::RegistrationClosed:
        return "registration_closed";
    case ErrorCode::NoSuchAccount:
        return "no_such_account";
    case ErrorCode::MessageConflict:
        return "message_conflict";
    case ErrorCode::InvalidRecord:
        return "invalid_record";
    case ErrorCode::NoSuchCall:
        return "no_such_call";
    case ErrorCode::NotParticipant:
        return "not_participant";
    case ErrorCode::CallStateConflict:
        return "call_state_conflict";
    case ErrorCode::CallerBusy:
        return "caller_busy";
    case ErrorCode::CalleeIsSelf:
        return "callee_is_self";
    case ErrorCode::RecordForbidden:
        return "record_forbidden";
    case ErrorCode::RecordMismatch:
        return "record_mismatch";
    case ErrorCode::RecordDuplicate:
        return "record_duplicate";
    case ErrorCode::Internal:
        return "internal";
    case ErrorCode::Unavailable:
        return "unavailable";
    }
    return {};
}

bool isKnownErrorCode(int code)
{
    return !errorCodeName(static_cast<ErrorCode>(code)).empty();
}

}  // namespace softphone::protocol
