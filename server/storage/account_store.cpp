#include "storage/account_store.h"

#include "protocol/limits.h"
#include "storage/database.h"
#include "storage/sql_values.h"

#include <set>

namespace softphone::server {

AccountStore::CreateResult AccountStore::create(const std::string &accid, const std::string &name,
                                                const std::string &passwordHash, std::int64_t now)
{
    if (lookAlike(accid))
        return CreateResult::Exists;
    auto query = m_db.exec(QStringLiteral("INSERT INTO accounts (accid, name, password_hash, "
                                          "created_at, skeleton) VALUES (?, ?, ?, ?, ?)"),
                           {sqlText(accid), sqlText(name), sqlText(passwordHash), qint64(now),
                            sqlText(protocol::accountSkeleton(accid))});
    if (query)
        return CreateResult::Created;
    // A concurrent insert of the same id loses on the primary key.
    return exists(accid) ? CreateResult::Exists : CreateResult::Failed;
}

bool AccountStore::setPassword(const std::string &accid, const std::string &passwordHash)
{
    auto query = m_db.exec(QStringLiteral("UPDATE accounts SET password_hash = ? WHERE accid = ?"),
                           {sqlText(passwordHash), sqlText(accid)});
    return query && query->numRowsAffected() == 1;
}

bool AccountStore::exists(const std::string &accid)
{
    auto query =
        m_db.exec(QStringLiteral("SELECT 1 FROM accounts WHERE accid = ?"), {sqlText(accid)});
    return query && query->next();
}

std::optional<std::string> AccountStore::lookAlike(const std::string &accid)
{
    auto query = m_db.exec(QStringLiteral("SELECT accid FROM accounts WHERE skeleton = ? LIMIT 1"),
                           {sqlText(protocol::accountSkeleton(accid))});
    if (!query || !query->next())
        return std::nullopt;
    return query->value(0).toString().toStdString();
}

std::optional<std::string> AccountStore::passwordHash(const std::string &accid)
{
    auto query = m_db.exec(QStringLiteral("SELECT password_hash FROM accounts WHERE accid = ?"),
                           {sqlText(accid)});
    if (!query || !query->next())
        return std::nullopt;
    return textOf(query->value(0));
}

std::optional<std::string> AccountStore::name(const std::string &accid)
{
    if (auto cached = m_names.find(accid); cached != m_names.end())
        return cached->second;
    auto query =
        m_db.exec(QStringLiteral("SELECT name FROM accounts WHERE accid = ?"), {sqlText(accid)});
    if (!query || !query->next())
        return std::nullopt;  // not cached: the account may be created later
    std::string name = textOf(query->value(0));
    if (m_names.size() > 100'000)
        m_names.clear();  // a bound, not a policy: names are read back on the next use
    return m_names.emplace(accid, std::move(name)).first->second;
}

bool AccountStore::addSession(const std::string &tokenHash, const SessionRecord &session,
                              std::int64_t now)
{
    return m_db
        .exec(QStringLiteral("INSERT INTO sessions (token_hash, accid, device_id, created_at, "
                             "expires_at) VALUES (?, ?, ?, ?, ?)"),
              {sqlText(tokenHash), sqlText(session.accid), sqlText(session.deviceId), qint64(now),
               qint64(session.expiresAt)})
        .has_value();
}

std::optional<SessionRecord> AccountStore::session(const std::string &tokenHash)
{
    auto query = m_db.exec(
        QStringLiteral("SELECT accid, device_id, expires_at FROM sessions WHERE token_hash = ?"),
        {sqlText(tokenHash)});
    if (!query || !query->next())
        return std::nullopt;
    return SessionRecord{textOf(query->value(0)), textOf(query->value(1)),
                         query->value(2).toLongLong()};
}

void AccountStore::removeSession(const std::string &tokenHash)
{
    m_db.exec(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"), {sqlText(tokenHash)});
}

void AccountStore::removeExpiredSessions(std::int64_t now)
{
    m_db.exec(QStringLiteral("DELETE FROM sessions WHERE expires_at < ?"), {qint64(now)});
}

std::vector<std::string> AccountStore::column(const char *sql, const std::string &accid)
{
    std::vector<std::string> values;
    auto query = m_db.exec(QString::fromLatin1(sql), {sqlText(accid)});
    while (query && query->next())
        values.push_back(textOf(query->value(0)));
    return values;
}

std::vector<std::string> AccountStore::contacts(const std::string &owner)
{
    return column("SELECT contact FROM contacts WHERE owner = ? ORDER BY contact", owner);
}

bool AccountStore::addContact(const std::string &owner, const std::string &contact,
                              std::int64_t now)
{
    return m_db
        .exec(QStringLiteral("INSERT INTO contacts (owner, contact, created_at) VALUES (?, ?, ?) "
                             "ON CONFLICT DO NOTHING"),
              {sqlText(owner), sqlText(contact), qint64(now)})
        .has_value();
}

void AccountStore::removeContact(const std::string &owner, const std::string &contact)
{
    m_db.exec(QStringLiteral("DELETE FROM contacts WHERE owner = ? AND contact = ?"),
              {sqlText(owner), sqlText(contact)});
}

std::vector<std::string> AccountStore::presenceAudience(const std::string &accid)
{
    std::set<std::string> audience;
    for (const char *sql : {"SELECT contact FROM contacts WHERE owner = ?",
                            "SELECT owner FROM contacts WHERE contact = ?",
                            "SELECT peer FROM conversation_peers WHERE owner = ?"}) {
        for (auto &account : column(sql, accid))
            audience.insert(std::move(account));
    }
    audience.erase(accid);
    return {audience.begin(), audience.end()};
}

}  // namespace softphone::server
