#include "server_load/cross_node_run.h"

#include "run_until.h"
#include "server_load/device_connector.h"
#include "server_load/lifecycle_run.h"
#include "server_load/node_cluster.h"
#include "server_load/provision.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace softphone::bench::load {

namespace {

bool connectHalf(std::vector<Device> &devices, quint16 port, const char *who)
{
    const ConnectOutcome outcome = DeviceConnector(port).connectAll(devices, 1);
    std::printf("connected %d/%zu %s in %.1f s (%d failed, %d stuck)\n", outcome.loggedIn,
                devices.size(), who, outcome.seconds, outcome.failed, outcome.stuck);
    return outcome.loggedIn == int(devices.size());
}

// One deployment on a database of its own, its callers and callees logged in.
class Deployment
{
public:
    bool open(int nodes, int clients, int commitMs)
    {
        m_nodes = nodes;
        std::printf("--- %d node%s on PostgreSQL%s\n", nodes, nodes > 1 ? "s" : "",
                    nodes > 1 ? ", callers on node 0, callees on node 1" : "");
        if (!m_cluster.start(nodes, commitMs))
            return false;
        std::vector<Device> all = provision(m_cluster.databaseSettings(), clients, 1);
        const auto middle = all.begin() + std::ptrdiff_t(all.size() / 2);
        std::vector<Device> callers(std::make_move_iterator(all.begin()),
                                    std::make_move_iterator(middle));
        std::vector<Device> callees(std::make_move_iterator(middle),
                                    std::make_move_iterator(all.end()));
        if (!connectHalf(callers, m_cluster.node(0).port(), "callers") ||
            !connectHalf(callees, m_cluster.node(std::min(1, nodes - 1)).port(), "callees"))
            return false;
        // Each node learns where the other's devices are from its directory updates.
        if (nodes > 1)
            runUntil([] { return false; }, 3000);
        for (auto *half : {&callers, &callees})
            std::move(half->begin(), half->end(), std::back_inserter(m_devices));
        return true;
    }

    LifecycleRun::Figures run(double rate, int seconds)
    {
        std::printf("--- %d node%s\n", m_nodes, m_nodes > 1 ? "s" : "");
        std::vector<qint64> pids;
        for (int i = 0; i < m_cluster.size(); ++i)
            pids.push_back(m_cluster.node(i).pid());
        return LifecycleRun(pids).run(m_devices, rate, seconds);
    }

    void close()
    {
        m_devices.clear();
        m_cluster.stop();
    }

private:
    int m_nodes = 0;
    NodeCluster m_cluster;
    std::vector<Device> m_devices;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

void printRange(const char *what, const std::vector<double> &values, int decimals, const char *unit)
{
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    std::printf("%-17s: median %.*f%s (%.*f-%.*f over %zu rounds)\n", what, decimals,
                median(values), unit, decimals, *low, decimals, *high, values.size());
}

void printSummary(const std::vector<LifecycleRun::Figures> &alone,
                  const std::vector<LifecycleRun::Figures> &together)
{
    std::vector<double> aloneCpu, togetherCpu, ratios, p99s;
    for (std::size_t i = 0; i < alone.size(); ++i) {
        aloneCpu.push_back(alone[i].totalCpuUs());
        togetherCpu.push_back(together[i].totalCpuUs());
        ratios.push_back(aloneCpu.back() > 0 ? togetherCpu.back() / aloneCpu.back() : 0);
        p99s.push_back(together[i].p99RingMs);
    }
    std::printf("--- %zu rounds, each node's phase beside the one node's just before it\n",
                alone.size());
    printRange("one node CPU", aloneCpu, 0, " us per lifecycle");
    printRange("all nodes CPU", togetherCpu, 0, " us per lifecycle");
    printRange("ratio", ratios, 2, "x");
    printRange("nodes p99 ring", p99s, 2, " ms");
}

}  // namespace

int runAcrossNodes(int nodes, int clients, double rate, int seconds, int commitMs, int rounds)
{
    // Opened one after the other, and both kept: the rounds alternate between them.
    auto alone = std::make_unique<Deployment>();
    auto together = std::make_unique<Deployment>();
    if (!alone->open(1, clients, commitMs) || !together->open(nodes, clients, commitMs)) {
        together->close();
        alone->close();
        return 1;
    }
    std::vector<LifecycleRun::Figures> aloneFigures, togetherFigures;
    for (int round = 0; round < rounds; ++round) {
        aloneFigures.push_back(alone->run(rate, seconds));
        togetherFigures.push_back(together->run(rate, seconds));
    }
    if (rounds > 1)
        printSummary(aloneFigures, togetherFigures);
    together->close();
    alone->close();
    return 0;
}

}  // namespace softphone::bench::load
