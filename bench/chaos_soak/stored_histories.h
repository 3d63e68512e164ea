#pragma once

#include "chaos_soak/soak_options.h"
#include "protocol/json_fields.h"

#include <QUrl>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace softphone::bench::chaos {

// What the server stored, as every account reads it back: its history (msg.sync) and its
// current call.
struct StoredHistories
{
    static StoredHistories read(const QUrl &server, const std::vector<Account> &accounts);

    // account -> channelId -> (msgidServer, status) of each record in its history
    std::map<std::string, std::map<std::int64_t, std::vector<std::pair<std::int64_t, int>>>>
        records;
    // (from, msgidClient) -> times seen, in the sender's and the recipient's history
    std::map<std::pair<std::string, std::string>, int> textsSeenBySender;
    std::map<std::pair<std::string, std::string>, int> textsSeenByRecipient;
    int openCalls = 0;  // call.current not {}
    int unreadableHistories = 0;

private:
    void take(const std::string &reader, const protocol::json &message);
};

}  // namespace softphone::bench::chaos
