#include "net/session_registry.h"

#include "net/client_connection.h"

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
    if (clientTypes(connection->account()) != before)
        emit presenceChanged(connection->account());
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
    if (clientTypes(account) != before)
        emit presenceChanged(account);
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
    return m_byAccount.contains(account);
}

std::vector<std::string> SessionRegistry::clientTypes(const std::string &account) const
{
    std::set<std::string> types;
    for (ClientConnection *connection : devices(account))
        types.insert(connection->clientType());
    return {types.begin(), types.end()};
}

void SessionRegistry::sendToAccount(const std::string &account, const std::string &text,
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
