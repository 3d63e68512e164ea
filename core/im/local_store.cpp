#include "local_store.h"

#include "protocol/call_rules.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace softphone::im {

using protocol::CallStatus;
using protocol::Message;
using protocol::MsgType;

namespace {

// The msg_type column holds the wire name of the message type.
QString callRecordType()
{
    const std::string_view name = protocol::enumName(MsgType::CallRecord);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

QAtomicInt connections;

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS messages ("
    " local_id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " peer TEXT NOT NULL, from_acc TEXT NOT NULL, to_acc TEXT NOT NULL,"
    " msg_type TEXT NOT NULL, body TEXT NOT NULL, attach TEXT NOT NULL,"
    " msgid_client TEXT NOT NULL, msgid_server INTEGER NOT NULL DEFAULT 0,"
    " msg_timestamp INTEGER NOT NULL, from_client_type TEXT NOT NULL,"
    " delivery INTEGER NOT NULL, read INTEGER NOT NULL, missed INTEGER NOT NULL,"
    " UNIQUE (from_acc, msgid_client))",
    "CREATE INDEX IF NOT EXISTS messages_peer ON messages (peer, local_id)",
    "CREATE INDEX IF NOT EXISTS messages_calls ON messages (msg_type, missed, local_id)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
};

const QString kColumns = QStringLiteral(
    "local_id, from_acc, to_acc, msg_type, body, attach, msgid_client, msgid_server, "
    "msg_timestamp, from_client_type, delivery, read");

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

}  // namespace

LocalStore::LocalStore(QString path, QString account)
    : m_path(std::move(path))
    , m_account(std::move(account))
    , m_connection(QStringLiteral("local-store-%1").arg(connections.fetchAndAddRelaxed(1)))
{}

LocalStore::~LocalStore()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

QString LocalStore::open()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(m_path);
    if (!m_db.open())
        return QStringLiteral("cannot open %1: %2").arg(m_path, m_db.lastError().text());
    QSqlQuery query(m_db);
    for (const char *statement : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"})
        query.exec(QString::fromLatin1(statement));
    for (const char *statement : kSchema) {
        if (!query.exec(QString::fromLatin1(statement)))
            return QStringLiteral("cannot create the local store: %1")
                .arg(query.lastError().text());
    }
    return {};
}

QString LocalStore::peerOf(const Message &message) const
{
    return q(message.from) == m_account ? q(message.to) : q(message.from);
}

bool LocalStore::isMissedCall(const Message &message, const QString &viewer)
{
    if (message.msgType != MsgType::CallRecord || q(message.from) == viewer)
        return false;
    const auto record = protocol::CallRecord::parse(message.attach);
    return record && protocol::isMissed(record->status, false);  // records come from callers
}

bool LocalStore::isTakenCall(const Message &message) const
{
    // A call answered or declined here (or on another of our devices) was seen as it rang.
    return message.msgType == MsgType::CallRecord && !isMissedCall(message, m_account);
}

std::optional<StoredMessage> LocalStore::insert(const Message &m, DeliveryState delivery, bool read)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO messages (peer, from_acc, to_acc, msg_type, body, "
                                 "attach, msgid_client, msgid_server, msg_timestamp, "
                                 "from_client_type, delivery, read, missed) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                 "ON CONFLICT (from_acc, msgid_client) DO NOTHING"));
    const bool missed = isMissedCall(m, m_account);
    for (const QVariant &value :
         {QVariant(peerOf(m)), QVariant(q(m.from)), QVariant(q(m.to)),
          QVariant(q(std::string(protocol::enumName(m.msgType)))), QVariant(q(m.body)),
          QVariant(q(m.attach)), QVariant(q(m.msgidClient)), QVariant(qint64(m.msgidServer)),
          QVariant(qint64(m.msgTimestamp)), QVariant(q(m.fromClientType)), QVariant(int(delivery)),
          QVariant(read), QVariant(missed)})
        query.addBindValue(value);
    if (!query.exec() || query.numRowsAffected() != 1)
        return std::nullopt;
    auto stored = select(QStringLiteral("WHERE local_id = ?"), {query.lastInsertId()});
    return stored.empty() ? std::nullopt : std::optional(std::move(stored.front()));
}

std::optional<StoredMessage> LocalStore::addFromServer(const Message &message)
{
    // Our own messages (sent from another device, or synced back) are read by definition.
    const bool own = q(message.from) == m_account;
    if (auto stored = insert(message, DeliveryState::Sent, own || isTakenCall(message)))
        return stored;
    // Already here: a pending copy of our own becomes sent.
    if (own)
        markSent(message.msgidClient, message.msgidServer, message.msgTimestamp);
    return std::nullopt;
}

std::optional<StoredMessage> LocalStore::addOutgoing(const Message &message)
{
    return insert(message, DeliveryState::Pending, true);
}

std::optional<StoredMessage> LocalStore::addLocalOnly(const Message &message, bool read)
{
    return insert(message, DeliveryState::LocalOnly, read);
}

bool LocalStore::markSent(const std::string &msgidClient, std::int64_t msgidServer,
                          std::int64_t timestamp)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE messages SET msgid_server = ?, msg_timestamp = ?, "
                                 "delivery = ? WHERE from_acc = ? AND msgid_client = ?"));
    query.addBindValue(qint64(msgidServer));
    query.addBindValue(qint64(timestamp));
    query.addBindValue(int(DeliveryState::Sent));
    query.addBindValue(m_account);
    query.addBindValue(q(msgidClient));
    return query.exec() && query.numRowsAffected() == 1;
}

