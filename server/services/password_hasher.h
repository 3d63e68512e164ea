#pragma once

#include <string>
#include <string_view>

namespace softphone::server {

// argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane) through libsodium, and the
// random session tokens that stand in for the password on reconnects.
class PasswordHasher
{
public:
    static bool initialize();  // once, before any other call; false if libsodium cannot start

    static std::string hash(std::string_view password);  // empty on failure (out of memory)
    static bool verify(const std::string &encodedHash, std::string_view password);

    static std::string newToken();                         // 256 random bits, base64url
    static std::string tokenHash(std::string_view token);  // what the database keeps: SHA-256 hex
};

}  // namespace softphone::server
