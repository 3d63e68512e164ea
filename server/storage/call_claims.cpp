#include "storage/call_claims.h"

#include "storage/database.h"
#include "storage/sql_values.h"

namespace softphone::server {

CallClaims::Outcome CallClaims::take(const std::string &cid, const std::string &caller,
                                     const std::string &callee, const std::string &node)
{
    if (!m_db.transaction())
        return Outcome::CallerBusy;
    // A claim another node holds but has not committed yet makes PostgreSQL wait for that
    // commit, and then fail on the key: that is what makes two invites race-free.
    if (!claim(caller, cid, node)) {
        m_db.rollback();
        return Outcome::CallerBusy;
    }
    if (!claim(callee, cid, node) || !m_db.commit()) {
        m_db.rollback();
        return Outcome::CalleeBusy;
    }
    return Outcome::Taken;
}

bool CallClaims::claim(const std::string &account, const std::string &cid, const std::string &node)
{
    auto query = m_db.exec(QStringLiteral("INSERT INTO call_claims (accid, cid, node) "
                                          "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
                           {sqlText(account), sqlText(cid), sqlText(node)});
    return query && query->numRowsAffected() == 1;
}

void CallClaims::release(const std::string &cid)
{
    m_db.exec(QStringLiteral("DELETE FROM call_claims WHERE cid = ?"), {sqlText(cid)});
}

void CallClaims::releaseOrphans(const std::string &node)
{
    m_db.exec(QStringLiteral("DELETE FROM call_claims WHERE node = ? AND cid NOT IN "
                             "(SELECT cid FROM calls WHERE owner_node = ? AND ended_at IS NULL)"),
              {sqlText(node), sqlText(node)});
}

std::optional<std::string> CallClaims::ownerOf(const std::string &cid)
{
    auto query =
        m_db.exec(QStringLiteral("SELECT node FROM call_claims WHERE cid = ?"), {sqlText(cid)});
    if (!query || !query->next())
        return std::nullopt;
    return textOf(query->value(0));
}

std::optional<CallClaims::Claim> CallClaims::ofAccount(const std::string &account)
{
    auto query = m_db.exec(QStringLiteral("SELECT cid, node FROM call_claims WHERE accid = ?"),
                           {sqlText(account)});
    if (!query || !query->next())
        return std::nullopt;
    return Claim{textOf(query->value(0)), textOf(query->value(1))};
}

}  // namespace softphone::server
