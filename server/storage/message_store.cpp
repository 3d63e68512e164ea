#include "storage/message_store.h"

#include "storage/database.h"
#include "storage/sql_values.h"

#include <QSqlQuery>
#include <algorithm>

namespace softphone::server {

using protocol::Message;
using protocol::MsgType;

namespace {

// The message ids of a cluster's shared database.
const QString kIdSequence = QStringLiteral("message_ids");

const QString kColumns = QStringLiteral(
    "msgid_server, from_acc, to_acc, msg_type, body, attach, msgid_client, msg_timestamp, "
    "from_client_type");

std::string msgTypeName(MsgType type)
{
    return std::string(protocol::enumName(type));
}

MsgType msgTypeFromName(const std::string &name)
{
    return protocol::enumFromName<MsgType>(name).value_or(MsgType::Custom);
}

}  // namespace

std::string MessageStore::conversationKey(const std::string &a, const std::string &b)
{
    return a < b ? a + "|" + b : b + "|" + a;
}

bool MessageStore::load()
{
    auto query = m_db.exec(QStringLiteral("SELECT MAX(msgid_server) FROM messages"));
    if (!query)
        return false;
    m_lastId = query->next() ? query->value(0).toLongLong() : 0;
    m_linked.clear();  // a rolled-back group may have taken links with it: write them again
    return !m_db.isShared() || m_db.prepareSequence(kIdSequence, m_lastId);
}

std::vector<Message> MessageStore::readMessages(QSqlQuery &query)
{
    std::vector<Message> messages;
    while (query.next()) {
        Message m;
        m.msgidServer = query.value(0).toLongLong();
        m.from = textOf(query.value(1));
        m.to = textOf(query.value(2));
        m.msgType = msgTypeFromName(textOf(query.value(3)));
        m.body = textOf(query.value(4));
        m.attach = textOf(query.value(5));
        m.msgidClient = textOf(query.value(6));
        m.msgTimestamp = query.value(7).toLongLong();
        m.fromClientType = textOf(query.value(8));
        messages.push_back(std::move(m));
    }
    return messages;
}

bool MessageStore::readPage(QSqlQuery &query, int limit, std::vector<Message> &out)
{
    // The query asked for one row more than the page: its presence says there is more.
    out = readMessages(query);
    const bool more = out.size() > static_cast<std::size_t>(limit);
    if (more)
        out.pop_back();
    return more;
}

std::optional<Message> MessageStore::findByClientId(const std::string &from,
                                                    const std::string &msgidClient)
{
    auto query =
        m_db.exec(QStringLiteral("SELECT ") + kColumns +
                      QStringLiteral(" FROM messages WHERE from_acc = ? AND msgid_client = ?"),
                  {sqlText(from), sqlText(msgidClient)});
    if (!query)
        return std::nullopt;
    auto found = readMessages(*query);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

bool MessageStore::insert(Message &message)
{
    std::optional<std::int64_t> id;
    const std::string key = conversationKey(message.from, message.to);
    // The first message of a conversation links its two peers, atomically with it. A later one
    // is a single statement; on PostgreSQL it still needs its unit, since a failed statement
    // there would abort the whole open write group.
    const bool first = !m_linked.contains(key);
    if (first || m_db.isPostgres()) {
        if (!m_db.transaction())
            return false;
        id = insertRow(message, key);
        if (!id || (first && !linkPeers(message)) || !m_db.commit()) {
            m_db.rollback();
            return false;
        }
        m_linked.insert(key);
    } else if (!(id = insertRow(message, key))) {
        return false;
    }
    m_lastId = std::max(m_lastId, *id);
    message.msgidServer = *id;
    return true;
}

std::optional<std::int64_t> MessageStore::insertRow(const Message &message, const std::string &key)
{
    const QVariant body = sqlExactText(message.body, !m_db.isPostgres());
    const QVariant attach = sqlExactText(message.attach, !m_db.isPostgres());
    if (m_db.isShared()) {
        // A cluster's ids come from the shared sequence, taken in the insert itself: one round
        // trip to the database, not two.
        auto query = m_db.exec(
            QStringLiteral("INSERT INTO messages (") + kColumns +
                QStringLiteral(", conv_key) VALUES (nextval('%1'), ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                               "RETURNING msgid_server")
                    .arg(kIdSequence),
            {sqlText(message.from), sqlText(message.to), sqlText(msgTypeName(message.msgType)),
             body, attach, sqlText(message.msgidClient), qint64(message.msgTimestamp),
             sqlText(message.fromClientType), sqlText(key)});
        if (!query || !query->next())
            return std::nullopt;
        return query->value(0).toLongLong();
    }
    const std::int64_t id = m_lastId + 1;
    if (!m_db.exec(QStringLiteral("INSERT INTO messages (") + kColumns +
                       QStringLiteral(", conv_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                   {qint64(id), sqlText(message.from), sqlText(message.to),
                    sqlText(msgTypeName(message.msgType)), body, attach,
                    sqlText(message.msgidClient), qint64(message.msgTimestamp),
                    sqlText(message.fromClientType), sqlText(key)}))
        return std::nullopt;
    return id;
}

bool MessageStore::linkPeers(const Message &message)
{
    const QString peers = QStringLiteral(
        "INSERT INTO conversation_peers (owner, peer) VALUES (?, ?) ON CONFLICT DO NOTHING");
    return m_db.exec(peers, {sqlText(message.from), sqlText(message.to)}) &&
           m_db.exec(peers, {sqlText(message.to), sqlText(message.from)});
}

protocol::HistoryPage MessageStore::history(const std::string &account, const std::string &peer,
                                            std::optional<std::int64_t> before, int limit)
{
    protocol::HistoryPage page;
    auto query = m_db.exec(
        QStringLiteral("SELECT ") + kColumns +
            QStringLiteral(" FROM messages WHERE conv_key = ? AND msgid_server < ? "
                           "ORDER BY msgid_server DESC LIMIT ?"),
        {sqlText(conversationKey(account, peer)), qint64(before.value_or(INT64_MAX)), limit + 1});
    if (!query)
        return page;
    page.hasMore = readPage(*query, limit, page.messages);
    std::reverse(page.messages.begin(), page.messages.end());
    return page;
}

protocol::SyncPage MessageStore::sync(const std::string &account, std::int64_t since, int limit)
{
    protocol::SyncPage page;
    page.cursor = since;
    // Two index range scans merged, rather than one OR that may scan the table.
    auto query = m_db.exec(
        QStringLiteral("SELECT ") + kColumns +
            QStringLiteral(" FROM (SELECT * FROM messages WHERE to_acc = ? AND msgid_server > ? "
                           "UNION SELECT * FROM messages WHERE from_acc = ? AND msgid_server > ?) "
                           "AS mine ORDER BY msgid_server LIMIT ?"),
        {sqlText(account), qint64(since), sqlText(account), qint64(since), limit + 1});
    if (!query)
        return page;
    page.hasMore = readPage(*query, limit, page.messages);
    if (!page.messages.empty())
        page.cursor = page.messages.back().msgidServer;
    return page;
}

}  // namespace softphone::server
