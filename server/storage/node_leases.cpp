#include "storage/node_leases.h"

#include "storage/database.h"
#include "storage/sql_values.h"

#include <QStringList>

namespace softphone::server {

// The database's own clock, in ms: the one clock all the nodes' leases are judged by.
#define SOFTPHONE_DB_NOW_MS "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"

std::optional<std::int64_t> NodeLeases::acquire(const std::string &node, const std::string &boot,
                                                std::int64_t now, int leaseMs)
{
    std::optional<std::int64_t> previous;
    if (auto query = m_db.exec(QStringLiteral("SELECT renewed_at FROM node_leases WHERE node = ?"),
                               {sqlText(node)});
        query && query->next())
        previous = query->value(0).toLongLong();
    // A survivor taking the lease over at this instant holds its row: this waits for its
    // commit, and the calls it moved are then no longer this node's to recover.
    m_db.exec(QStringLiteral("INSERT INTO node_leases (node, boot, renewed_at, expires_at) "
                             "VALUES (?, ?, ?, " SOFTPHONE_DB_NOW_MS " + ?) "
                             "ON CONFLICT (node) DO UPDATE SET boot = excluded.boot, "
                             "renewed_at = excluded.renewed_at, expires_at = excluded.expires_at"),
              {sqlText(node), sqlText(boot), qint64(now), leaseMs});
    return previous;
}

NodeLeases::Renewal NodeLeases::renew(const std::string &node, const std::string &boot,
                                      std::int64_t now, int leaseMs)
{
    auto query = m_db.exec(QStringLiteral("UPDATE node_leases SET renewed_at = ?, "
                                          "expires_at = " SOFTPHONE_DB_NOW_MS " + ? "
                                          "WHERE node = ? AND boot = ?"),
                           {qint64(now), leaseMs, sqlText(node), sqlText(boot)});
    if (!query)
        return Renewal::Failed;
    return query->numRowsAffected() == 1 ? Renewal::Renewed : Renewal::Lost;
}

void NodeLeases::release(const std::string &node, const std::string &boot, std::int64_t now)
{
    m_db.exec(QStringLiteral("UPDATE node_leases SET renewed_at = ?, "
                             "expires_at = " SOFTPHONE_DB_NOW_MS " - 1 "
                             "WHERE node = ? AND boot = ?"),
              {qint64(now), sqlText(node), sqlText(boot)});
}

std::vector<NodeLeases::TakenOver>
NodeLeases::takeOverExpired(const std::string &taker, const std::vector<std::string> &heard)
{
    QStringList spared{QString::fromStdString(taker)};  // node names have no commas
    for (const std::string &node : heard)
        spared.push_back(QString::fromStdString(node));
    std::vector<TakenOver> taken;
    if (!m_db.transaction())
        return taken;
    // Two survivors deleting one row: the second waits for the first's commit, then finds
    // the row gone. Only the one that deleted it moves the calls, in the same transaction.
    auto expired =
        m_db.exec(QStringLiteral("DELETE FROM node_leases "
                                 "WHERE node <> ALL(string_to_array(?, ',')) AND "
                                 "expires_at < " SOFTPHONE_DB_NOW_MS " RETURNING node, renewed_at"),
                  {spared.join(QLatin1Char(','))});
    if (!expired) {
        m_db.rollback();
        return taken;
    }
    while (expired->next())
        taken.push_back({textOf(expired->value(0)), expired->value(1).toLongLong(), {}});
    for (TakenOver &node : taken)
        node.cids = moveCalls(node.node, taker);
    if (!m_db.commit()) {
        m_db.rollback();
        return {};
    }
    return taken;
}

std::vector<std::string> NodeLeases::moveCalls(const std::string &from, const std::string &to)
{
    m_db.exec(QStringLiteral("UPDATE call_claims SET node = ? WHERE node = ?"),
              {sqlText(to), sqlText(from)});
    std::vector<std::string> cids;
    auto moved = m_db.exec(QStringLiteral("UPDATE calls SET owner_node = ? WHERE owner_node = ? "
                                          "AND (ended_at IS NULL OR record_msgid IS NULL) "
                                          "RETURNING cid"),
                           {sqlText(to), sqlText(from)});
    while (moved && moved->next())
        cids.push_back(textOf(moved->value(0)));
    return cids;
}

}  // namespace softphone::server
