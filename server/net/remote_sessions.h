#pragma once

#include <functional>
#include <set>
#include <string>

namespace softphone::server {

// The devices that other servers hold, for a server that is one node of a cluster; the
// registry asks it about every account and tells it about its own.
class RemoteSessions
{
public:
    virtual ~RemoteSessions() = default;
    virtual bool isOnline(const std::string &account) const = 0;
    virtual std::set<std::string> clientTypes(const std::string &account) const = 0;
    // Carries an event to the account's devices on other nodes, but the device `exceptDevice`.
    virtual void sendToAccount(const std::string &account, const std::string &text,
                               const std::string &exceptDevice = {}) = 0;
    // Carries an event to one device on another node; false if no node holds it.
    virtual bool sendToDevice(const std::string &account, const std::string &deviceId,
                              const std::string &text) = 0;
    virtual bool hasDevice(const std::string &account, const std::string &deviceId) const = 0;
    // This node's devices of the account changed (logged in, replaced or gone).
    virtual void localDevicesChanged(const std::string &account) = 0;
    // Runs `then` once every other node has applied the device changes told it so far (or
    // has stopped answering).
    virtual void whenPeersKnow(std::function<void()> then) = 0;
};

}  // namespace softphone::server
