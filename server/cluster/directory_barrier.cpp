#include "cluster/directory_barrier.h"

namespace softphone::server {

std::uint64_t DirectoryBarrier::open(const std::set<std::string> &nodes, std::vector<Done> done)
{
    if (nodes.empty()) {
        for (const Done &each : done)
            each();
        return 0;
    }
    const std::uint64_t token = ++m_lastToken;
    m_open.emplace(token, Waiting{nodes, std::move(done)});
    return token;
}

void DirectoryBarrier::acknowledged(std::uint64_t token, const std::string &node)
{
    auto it = m_open.find(token);
    if (it == m_open.end())
        return;
    it->second.nodes.erase(node);
    if (it->second.nodes.empty())
        finish(it);
}

void DirectoryBarrier::nodeGone(const std::string &node)
{
    std::vector<std::uint64_t> cleared;
    for (auto &[token, waiting] : m_open) {
        waiting.nodes.erase(node);
        if (waiting.nodes.empty())
            cleared.push_back(token);
    }
    for (std::uint64_t token : cleared)
        expire(token);
}

void DirectoryBarrier::expire(std::uint64_t token)
{
    auto it = m_open.find(token);
    if (it != m_open.end())
        finish(it);
}

void DirectoryBarrier::finish(std::map<std::uint64_t, Waiting>::iterator it)
{
    // What runs may open the next barrier: take it out of the map first.
    std::vector<Done> done = std::move(it->second.done);
    m_open.erase(it);
    for (const Done &each : done)
        each();
}

}  // namespace softphone::server