void LocalStore::markFailed(const std::string &msgidClient)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE messages SET delivery = ? WHERE from_acc = ? AND "
                                 "msgid_client = ? AND delivery = ?"));
    query.addBindValue(int(DeliveryState::Failed));
    query.addBindValue(m_account);
    query.addBindValue(q(msgidClient));
    query.addBindValue(int(DeliveryState::Pending));
    query.exec();
}

std::vector<StoredMessage> LocalStore::select(const QString &where, const QVariantList &bindings)
{
    std::vector<StoredMessage> result;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM messages ") + where);
    for (const QVariant &value : bindings)
        query.addBindValue(value);
    if (!query.exec())
        return result;
    while (query.next()) {
        StoredMessage stored;
        stored.localId = query.value(0).toLongLong();
        Message &m = stored.message;
        m.from = query.value(1).toString().toStdString();
        m.to = query.value(2).toString().toStdString();
        m.msgType = protocol::enumFromName<MsgType>(query.value(3).toString().toStdString())
                        .value_or(MsgType::Custom);
        m.body = query.value(4).toString().toStdString();
        m.attach = query.value(5).toString().toStdString();
        m.msgidClient = query.value(6).toString().toStdString();
        m.msgidServer = query.value(7).toLongLong();
        m.msgTimestamp = query.value(8).toLongLong();
        m.fromClientType = query.value(9).toString().toStdString();
        stored.delivery = static_cast<DeliveryState>(query.value(10).toInt());
        stored.read = query.value(11).toBool();
        result.push_back(std::move(stored));
    }
    return result;
}

std::vector<StoredMessage> LocalStore::pendingOutgoing()
{
    return select(QStringLiteral("WHERE from_acc = ? AND delivery = ? ORDER BY local_id"),
                  {m_account, int(DeliveryState::Pending)});
}

bool LocalStore::remove(std::int64_t localId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM messages WHERE local_id = ?"));
    query.addBindValue(qint64(localId));
    return query.exec() && query.numRowsAffected() == 1;
}

std::optional<std::int64_t> LocalStore::removeOutgoing(const std::string &msgidClient)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT local_id FROM messages WHERE from_acc = ? AND "
                                 "msgid_client = ? AND delivery = ?"));
    query.addBindValue(m_account);
    query.addBindValue(q(msgidClient));
    query.addBindValue(int(DeliveryState::Pending));
    if (!query.exec() || !query.next())
        return std::nullopt;
    const std::int64_t localId = query.value(0).toLongLong();
    if (!remove(localId))
        return std::nullopt;
    return localId;
}

std::vector<StoredMessage> LocalStore::page(const QString &peer,
                                            std::optional<std::int64_t> beforeLocalId, int limit)
{
    auto messages = select(QStringLiteral("WHERE peer = ? AND local_id < ? "
                                          "ORDER BY local_id DESC LIMIT ?"),
                           {peer, qint64(beforeLocalId.value_or(INT64_MAX)), limit});
    std::reverse(messages.begin(), messages.end());
    return messages;
}

int LocalStore::count(const QString &peer)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM messages WHERE peer = ?"));
    query.addBindValue(peer);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

std::vector<Conversation> LocalStore::conversations()
{
    return selectConversations(QString(), {});
}

