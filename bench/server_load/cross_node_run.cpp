#include "server_load/cross_node_run.h"

#include "run_until.h"
#include "server_load/device_connector.h"
#include "server_load/lifecycle_run.h"
#include "server_load/node_cluster.h"
#include "server_load/provision.h"

#include <cstdio>

namespace softphone::bench::load {

namespace {

bool connectHalf(std::vector<Device> &devices, quint16 port, const char *who)
{
    const ConnectOutcome outcome = DeviceConnector(port).connectAll(devices, 1);
    std::printf("connected %d/%zu %s in %.1f s (%d failed, %d stuck)\n", outcome.loggedIn,
                devices.size(), who, outcome.seconds, outcome.failed, outcome.stuck);
    return outcome.loggedIn == int(devices.size());
}

}  // namespace

int runAcrossNodes(int nodes, int clients, double rate, int seconds, int commitMs)
{
    std::printf("--- %d node%s on PostgreSQL%s\n", nodes, nodes > 1 ? "s" : "",
                nodes > 1 ? ", callers on node 0, callees on node 1" : "");
    NodeCluster cluster;
    if (!cluster.start(nodes, commitMs)) {
        cluster.stop();
        return 1;
    }
    std::vector<Device> all = provision(cluster.databaseSettings(), clients, 1);
    const auto middle = all.begin() + std::ptrdiff_t(all.size() / 2);
    std::vector<Device> callers(std::make_move_iterator(all.begin()),
                                std::make_move_iterator(middle));
    std::vector<Device> callees(std::make_move_iterator(middle),
                                std::make_move_iterator(all.end()));
    const bool connected =
        connectHalf(callers, cluster.node(0).port(), "callers") &&
        connectHalf(callees, cluster.node(std::min(1, nodes - 1)).port(), "callees");
    if (!connected) {
        cluster.stop();
        return 1;
    }
    // Each node learns where the other's devices are from its directory updates.
    if (nodes > 1)
        runUntil([] { return false; }, 3000);
    all.clear();
    for (auto *half : {&callers, &callees})
        std::move(half->begin(), half->end(), std::back_inserter(all));
    std::vector<qint64> pids;
    for (int i = 0; i < cluster.size(); ++i)
        pids.push_back(cluster.node(i).pid());
    LifecycleRun(pids).run(all, rate, seconds);
    all.clear();
    cluster.stop();
    return 0;
}

}  // namespace softphone::bench::load
