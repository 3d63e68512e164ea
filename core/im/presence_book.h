#pragma once

#include "im/im_client.h"

#include <QObject>
#include <QString>
#include <map>
#include <set>

namespace softphone::im {

// What this client knows of other accounts: display names and presence, kept up to date
// from presence events and from whatever the server tells about an account. Presence events
// only tell changes, so the accounts the user sees (conversation peers that may not be
// contacts) are watched: looked up at once and again after every login.
class PresenceBook : public QObject
{
    Q_OBJECT

public:
    explicit PresenceBook(ImClient *im, QObject *parent = nullptr);

    std::optional<protocol::Presence> find(const QString &account) const;
    bool isOnline(const QString &account) const;
    // The display name, or the account id when it has none (or is unknown).
    QString displayName(const QString &account) const;
    void update(const protocol::Presence &presence);
    // Keeps `account` up to date: looks it up now if online and unknown, and at every login.
    void watch(const QString &account);

signals:
    void changed(const QString &account);

private:
    void lookUp(const QString &account);

    ImClient *m_im;
    std::map<QString, protocol::Presence> m_known;
    std::set<QString> m_watched;
};

}  // namespace softphone::im
