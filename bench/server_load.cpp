// bench_server_load: drives a real softphone-server with many clients built on the client
// core, and prints what it achieved.
//
//   lifecycles: N clients in caller/callee pairs run full calls (invite -> ring -> accept ->
//               join -> hangup -> record) at a target rate (0: as fast as they go); prints
//               calls/s, invite->ring latency percentiles and the server's resident memory.
//   idle:       opens N authenticated connections and prints the server's resident memory.

#include "command_line.h"
#include "storage/account_store.h"
#include "storage/database.h"
#ifdef Q_OS_LINUX
#include "net/epoll_event_dispatcher.h"
#endif
#include "im/rpc_channel.h"
#include "process_stats.h"
#include "protocol/messages.h"
#include "services/password_hasher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <deque>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace softphone;
using bench::cpuSeconds;
using bench::option;
using bench::residentKiB;
using protocol::json;

namespace {

// Runs the event loop, sleeping between events, until `done` holds or `ms` have passed.
// (QCoreApplication::processEvents(flags, ms) never sleeps: it would spin a core.)
template<class F>
void runUntil(F done, qint64 ms)
{
    QElapsedTimer clock;
    clock.start();
    QTimer tick;  // bounds each sleep, so that the deadline and `done` are looked at
    tick.start(50);
    QEventLoop loop;
    while (!done() && clock.elapsed() < ms)
        loop.processEvents(QEventLoop::WaitForMoreEvents);
}

struct ConnectOutcome
{
    int loggedIn = 0;
    int failed = 0;
    int stuck = 0;  // neither logged in nor refused when the bench stopped waiting
    double seconds = 0;
    double lastLoginSeconds = 0;  // when the last login succeeded
};

struct Device
{
    std::string account;
    std::string deviceId;
    std::string token;
    std::unique_ptr<im::RpcChannel> channel;
    bool ready = false;
};

// Both ends of every connection live on this machine; the server inherits the limit.
// Returns the limit now in force.
rlim_t raiseFileLimit(rlim_t wanted)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    const rlimit raised{std::max(limit.rlim_max, wanted), std::max(limit.rlim_max, wanted)};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
        return raised.rlim_cur;
    // Raising the hard limit needs CAP_SYS_RESOURCE.
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
    return limit.rlim_cur;
}

// Accounts and device sessions written straight into the server's database before it starts,
// as an operator's import would: one argon2id hash shared by all, one token per device.
std::vector<Device> provision(const QString &dataDir, int accounts, int devicesPerAccount)
{
    server::PasswordHasher::initialize();
    server::DatabaseSettings settings;
    settings.path = QDir(dataDir).filePath(QStringLiteral("softphone.db"));
    server::Database db(settings);
    if (QString error = db.open(); !error.isEmpty())
        qFatal("%s", qPrintable(error));
    server::AccountStore store(db);
    const std::string hash = server::PasswordHasher::hash("bench-password");
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    std::vector<Device> devices;
    db.transaction();
    for (int a = 0; a < accounts; ++a) {
        const std::string account = "bench" + std::to_string(a);
        store.create(account, account, hash, now);
        for (int d = 0; d < devicesPerAccount; ++d) {
            Device device{account, "d" + std::to_string(d), server::PasswordHasher::newToken(), {}};
            store.addSession(server::PasswordHasher::tokenHash(device.token),
                             {account, device.deviceId, now + 86'400'000}, now);
            devices.push_back(std::move(device));
        }
    }
    db.commit();
    return devices;
}

class Bench : public QObject
{
public:
    Bench(QString serverBinary, QString listen)
        : m_binary(std::move(serverBinary))
        , m_listen(std::move(listen))
    {}

