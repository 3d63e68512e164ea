#include "chaos_soak/soak_verdict.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace softphone::bench::chaos {

SoakVerdict::SoakVerdict(const Journals &journals, const StoredHistories &stored,
                         const CallsTable &table)
    : m_journals(journals)
    , m_stored(stored)
    , m_table(table)
{
    checkCalls();
    checkChannelsRecordedOnce();
    checkTexts();
}

void SoakVerdict::example(const std::string &text)
{
    if (m_examples.size() < 12)
        m_examples.push_back(text);
}

const SoakVerdict::Records &SoakVerdict::recordsOf(const std::string &account,
                                                   std::int64_t channelId) const
{
    static const Records none;
    const auto a = m_stored.records.find(account);
    if (a == m_stored.records.end())
        return none;
    const auto c = a->second.find(channelId);
    return c == a->second.end() ? none : c->second;
}

void SoakVerdict::checkCalls()
{
    for (const auto &[cid, call] : m_journals.calls) {
        if (!m_table.cids.count(cid))
            ++m_noRow;
        const Records &callerRecords = recordsOf(call.caller, call.channelId);
        const Records &calleeRecords = recordsOf(call.callee, call.channelId);
        if (callerRecords.empty() || calleeRecords.empty()) {
            ++m_missing;
            example("missing record: " + cid);
            continue;
        }
        if (callerRecords.size() > 1 || calleeRecords.size() > 1) {
            ++m_duplicated;
            example("duplicated record: " + cid);
        }
        const int status = callerRecords.front().second;
        ++m_byStatus[status];
        m_answered += status == 1;
        const auto told = m_journals.told.find(cid);
        if (told == m_journals.told.end())
            continue;
        std::set<int> statuses = told->second;
        statuses.erase(0);
        if (statuses.size() > 1 || (statuses.size() == 1 && *statuses.begin() != status)) {
            ++m_wrongStatus;
            std::string toldText;
            for (int s : statuses)
                toldText += std::to_string(s) + " ";
            example("wrong status: " + cid + " recorded " + std::to_string(status) + ", told " +
                    toldText);
        }
    }
}

// A record twice for one channelId, for any call, acknowledged or not.
void SoakVerdict::checkChannelsRecordedOnce()
{
    for (const auto &[account, channels] : m_stored.records) {
        for (const auto &[channelId, records] : channels) {
            std::set<std::int64_t> ids;
            for (const auto &record : records)
                ids.insert(record.first);
            if (ids.size() > 1 && !m_journals.calls.empty()) {
                ++m_duplicated;
                example("two records for channel " + std::to_string(channelId) + " seen by " +
                        account);
            }
        }
    }
}

void SoakVerdict::checkTexts()
{
    for (const auto &[key, to] : m_journals.texts) {
        const auto sender = m_stored.textsSeenBySender.find(key);
        const auto recipient = m_stored.textsSeenByRecipient.find(key);
        const int bySender = sender == m_stored.textsSeenBySender.end() ? 0 : sender->second;
        const int byRecipient =
            recipient == m_stored.textsSeenByRecipient.end() ? 0 : recipient->second;
        if (bySender == 0 || byRecipient == 0) {
            ++m_textsLost;
            example("lost text: " + key.first + " " + key.second);
        } else if (bySender > 1 || byRecipient > 1) {
            ++m_textsDuplicated;
        }
    }
}

int SoakVerdict::report(const SoakOptions &options, const ChaosTally &tally) const
{
    const int openCalls = m_stored.openCalls + std::max(m_table.open, 0);
    std::printf("\nchaos soak, %.0f s, seed %u, %s", tally.seconds, options.seed,
                options.postgres.isEmpty() ? "SQLite" : "PostgreSQL");
    if (options.nodes > 1)
        std::printf(", %d nodes (killed and stopped one at a time)", options.nodes);
    std::printf("\n");
    const char *what = options.nodes > 1 ? "node  " : "server";
    std::printf("  calls acknowledged:         %zu (answered %d; records by status:",
                m_journals.calls.size(), m_answered);
    for (const auto &[status, count] : m_byStatus)
        std::printf(" %d:%d", status, count);
    std::printf(")\n");
    std::printf("  calls refused caller-busy:  %d\n", m_journals.callerBusy);
    std::printf("  texts acknowledged:         %zu\n", m_journals.texts.size());
    std::printf("  %s SIGKILL restarts:    %d\n", what, tally.serverKills);
    std::printf("  %s SIGTERM restarts:    %d\n", what, tally.serverTerms);
    std::printf("  client kills (SIGKILL):     %d\n", tally.clientKills);
    std::printf("  dropped sockets:            %d\n", m_journals.aborts);
    std::printf("  calls table rows:           %d\n", m_table.rows);
    std::printf("checks (all must be 0):\n");
    std::printf("  records missing:            %d\n", m_missing);
    std::printf("  calls without a row:        %d\n", m_noRow);
    std::printf("  records duplicated:         %d\n", m_duplicated);
    std::printf("  records with wrong status:  %d\n", m_wrongStatus);
    std::printf("  texts lost:                 %d\n", m_textsLost);
    std::printf("  texts duplicated:           %d\n", m_textsDuplicated);
    std::printf("  calls left open:            %d\n", openCalls);
    std::printf("  ended calls without record: %d\n", std::max(m_table.unrecorded, 0));
    std::printf("  client errors:              %d\n", m_journals.errors);
    std::printf("  worker exits, unsettled:    %d, %d\n", tally.workerExits,
                tally.unsettledWorkers);
    std::printf("  unreadable (db, histories): %d, %d\n", m_table.rows < 0 ? 1 : 0,
                m_stored.unreadableHistories);
    std::printf("  failed clean stops:         %d\n", tally.failedStops);
    for (const std::string &line : m_examples)
        std::printf("  e.g. %s\n", line.c_str());
    for (const std::string &line : m_journals.errorLines)
        std::printf("  client error: %s\n", line.c_str());
    std::fflush(stdout);
    const int faults = m_missing + m_noRow + m_duplicated + m_wrongStatus + m_textsLost +
                       m_textsDuplicated + openCalls + std::max(m_table.unrecorded, 0) +
                       m_journals.errors + tally.workerExits + tally.unsettledWorkers +
                       (m_table.rows < 0) + m_stored.unreadableHistories + tally.failedStops;
    return faults == 0 ? 0 : 1;
}

}  // namespace softphone::bench::chaos
