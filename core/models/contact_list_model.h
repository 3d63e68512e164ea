#pragma once

#include "im/im_client.h"
#include "im/presence_book.h"

#include <QAbstractListModel>
#include <vector>

namespace softphone::im {

// The account's contacts with their presence, sorted by display name. Loaded from the
// server whenever the client comes online; presence follows the PresenceBook.
class ContactListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        AccountRole = Qt::UserRole + 1,
        NameRole,
        OnlineRole,
        ClientTypesRole,  // QStringList: "desktop", "web", "cli"...
    };

    ContactListModel(ImClient *im, PresenceBook *presence, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void refresh();
    void addContact(const QString &account);  // by account id; errors through `failed`
    void removeContact(const QString &account);
    int rowOf(const QString &account) const;

signals:
    void failed(int code, const QString &message);

private:
    void reset(const std::vector<protocol::Presence> &contacts);
    void insertSorted(const QString &account);
    bool lessThan(const QString &a, const QString &b) const;

    ImClient *m_im;
    PresenceBook *m_presence;
    std::vector<QString> m_accounts;
};

}  // namespace softphone::im
