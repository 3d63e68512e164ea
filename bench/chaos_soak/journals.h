#pragma once

#include "protocol/json_fields.h"

#include <QString>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace softphone::bench::chaos {

// Everything the workers' journals say: what the server acknowledged and told them.
struct Journals
{
    struct Call
    {
        std::string caller;
        std::string callee;
        std::int64_t channelId = 0;
        std::set<int> toldStatuses;
    };
    std::map<std::string, Call> calls;          // acknowledged invites, by cid
    std::map<std::string, std::set<int>> told;  // by cid, also for calls not acknowledged
    std::map<std::pair<std::string, std::string>, std::string> texts;  // (from, id) -> to
    int aborts = 0;
    int callerBusy = 0;
    int errors = 0;
    int unreadable = 0;
    std::vector<std::string> errorLines;

    void read(const QString &path);

private:
    void take(const protocol::json &entry);
};

}  // namespace softphone::bench::chaos
