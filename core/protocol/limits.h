#pragma once

// Size limits and value rules of protocol version 1 (docs/protocol.md, "Limits").

#include "json_fields.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace softphone::protocol {

inline constexpr int kProtocolVersion = 1;

inline constexpr std::size_t kMaxFrameBytes = 256 * 1024;
inline constexpr std::size_t kMaxRecordBytes = 8 * 1024;
inline constexpr std::size_t kMaxTextBytes = 16 * 1024;
inline constexpr std::size_t kMaxAttachBytes = 64 * 1024;
inline constexpr std::size_t kMaxSdpBytes = 64 * 1024;
inline constexpr std::size_t kMaxCandidateBytes = 2 * 1024;
inline constexpr std::size_t kMaxAccountLength = 64;
inline constexpr std::size_t kMaxNameBytes = 128;
inline constexpr std::size_t kMaxIdLength = 64;  // cid, msgidClient, deviceId
inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordBytes = 1024;
inline constexpr std::size_t kMaxRecordDurations = 32;
inline constexpr std::int64_t kMaxDurationSeconds = 2147483647;
inline constexpr int kMaxPageSize = 500;

// Account ids: 1-64 of A-Z a-z 0-9 _ . - @, starting with a letter or digit.
bool isValidAccount(std::string_view account);
// What two account ids that look alike share: lower case, without . - _ ("Alice", "a.lice"
// and "alice_" are all "alice"). A server keeps one account per skeleton.
std::string accountSkeleton(std::string_view account);
// Opaque ids chosen by a peer (cid, msgidClient, deviceId): 1-64 of A-Z a-z 0-9 _ . : -
bool isValidId(std::string_view id);
// msgidClient values starting with this are the server's (its call records); clients may not
// send them, so no client can take the id of a record the server is still to store.
inline constexpr std::string_view kServerIdPrefix = "server:";
bool isValidUtf8(std::string_view text);

Problem checkAccount(const std::string &value);
Problem checkId(const std::string &value);
Problem checkIdOrEmpty(const std::string &value);
Problem checkName(const std::string &value);
Problem checkPassword(const std::string &value);
Problem checkNewPassword(const std::string &value);
Problem checkToken(const std::string &value);
Problem checkClientType(const std::string &value);
Problem checkText(const std::string &value);
Problem checkAttach(const std::string &value);
Problem checkSdp(const std::string &value);
Problem checkCandidate(const std::string &value);
Problem checkPositive(const std::int64_t &value);
Problem checkNonNegative(const std::int64_t &value);
Problem checkPageSize(const int &value);
Problem checkProtocolVersion(const int &value);

}  // namespace softphone::protocol
