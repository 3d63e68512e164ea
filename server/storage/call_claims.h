#pragma once

#include <functional>
#include <optional>
#include <string>

namespace softphone::server {

class Database;

// In a cluster: which account is in which live call, and which node owns that call, in the
// shared database. The account is the key, so two nodes cannot both put one account in a call;
// claims are written in the owner's write group with the call's row (docs/cluster.md, "Calls").
class CallClaims
{
public:
    explicit CallClaims(Database &db)
        : m_db(db)
    {}

    // Failed: the database could not write them (nothing is taken).
    enum class Outcome { Taken, CallerBusy, CalleeBusy, Failed };
    // Claims both accounts for the call, or neither, with the open write group's commit: no
    // round trip of its own. `done` learns the outcome once the group is committed.
    void takeAtCommit(const std::string &cid, const std::string &caller, const std::string &callee,
                      const std::string &node, std::function<void(Outcome)> done);
    void release(const std::string &cid);
    // A node starting again: claims its earlier run left on calls that are over now.
    void releaseOrphans(const std::string &node);

    struct Claim
    {
        std::string cid;
        std::string node;
    };
    std::optional<std::string> ownerOf(const std::string &cid);
    std::optional<Claim> ofAccount(const std::string &account);

private:
    Database &m_db;
};

}  // namespace softphone::server
