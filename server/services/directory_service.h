#pragma once

#include "net/client_connection.h"
#include "net/responder.h"
#include "protocol/messages.h"
#include "server_context.h"

#include <QObject>

namespace softphone::server {

// user.get and the contact list, and presence pushed to those who care about an account.
class DirectoryService : public QObject
{
    Q_OBJECT

public:
    DirectoryService(ServerContext &context, QObject *parent = nullptr);

    void getUser(ClientConnection &client, const protocol::UserGet &params, Responder reply);
    void listContacts(ClientConnection &client, const protocol::ContactsList &, Responder reply);
    void addContact(ClientConnection &client, const protocol::ContactsAdd &params, Responder reply);
    void removeContact(ClientConnection &client, const protocol::ContactsRemove &params,
                       Responder reply);

    void publishPresence(const std::string &account);

private:
    protocol::Presence presenceOf(const std::string &account, const std::string &name);

    ServerContext &m_context;
};

}  // namespace softphone::server
