#include "services/directory_service.h"

#include "net/session_registry.h"
#include "storage/account_store.h"

namespace softphone::server {

using protocol::ErrorCode;

DirectoryService::DirectoryService(ServerContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    connect(&m_context.sessions, &SessionRegistry::presenceChanged, this,
            &DirectoryService::publishPresence);
}

protocol::Presence DirectoryService::presenceOf(const std::string &account, const std::string &name)
{
    return {account, name, m_context.sessions.isOnline(account),
            m_context.sessions.clientTypes(account)};
}

void DirectoryService::getUser(ClientConnection &, const protocol::UserGet &params, Responder reply)
{
    const auto name = m_context.accounts.name(params.account);
    if (!name) {
        reply.error(ErrorCode::NoSuchAccount, "no account \"" + params.account + "\"");
        return;
    }
    reply.result(presenceOf(params.account, *name));
}

void DirectoryService::listContacts(ClientConnection &client, const protocol::ContactsList &,
                                    Responder reply)
{
    protocol::ContactList list;
    for (const auto &contact : m_context.accounts.contacts(client.account()))
        list.contacts.push_back(presenceOf(contact, m_context.accounts.name(contact).value_or("")));
    reply.result(list);
}

void DirectoryService::addContact(ClientConnection &client, const protocol::ContactsAdd &params,
                                  Responder reply)
{
    const auto name = m_context.accounts.name(params.account);
    if (!name) {
        reply.error(ErrorCode::NoSuchAccount, "no account \"" + params.account + "\"");
        return;
    }
    if (!m_context.accounts.addContact(client.account(), params.account, m_context.now())) {
        reply.error(ErrorCode::Internal, "the contact could not be stored");
        return;
    }
    reply.result(presenceOf(params.account, *name));
}

void DirectoryService::removeContact(ClientConnection &client,
                                     const protocol::ContactsRemove &params, Responder reply)
{
    m_context.accounts.removeContact(client.account(), params.account);
    reply.result(protocol::Empty{});
}

void DirectoryService::publishPresence(const std::string &account)
{
    const auto audience = m_context.accounts.presenceAudience(account);
    // In a cluster every node hears of the change and tells the devices it holds.
    bool anyoneHere = false;
    for (const auto &peer : audience)
        anyoneHere = anyoneHere || m_context.sessions.hasLocalDevices(peer);
    if (!anyoneHere)
        return;
    const std::string text = protocol::encodeEvent(protocol::PresenceEvent{
        presenceOf(account, m_context.accounts.name(account).value_or(""))});
    for (const auto &peer : audience)
        m_context.sessions.sendToLocalDevices(peer, text);
}

}  // namespace softphone::server
