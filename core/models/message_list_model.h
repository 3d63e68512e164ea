#pragma once

#include "im/local_store.h"
#include "models/call_record_presenter.h"

#include <QAbstractListModel>
#include <deque>

namespace softphone::records {

// One conversation's messages, oldest at the top. Only the newest page is read on opening;
// older pages come in through fetchMore() as the view scrolls up, so a conversation of any
// length opens in the time of one page and holds only the rows loaded.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        BodyRole = Qt::UserRole + 1,
        FromRole,
        OutgoingRole,
        TimestampRole,
        DeliveryRole,
        IsCallRecordRole,
        RecordTextRole,
        RecordIconRole,
        RecordMissedRole,
        RecordTypeRole,
        LocalIdRole,
        RecordDurationRole,  // the viewer's time in the call, status 1 only; else empty
        RecordStatusRole,    // int(protocol::CallStatus), 0 for a message
    };

    MessageListModel(im::LocalStore *store, QString peer, int pageSize = 50,
                     QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    const QString &peer() const { return m_peer; }
    // A message stored after the model opened: appended if it belongs to this conversation.
    void messageStored(const im::StoredMessage &message);
    // A message whose state changed (sent, failed) or that was deleted locally.
    void messageChanged(std::int64_t localId);
    bool removeMessage(std::int64_t localId);

private:
    int rowOf(std::int64_t localId) const;

    im::LocalStore *m_store;
    QString m_peer;
    int m_pageSize;
    std::deque<im::StoredMessage> m_rows;
    std::deque<CallRecordView> m_views;  // parallel to m_rows; empty views for non-records
    bool m_reachedStart = false;
};

}  // namespace softphone::records
