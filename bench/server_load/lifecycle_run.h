#pragma once

#include "server_load/load_device.h"

#include <QObject>
#include <vector>

namespace softphone::bench::load {

// Full calls between caller/callee pairs of logged-in devices (invite -> ring -> accept ->
// join -> hangup -> record) at a target rate; prints calls/s, invite->ring latency and the
// server's CPU and memory: of each node when there are several.
class LifecycleRun : public QObject
{
public:
    struct Figures
    {
        double callsPerSecond = 0;
        double p99RingMs = 0;
        std::vector<double> cpuUsPerLifecycle;  // each server's
        double totalCpuUs() const;
    };

    explicit LifecycleRun(std::vector<qint64> serverPids)
        : m_serverPids(std::move(serverPids))
    {}

    // The first half of `devices` call the second half; rate 0: as fast as they go. Returns
    // once the calls under way at the end have finished too (uncounted), so that the same
    // devices can run again.
    Figures run(std::vector<Device> &devices, double rate, int seconds);

private:
    std::vector<double> printServers(const std::vector<double> &cpuBefore, double elapsed,
                                     std::uint64_t completed) const;

    std::vector<qint64> m_serverPids;
};

}  // namespace softphone::bench::load
