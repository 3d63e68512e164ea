#pragma once

// Error codes of protocol version 1. The numbers are stable: never renumber, only add.

#include <string_view>

namespace softphone::protocol {

enum class ErrorCode : int {
    // 1xxx: the frame itself
    BadFrame = 1000,            // not JSON, not an object, or neither request nor response
    FrameTooLarge = 1001,       // over the frame size limit
    UnknownMethod = 1002,       // no such method
    InvalidParams = 1003,       // params do not decode; the message names the field
    RateLimited = 1004,         // too many requests on this connection; retry later
    UnsupportedVersion = 1005,  // the client speaks a protocol version the server does not

    // 2xxx: accounts and sessions
    NotAuthenticated = 2000,      // the method needs a logged-in session
    BadCredentials = 2001,        // unknown account or wrong password
    AccountExists = 2002,         // register: the account id is taken
    InvalidToken = 2003,          // the session token is unknown, revoked or expired
    AlreadyAuthenticated = 2004,  // login on a connection that is logged in
    RegistrationClosed = 2005,    // register: this server creates accounts only by its operator

    // 3xxx: directory and messaging
    NoSuchAccount = 3000,    // the peer account does not exist
    MessageConflict = 3001,  // a msgidClient reused for different content
    InvalidRecord = 3002,    // an NRTC_NETCALL attach that is not a valid record

    // 4xxx: calls and rooms
    NoSuchCall = 4000,         // unknown cid, or the call has ended
    NotParticipant = 4001,     // the call or room is not yours
    CallStateConflict = 4002,  // not allowed in the call's current state (already answered...)
    CallerBusy = 4003,         // you are already in, placing or receiving a call
    CalleeIsSelf = 4004,       // calling your own account
    RecordForbidden = 4005,    // a record for a call you did not place, or records are off
    RecordMismatch = 4006,     // a record whose status or type does not match the call's end
    RecordDuplicate = 4007,    // the call already has its record

    // 5xxx: the server
    Internal = 5000,     // a fault on the server; the request may be retried
    Unavailable = 5001,  // the server is shutting down
};

std::string_view errorCodeName(ErrorCode code);
bool isKnownErrorCode(int code);

}  // namespace softphone::protocol
