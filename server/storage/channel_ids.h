#pragma once

#include <array>
#include <cstdint>

namespace softphone::server {

class Database;

// Channel ids: unique forever, and telling nobody how many calls the server has carried.
//
// A counter persisted in the database is never handed out twice: blocks of it are reserved
// ahead, in the same commit as the first call that uses them, and a restart starts after the
// last reserved block. What clients see is the counter through a keyed permutation of 52 bits
// (a four-round Feistel network over SipHash, its key kept in the database), offset by 2^52:
// distinct counters give distinct ids, all above the plain sequential ids of older servers
// and below 2^53 (exact in every JSON number), and one id says nothing about the next.
class ChannelIds
{
public:
    explicit ChannelIds(Database &db)
        : m_db(db)
    {}

    bool load();  // reads the counter and the key, creating them on a first start
    std::int64_t next();

private:
    bool reserveBlock();
    std::int64_t permute(std::int64_t counter) const;

    Database &m_db;
    std::array<unsigned char, 16> m_key{};
    std::int64_t m_next = 0;
    std::int64_t m_blockEnd = 0;
};

}  // namespace softphone::server
