#include "limits.h"

#include <cstdint>
#include <cstring>

namespace softphone::protocol {

namespace {

bool isAsciiAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool allOf(std::string_view text, std::string_view extra)
{
    for (char c : text) {
        if (!isAsciiAlnum(c) && extra.find(c) == std::string_view::npos)
            return false;
    }
    return true;
}

Problem checkUtf8Within(const std::string &value, std::size_t maxBytes, const char *tooLong)
{
    if (value.size() > maxBytes)
        return {DecodeErrorKind::TooLarge, tooLong};
    if (!isValidUtf8(value))
        return invalid("must be valid UTF-8");
    return {};
}

}  // namespace

std::string accountSkeleton(std::string_view account)
{
    std::string skeleton;
    skeleton.reserve(account.size());
    for (const char c : account) {
        if (c == '.' || c == '-' || c == '_')
            continue;
        skeleton += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    return skeleton;
}

bool isValidAccount(std::string_view account)
{
    return !account.empty() && account.size() <= kMaxAccountLength && isAsciiAlnum(account[0]) &&
           allOf(account, "_.-@");
}

bool isValidId(std::string_view id)
{
    return !id.empty() && id.size() <= kMaxIdLength && allOf(id, "_.:-");
}

bool isValidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        // Runs of ASCII, most of any frame, eight bytes at a time.
        for (std::uint64_t word; i + 8 <= text.size(); i += 8) {
            std::memcpy(&word, text.data() + i, 8);
            if ((word & 0x8080808080808080ULL) != 0)
                break;
        }
        if (i == text.size())
            break;
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t codePoint = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2;
            codePoint = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            codePoint = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            codePoint = lead & 0x07;
        } else {
            return false;
        }
        if (i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80)
                return false;
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        const bool overlong = (length == 2 && codePoint < 0x80) ||
                              (length == 3 && codePoint < 0x800) ||
                              (length == 4 && codePoint < 0x10000);
        if (overlong || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

Problem checkAccount(const std::string &value)
{
    if (isValidAccount(value))
        return {};
    return invalid("must be an account id: 1-64 of A-Z a-z 0-9 _ . - @, starting with a "
                   "letter or digit");
}

Problem checkId(const std::string &value)
{
    if (isValidId(value))
        return {};
    return invalid("must be an id: 1-64 of A-Z a-z 0-9 _ . : -");
}

Problem checkIdOrEmpty(const std::string &value)
{
    return value.empty() ? Problem{} : checkId(value);
}

Problem checkName(const std::string &value)
{
    return checkUtf8Within(value, kMaxNameBytes, "must be at most 128 bytes");
}

Problem checkPassword(const std::string &value)
{
    if (value.empty())
        return invalid("must not be empty");
    return checkUtf8Within(value, kMaxPasswordBytes, "must be at most 1024 bytes");
}

Problem checkNewPassword(const std::string &value)
{
    if (value.size() < kMinPasswordLength)
        return invalid("must be at least 8 bytes");
    return checkPassword(value);
}

Problem checkToken(const std::string &value)
{
    if (!value.empty() && value.size() <= 128 && allOf(value, "_-"))
        return {};
    return invalid("must be a session token");
}

Problem checkClientType(const std::string &value)
{
    if (!value.empty() && value.size() <= 16 && allOf(value, "_-"))
        return {};
    return invalid("must be a client type: 1-16 of A-Z a-z 0-9 _ -");
}

Problem checkText(const std::string &value)
{
    return checkUtf8Within(value, kMaxTextBytes, "must be at most 16384 bytes");
}

Problem checkAttach(const std::string &value)
{
    return checkUtf8Within(value, kMaxAttachBytes, "must be at most 65536 bytes");
}

Problem checkSdp(const std::string &value)
{
    if (value.empty())
        return invalid("must not be empty");
    return checkUtf8Within(value, kMaxSdpBytes, "must be at most 65536 bytes");
}

Problem checkCandidate(const std::string &value)
{
    return checkUtf8Within(value, kMaxCandidateBytes, "must be at most 2048 bytes");
}

Problem checkPositive(const std::int64_t &value)
{
    return value > 0 ? Problem{} : outOfRange("must be positive");
}

Problem checkNonNegative(const std::int64_t &value)
{
    return value >= 0 ? Problem{} : outOfRange("must not be negative");
}

Problem checkPageSize(const int &value)
{
    return value >= 1 && value <= kMaxPageSize ? Problem{}
                                               : outOfRange("must be between 1 and 500");
}

Problem checkProtocolVersion(const int &value)
{
    return value >= 1 ? Problem{} : outOfRange("must be positive");
}

}  // namespace softphone::protocol
