#pragma once

#include "platform/clock.h"

#include <cstdint>

namespace softphone::server {

struct ServerConfig;
class Database;
class AccountStore;
class MessageStore;
class SessionRegistry;

// The shared parts every service works with; owned by SoftphoneServer.
struct ServerContext
{
    const ServerConfig &config;
    Database &db;
    AccountStore &accounts;
    MessageStore &messages;
    SessionRegistry &sessions;
    platform::Clock &clock;  // the system clock, or a test's manual one

    std::int64_t now() const { return clock.nowMs(); }  // ms since the epoch, server clock
};

}  // namespace softphone::server