    bool startServer(const QString &dataDir)
    {
        QFile config(QDir(dataDir).filePath(QStringLiteral("bench.json")));
        config.open(QIODevice::WriteOnly);
        // Generous limits: the bench's clients are trusted and fast.
        const json settings = {{"rateLimitPerSecond", 100000},
                               {"rateLimitBurst", 100000},
                               {"invitesPerMinute", 0},
                               {"connectionsPerAddress", 0},
                               {"logins", {{"waitingPerAddress", 100000}, {"waiting", 100000}}},
                               {"recordGraceSeconds", 10},
                               {"commitIntervalMs", m_commitMs}};
        config.write(settings.dump().c_str());
        config.close();
        m_server.setProgram(m_binary);
        m_server.setArguments({QStringLiteral("--listen"), m_listen, QStringLiteral("--data"),
                               dataDir, QStringLiteral("--config"), config.fileName()});
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start();
        if (!m_server.waitForStarted() || !m_server.waitForReadyRead(30000))
            return false;
        const QString line = QString::fromUtf8(m_server.readAllStandardOutput());
        static const QRegularExpression port(QStringLiteral("ws=(\\d+)"));
        const auto match = port.match(line);
        m_port = match.hasMatch() ? match.captured(1).toUShort() : 0;
        return m_port != 0;
    }

    void stopServer()
    {
        m_server.terminate();
        m_server.waitForFinished(30000);
    }

    qint64 serverPid() const { return m_server.processId(); }

    void setPort(quint16 port) { m_port = port; }
    quint16 port() const { return m_port; }

    // Opens and logs in every device; spreads connections over `hosts` loopback addresses so
    // that one client machine can open more than one address's worth of ephemeral ports.
    // Gives up when no login has succeeded for `stallMs`: clients the server cannot take
    // would otherwise fail and retry for as long as TCP keeps trying to connect.
    ConnectOutcome connectAll(std::vector<Device> &devices, int hosts, qint64 stallMs = 60000)
    {
        int opened = 0, loggedIn = 0, failed = 0;
        const int total = int(devices.size());
        const int batch = 500;  // in flight at once
        std::size_t next = 0;
        QElapsedTimer timer;
        timer.start();
        QElapsedTimer sinceProgress;
        sinceProgress.start();
        qint64 lastLogin = 0;
        std::function<void()> launch = [&] {
            while (next < devices.size() && (int(next) - loggedIn - failed) < batch) {
                Device &device = devices[next];
                const int host = int(next % std::size_t(hosts)) + 1;
                ++next;
                device.channel = std::make_unique<im::RpcChannel>();
                connect(device.channel.get(), &im::RpcChannel::opened, this, [&, dev = &device] {
                    ++opened;
                    protocol::Login login;
                    login.account = dev->account;
                    login.token = dev->token;
                    login.clientType = "cli";
                    login.deviceId = dev->deviceId;
                    dev->channel->call(
                        login,
                        [&, dev](auto result, const protocol::ErrorBody &error) {
                            if (result) {
                                dev->ready = true;
                                ++loggedIn;
                                sinceProgress.restart();
                                lastLogin = timer.elapsed();
                            } else {
                                ++failed;
                                std::fprintf(stderr, "login failed: %s\n", error.message.c_str());
                            }
                            launch();
                        },
                        120000);
                });
                connect(device.channel.get(), &im::RpcChannel::closed, this, [&, dev = &device] {
                    if (!dev->ready) {
                        ++failed;
                        launch();
                    }
                });
                device.channel->open(
                    QUrl(QStringLiteral("ws://127.0.0.%1:%2").arg(host).arg(m_port)));
            }
        };
        launch();
        runUntil([&] { return loggedIn + failed >= total || sinceProgress.elapsed() > stallMs; },
                 3'600'000);
        // The callbacks above refer to this frame: later ones must not reach it.
        for (Device &device : devices) {
            if (device.channel)
                device.channel->disconnect(this);
        }
        return {loggedIn, failed, total - loggedIn - failed, timer.elapsed() / 1000.0,
                lastLogin / 1000.0};
    }

