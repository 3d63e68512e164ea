#include "cluster/node_directory.h"

namespace softphone::server {

NodeDirectory::Heard NodeDirectory::heard(const std::string &node, const std::string &boot,
                                          std::int64_t nowMs)
{
    auto [it, inserted] = m_nodes.try_emplace(node);
    Node &entry = it->second;
    entry.lastHeardMs = nowMs;
    if (inserted) {
        entry.boot = boot;
        return Heard::New;
    }
    return entry.boot == boot ? Heard::Known : Heard::Restarted;
}

void NodeDirectory::setDevices(const std::string &node, const std::string &account,
                               std::vector<RemoteDevice> devices)
{
    auto it = m_nodes.find(node);
    if (it == m_nodes.end())
        return;  // not heard from (or already given up): its beat will bring a snapshot
    if (devices.empty()) {
        it->second.devices.erase(account);
        auto holders = m_nodesOf.find(account);
        if (holders != m_nodesOf.end()) {
            holders->second.erase(node);
            if (holders->second.empty())
                m_nodesOf.erase(holders);
        }
        return;
    }
    it->second.devices[account] = std::move(devices);
    m_nodesOf[account].insert(node);
}

void NodeDirectory::replace(const std::string &node, DevicesByAccount devices)
{
    if (!m_nodes.contains(node))
        return;
    forgetDevices(node);
    for (auto &[account, list] : devices)
        setDevices(node, account, std::move(list));
}

void NodeDirectory::forget(const std::string &node)
{
    forgetDevices(node);
    m_nodes.erase(node);
}

void NodeDirectory::forgetDevices(const std::string &node)
{
    for (const auto &account : accountsOf(node))
        setDevices(node, account, {});
}

std::vector<std::string> NodeDirectory::silentNodes(std::int64_t nowMs) const
{
    std::vector<std::string> silent;
    for (const auto &[name, entry] : m_nodes) {
        if (nowMs - entry.lastHeardMs > m_silenceLimitMs)
            silent.push_back(name);
    }
    return silent;
}

std::vector<std::string> NodeDirectory::accountsOf(const std::string &node) const
{
    std::vector<std::string> accounts;
    auto it = m_nodes.find(node);
    if (it != m_nodes.end()) {
        for (const auto &[account, list] : it->second.devices)
            accounts.push_back(account);
    }
    return accounts;
}

const std::set<std::string> &NodeDirectory::nodesOf(const std::string &account) const
{
    static const std::set<std::string> none;
    auto it = m_nodesOf.find(account);
    return it == m_nodesOf.end() ? none : it->second;
}

std::string NodeDirectory::nodeOf(const std::string &account, const std::string &deviceId) const
{
    for (const auto &node : nodesOf(account)) {
        for (const auto &device : m_nodes.at(node).devices.at(account)) {
            if (device.id == deviceId)
                return node;
        }
    }
    return {};
}

std::vector<std::string> NodeDirectory::nodesOf(const std::string &account,
                                                const std::string &deviceId) const
{
    std::vector<std::string> holders;
    for (const auto &node : nodesOf(account)) {
        for (const auto &device : m_nodes.at(node).devices.at(account)) {
            if (device.id == deviceId)
                holders.push_back(node);
        }
    }
    return holders;
}

std::set<std::string> NodeDirectory::clientTypes(const std::string &account) const
{
    std::set<std::string> types;
    for (const auto &node : nodesOf(account)) {
        for (const auto &device : m_nodes.at(node).devices.at(account))
            types.insert(device.clientType);
    }
    return types;
}

std::vector<std::string> NodeDirectory::nodes() const
{
    std::vector<std::string> names;
    for (const auto &[name, entry] : m_nodes)
        names.push_back(name);
    return names;
}

bool NodeDirectory::isKnown(const std::string &node, const std::string &boot) const
{
    auto it = m_nodes.find(node);
    return it != m_nodes.end() && it->second.boot == boot;
}

}  // namespace softphone::server
