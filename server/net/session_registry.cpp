#include "net/session_registry.h"

#include "net/client_connection.h"
#include "net/remote_sessions.h"

#include <algorithm>
#include <set>

namespace softphone::server {

ClientConnection *SessionRegistry::add(ClientConnection *connection)
{
    const auto before = clientTypes(connection->account());
    auto &list = m_byAccount[connection->account()];
    ClientConnection *replaced = nullptr;
    auto same = std::find_if(list.begin(), list.end(), [&](ClientConnection *c) {
        return c->deviceId() == connection->deviceId();
    });
    if (same != list.end()) {
        replaced = *same;
        *same = connection;
    } else {
        list.push_back(connection);
        ++m_count;
    }
    localDevicesChanged(connection->account(), before);
    return replaced;
}

void SessionRegistry::remove(ClientConnection *connection)
{
    auto it = m_byAccount.find(connection->account());
    if (it == m_byAccount.end())
        return;
    auto &list = it->second;
    auto found = std::find(list.begin(), list.end(), connection);
    if (found == list.end())
        return;  // already replaced by a newer connection of the same device
    const auto before = clientTypes(connection->account());
    list.erase(found);
    --m_count;
    const std::string account = connection->account();
    if (list.empty())
        m_byAccount.erase(it);
    localDevicesChanged(account, before);
}

void SessionRegistry::localDevicesChanged(const std::string &account,
                                          const std::vector<std::string> &before)
{
    if (m_remote)
        m_remote->localDevicesChanged(account);
    if (clientTypes(account) != before)
        emit presenceChanged(account);
}

void SessionRegistry::changeRemote(std::vector<std::string> accounts,
                                   const std::function<void()> &change)
{
    std::sort(accounts.begin(), accounts.end());
    accounts.erase(std::unique(accounts.begin(), accounts.end()), accounts.end());
    std::vector<std::vector<std::string>> before;
    for (const auto &account : accounts)
        before.push_back(clientTypes(account));
    change();
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        if (clientTypes(accounts[i]) != before[i])
            emit presenceChanged(accounts[i]);
    }
}

void SessionRegistry::whenPeersKnow(std::function<void()> then) const
{
    if (m_remote)
        m_remote->whenPeersKnow(std::move(then));
    else
        then();
}

std::vector<std::string> SessionRegistry::localAccounts() const
{
    std::vector<std::string> accounts;
    for (const auto &[account, connections] : m_byAccount)
        accounts.push_back(account);
    return accounts;
}

std::vector<ClientConnection *> SessionRegistry::devices(const std::string &account) const
{
    auto it = m_byAccount.find(account);
    return it == m_byAccount.end() ? std::vector<ClientConnection *>{} : it->second;
}

ClientConnection *SessionRegistry::device(const std::string &account,
                                          const std::string &deviceId) const
{
    auto it = m_byAccount.find(account);
    if (it == m_byAccount.end())
        return nullptr;
    for (ClientConnection *connection : it->second) {
        if (connection->deviceId() == deviceId)
            return connection;
    }
    return nullptr;
}

bool SessionRegistry::isOnline(const std::string &account) const
{
    return m_byAccount.contains(account) || (m_remote && m_remote->isOnline(account));
}

std::vector<std::string> SessionRegistry::clientTypes(const std::string &account) const
{
    std::set<std::string> types;
    if (m_remote)
        types = m_remote->clientTypes(account);
    for (ClientConnection *connection : devices(account))
        types.insert(connection->clientType());
    return {types.begin(), types.end()};
}

void SessionRegistry::sendToAccount(const std::string &account, const std::string &text,
                                    const ClientConnection *except) const
{
    if (m_remote)
        m_remote->sendToAccount(account, text);
    sendToLocalDevices(account, text, except);
}

void SessionRegistry::sendToAccount(const std::string &account, const std::string &text,
                                    const std::string &exceptDevice) const
{
    if (m_remote)
        m_remote->sendToAccount(account, text, exceptDevice);
    sendToLocalDevices(account, text, exceptDevice);
}

bool SessionRegistry::sendToDevice(const std::string &account, const std::string &deviceId,
                                   const std::string &text) const
{
    if (ClientConnection *connection = device(account, deviceId)) {
        connection->send(text);
        return true;
    }
    return m_remote && m_remote->sendToDevice(account, deviceId, text);
}

bool SessionRegistry::hasDevice(const std::string &account, const std::string &deviceId) const
{
    return device(account, deviceId) || (m_remote && m_remote->hasDevice(account, deviceId));
}

void SessionRegistry::sendToLocalDevices(const std::string &account, std::string_view text,
                                         std::string_view exceptDevice) const
{
    auto it = m_byAccount.find(account);
    if (it == m_byAccount.end())
        return;
    for (ClientConnection *connection : it->second) {
        if (connection->deviceId() != exceptDevice)
            connection->send(std::string(text));
    }
}

void SessionRegistry::sendToLocalDevices(const std::string &account, const std::string &text,
                                         const ClientConnection *except) const
{
    auto it = m_byAccount.find(account);
    if (it == m_byAccount.end())
        return;
    for (ClientConnection *connection : it->second) {
        if (connection != except)
            connection->send(text);
    }
}

}  // namespace softphone::server
