#pragma once

#include "protocol/messages.h"
#include "server_config.h"

#include <cstdint>
#include <string>

namespace softphone::server {

// Time-limited TURN credentials in coturn's use-auth-secret scheme: the username carries
// its expiry, the password is HMAC-SHA1(shared secret, username) in base64.
class TurnService
{
public:
    explicit TurnService(const TurnSettings &settings)
        : m_settings(settings)
    {}
    protocol::TurnCredentials credentialsFor(const std::string &account, std::int64_t nowMs) const;

private:
    const TurnSettings &m_settings;
};

}  // namespace softphone::server
