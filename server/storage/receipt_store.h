#pragma once

#include "protocol/messages.h"

#include <cstdint>
#include <string>
#include <vector>

namespace softphone::server {

class Database;

// How far each reader has got with each sender's messages (msg.receipt): two marks per
// conversation direction, which only ever move forward.
class ReceiptStore
{
public:
    explicit ReceiptStore(Database &db)
        : m_db(db)
    {}

    protocol::Receipt find(const std::string &sender, const std::string &reader);
    // The msgidServer of the newest message from `sender` to `reader` at or below `upTo`
    // (0 if none): a mark names a message that exists, never one still to come.
    std::int64_t lastMessageUpTo(const std::string &sender, const std::string &reader,
                                 std::int64_t upTo);
    bool store(const protocol::Receipt &receipt);
    // Every receipt in which `account` is the sender or the reader.
    std::vector<protocol::Receipt> involving(const std::string &account);

private:
    Database &m_db;
};

}  // namespace softphone::server
