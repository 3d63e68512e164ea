#include "chaos_soak/worker_pool.h"

#include <QFile>
#include <QTimer>
#include <algorithm>

namespace softphone::bench::chaos {

WorkerPool::WorkerPool(const SoakOptions &options, const std::vector<Account> &accounts,
                       std::mt19937 &random)
    : m_options(options)
    , m_accounts(accounts)
    , m_random(random)
{}

void WorkerPool::startAll(const QList<QUrl> &servers)
{
    m_servers = servers;
    for (int slot = 0; slot < m_options.workers; ++slot)
        startWorker(slot);
}

void WorkerPool::startWorker(int slot)
{
    if (m_workers.size() <= std::size_t(slot))
        m_workers.resize(std::size_t(slot) + 1);
    QStringList peers;
    for (const Account &account : m_accounts)
        peers << QString::fromStdString(account.name);
    // Each worker starts on another node.
    QStringList servers;
    for (const QUrl &server : m_servers)
        servers << server.toString();
    std::rotate(servers.begin(), servers.begin() + slot % servers.size(), servers.end());
    QStringList arguments = {
        QStringLiteral("--url"),     servers.join(QLatin1Char(',')),
        QStringLiteral("--journal"), journalPath(slot),
        QStringLiteral("--tag"),     QStringLiteral("w%1g%2").arg(slot).arg(++m_generation),
        QStringLiteral("--seed"),    QString::number(m_random()),
        QStringLiteral("--drain"),   drainPath(),
        QStringLiteral("--peers"),   peers.join(QLatin1Char(','))};
    for (int i = 0; i < m_options.accountsPerWorker; ++i) {
        const Account &account = m_accounts[std::size_t(slot * m_options.accountsPerWorker + i)];
        arguments << QString::fromStdString(account.name + ":" + account.token);
    }
    auto process = std::make_unique<QProcess>();
    process->setProgram(QStringLiteral(SOFTPHONE_CHAOS_CLIENT_BINARY));
    process->setArguments(arguments);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->setStandardOutputFile(QProcess::nullDevice());
    process->start();
    m_workers[std::size_t(slot)] = std::move(process);
}

void WorkerPool::killWorker(int slot)
{
    QProcess *process = m_workers[std::size_t(slot)].get();
    if (!process || process->state() == QProcess::NotRunning)
        return;
    process->kill();
    process->waitForFinished(5000);
    ++m_clientKills;
    m_workers[std::size_t(slot)].reset();
    QTimer::singleShot(int(uniform(100, 1500)), [this, slot] {
        if (!m_draining)
            startWorker(slot);
    });
}

void WorkerPool::reviveExitedWorkers()
{
    for (std::size_t slot = 0; slot < m_workers.size(); ++slot) {
        QProcess *process = m_workers[slot].get();
        if (process && process->state() == QProcess::NotRunning) {
            ++m_workerExits;
            startWorker(int(slot));
        }
    }
}

void WorkerPool::drain()
{
    m_draining = true;
    QFile(drainPath()).open(QIODevice::WriteOnly);
    for (auto &process : m_workers) {
        if (!process)
            continue;
        if (process->state() != QProcess::NotRunning)
            process->waitForFinished(30000);
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
            ++m_unsettledWorkers;
        } else if (process->exitCode() != 0) {
            ++m_unsettledWorkers;
        }
    }
    // Workers that were between a kill and their restart ran nothing to drain.
}

std::vector<QString> WorkerPool::journals() const
{
    std::vector<QString> paths;
    for (int slot = 0; slot < m_options.workers; ++slot)
        paths.push_back(journalPath(slot));
    return paths;
}

QString WorkerPool::journalPath(int slot) const
{
    return m_work.filePath(QStringLiteral("worker-%1.journal").arg(slot));
}

QString WorkerPool::drainPath() const
{
    return m_work.filePath(QStringLiteral("drain"));
}

double WorkerPool::uniform(double low, double high)
{
    return std::uniform_real_distribution(low, high)(m_random);
}

}  // namespace softphone::bench::chaos
