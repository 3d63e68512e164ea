#include "storage/message_store.h"

#include "logging.h"
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
    const std::string key = conversationKey(message.from, message.to);
    // The first message of a conversation links its two peers, atomically with it.
    const bool first = !m_linked.contains(key);
    std::optional<std::int64_t> id;
    if (m_db.isPostgres()) {
        id = storeOnPostgres(message, key, first);
    } else if (first) {
        if (!m_db.transaction())
            return false;
        id = insertRow(message, key);
        if (!id || !linkPeers(message) || !m_db.commit()) {
            m_db.rollback();
            return false;
        }
    } else {
        id = insertRow(message, key);
    }
    if (!id)
        return false;
    m_linked.insert(key);
    m_lastId = std::max(m_lastId, *id);
    message.msgidServer = *id;
    return true;
}

// A failed statement on PostgreSQL would abort the whole open write group, so the message is
// stored by a function that is a unit of its own. A cluster's ids come from the shared
// sequence, taken in the function.
std::optional<std::int64_t> MessageStore::storeOnPostgres(const Message &message,
                                                          const std::string &key, bool link)
{
    const auto id = m_db.callFunction(
        QStringLiteral("store_message"),
        {m_db.isShared() ? QVariant() : QVariant(qint64(m_lastId + 1)), sqlText(message.from),
         sqlText(message.to), sqlText(msgTypeName(message.msgType)), sqlText(message.body),
         sqlText(message.attach), sqlText(message.msgidClient), qint64(message.msgTimestamp),
         sqlText(message.fromClientType), sqlText(key), link});
    if (!id || id->isNull()) {
        qCWarning(lcStorage) << "message" << message.msgidClient.c_str() << "from"
                             << message.from.c_str() << "was not stored";
        return std::nullopt;
    }
    return id->toLongLong();
}

std::optional<std::int64_t> MessageStore::insertRow(const Message &message, const std::string &key)
{
    const std::int64_t id = m_lastId + 1;
    if (!m_db.write(QStringLiteral("INSERT INTO messages (") + kColumns +
                        QStringLiteral(", conv_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {qint64(id), sqlText(message.from), sqlText(message.to),
                     sqlText(msgTypeName(message.msgType)), sqlExactText(message.body, true),
                     sqlExactText(message.attach, true), sqlText(message.msgidClient),
                     qint64(message.msgTimestamp), sqlText(message.fromClientType), sqlText(key)}))
        return std::nullopt;
    return id;
}

bool MessageStore::linkPeers(const Message &message)
{
    const QString peers = QStringLiteral(
        "INSERT INTO conversation_peers (owner, peer) VALUES (?, ?) ON CONFLICT DO NOTHING");
    return m_db.write(peers, {sqlText(message.from), sqlText(message.to)}) &&
           m_db.write(peers, {sqlText(message.to), sqlText(message.from)});
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
