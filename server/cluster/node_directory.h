#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace softphone::server {

struct RemoteDevice
{
    std::string id;
    std::string clientType;
    bool operator==(const RemoteDevice &) const = default;
};

using DevicesByAccount = std::unordered_map<std::string, std::vector<RemoteDevice>>;

// What the other nodes of the cluster hold: each one's logged-in devices by account, and
// when it was last heard from. A node silent for longer than the timeout is gone, and its
// devices with it.
class NodeDirectory
{
public:
    explicit NodeDirectory(std::int64_t silenceLimitMs)
        : m_silenceLimitMs(silenceLimitMs)
    {}

    enum class Heard { Known, New, Restarted };
    // `boot` tells one run of a node from the next under the same name. A restarted node
    // keeps the devices of its previous run until it is forgotten.
    Heard heard(const std::string &node, const std::string &boot, std::int64_t nowMs);
    // The node's whole list of devices for one account (empty: none left).
    void setDevices(const std::string &node, const std::string &account,
                    std::vector<RemoteDevice> devices);
    // The node's whole directory at once.
    void replace(const std::string &node, DevicesByAccount devices);
    void forget(const std::string &node);

    std::vector<std::string> silentNodes(std::int64_t nowMs) const;
    bool isKnown(const std::string &node, const std::string &boot) const;
    std::vector<std::string> accountsOf(const std::string &node) const;
    const std::set<std::string> &nodesOf(const std::string &account) const;
    // The node that holds the device ("" none).
    std::string nodeOf(const std::string &account, const std::string &deviceId) const;
    // Every node that holds it: two while a device that moved is not yet gone from the first.
    std::vector<std::string> nodesOf(const std::string &account, const std::string &deviceId) const;
    bool isOnline(const std::string &account) const { return m_nodesOf.contains(account); }
    std::set<std::string> clientTypes(const std::string &account) const;
    std::vector<std::string> nodes() const;

private:
    struct Node
    {
        std::string boot;
        std::int64_t lastHeardMs = 0;
        DevicesByAccount devices;
    };
    void forgetDevices(const std::string &node);

    std::int64_t m_silenceLimitMs;
    std::map<std::string, Node> m_nodes;
    std::unordered_map<std::string, std::set<std::string>> m_nodesOf;  // account -> nodes
};

}  // namespace softphone::server
