#pragma once

#include "server_load/load_device.h"

#include <QObject>
#include <vector>

namespace softphone::bench::load {

// Full calls between caller/callee pairs of logged-in devices (invite -> ring -> accept ->
// join -> hangup -> record) at a target rate; prints calls/s, invite->ring latency and the
// server's CPU and memory.
class LifecycleRun : public QObject
{
public:
    explicit LifecycleRun(qint64 serverPid)
        : m_serverPid(serverPid)
    {}

    // The first half of `devices` call the second half; rate 0: as fast as they go.
    void run(std::vector<Device> &devices, double rate, int seconds);

private:
    qint64 m_serverPid;
};

}  // namespace softphone::bench::load
