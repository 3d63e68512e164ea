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
    // commit, and then skip the row on the key: that is what makes two invites race-free. Both
    // claims go in one statement; the rows it did insert say who was free.
    auto query = m_db.exec(QStringLiteral("INSERT INTO call_claims (accid, cid, node) "
                                          "VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT DO NOTHING "
                                          "RETURNING accid"),
                           {sqlText(caller), sqlText(cid), sqlText(node), sqlText(callee),
                            sqlText(cid), sqlText(node)});
    bool callerTaken = false, calleeTaken = false;
    while (query && query->next()) {
        const std::string account = textOf(query->value(0));
        callerTaken = callerTaken || account == caller;
        calleeTaken = calleeTaken || account == callee;
    }
    const Outcome outcome = !query || !callerTaken ? Outcome::CallerBusy
                            : !calleeTaken         ? Outcome::CalleeBusy
                                                   : Outcome::Taken;
    if (outcome != Outcome::Taken || !m_db.commit()) {
        m_db.rollback();
        return outcome == Outcome::Taken ? Outcome::CalleeBusy : outcome;
    }
    return Outcome::Taken;
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
