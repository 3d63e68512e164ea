#include "models/call_log_model.h"

#include <QDateTime>

namespace softphone::records {

CallLogModel::CallLogModel(im::LocalStore *store, im::PresenceBook *presence, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_presence(presence)
{
    connect(m_presence, &im::PresenceBook::changed, this, [this](const QString &account) {
        for (std::size_t row = 0; row < m_rows.size(); ++row) {
            if (m_rows[row].peer == account)
                emit dataChanged(index(int(row)), index(int(row)), {NameRole, Qt::DisplayRole});
        }
    });
    reload();
}

int CallLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CallLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m_presence->displayName(row.peer);
    case PeerRole:
        return row.peer;
    case TextRole:
        return row.view.text;
    case IconRole:
        return row.view.iconName;
    case MissedRole:
        return row.view.missed;
    case OutgoingRole:
        return row.view.outgoing;
    case TypeRole:
        return int(row.view.type);
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(row.timestamp);
    case DurationRole:
        return row.view.duration;
    default:
        return {};
    }
}

QHash<int, QByteArray> CallLogModel::roleNames() const
{
    return {{PeerRole, "peer"}, {NameRole, "name"},           {TextRole, "text"},
            {IconRole, "icon"}, {MissedRole, "missed"},       {OutgoingRole, "outgoing"},
            {TypeRole, "type"}, {TimestampRole, "timestamp"}, {DurationRole, "duration"}};
}

void CallLogModel::setMissedOnly(bool missedOnly)
{
    if (m_missedOnly == missedOnly)
        return;
    m_missedOnly = missedOnly;
    reload();
}

void CallLogModel::reload()
{
    beginResetModel();
    m_rows.clear();
    const QString viewer = m_store->account();
    for (const im::StoredMessage &stored : m_store->callRecords(m_missedOnly, m_limit)) {
        const protocol::Message &m = stored.message;
        const auto record = protocol::CallRecord::parse(m.attach);
        if (!record)
            continue;
        const QString from = QString::fromStdString(m.from);
        Row row;
        row.peer = from == viewer ? QString::fromStdString(m.to) : from;
        row.timestamp = m.msgTimestamp;
        row.view = CallRecordPresenter::present(*record, from, viewer);
        m_rows.push_back(std::move(row));
    }
    endResetModel();
}

void CallLogModel::messageStored(const im::StoredMessage &message)
{
    if (message.message.msgType == protocol::MsgType::CallRecord)
        reload();
}

}  // namespace softphone::records
