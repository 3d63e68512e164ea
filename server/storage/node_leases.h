#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace softphone::server {

class Database;

// In a cluster: each node's lease on the calls it owns, in the shared database. A node renews
// its lease with one statement per interval, however many calls it holds; a survivor takes
// over the calls and claims of a node whose lease ran out, and PostgreSQL lets exactly one
// survivor do so (docs/cluster.md, "Losing a node"). Expiry is judged by the database's clock,
// so the nodes' clocks need not agree.
class NodeLeases
{
public:
    explicit NodeLeases(Database &db)
        : m_db(db)
    {}

    // A run of the node starts. Returns the last sign of life of its previous run, if any.
    std::optional<std::int64_t> acquire(const std::string &node, const std::string &boot,
                                        std::int64_t now, int leaseMs);
    enum class Renewal { Renewed, Lost, Failed };
    // Lost: a survivor took the lease over (this node was thought dead); its calls are gone.
    Renewal renew(const std::string &node, const std::string &boot, std::int64_t now, int leaseMs);
    // The node stops and hands its calls over: its lease ends now, alive until `now`.
    void release(const std::string &node, const std::string &boot, std::int64_t now);

    struct TakenOver
    {
        std::string node;
        std::int64_t lastAlive = 0;     // the dead node's last renewal
        std::vector<std::string> cids;  // its calls not yet over or not yet recorded
    };
    // Takes over, for `taker`, the calls and claims of every node whose lease expired but
    // those in `heard` (nodes that still beat: their devices may be counted as present).
    std::vector<TakenOver> takeOverExpired(const std::string &taker,
                                           const std::vector<std::string> &heard);

private:
    std::vector<std::string> moveCalls(const std::string &from, const std::string &to);

    Database &m_db;
};

}  // namespace softphone::server
