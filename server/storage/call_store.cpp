#include "storage/call_store.h"

#include "storage/database.h"
#include "storage/sql_values.h"

namespace softphone::server {

namespace {

std::optional<std::int64_t> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

QVariant nullableInt(std::optional<std::int64_t> value)
{
    return value ? QVariant(qint64(*value)) : QVariant(QMetaType(QMetaType::LongLong));
}

}  // namespace

bool CallStore::load()
{
    if (!m_channelIds.load())
        return false;
    auto query = m_db.exec(QStringLiteral("SELECT at FROM server_clock WHERE name = 'alive'"));
    if (!query)
        return false;
    if (query->next())
        return true;
    return m_db.exec(QStringLiteral("INSERT INTO server_clock (name, at) VALUES ('alive', 0)"))
        .has_value();
}

void CallStore::markAlive(std::int64_t at)
{
    m_db.exec(QStringLiteral("UPDATE server_clock SET at = ? WHERE name = 'alive'"), {qint64(at)});
}

std::optional<std::int64_t> CallStore::lastAlive()
{
    auto query = m_db.exec(QStringLiteral("SELECT at FROM server_clock WHERE name = 'alive'"));
    if (!query || !query->next() || query->value(0).toLongLong() == 0)
        return std::nullopt;
    return query->value(0).toLongLong();
}

bool CallStore::insert(const StoredCall &call)
{
    return m_db.write(
        QStringLiteral("INSERT INTO calls (cid, channel_id, caller, callee, call_type, "
                       "created_at, answered_at, ended_at, end_status, caller_device, "
                       "owner_node) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {sqlText(call.cid), qint64(call.channelId), sqlText(call.caller), sqlText(call.callee),
         static_cast<int>(call.type), qint64(call.createdAt), nullableInt(call.answeredAt),
         nullableInt(call.endedAt),
         call.endStatus ? QVariant(static_cast<int>(*call.endStatus))
                        : QVariant(QMetaType(QMetaType::Int)),
         sqlText(call.callerDevice),
         m_ownerNode.empty() ? QVariant(QMetaType(QMetaType::QString)) : sqlText(m_ownerNode)});
}

void CallStore::erase(const std::string &cid)
{
    m_db.write(QStringLiteral("DELETE FROM calls WHERE cid = ?"), {sqlText(cid)});
}

void CallStore::markAnswered(const std::string &cid, std::int64_t at, const std::string &device)
{
    m_db.write(QStringLiteral("UPDATE calls SET answered_at = ?, callee_device = ? WHERE cid = ?"),
               {qint64(at), sqlText(device), sqlText(cid)});
}

void CallStore::markEnded(const std::string &cid, std::int64_t at, protocol::CallStatus status,
                          std::optional<std::int64_t> recordMsgid)
{
    if (recordMsgid) {
        m_db.write(QStringLiteral("UPDATE calls SET ended_at = ?, end_status = ?, record_msgid = ? "
                                  "WHERE cid = ?"),
                   {qint64(at), static_cast<int>(status), qint64(*recordMsgid), sqlText(cid)});
        return;
    }
    m_db.write(QStringLiteral("UPDATE calls SET ended_at = ?, end_status = ? WHERE cid = ?"),
               {qint64(at), static_cast<int>(status), sqlText(cid)});
}

void CallStore::markRecord(std::int64_t channelId, std::int64_t msgid)
{
    m_db.write(QStringLiteral("UPDATE calls SET record_msgid = ? WHERE channel_id = ?"),
               {qint64(msgid), qint64(channelId)});
}

std::vector<StoredCall> CallStore::select(const QString &where,
                                          std::initializer_list<QVariant> bindings)
{
    std::vector<StoredCall> calls;
    auto query = m_db.exec(QStringLiteral("SELECT cid, channel_id, caller, callee, call_type, "
                                          "created_at, answered_at, ended_at, end_status, "
                                          "record_msgid, caller_device, callee_device "
                                          "FROM calls WHERE ") +
                               where,
                           bindings);
    while (query && query->next()) {
        StoredCall call;
        call.cid = textOf(query->value(0));
        call.channelId = query->value(1).toLongLong();
        call.caller = textOf(query->value(2));
        call.callee = textOf(query->value(3));
        call.type = static_cast<protocol::CallType>(query->value(4).toInt());
        call.createdAt = query->value(5).toLongLong();
        call.answeredAt = optionalInt(query->value(6));
        call.endedAt = optionalInt(query->value(7));
        if (!query->value(8).isNull())
            call.endStatus = static_cast<protocol::CallStatus>(query->value(8).toInt());
        call.recordMsgid = optionalInt(query->value(9));
        call.callerDevice = textOf(query->value(10));
        call.calleeDevice = textOf(query->value(11));
        calls.push_back(std::move(call));
    }
    return calls;
}

std::optional<StoredCall> CallStore::byChannel(std::int64_t channelId)
{
    auto calls = select(QStringLiteral("channel_id = ?"), {qint64(channelId)});
    if (calls.empty())
        return std::nullopt;
    return calls.front();
}

std::optional<StoredCall> CallStore::byCid(const std::string &cid)
{
    auto calls = select(QStringLiteral("cid = ?"), {sqlText(cid)});
    if (calls.empty())
        return std::nullopt;
    return calls.front();
}

std::vector<StoredCall> CallStore::unfinished()
{
    if (!m_ownerNode.empty()) {
        return select(QStringLiteral("owner_node = ? AND (ended_at IS NULL OR record_msgid IS "
                                     "NULL) ORDER BY channel_id"),
                      {sqlText(m_ownerNode)});
    }
    // A single node: the calls of no cluster node (the rows of a node that once ran in a
    // cluster are that node's).
    return select(QStringLiteral("owner_node IS NULL AND (ended_at IS NULL OR record_msgid IS "
                                 "NULL) ORDER BY channel_id"),
                  {});
}

void CallStore::joinRoom(const std::string &cid, const std::string &accid, std::int64_t uid,
                         std::int64_t at)
{
    m_db.write(QStringLiteral("INSERT INTO room_members (cid, accid, uid, join_time) "
                              "VALUES (?, ?, ?, ?)"),
               {sqlText(cid), sqlText(accid), qint64(uid), qint64(at)});
}

void CallStore::leaveRoom(const std::string &cid, const std::string &accid, std::int64_t at)
{
    m_db.write(QStringLiteral("UPDATE room_members SET leave_time = ? "
                              "WHERE cid = ? AND accid = ? AND leave_time IS NULL"),
               {qint64(at), sqlText(cid), sqlText(accid)});
}

void CallStore::closeRoom(const std::string &cid, std::int64_t at)
{
    m_db.write(QStringLiteral(
                   "UPDATE room_members SET leave_time = ? WHERE cid = ? AND leave_time IS NULL"),
               {qint64(at), sqlText(cid)});
}

std::vector<RoomStay> CallStore::stays(const std::string &cid)
{
    std::vector<RoomStay> result;
    auto query = m_db.exec(QStringLiteral("SELECT accid, uid, join_time, leave_time FROM "
                                          "room_members WHERE cid = ? ORDER BY join_time"),
                           {sqlText(cid)});
    while (query && query->next()) {
        result.push_back({textOf(query->value(0)), query->value(1).toLongLong(),
                          query->value(2).toLongLong(), optionalInt(query->value(3))});
    }
    return result;
}

}  // namespace softphone::server
