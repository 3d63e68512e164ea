#include "server_load/cross_node_idle.h"

#include "process_stats.h"
#include "run_until.h"
#include "server_load/idle_workers.h"
#include "server_load/node_cluster.h"
#include "server_load/provision.h"

#include <QDir>
#include <QTemporaryDir>
#include <cstdio>
#include <memory>

namespace softphone::bench::load {

int runIdleAcrossNodes(int nodes, int clients, int devicesPerAccount, int perProcess)
{
    std::printf("--- %d node%s on PostgreSQL, %d idle connections%s\n", nodes, nodes > 1 ? "s" : "",
                clients, nodes > 1 ? " spread over them" : "");
    NodeCluster cluster;
    if (!cluster.start(nodes, 2)) {
        cluster.stop();
        return 1;
    }
    std::vector<Device> all =
        provision(cluster.databaseSettings(), (clients + devicesPerAccount - 1) / devicesPerAccount,
                  devicesPerAccount);
    all.resize(std::size_t(clients));
    std::vector<std::vector<Device>> slices(std::size_t(cluster.size()));
    for (std::size_t i = 0; i < all.size(); ++i)
        slices[i % slices.size()].push_back(std::move(all[i]));
    all.clear();

    std::vector<long> before;
    for (int node = 0; node < cluster.size(); ++node)
        before.push_back(residentKiB(cluster.node(node).pid()));
    QTemporaryDir work;
    std::vector<std::unique_ptr<IdleWorkers>> pools;
    std::vector<int> loggedIn;
    for (int node = 0; node < cluster.size(); ++node) {
        const auto &slice = slices[std::size_t(node)];
        const int workers = std::max(1, (int(slice.size()) + perProcess - 1) / perProcess);
        pools.push_back(std::make_unique<IdleWorkers>());
        const QString dir = work.filePath(QString::number(node));
        QDir().mkpath(dir);
        const ConnectOutcome outcome =
            pools.back()->open(slice, workers, cluster.node(node).port(), 1, dir);
        std::printf("node %d: connected %d/%zu devices in %.1f s (%d failed, %d stuck)\n", node,
                    outcome.loggedIn, slice.size(), outcome.seconds, outcome.failed, outcome.stuck);
        loggedIn.push_back(outcome.loggedIn);
    }
    runUntil([] { return false; }, 3000);  // directories told, memory settled
    int failed = 0;
    for (int node = 0; node < cluster.size(); ++node) {
        const long rss = residentKiB(cluster.node(node).pid());
        const int count = loggedIn[std::size_t(node)];
        std::printf("node %d RSS        : %.1f MiB (%.1f MiB before; %.1f KiB per connection "
                    "of its own)\n",
                    node, rss / 1024.0, before[std::size_t(node)] / 1024.0,
                    count > 0 ? double(rss - before[std::size_t(node)]) / count : 0.0);
        failed += int(slices[std::size_t(node)].size()) - count;
    }
    pools.clear();
    cluster.stop();
    return failed == 0 ? 0 : 1;
}

}  // namespace softphone::bench::load