    void runLifecycles(std::vector<Device> &devices, double rate, int seconds)
    {
        const std::size_t pairs = devices.size() / 2;
        std::deque<std::size_t> idle;
        for (std::size_t i = 0; i < pairs; ++i)
            idle.push_back(i);
        std::vector<double> ringLatencyMs;
        std::uint64_t started = 0, completed = 0, failures = 0;
        std::vector<qint64> inviteSentNs(pairs, -1);  // one call at a time per pair
        bool running = true;
        QElapsedTimer clock;
        clock.start();
        const double serverCpuBefore = cpuSeconds(serverPid());

        // Callee side: ring -> answer -> join; caller side: accepted -> join -> hang up.
        const auto countFailure = [&](auto result, auto) {
            if (!result && running)
                ++failures;
        };
        const auto onCalleeEvent = [&](std::size_t i, const std::string &name, const json &data) {
            Device &callee = devices[i + pairs];
            if (name == "call.incoming") {
                if (inviteSentNs[i] >= 0) {
                    ringLatencyMs.push_back((clock.nsecsElapsed() - inviteSentNs[i]) / 1e6);
                    inviteSentNs[i] = -1;
                }
                const std::string cid = data["cid"];
                callee.channel->call(protocol::CallRespond{cid, true, false}, countFailure);
                callee.channel->call(protocol::RoomJoin{cid, 0}, countFailure);
            } else if (name == "msg.new" && data.value("msgType", "") == "NRTC_NETCALL") {
                ++completed;  // the callee holds the record: the lifecycle is done
                idle.push_back(i);
            }
        };
        const auto onCallerEvent = [&](std::size_t i, const std::string &name, const json &data) {
            if (name != "call.accepted")
                return;
            const std::string cid = data["cid"];
            devices[i].channel->call(protocol::RoomJoin{cid, 0}, countFailure);
            devices[i].channel->call(protocol::CallHangup{cid}, countFailure);
        };
        for (std::size_t i = 0; i < pairs; ++i) {
            connect(devices[i + pairs].channel.get(), &im::RpcChannel::eventReceived, this,
                    [&, i](const std::string &name, const json &data) {
                        onCalleeEvent(i, name, data);
                    });
            connect(devices[i].channel.get(), &im::RpcChannel::eventReceived, this,
                    [&, i](const std::string &name, const json &data) {
                        onCallerEvent(i, name, data);
                    });
        }

        const auto startOne = [&] {
            const std::size_t i = idle.front();
            idle.pop_front();
            ++started;
            inviteSentNs[i] = clock.nsecsElapsed();
            devices[i].channel->call(
                protocol::CallInvite{devices[i + pairs].account, protocol::CallType::Audio, true},
                countFailure);
        };

        QTimer pace;
        pace.setInterval(1);
        connect(&pace, &QTimer::timeout, this, [&] {
            const double elapsed = clock.elapsed() / 1000.0;
            const auto due = rate > 0 ? std::uint64_t(elapsed * rate) : UINT64_MAX;
            while (started < due && !idle.empty())
                startOne();
        });
        pace.start();
        const qint64 endAt = qint64(seconds) * 1000;
        runUntil([] { return false; }, endAt);
        pace.stop();
        running = false;
        const double elapsed = clock.elapsed() / 1000.0;
        const long rss = residentKiB(serverPid());
        const double serverCpu = cpuSeconds(serverPid()) - serverCpuBefore;

        std::sort(ringLatencyMs.begin(), ringLatencyMs.end());
        const auto pct = [&](double p) {
            if (ringLatencyMs.empty())
                return 0.0;
            return ringLatencyMs[std::min(ringLatencyMs.size() - 1,
                                          std::size_t(p * double(ringLatencyMs.size())))];
        };
        std::printf("target rate      : %s\n",
                    rate > 0 ? QByteArray::number(rate).constData() : "max");
        std::printf("pairs            : %zu\n", pairs);
        std::printf("lifecycles       : %llu completed in %.1f s = %.0f calls/s (%llu started, "
                    "%llu failures)\n",
                    (unsigned long long)completed, elapsed, completed / elapsed,
                    (unsigned long long)started, (unsigned long long)failures);
        std::printf("invite->ring     : p50 %.2f ms, p99 %.2f ms, max %.2f ms (%zu samples)\n",
                    pct(0.50), pct(0.99), ringLatencyMs.empty() ? 0.0 : ringLatencyMs.back(),
                    ringLatencyMs.size());
        std::printf("server CPU       : %.0f%% of one core, %.0f us per lifecycle\n",
                    100.0 * serverCpu / elapsed,
                    completed ? 1e6 * serverCpu / double(completed) : 0.0);
        std::printf("server RSS       : %.1f MiB\n", rss / 1024.0);
    }

private:
public:
    int m_commitMs = 2;

private:
    QString m_binary;
    QString m_listen;
    QProcess m_server;
    quint16 m_port = 0;
};

