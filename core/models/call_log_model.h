#pragma once

#include "im/local_store.h"
#include "im/presence_book.h"
#include "models/call_record_presenter.h"

#include <QAbstractListModel>
#include <vector>

namespace softphone::records {

// The call log: the account's call records across conversations, the newest first, all of
// them or only the missed ones, each worded for the viewer.
class CallLogModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        PeerRole = Qt::UserRole + 1,
        NameRole,
        TextRole,
        IconRole,
        MissedRole,
        OutgoingRole,
        TypeRole,  // int(protocol::CallType)
        TimestampRole,
        DurationRole,
    };

    CallLogModel(im::LocalStore *store, im::PresenceBook *presence, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool missedOnly() const { return m_missedOnly; }
    void setMissedOnly(bool missedOnly);
    void setLimit(int limit) { m_limit = limit; }
    void reload();
    // A stored message: a call record reloads the log.
    void messageStored(const im::StoredMessage &message);

private:
    struct Row
    {
        QString peer;
        qint64 timestamp = 0;
        CallRecordView view;
    };

    im::LocalStore *m_store;
    im::PresenceBook *m_presence;
    std::vector<Row> m_rows;
    bool m_missedOnly = false;
    int m_limit = 500;
};

}  // namespace softphone::records
