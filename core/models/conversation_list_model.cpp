#include "models/conversation_list_model.h"

#include "models/call_record_presenter.h"

#include <QDateTime>
#include <numeric>

namespace softphone::records {

ConversationListModel::ConversationListModel(im::LocalStore *store, im::PresenceBook *presence,
                                             QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_presence(presence)
{
    connect(m_presence, &im::PresenceBook::changed, this, [this](const QString &account) {
        if (const int row = rowOf(account); row >= 0)
            emit dataChanged(index(row), index(row), {NameRole, OnlineRole, Qt::DisplayRole});
    });
    reload();
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const im::Conversation &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m_presence->displayName(row.peer);
    case PeerRole:
        return row.peer;
    case OnlineRole:
        return m_presence->isOnline(row.peer);
    case PreviewRole:
        return row.last ? previewOf(*row.last) : QString();
    case TimestampRole:
        return row.last ? QDateTime::fromMSecsSinceEpoch(row.last->message.msgTimestamp)
                        : QDateTime();
    case UnreadRole:
        return row.unread;
    case MissedCallsRole:
        return row.missedCalls;
    case LastIsMissedCallRole:
        return row.last && im::LocalStore::isMissedCall(row.last->message, m_store->account());
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{PeerRole, "peer"},
            {NameRole, "name"},
            {OnlineRole, "online"},
            {PreviewRole, "preview"},
            {TimestampRole, "timestamp"},
            {UnreadRole, "unread"},
            {MissedCallsRole, "missedCalls"},
            {LastIsMissedCallRole, "lastIsMissedCall"}};
}

void ConversationListModel::reload()
{
    beginResetModel();
    m_rows = m_store ? m_store->conversations() : std::vector<im::Conversation>{};
    endResetModel();
    for (const im::Conversation &row : m_rows)
        m_presence->watch(row.peer);
}

void ConversationListModel::messageStored(const im::StoredMessage &message)
{
    const QString account = m_store->account();
    const std::string &from = message.message.from;
    refresh(QString::fromStdString(from == account.toStdString() ? message.message.to : from));
}

void ConversationListModel::markRead(const QString &peer)
{
    m_store->markRead(peer);
    if (const int row = rowOf(peer); row >= 0) {
        if (auto fresh = m_store->conversation(peer)) {
            m_rows[std::size_t(row)] = std::move(*fresh);
            emit dataChanged(index(row), index(row), {UnreadRole, MissedCallsRole});
        }
    }
}

int ConversationListModel::rowOf(const QString &peer) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].peer == peer)
            return int(i);
    }
    return -1;
}

int ConversationListModel::totalUnread() const
{
    return std::accumulate(m_rows.begin(), m_rows.end(), 0,
                           [](int sum, const im::Conversation &c) { return sum + c.unread; });
}

int ConversationListModel::totalMissedCalls() const
{
    return std::accumulate(m_rows.begin(), m_rows.end(), 0,
                           [](int sum, const im::Conversation &c) { return sum + c.missedCalls; });
}

// The conversation of `peer` has changed: it is read again and, having the newest message,
// goes to the top.
void ConversationListModel::refresh(const QString &peer)
{
    auto fresh = m_store->conversation(peer);
    if (!fresh)
        return;
    int row = rowOf(peer);
    if (row < 0) {
        m_presence->watch(peer);
        beginInsertRows({}, 0, 0);
        m_rows.insert(m_rows.begin(), std::move(*fresh));
        endInsertRows();
        return;
    }
    if (row > 0) {
        beginMoveRows({}, row, row, {}, 0);
        std::rotate(m_rows.begin(), m_rows.begin() + row, m_rows.begin() + row + 1);
        endMoveRows();
        row = 0;
    }
    m_rows[0] = std::move(*fresh);
    emit dataChanged(index(0), index(0));
}

QString ConversationListModel::previewOf(const im::StoredMessage &stored) const
{
    const protocol::Message &m = stored.message;
    if (m.msgType == protocol::MsgType::CallRecord) {
        if (auto record = protocol::CallRecord::parse(m.attach))
            return CallRecordPresenter::present(*record, QString::fromStdString(m.from),
                                                m_store->account())
                .preview;
    }
    QString text = QString::fromStdString(m.body).simplified();
    if (text.size() > 80)
        text = text.left(79) + QChar(0x2026);
    return text;
}

}  // namespace softphone::records