// The descriptor limit of a running process, from /proc; -1 if unknown.
long openFileLimit(qint64 pid)
{
    QFile limits(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!limits.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression files(QStringLiteral("Max open files\\s+(\\d+)"));
    const auto match = files.match(QString::fromLatin1(limits.readAll()));
    return match.hasMatch() ? match.captured(1).toLong() : -1;
}

// Idle connections held by several processes of this bench, each a slice of the devices:
// one process may open only as many sockets as its descriptor limit allows.
class IdleWorkers : public QObject
{
public:
    ~IdleWorkers() override
    {
        for (auto &process : m_processes) {
            process->terminate();
            process->waitForFinished(30000);
        }
    }

    ConnectOutcome open(const std::vector<Device> &devices, int workers, quint16 port, int hosts,
                        const QString &dir)
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

private:
    std::vector<std::unique_ptr<QProcess>> m_processes;
    ConnectOutcome m_outcome;
    int m_reported = 0;
    int m_ended = 0;
};

// One worker: logs its slice in, reports, and holds the connections until it is terminated.
int runWorker(const QString &slicePath, quint16 port, int hosts)
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
    Bench bench({}, {});
    bench.setPort(port);
    const ConnectOutcome outcome = bench.connectAll(devices, hosts);
    std::printf("ready %d %d %d %.3f %.3f\n", outcome.loggedIn, outcome.failed, outcome.stuck,
                outcome.seconds, outcome.lastLoginSeconds);
    return QCoreApplication::exec();
}

}  // namespace

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
    const QCommandLineOption worker =
        option("worker", "Internal: log in the devices of FILE.", "FILE");
    const QCommandLineOption port =
        option("port", "Internal: the server's port, with --worker.", "PORT");
    parser.addOptions({mode, clients, rate, seconds, hosts, devices, workers, serverBinary,
                       commitMs, worker, port});
    parser.process(app);

    const rlim_t fileLimit = raiseFileLimit(rlim_t(parser.value(clients).toInt()) * 2 + 1024);
    const int hostCount = std::max(1, parser.value(hosts).toInt());
    if (parser.isSet(worker))
        return runWorker(parser.value(worker), parser.value(port).toUShort(), hostCount);

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
    Bench bench(parser.value(serverBinary),
                hostCount > 1 ? QStringLiteral("0.0.0.0:0") : QStringLiteral("127.0.0.1:0"));
    bench.m_commitMs = parser.value(commitMs).toInt();
    if (!bench.startServer(dataDir.path())) {
        std::fprintf(stderr, "the server did not start\n");
        return 1;
    }
    const long serverFiles = openFileLimit(bench.serverPid());
    if (serverFiles > 0 && n > serverFiles - 64) {
        std::printf("note: the server may open %ld descriptors (RLIMIT_NOFILE), so it cannot hold "
                    "%d connections; the rest wait in the listen backlog\n",
                    serverFiles, n);
    }
    const long rssBefore = residentKiB(bench.serverPid());

    // Each client process keeps a margin of descriptors for its own use.
    const int perProcess = std::max(1000, int(fileLimit) - 256);
    int workerCount = parser.value(workers).toInt();
    if (workerCount <= 0)
        workerCount = (n + perProcess - 1) / perProcess;
    IdleWorkers pool;
    ConnectOutcome outcome;
    if (idle && workerCount > 1) {
        outcome = pool.open(all, workerCount, bench.port(), hostCount, dataDir.path());
    } else {
        workerCount = 1;
        outcome = bench.connectAll(all, hostCount);
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
        bench.stopServer();
        return 1;
    }
    if (idle) {
        runUntil([] { return false; }, 2000);
        const long rss = residentKiB(bench.serverPid());
        std::printf("idle connections : %d authenticated\n", outcome.loggedIn);
        std::printf(
            "server RSS       : %.1f MiB (%.1f MiB before connecting; %.1f KiB per connection)\n",
            rss / 1024.0, rssBefore / 1024.0, double(rss - rssBefore) / outcome.loggedIn);
    } else {
        bench.runLifecycles(all, parser.value(rate).toDouble(), parser.value(seconds).toInt());
    }
    all.clear();
    bench.stopServer();
    return outcome.loggedIn == n ? 0 : 1;
}
