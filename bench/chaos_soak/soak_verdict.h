#pragma once

#include "chaos_soak/calls_table.h"
#include "chaos_soak/journals.h"
#include "chaos_soak/soak_options.h"
#include "chaos_soak/stored_histories.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace softphone::bench::chaos {

// What the soak did to the server and to its workers.
struct ChaosTally
{
    double seconds = 0;
    int serverKills = 0;
    int serverTerms = 0;
    int clientKills = 0;
    int workerExits = 0;
    int unsettledWorkers = 0;
    int failedStops = 0;
};

// Compares what the workers were told (their journals) with what the server stored: every
// acknowledged call has exactly one record, with the status of what both parties were told;
// every acknowledged text exists exactly once; no call is left open.
class SoakVerdict
{
public:
    SoakVerdict(const Journals &journals, const StoredHistories &stored, const CallsTable &table);

    // Prints the figures and the checks; 0 when every check came out 0, else 1.
    int report(const SoakOptions &options, const ChaosTally &tally) const;

private:
    using Records = std::vector<std::pair<std::int64_t, int>>;  // (msgidServer, status)

    void checkCalls();
    void checkChannelsRecordedOnce();
    void checkTexts();
    const Records &recordsOf(const std::string &account, std::int64_t channelId) const;
    void example(const std::string &text);

    const Journals &m_journals;
    const StoredHistories &m_stored;
    const CallsTable &m_table;
    int m_missing = 0;
    int m_duplicated = 0;
    int m_wrongStatus = 0;
    int m_noRow = 0;
    int m_answered = 0;
    int m_textsLost = 0;
    int m_textsDuplicated = 0;
    std::map<int, int> m_byStatus;
    std::vector<std::string> m_examples;
};

}  // namespace softphone::bench::chaos
