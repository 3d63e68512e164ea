#pragma once

#include "server_load/device_connector.h"

#include <QObject>
#include <QProcess>
#include <memory>
#include <vector>

namespace softphone::bench::load {

// Idle connections held by several processes of this bench, each a slice of the devices:
// one process may open only as many sockets as its descriptor limit allows.
class IdleWorkers : public QObject
{
public:
    ~IdleWorkers() override;

    ConnectOutcome open(const std::vector<Device> &devices, int workers, quint16 port, int hosts,
                        const QString &dir);

private:
    std::vector<std::unique_ptr<QProcess>> m_processes;
    ConnectOutcome m_outcome;
    int m_reported = 0;
    int m_ended = 0;
};

// One worker: logs its slice in, reports, and holds the connections until it is terminated.
int runIdleWorker(const QString &slicePath, quint16 port, int hosts);

}  // namespace softphone::bench::load
