#pragma once

#include "protocol/messages.h"

#include <QSqlQuery>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace softphone::server {

class Database;

// Conversation messages, call records included. Server ids come from here: one increasing
// sequence for the whole server, which is also every device's sync cursor.
class MessageStore
{
public:
    explicit MessageStore(Database &db)
        : m_db(db)
    {}

    bool load();  // reads the highest id in use; call once after the database opens

    std::optional<protocol::Message> findByClientId(const std::string &from,
                                                    const std::string &msgidClient);
    // Assigns msgidServer and stores the message; false if the database refused it.
    bool insert(protocol::Message &message);

    protocol::HistoryPage history(const std::string &account, const std::string &peer,
                                  std::optional<std::int64_t> before, int limit);
    protocol::SyncPage sync(const std::string &account, std::int64_t since, int limit);

    static std::string conversationKey(const std::string &a, const std::string &b);

private:
    // The new row's id; nullopt if it could not be written.
    std::optional<std::int64_t> insertRow(const protocol::Message &message, const std::string &key);
    std::optional<std::int64_t> storeOnPostgres(const protocol::Message &message,
                                                const std::string &key, bool link);
    bool linkPeers(const protocol::Message &message);
    std::vector<protocol::Message> readMessages(QSqlQuery &query);
    bool readPage(QSqlQuery &query, int limit, std::vector<protocol::Message> &out);

    Database &m_db;
    std::int64_t m_lastId = 0;
    std::unordered_set<std::string> m_linked;  // conversations already in conversation_peers
};

}  // namespace softphone::server
