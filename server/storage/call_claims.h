#pragma once

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

    enum class Outcome { Taken, CallerBusy, CalleeBusy };
    // Claims both accounts for the call, or neither.
    Outcome take(const std::string &cid, const std::string &caller, const std::string &callee,
                 const std::string &node);
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
