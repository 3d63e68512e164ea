#include "im/presence_book.h"

#include <QPointer>

namespace softphone::im {

PresenceBook::PresenceBook(ImClient *im, QObject *parent)
    : QObject(parent)
    , m_im(im)
{
    connect(im, &ImClient::stateChanged, this, [this](ConnectionState state) {
        if (state != ConnectionState::Online)
            return;
        // Whatever changed while this client was away was told to nobody: ask again.
        for (const QString &account : m_watched)
            lookUp(account);
    });
    connect(im, &ImClient::eventReceived, this,
            [this](const std::string &name, const protocol::json &data) {
                if (name != protocol::PresenceEvent::kEvent)
                    return;
                if (auto event = protocol::fromJson<protocol::PresenceEvent>(data))
                    update(event->presence);
            });
}

std::optional<protocol::Presence> PresenceBook::find(const QString &account) const
{
    auto it = m_known.find(account);
    if (it == m_known.end())
        return std::nullopt;
    return it->second;
}

bool PresenceBook::isOnline(const QString &account) const
{
    auto it = m_known.find(account);
    return it != m_known.end() && it->second.online;
}

QString PresenceBook::displayName(const QString &account) const
{
    auto it = m_known.find(account);
    if (it == m_known.end() || it->second.name.empty())
        return account;
    return QString::fromStdString(it->second.name);
}

void PresenceBook::update(const protocol::Presence &presence)
{
    const QString account = QString::fromStdString(presence.account);
    protocol::Presence merged = presence;
    auto it = m_known.find(account);
    if (it != m_known.end()) {
        if (merged.name.empty())
            merged.name = it->second.name;  // presence events may leave the name out
        if (it->second == merged)
            return;
    }
    m_known[account] = merged;
    emit changed(account);
}

void PresenceBook::watch(const QString &account)
{
    if (account.isEmpty() || !m_watched.insert(account).second)
        return;
    if (m_im->state() == ConnectionState::Online && !m_known.contains(account))
        lookUp(account);
}

void PresenceBook::lookUp(const QString &account)
{
    QPointer<PresenceBook> self(this);
    m_im->call(protocol::UserGet{account.toStdString()},
               [self](std::optional<protocol::Presence> presence, const protocol::ErrorBody &) {
                   if (self && presence)
                       self->update(*presence);  // an unknown account stays as it is
               });
}

}  // namespace softphone::im
