#pragma once

#include <QObject>
#include <string>
#include <unordered_map>
#include <vector>

namespace softphone::server {

class ClientConnection;

// Who is online: the logged-in connections of each account, one per device.
class SessionRegistry : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Registers a logged-in connection. Returns the older connection of the same device,
    // which the caller closes, or nullptr.
    ClientConnection *add(ClientConnection *connection);
    void remove(ClientConnection *connection);

    std::vector<ClientConnection *> devices(const std::string &account) const;
    ClientConnection *device(const std::string &account, const std::string &deviceId) const;
    bool isOnline(const std::string &account) const;
    std::vector<std::string> clientTypes(const std::string &account) const;
    std::size_t connectionCount() const { return m_count; }
    std::size_t accountCount() const { return m_byAccount.size(); }

    void sendToAccount(const std::string &account, const std::string &text,
                       const ClientConnection *except = nullptr) const;

signals:
    // The account's first device came online, its last went offline, or its device types changed.
    void presenceChanged(const std::string &account);

private:
    std::unordered_map<std::string, std::vector<ClientConnection *>> m_byAccount;
    std::size_t m_count = 0;
};

}  // namespace softphone::server
