// bench_server_load: drives a real softphone-server with many clients built on the client
// core, and prints what it achieved.
//
//   lifecycles: N clients in caller/callee pairs run full calls (invite -> ring -> accept ->
//               join -> hangup -> record) at a target rate (0: as fast as they go); prints
//               calls/s, invite->ring latency percentiles and the server's resident memory.
//   idle:       opens N authenticated connections and prints the server's resident memory.
//
// --nodes N (N >= 2): on PostgreSQL, first with one node, then with N clustered nodes (their
// own nats-server). Lifecycles: callers on one node and callees on another; --rounds R: the
// one node and the nodes take turns R times, then the medians. Idle: the connections spread
// over the nodes, each node's memory printed.
// Needs SOFTPHONE_TEST_POSTGRES (SOCKET_DIR:PORT, as scripts/start-postgres.sh prints it).

#include "command_line.h"
#include "process_stats.h"
#include "run_until.h"
#include "server_load/cross_node_idle.h"
#include "server_load/cross_node_run.h"
#include "server_load/device_connector.h"
#include "server_load/file_limits.h"
#include "server_load/idle_workers.h"
#include "server_load/lifecycle_run.h"
#include "server_load/loaded_server.h"
#include "server_load/provision.h"
#ifdef Q_OS_LINUX
#include "net/epoll_event_dispatcher.h"
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdio>

using namespace softphone;
using namespace softphone::bench::load;
using bench::option;
using bench::residentKiB;
using bench::runUntil;

int main(int argc, char *argv[])
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
#ifdef Q_OS_LINUX
    // One process holds thousands of client sockets: Qt's dispatchers would poll them all on
    // every wakeup.
    QCoreApplication::setEventDispatcher(new server::EpollEventDispatcher);
