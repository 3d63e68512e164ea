#pragma once

#include "im/im_client.h"

#include <QObject>
#include <QString>
#include <map>

namespace softphone::im {

// What this client knows of other accounts: display names and presence, kept up to date
// from presence events and from whatever the server tells about an account.
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

signals:
    void changed(const QString &account);

private:
    std::map<QString, protocol::Presence> m_known;
};

}  // namespace softphone::im
