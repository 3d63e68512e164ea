#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace softphone::server {

// What waits until the other nodes have applied what this node told them of its devices. A
// login is answered only then, so that once a device holds its login result every node routes
// the account's messages, rings and presence to it. Each barrier is one token sent to each
// node on its subject after the device changes; a node acknowledges it once it read the
// token, and so everything sent to it before. A node that goes silent, or that does not answer
// within the limit, is no longer waited for.
class DirectoryBarrier
{
public:
    using Done = std::function<void()>;

    // Waits for `nodes` under a new token, which the caller sends them; 0 when there is no node
    // to wait for (then `done` has run).
    std::uint64_t open(const std::set<std::string> &nodes, std::vector<Done> done);
    void acknowledged(std::uint64_t token, const std::string &node);
    void nodeGone(const std::string &node);
    // Gives up waiting on the token: its nodes did not all answer in time.
    void expire(std::uint64_t token);
    std::size_t pending() const { return m_open.size(); }

private:
    struct Waiting
    {
        std::set<std::string> nodes;
        std::vector<Done> done;
    };
    void finish(std::map<std::uint64_t, Waiting>::iterator it);

    std::uint64_t m_lastToken = 0;
    std::map<std::uint64_t, Waiting> m_open;
};

}  // namespace softphone::server
