#pragma once

#include "im/local_store.h"
#include "im/presence_book.h"

#include <QAbstractListModel>
#include <vector>

namespace softphone::records {

// The account's conversations, the most recent first: peer, presence, a preview of the last
// message (records as "[Voice call]", "[Missed video call]"...), its time, and the unread
// and missed-call counts. Rows move to the top as messages arrive.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        PeerRole = Qt::UserRole + 1,
        NameRole,
        OnlineRole,
        PreviewRole,
        TimestampRole,  // QDateTime of the last message, local time
        UnreadRole,
        MissedCallsRole,
        LastIsMissedCallRole,
    };

    ConversationListModel(im::LocalStore *store, im::PresenceBook *presence,
                          QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reload();
    // A message stored in any conversation: that conversation is refreshed and moved up.
    void messageStored(const im::StoredMessage &message);
    void markRead(const QString &peer);
    int rowOf(const QString &peer) const;
    int totalUnread() const;
    int totalMissedCalls() const;

private:
    void refresh(const QString &peer);
    QString previewOf(const im::StoredMessage &message) const;

    im::LocalStore *m_store;
    im::PresenceBook *m_presence;
    std::vector<im::Conversation> m_rows;
};

}  // namespace softphone::records
