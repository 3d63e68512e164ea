#include "storage/call_claims.h"

#include "logging.h"
#include "storage/database.h"
#include "storage/sql_values.h"

namespace softphone::server {

namespace {

// take_call_claims: 0 both taken, 1 the caller is busy, 2 the callee is, 3 (or no answer) the
// database failed.
CallClaims::Outcome outcomeOf(const std::optional<QVariant> &value, const std::string &cid)
{
    const int result = value && !value->isNull() ? value->toInt() : 3;
    switch (result) {
    case 0:
        return CallClaims::Outcome::Taken;
    case 1:
        return CallClaims::Outcome::CallerBusy;
    case 2:
        return CallClaims::Outcome::CalleeBusy;
    default:
        qCWarning(lcStorage) << "the claims of call" << cid.c_str() << "could not be written";
        return CallClaims::Outcome::Failed;
    }
}

}  // namespace

// A claim another node holds but has not committed yet makes PostgreSQL wait for that commit,
// and then skip the row on the key: that is what makes two invites race-free. The function
// takes both claims in one statement, or neither (schema version 7).
void CallClaims::takeAtCommit(const std::string &cid, const std::string &caller,
                              const std::string &callee, const std::string &node,
                              std::function<void(Outcome)> done)
{
    m_db.callFunctionAtCommit(QStringLiteral("take_call_claims"),
                              {sqlText(cid), sqlText(node), sqlText(caller), sqlText(callee)},
                              [cid, done = std::move(done)](std::optional<QVariant> value) {
                                  done(outcomeOf(value, cid));
                              });
}

void CallClaims::release(const std::string &cid)
{
    m_db.write(QStringLiteral("DELETE FROM call_claims WHERE cid = ?"), {sqlText(cid)});
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
