#pragma once

#include "chaos_soak/soak_options.h"

#include <QList>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>
#include <random>
#include <vector>

namespace softphone::bench::chaos {

// The bench_chaos_client worker processes, one per slot, each running its share of the
// accounts and writing its journal in the pool's folder; killed at random and started again.
class WorkerPool
{
public:
    WorkerPool(const SoakOptions &options, const std::vector<Account> &accounts,
               std::mt19937 &random);

    // `servers`: the nodes of a cluster, which each worker tries in its own order.
    void startAll(const QList<QUrl> &servers);
    void killWorker(int slot);
    // A worker that exited by itself crashed or gave up: that is a finding, and it restarts.
    void reviveExitedWorkers();
    // The workers end their calls and flush their texts, then exit.
    void drain();
    std::vector<QString> journals() const;

    int clientKills() const { return m_clientKills; }
    int workerExits() const { return m_workerExits; }
    int unsettledWorkers() const { return m_unsettledWorkers; }

private:
    void startWorker(int slot);
    QString journalPath(int slot) const;
    QString drainPath() const;
    double uniform(double low, double high);

    const SoakOptions &m_options;
    const std::vector<Account> &m_accounts;
    std::mt19937 &m_random;
    QTemporaryDir m_work;
    QList<QUrl> m_servers;
    std::vector<std::unique_ptr<QProcess>> m_workers;
    int m_generation = 0;
    bool m_draining = false;
    int m_clientKills = 0;
    int m_workerExits = 0;
    int m_unsettledWorkers = 0;
};

}  // namespace softphone::bench::chaos
