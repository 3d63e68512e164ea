// bench_chaos_soak: the server's durability under chaos (issue 12). A real softphone-server
// (SQLite, or PostgreSQL with --postgres) carries many concurrent calls with random outcomes
// and texts between accounts run by bench_chaos_client workers, while this bench SIGKILLs
// workers, the workers drop their own sockets, and the server is SIGKILLed or stopped
// (SIGTERM) and restarted on its data directory at random moments. At the end (after a clean
// stop) it compares what the workers were told (their journals) with what the server stored,
// read from both parties' histories (msg.sync), call.current and the database:
//   every acknowledged call has exactly one record, with the status of what both parties
//   were told; every acknowledged text exists exactly once; no call is left open.
// Prints figures and exits non-zero when any check fails.
//
//   bench_chaos_soak [--calls N] [--duration S] [--workers W] [--accounts-per-worker A]
//                    [--server-kill-every S] [--server-term-every S] [--client-kill-every S]
//                    [--seed N] [--postgres SOCKET_DIR:PORT [--nodes N]]
//
// With --nodes the server is a cluster of N nodes on PostgreSQL and a nats-server; the workers
// are spread over the nodes and move to another when theirs goes, and the chaos kills and
// stops one node at a time, sometimes long enough for a survivor to take its calls over.

#include "chaos_soak/soak.h"
#include "command_line.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace softphone::bench::chaos;
using softphone::bench::option;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        option("calls", "Stop after this many acknowledged invites (default 10000).", "n", "10000"),
        option("duration", "Stop after this many seconds instead.", "s", "0"),
        option("workers", "Worker processes (default 16).", "n", "16"),
        option("accounts-per-worker", "Accounts each worker runs (default 4).", "n", "4"),
        option("server-kill-every", "Mean seconds between server SIGKILLs (0: never).", "s", "60"),
        option("server-term-every", "Mean seconds between server SIGTERMs (0: never).", "s", "150"),
        option("client-kill-every", "Mean seconds between worker SIGKILLs (0: never).", "s", "1"),
        option("seed", "Random seed.", "n", "1"),
        option("postgres", "Run on PostgreSQL at SOCKET_DIR:PORT (scripts/start-postgres.sh).",
               "socket"),
        option("nodes", "Run a cluster of this many nodes (needs --postgres, nats-server).", "n",
               "1"),
    });
    parser.process(app);
    const auto value = [&](const char *name) { return parser.value(QString::fromLatin1(name)); };
    SoakOptions options;
    options.calls = value("calls").toInt();
    options.durationSeconds = value("duration").toInt();
    options.workers = std::max(1, value("workers").toInt());
    options.accountsPerWorker = std::max(1, value("accounts-per-worker").toInt());
    options.serverKillEvery = value("server-kill-every").toDouble();
    options.serverTermEvery = value("server-term-every").toDouble();
    options.clientKillEvery = value("client-kill-every").toDouble();
    options.seed = value("seed").toUInt();
    options.postgres = value("postgres");
    options.nodes = std::max(1, value("nodes").toInt());
    if (options.nodes > 1 && options.postgres.isEmpty())
        qFatal("a cluster needs --postgres");
    // ServerProcess forms the cluster when this is set.
    qputenv("SOFTPHONE_TEST_CLUSTER", QByteArray::number(options.nodes));
    if (options.workers * options.accountsPerWorker < 2)
        qFatal("the soak needs at least two accounts");
    // ServerProcess creates its own PostgreSQL database when this is set.
    if (!options.postgres.isEmpty())
        qputenv("SOFTPHONE_TEST_POSTGRES", options.postgres.toUtf8());
    else
        qunsetenv("SOFTPHONE_TEST_POSTGRES");
    return Soak(options).run();
}
