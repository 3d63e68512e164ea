#pragma once

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

    static std::int64_t now();  // ms since the epoch, server clock
};

}  // namespace softphone::server
