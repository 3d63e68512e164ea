#include "services/password_hasher.h"

#include <sodium.h>

namespace softphone::server {

namespace {
constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19u * 1024u * 1024u;
}  // namespace

bool PasswordHasher::initialize()
{
    return sodium_init() >= 0;
}

std::string PasswordHasher::hash(std::string_view password)
{
    char encoded[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(encoded, password.data(), password.size(), kOpsLimit, kMemLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return {};
    }
    return encoded;
}

bool PasswordHasher::verify(const std::string &encodedHash, std::string_view password)
{
    return crypto_pwhash_str_verify(encodedHash.c_str(), password.data(), password.size()) == 0;
}

std::string PasswordHasher::newToken()
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    char text[sodium_base64_ENCODED_LEN(sizeof raw, variant)];
    sodium_bin2base64(text, sizeof text, raw, sizeof raw, variant);
    return text;
}

std::string PasswordHasher::tokenHash(std::string_view token)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(token.data()), token.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

}  // namespace softphone::server
