#include "server_load/lifecycle_run.h"

#include "process_stats.h"
#include "protocol/messages.h"
#include "run_until.h"

#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <deque>

namespace softphone::bench::load {

using protocol::json;

namespace {

constexpr int kDrainLimitMs = 5000;  // for the calls under way when the time is up

}  // namespace

double LifecycleRun::Figures::totalCpuUs() const
{
    double total = 0;
    for (double cpu : cpuUsPerLifecycle)
        total += cpu;
    return total;
}

LifecycleRun::Figures LifecycleRun::run(std::vector<Device> &devices, double rate, int seconds)
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
    std::vector<double> cpuBefore;
    for (qint64 pid : m_serverPids)
        cpuBefore.push_back(cpuSeconds(pid));

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
        connect(
            devices[i + pairs].channel.get(), &im::RpcChannel::eventReceived, this,
            [&, i](const std::string &name, const json &data) { onCalleeEvent(i, name, data); });
        connect(
            devices[i].channel.get(), &im::RpcChannel::eventReceived, this,
            [&, i](const std::string &name, const json &data) { onCallerEvent(i, name, data); });
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

    std::sort(ringLatencyMs.begin(), ringLatencyMs.end());
    const auto pct = [&](double p) {
        if (ringLatencyMs.empty())
            return 0.0;
        return ringLatencyMs[std::min(ringLatencyMs.size() - 1,
                                      std::size_t(p * double(ringLatencyMs.size())))];
    };
    std::printf("target rate      : %s\n", rate > 0 ? QByteArray::number(rate).constData() : "max");
    std::printf("pairs            : %zu\n", pairs);
    std::printf("lifecycles       : %llu completed in %.1f s = %.0f calls/s (%llu started, "
                "%llu failures)\n",
                (unsigned long long)completed, elapsed, completed / elapsed,
                (unsigned long long)started, (unsigned long long)failures);
    std::printf("invite->ring     : p50 %.2f ms, p99 %.2f ms, max %.2f ms (%zu samples)\n",
                pct(0.50), pct(0.99), ringLatencyMs.empty() ? 0.0 : ringLatencyMs.back(),
                ringLatencyMs.size());
    Figures figures;
    figures.callsPerSecond = completed / elapsed;
    figures.p99RingMs = pct(0.99);
    figures.cpuUsPerLifecycle = printServers(cpuBefore, elapsed, completed);
    runUntil([&] { return idle.size() == pairs; }, kDrainLimitMs);
    return figures;
}

std::vector<double> LifecycleRun::printServers(const std::vector<double> &cpuBefore, double elapsed,
                                               std::uint64_t completed) const
{
    const auto perLifecycle = [completed](double cpu) {
        return completed ? 1e6 * cpu / double(completed) : 0.0;
    };
    double total = 0;
    std::vector<double> perServer;
    for (std::size_t i = 0; i < m_serverPids.size(); ++i) {
        const double cpu = cpuSeconds(m_serverPids[i]) - cpuBefore[i];
        total += cpu;
        perServer.push_back(perLifecycle(cpu));
        const QByteArray name =
            m_serverPids.size() > 1 ? "node " + QByteArray::number(qulonglong(i)) : "server";
        std::printf("%-6s CPU       : %.0f%% of one core, %.0f us per lifecycle\n",
                    name.constData(), 100.0 * cpu / elapsed, perLifecycle(cpu));
        std::printf("%-6s RSS       : %.1f MiB\n", name.constData(),
                    residentKiB(m_serverPids[i]) / 1024.0);
    }
    if (m_serverPids.size() > 1)
        std::printf("all nodes CPU    : %.0f us per lifecycle\n", perLifecycle(total));
    return perServer;
}

}  // namespace softphone::bench::load