#endif
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Load generator for softphone-server."));
    parser.addHelpOption();
    const QCommandLineOption mode = option("mode", "lifecycles | idle", "MODE", "lifecycles");
    const QCommandLineOption clients =
        option("clients", "Connections (lifecycles: caller/callee pairs).", "N", "200");
    const QCommandLineOption rate = option("rate", "Lifecycles per second, 0 = max.", "R", "0");
    const QCommandLineOption seconds = option("seconds", "How long to run.", "S", "10");
    const QCommandLineOption hosts =
        option("hosts", "Loopback addresses 127.0.0.1..N to spread connections over.", "N", "1");
    const QCommandLineOption devices =
        option("devices-per-account", "Idle mode: devices per account.", "N", "100");
    const QCommandLineOption workers =
        option("workers", "Idle mode: client processes (0: as many as the descriptor limit needs).",
               "N", "0");
    const QCommandLineOption serverBinary =
        option("server", "softphone-server to run.", "PATH", SOFTPHONE_SERVER_BINARY);
    const QCommandLineOption commitMs =
        option("commit-ms", "The server's group-commit interval.", "MS", "2");
    const QCommandLineOption nodes =
        option("nodes", "N clustered nodes on PostgreSQL, after one node alone.", "N");
    const QCommandLineOption rounds = option(
        "rounds", "With --nodes: one node and the nodes take turns, R times each.", "R", "1");
    const QCommandLineOption worker =
        option("worker", "Internal: log in the devices of FILE.", "FILE");
    const QCommandLineOption port =
        option("port", "Internal: the server's port, with --worker.", "PORT");
    parser.addOptions({mode, clients, rate, seconds, hosts, devices, workers, serverBinary,
                       commitMs, nodes, rounds, worker, port});
    parser.process(app);

    const rlim_t fileLimit = raiseFileLimit(rlim_t(parser.value(clients).toInt()) * 2 + 1024);
    const int hostCount = std::max(1, parser.value(hosts).toInt());
    if (parser.isSet(worker))
        return runIdleWorker(parser.value(worker), parser.value(port).toUShort(), hostCount);

    // Each client process keeps a margin of descriptors for its own use.
    const int perProcess = std::max(1000, int(fileLimit) - 256);
    if (parser.isSet(nodes)) {
        const int count = parser.value(nodes).toInt();
        if (count < 2) {
            std::fprintf(stderr, "--nodes takes 2 or more\n");
            return 2;
        }
        // The nodes are started as the tests start servers, which take their program from here.
        if (parser.isSet(serverBinary))
            qputenv("SOFTPHONE_TEST_SERVER_BINARY", parser.value(serverBinary).toLocal8Bit());
        if (parser.value(mode) != QLatin1String("idle")) {
            return runAcrossNodes(count, parser.value(clients).toInt(),
                                  parser.value(rate).toDouble(), parser.value(seconds).toInt(),
                                  parser.value(commitMs).toInt(),
                                  std::max(1, parser.value(rounds).toInt()));
        }
        for (int run : {1, count}) {
            const int code = runIdleAcrossNodes(run, parser.value(clients).toInt(),
                                                parser.value(devices).toInt(), perProcess);
            if (code != 0)
                return code;
        }
        return 0;
    }

    QTemporaryDir dataDir;
    const int n = parser.value(clients).toInt();
    const bool idle = parser.value(mode) == QLatin1String("idle");
    const int perAccount = idle ? parser.value(devices).toInt() : 1;
    QElapsedTimer provisioning;
    provisioning.start();
    std::vector<Device> all =
        provision(dataDir.path(), (n + perAccount - 1) / perAccount, perAccount);
    all.resize(std::size_t(n));
    std::printf("provisioned %d devices in %.1f s\n", n, provisioning.elapsed() / 1000.0);

    // More than one loopback address needs the server on all of them.
    LoadedServer server(parser.value(serverBinary),
                        hostCount > 1 ? QStringLiteral("0.0.0.0:0") : QStringLiteral("127.0.0.1:0"),
                        parser.value(commitMs).toInt());
    if (!server.start(dataDir.path())) {
        std::fprintf(stderr, "the server did not start\n");
        return 1;
    }
    const long serverFiles = openFileLimit(server.pid());
    if (serverFiles > 0 && n > serverFiles - 64) {
        std::printf("note: the server may open %ld descriptors (RLIMIT_NOFILE), so it cannot hold "
                    "%d connections; the rest wait in the listen backlog\n",
                    serverFiles, n);
    }
    const long rssBefore = residentKiB(server.pid());

    int workerCount = parser.value(workers).toInt();
    if (workerCount <= 0)
        workerCount = (n + perProcess - 1) / perProcess;
    IdleWorkers pool;
    ConnectOutcome outcome;
    if (idle && workerCount > 1) {
        outcome = pool.open(all, workerCount, server.port(), hostCount, dataDir.path());
    } else {
        workerCount = 1;
        outcome = DeviceConnector(server.port()).connectAll(all, hostCount);
    }
    std::printf("connected %d/%d devices in %.1f s (%d failed, %d stuck; %d client "
                "process%s)\n",
                outcome.loggedIn, n, outcome.seconds, outcome.failed, outcome.stuck, workerCount,
                workerCount > 1 ? "es" : "");
    if (outcome.stuck > 0) {
        std::printf("the last login came %.1f s after the start; %d devices were given up "
                    "60 s later\n",
                    outcome.lastLoginSeconds, outcome.stuck);
    }
    if (outcome.loggedIn == 0 || (!idle && outcome.loggedIn != n)) {
        server.stop();
        return 1;
    }
    if (idle) {
        runUntil([] { return false; }, 2000);
        const long rss = residentKiB(server.pid());
        std::printf("idle connections : %d authenticated\n", outcome.loggedIn);
        std::printf(
            "server RSS       : %.1f MiB (%.1f MiB before connecting; %.1f KiB per connection)\n",
            rss / 1024.0, rssBefore / 1024.0, double(rss - rssBefore) / outcome.loggedIn);
    } else {
        LifecycleRun({server.pid()})
            .run(all, parser.value(rate).toDouble(), parser.value(seconds).toInt());
    }
    all.clear();
    server.stop();
    return outcome.loggedIn == n ? 0 : 1;
}