std::optional<Conversation> LocalStore::conversation(const QString &peer)
{
    auto found = selectConversations(QStringLiteral("WHERE peer = ?"), {peer});
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

std::vector<Conversation> LocalStore::selectConversations(const QString &where,
                                                          const QVariantList &bindings)
{
    std::vector<Conversation> result;
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT peer, MAX(local_id), SUM(read = 0), SUM(missed = 1 AND read = 0) "
                       "FROM messages %1 GROUP BY peer ORDER BY MAX(local_id) DESC")
            .arg(where));
    for (const QVariant &value : bindings)
        query.addBindValue(value);
    if (!query.exec())
        return result;
    while (query.next()) {
        Conversation conversation;
        conversation.peer = query.value(0).toString();
        const auto last = select(QStringLiteral("WHERE local_id = ?"), {query.value(1)});
        if (!last.empty())
            conversation.last = last.front();
        conversation.unread = query.value(2).toInt();
        conversation.missedCalls = query.value(3).toInt();
        result.push_back(std::move(conversation));
    }
    return result;
}

void LocalStore::markRead(const QString &peer)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE messages SET read = 1 WHERE peer = ? AND read = 0"));
    query.addBindValue(peer);
    query.exec();
}

std::vector<StoredMessage> LocalStore::callRecords(bool missedOnly, int limit)
{
    return select(missedOnly ? QStringLiteral("WHERE msg_type = ? AND missed = 1 "
                                              "ORDER BY local_id DESC LIMIT ?")
                             : QStringLiteral("WHERE msg_type = ? ORDER BY local_id DESC LIMIT ?"),
                  {callRecordType(), limit});
}

std::vector<StoredMessage> LocalStore::callRecordsWith(const QString &peer, int limit)
{
    auto records = select(QStringLiteral("WHERE peer = ? AND msg_type = ? "
                                         "ORDER BY local_id DESC LIMIT ?"),
                          {peer, callRecordType(), limit});
    std::reverse(records.begin(), records.end());
    return records;
}

std::vector<StoredMessage> LocalStore::callRecordsOfChannel(std::int64_t channelId)
{
    return select(QStringLiteral("WHERE msg_type = ? AND json_valid(attach) AND "
                                 "json_extract(attach, '$.channelId') = ? ORDER BY local_id"),
                  {callRecordType(), qint64(channelId)});
}

std::optional<StoredMessage> LocalStore::findOwn(const std::string &msgidClient)
{
    auto found = select(QStringLiteral("WHERE from_acc = ? AND msgid_client = ?"),
                        {m_account, q(msgidClient)});
    if (found.empty())
        return std::nullopt;
    return found.front();
}

std::vector<std::int64_t> LocalStore::applyPeerReceipt(const QString &peer, std::int64_t delivered,
                                                       std::int64_t read)
{
    // Marks only move forward: a Read message never goes back to Delivered.
    std::vector<std::int64_t> changed;
    const auto raise = [&](DeliveryState to, std::int64_t upTo, QVariantList from) {
        const QString states = QStringLiteral("?, ").repeated(int(from.size())).chopped(2);
        const QString where = QStringLiteral("WHERE peer = ? AND from_acc = ? AND to_acc = ? AND "
                                             "msgid_server > 0 AND msgid_server <= ? AND "
                                             "delivery IN (%1)")
                                  .arg(states);
        QVariantList bindings{peer, m_account, peer, qint64(upTo)};
        bindings.append(from);
        for (const StoredMessage &message : select(where, bindings))
            changed.push_back(message.localId);
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("UPDATE messages SET delivery = ? ") + where);
        query.addBindValue(int(to));
        for (const QVariant &value : bindings)
            query.addBindValue(value);
        query.exec();
    };
    raise(DeliveryState::Read, read, {int(DeliveryState::Sent), int(DeliveryState::Delivered)});
    raise(DeliveryState::Delivered, delivered, {int(DeliveryState::Sent)});
    std::sort(changed.begin(), changed.end());
    return changed;
}

bool LocalStore::markReadUpTo(const QString &peer, std::int64_t upTo)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE messages SET read = 1 WHERE peer = ? AND from_acc = ? "
                                 "AND msgid_server > 0 AND msgid_server <= ? AND read = 0"));
    query.addBindValue(peer);
    query.addBindValue(peer);
    query.addBindValue(qint64(upTo));
    return query.exec() && query.numRowsAffected() > 0;
}

std::int64_t LocalStore::lastIncoming(const QString &peer)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT MAX(msgid_server) FROM messages WHERE peer = ? AND from_acc = ?"));
    query.addBindValue(peer);
    query.addBindValue(peer);
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

std::int64_t LocalStore::syncCursor()
{
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'sync_cursor'"));
    return query.next() ? query.value(0).toLongLong() : 0;
}

void LocalStore::setSyncCursor(std::int64_t cursor)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('sync_cursor', ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(QString::number(cursor));
    query.exec();
}

}  // namespace softphone::im
