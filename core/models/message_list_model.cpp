#include "models/message_list_model.h"

#include <QDateTime>

namespace softphone::records {

namespace {

CallRecordView viewOf(const im::StoredMessage &stored, const QString &viewer)
{
    const protocol::Message &m = stored.message;
    if (m.msgType != protocol::MsgType::CallRecord)
        return {};
    const auto record = protocol::CallRecord::parse(m.attach);
    if (!record)
        return {};
    return CallRecordPresenter::present(*record, QString::fromStdString(m.from), viewer);
}

}  // namespace

MessageListModel::MessageListModel(im::LocalStore *store, QString peer, int pageSize,
                                   QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_peer(std::move(peer))
    , m_pageSize(std::max(1, pageSize))
{
    fetchMore({});
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_reachedStart;
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_reachedStart)
        return;
    const std::optional<std::int64_t> before =
        m_rows.empty() ? std::nullopt : std::optional(m_rows.front().localId);
    auto page = m_store->page(m_peer, before, m_pageSize);
    m_reachedStart = int(page.size()) < m_pageSize;
    if (page.empty())
        return;
    beginInsertRows({}, 0, int(page.size()) - 1);
    for (auto it = page.rbegin(); it != page.rend(); ++it) {
        m_views.push_front(viewOf(*it, m_store->account()));
        m_rows.push_front(std::move(*it));
    }
    endInsertRows();
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const im::StoredMessage &stored = m_rows[std::size_t(index.row())];
    const CallRecordView &view = m_views[std::size_t(index.row())];
    const protocol::Message &m = stored.message;
    const bool isRecord = m.msgType == protocol::MsgType::CallRecord;
    switch (role) {
    case Qt::DisplayRole:
        return isRecord ? view.text : QString::fromStdString(m.body);
    case BodyRole:
        return QString::fromStdString(m.body);
    case FromRole:
        return QString::fromStdString(m.from);
    case OutgoingRole:
        return QString::fromStdString(m.from) == m_store->account();
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(m.msgTimestamp);
    case DeliveryRole:
        return int(stored.delivery);
    case IsCallRecordRole:
        return isRecord;
    case RecordTextRole:
        return view.text;
    case RecordIconRole:
        return view.iconName;
    case RecordMissedRole:
        return view.missed;
    case RecordTypeRole:
        return isRecord ? int(view.type) : 0;
    case LocalIdRole:
        return qint64(stored.localId);
    case RecordDurationRole:
        return view.duration;
    case RecordStatusRole:
        return isRecord ? int(view.status) : 0;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{BodyRole, "body"},
                  {FromRole, "from"},
                  {OutgoingRole, "outgoing"},
                  {TimestampRole, "timestamp"},
                  {DeliveryRole, "delivery"},
                  {IsCallRecordRole, "isCallRecord"},
                  {RecordTextRole, "recordText"},
                  {RecordIconRole, "recordIcon"},
                  {RecordMissedRole, "recordMissed"},
                  {RecordTypeRole, "recordType"},
                  {LocalIdRole, "localId"},
                  {RecordDurationRole, "recordDuration"},
                  {RecordStatusRole, "recordStatus"}});
    return names;
}

void MessageListModel::messageStored(const im::StoredMessage &message)
{
    const protocol::Message &m = message.message;
    const QString peer = QString::fromStdString(
        QString::fromStdString(m.from) == m_store->account() ? m.to : m.from);
    if (peer != m_peer || rowOf(message.localId) >= 0)
        return;
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_views.push_back(viewOf(message, m_store->account()));
    m_rows.push_back(message);
    endInsertRows();
}

int MessageListModel::rowOf(std::int64_t localId) const
{
    // Rows are in local-id order, so a binary search finds one.
    const auto it = std::lower_bound(
        m_rows.begin(), m_rows.end(), localId,
        [](const im::StoredMessage &s, std::int64_t id) { return s.localId < id; });
    return it != m_rows.end() && it->localId == localId ? int(it - m_rows.begin()) : -1;
}

void MessageListModel::messageChanged(std::int64_t localId)
{
    const int row = rowOf(localId);
    if (row < 0)
        return;
    const auto fresh = m_store->page(m_peer, localId + 1, 1);
    if (fresh.empty() || fresh.front().localId != localId)
        return;
    m_rows[std::size_t(row)] = fresh.front();
    emit dataChanged(index(row), index(row));
}

bool MessageListModel::removeMessage(std::int64_t localId)
{
    const int row = rowOf(localId);
    if (row < 0 || !m_store->remove(localId))
        return false;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    m_views.erase(m_views.begin() + row);
    endRemoveRows();
    return true;
}

}  // namespace softphone::records
