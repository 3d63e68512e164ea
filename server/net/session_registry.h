#pragma once

#include <QObject>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace softphone::server {

class ClientConnection;
class RemoteSessions;

// Who is online: the logged-in connections of each account, one per device; in a cluster,
// also the devices the other nodes hold (RemoteSessions).
class SessionRegistry : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Registers a logged-in connection. Returns the older connection of the same device,
    // which the caller closes, or nullptr.
    ClientConnection *add(ClientConnection *connection);
    void remove(ClientConnection *connection);

    // In a cluster: where the other nodes' devices are known and events for them go.
    void setRemote(RemoteSessions *remote) { m_remote = remote; }
    // Applies a change to what other nodes hold, telling presence of each of `accounts`
    // whose online state or device types it changed.
    void changeRemote(std::vector<std::string> accounts, const std::function<void()> &change);
    // Runs `then` once every node knows the devices this node holds now: at once on one node.
    void whenPeersKnow(std::function<void()> then) const;
    // This node's accounts with at least one device.
    std::vector<std::string> localAccounts() const;

    // This node's connections of the account.
    std::vector<ClientConnection *> devices(const std::string &account) const;
    ClientConnection *device(const std::string &account, const std::string &deviceId) const;
    // Anywhere in the cluster.
    bool isOnline(const std::string &account) const;
    std::vector<std::string> clientTypes(const std::string &account) const;
    bool hasLocalDevices(const std::string &account) const { return m_byAccount.contains(account); }
    std::size_t connectionCount() const { return m_count; }
    std::size_t accountCount() const { return m_byAccount.size(); }

    // Every device of the account, on every node, but `except`.
    void sendToAccount(const std::string &account, const std::string &text,
                       const ClientConnection *except = nullptr) const;
    // Every device of the account, on every node, but the device `exceptDevice`.
    void sendToAccount(const std::string &account, const std::string &text,
                       const std::string &exceptDevice) const;
    // One device, on this node or another; false if no node holds it.
    bool sendToDevice(const std::string &account, const std::string &deviceId,
                      const std::string &text) const;
    bool hasDevice(const std::string &account, const std::string &deviceId) const;
    // Only this node's devices of the account.
    void sendToLocalDevices(const std::string &account, const std::string &text,
                            const ClientConnection *except = nullptr) const;
    void sendToLocalDevices(const std::string &account, std::string_view text,
                            std::string_view exceptDevice) const;

signals:
    // The account's first device came online, its last went offline, or its device types
    // changed, on this node or another: each node tells its own devices.
    void presenceChanged(const std::string &account);

private:
    void localDevicesChanged(const std::string &account, const std::vector<std::string> &before);

    RemoteSessions *m_remote = nullptr;
    std::unordered_map<std::string, std::vector<ClientConnection *>> m_byAccount;
    std::size_t m_count = 0;
};

}  // namespace softphone::server
