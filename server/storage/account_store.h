#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace softphone::server {

class Database;

struct SessionRecord
{
    std::string accid;
    std::string deviceId;
    std::int64_t expiresAt = 0;
};

// Accounts, session tokens and contact lists in the database.
class AccountStore
{
public:
    explicit AccountStore(Database &db)
        : m_db(db)
    {}

    enum class CreateResult { Created, Exists, Failed };
    CreateResult create(const std::string &accid, const std::string &name,
                        const std::string &passwordHash, std::int64_t now);
    bool setPassword(const std::string &accid, const std::string &passwordHash);
    bool exists(const std::string &accid);
    // The account whose id looks like this one (protocol::accountSkeleton), if any.
    std::optional<std::string> lookAlike(const std::string &accid);
    std::optional<std::string> passwordHash(const std::string &accid);
    std::optional<std::string> name(const std::string &accid);

    bool addSession(const std::string &tokenHash, const SessionRecord &session, std::int64_t now);
    std::optional<SessionRecord> session(const std::string &tokenHash);
    void removeSession(const std::string &tokenHash);
    void removeExpiredSessions(std::int64_t now);

    std::vector<std::string> contacts(const std::string &owner);
    bool addContact(const std::string &owner, const std::string &contact, std::int64_t now);
    void removeContact(const std::string &owner, const std::string &contact);
    // Everyone who should hear about this account's presence: its contacts, those who list
    // it as a contact, and its conversation peers.
    std::vector<std::string> presenceAudience(const std::string &accid);

private:
    std::vector<std::string> column(const char *sql, const std::string &accid);
    Database &m_db;
    // Accounts are never renamed or removed while the server runs, so their names are
    // cached after the first look-up; calls and messages look them up constantly.
    std::unordered_map<std::string, std::string> m_names;
};

}  // namespace softphone::server
