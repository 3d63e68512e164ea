#include "server_load/idle_workers.h"

#include "run_until.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <algorithm>
#include <cstdio>

namespace softphone::bench::load {

IdleWorkers::~IdleWorkers()
{
    for (auto &process : m_processes) {
        process->terminate();
        process->waitForFinished(30000);
    }
}

ConnectOutcome IdleWorkers::open(const std::vector<Device> &devices, int workers, quint16 port,
                                 int hosts, const QString &dir)
{
    QElapsedTimer timer;
    timer.start();
    const std::size_t per = (devices.size() + std::size_t(workers) - 1) / std::size_t(workers);
    for (int w = 0; w < workers; ++w) {
        const std::size_t first = std::size_t(w) * per;
        const std::size_t last = std::min(devices.size(), first + per);
        if (first >= last)
            break;
        QFile slice(QDir(dir).filePath(QStringLiteral("slice-%1.txt").arg(w)));
        slice.open(QIODevice::WriteOnly);
        for (std::size_t i = first; i < last; ++i) {
            const Device &d = devices[i];
            slice.write((d.account + ' ' + d.deviceId + ' ' + d.token + '\n').c_str());
        }
        slice.close();
        auto process = std::make_unique<QProcess>();
        process->setProgram(QCoreApplication::applicationFilePath());
        process->setArguments({QStringLiteral("--worker"), slice.fileName(),
                               QStringLiteral("--port"), QString::number(port),
                               QStringLiteral("--hosts"), QString::number(hosts)});
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QProcess *raw = process.get();
        QObject::connect(raw, &QProcess::readyReadStandardOutput, this, [this, raw] {
            while (raw->canReadLine()) {
                const QList<QByteArray> f = raw->readLine().trimmed().split(' ');
                if (f.value(0) != "ready")
                    continue;
                m_outcome.loggedIn += f.value(1).toInt();
                m_outcome.failed += f.value(2).toInt();
                m_outcome.stuck += f.value(3).toInt();
                m_outcome.lastLoginSeconds =
                    std::max(m_outcome.lastLoginSeconds, f.value(5).toDouble());
                ++m_reported;
            }
        });
        QObject::connect(raw, &QProcess::finished, this, [this] { ++m_ended; });
        process->start();
        m_processes.push_back(std::move(process));
    }
    const int started = int(m_processes.size());
    runUntil([&] { return m_reported + m_ended >= started; }, 3'600'000);
    m_outcome.seconds = timer.elapsed() / 1000.0;
    if (m_ended > 0)
        std::fprintf(stderr, "%d of %d workers ended early\n", m_ended, started);
    return m_outcome;
}

int runIdleWorker(const QString &slicePath, quint16 port, int hosts)
{
    QFile slice(slicePath);
    if (!slice.open(QIODevice::ReadOnly))
        return 1;
    std::vector<Device> devices;
    while (!slice.atEnd()) {
        const QList<QByteArray> f = slice.readLine().trimmed().split(' ');
        if (f.size() == 3)
            devices.push_back({f[0].toStdString(), f[1].toStdString(), f[2].toStdString(), {}});
    }
    DeviceConnector connector(port);
    const ConnectOutcome outcome = connector.connectAll(devices, hosts);
    std::printf("ready %d %d %d %.3f %.3f\n", outcome.loggedIn, outcome.failed, outcome.stuck,
                outcome.seconds, outcome.lastLoginSeconds);
    return QCoreApplication::exec();
}

}  // namespace softphone::bench::load
