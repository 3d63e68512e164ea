#include "chaos_soak/soak.h"

#include "chaos_soak/calls_table.h"
#include "chaos_soak/invite_counter.h"
#include "chaos_soak/journals.h"
#include "chaos_soak/soak_verdict.h"
#include "chaos_soak/stored_histories.h"
#include "run_until.h"
#include "test_client.h"

#include <cstdio>
#include <limits>

namespace softphone::bench::chaos {

using protocol::json;
using test::TestClient;

Soak::Soak(SoakOptions options)
    : m_options(std::move(options))
    , m_random(m_options.seed)
    , m_server(serverConfig(m_options.nodes))
    , m_workers(m_options, m_accounts, m_random)
{}

int Soak::run()
{
    if (!m_server.start())
        return fail("the server did not start");
    m_port = m_server.port();
    if (!createAccounts())
        return fail("cannot create the accounts");
    std::printf("chaos soak: %d workers x %d accounts, seed %u, %s", m_options.workers,
                m_options.accountsPerWorker, m_options.seed,
                m_options.postgres.isEmpty() ? "SQLite" : "PostgreSQL");
    if (m_server.nodeCount() > 1)
        std::printf(", a cluster of %d nodes", m_server.nodeCount());
    std::printf("\n");
    std::fflush(stdout);
    QList<QUrl> nodes;
    for (int node = 0; node < m_server.nodeCount(); ++node)
        nodes.push_back(m_server.nodeUrl(node));
    m_workers.startAll(nodes);
    chaos();
    m_workers.drain();
    if (!m_server.stop())
        ++m_failedStops;
    return check();
}

json Soak::serverConfig(int nodes)
{
    json config = {{"ringTimeoutSeconds", 3},
                   {"recordGraceSeconds", 1},
                   {"reconnectGraceSeconds", 3},
                   {"rateLimitPerSecond", 100000},
                   {"rateLimitBurst", 100000},
                   {"invitesPerMinute", 0},
                   {"connectionsPerAddress", 0},
                   {"logins", {{"waitingPerAddress", 100000}, {"waiting", 100000}}}};
    // A cluster's lease is short, so that an outage of a few seconds sees a survivor take the
    // dead node's calls over (and a shorter one sees the node carry them on itself).
    if (nodes > 1)
        config["cluster"] = {{"leaseMs", 1500}, {"leaseRenewMs", 250}};
    return config;
}

int Soak::fail(const char *why)
{
    std::fprintf(stderr, "chaos soak: %s\n%s\n", why, qPrintable(m_server.output()));
    return 2;
}

double Soak::uniform(double low, double high)
{
    return std::uniform_real_distribution(low, high)(m_random);
}

// When an event with a mean interval of `every` seconds next happens, `from` ms on: spread
// evenly around the mean, so that a short run still sees its share.
qint64 Soak::nextAt(double every, qint64 from)
{
    return every > 0 ? from + qint64(every * 1000 * uniform(0.5, 1.5))
                     : std::numeric_limits<qint64>::max();
}

bool Soak::createAccounts()
{
    const int total = m_options.workers * m_options.accountsPerWorker;
    for (int i = 0; i < total; ++i) {
        const std::string name = "soak" + std::to_string(i);
        TestClient client(m_server.url(), "soak-" + name, "cli");
        if (!client.open())
            return false;
        client.registerAccount(name, "soak-password");
        if (!client.login(name, "soak-password").ok())
            return false;
        m_accounts.push_back({name, client.token()});
    }
    return true;
}

void Soak::restartServer(bool crash)
{
    if (m_server.nodeCount() > 1) {
        restartNode(int(uniform(0, m_server.nodeCount())), crash);
        return;
    }
    if (crash) {
        m_server.kill();
        ++m_serverKills;
    } else {
        if (!m_server.stop())
            ++m_failedStops;
        ++m_serverTerms;
    }
    runUntil([] { return false; }, qint64(uniform(100, 2000)));  // the outage
    if (!m_server.start(m_port))
        qFatal("the server did not restart: %s", qPrintable(m_server.output()));
}

// One node of the cluster goes; the others carry on. An outage over the lease and the 2.5 s a
// node takes to be thought gone lets a survivor take its calls over.
void Soak::restartNode(int node, bool crash)
{
    if (crash) {
        m_server.killNode(node);
        ++m_serverKills;
    } else {
        if (!m_server.stopNode(node))
            ++m_failedStops;
        ++m_serverTerms;
    }
    runUntil([] { return false; }, qint64(uniform(100, 5000)));
    if (!m_server.startNode(node))
        qFatal("node %d did not restart: %s", node + 1, qPrintable(m_server.output()));
}

bool Soak::finished(InviteCounter &counter, const QElapsedTimer &clock)
{
    if (m_options.durationSeconds > 0)
        return clock.elapsed() >= m_options.durationSeconds * 1000LL;
    return counter.count(m_workers.journals()) >= m_options.calls;
}

void Soak::chaos()
{
    const int tickMs = 100;
    InviteCounter counter;
    QElapsedTimer clock, lastReport;
    clock.start();
    lastReport.start();
    qint64 nextKill = nextAt(m_options.serverKillEvery, 0);
    qint64 nextTerm = nextAt(m_options.serverTermEvery, 0);
    qint64 nextClientKill = nextAt(m_options.clientKillEvery, 0);
    while (!finished(counter, clock)) {
        runUntil([] { return false; }, tickMs);
        if (clock.elapsed() >= nextKill) {
            restartServer(true);
            nextKill = nextAt(m_options.serverKillEvery, clock.elapsed());
        } else if (clock.elapsed() >= nextTerm) {
            restartServer(false);
            nextTerm = nextAt(m_options.serverTermEvery, clock.elapsed());
        }
        while (clock.elapsed() >= nextClientKill) {
            m_workers.killWorker(int(uniform(0, m_options.workers)));
            nextClientKill = nextAt(m_options.clientKillEvery, nextClientKill);
        }
        m_workers.reviveExitedWorkers();
        if (lastReport.elapsed() > 30000) {
            lastReport.restart();
            std::printf("  %.0f s: %d calls, %d server SIGKILLs, %d SIGTERMs, %d client "
                        "kills\n",
                        clock.elapsed() / 1000.0, counter.count(m_workers.journals()),
                        m_serverKills, m_serverTerms, m_workers.clientKills());
            std::fflush(stdout);
        }
    }
    m_seconds = clock.elapsed() / 1000.0;
}

int Soak::check()
{
    const CallsTable table = CallsTable::read(m_server);
    if (!m_server.start(m_port))
        return fail("the server did not start for the check");
    const StoredHistories stored = StoredHistories::read(m_server.url(), m_accounts);
    m_server.stop();
    Journals journals;
    for (const QString &path : m_workers.journals())
        journals.read(path);
    const ChaosTally tally{m_seconds,
                           m_serverKills,
                           m_serverTerms,
                           m_workers.clientKills(),
                           m_workers.workerExits(),
                           m_workers.unsettledWorkers(),
                           m_failedStops};
    return SoakVerdict(journals, stored, table).report(m_options, tally);
}

}  // namespace softphone::bench::chaos
