// bench_media: two MediaSessions in one process call each other over a veth pair in a private
// network namespace (root), with the synthetic tone and test pattern, and the figures are
// printed:
//
//   first audio: from start() on both ends to the first decoded audio buffer at each end
//                (ICE, DTLS, the jitter buffer and the decoder included);
//   latency:     one way, sender to rendered audio: the caller unmutes its tone and the
//                callee's clock-synchronised sink sees the onset;
//   cpu:         user + system CPU of the whole process (both ends of the call) over a fixed
//                interval, for an audio call and for a 640x480@30 video call.
//   relay:       the same latency probes and the audio call's CPU with every packet through a
//                real TURN server (coturn, use-auth-secret, on the namespace's veth), plus the
//                TURN server's own CPU. Skipped when coturn is not installed.
//
//   bench_media [--calls N] [--probes N] [--seconds S] [--jitter MS]

#include "media/session/media_session.h"
#include "private_network.h"
#include "process_stats.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace softphone::media;

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval &t) { return double(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Runs the event loop until `done` holds or `ms` pass; false on timeout.
bool waitFor(const std::function<bool()> &done, int ms)
{
    QDeadlineTimer deadline(ms);
    QTimer tick;  // wakes the loop even when nothing else happens
    tick.start(5);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return NAN;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double maximum(const std::vector<double> &values)
{
    return values.empty() ? NAN : *std::max_element(values.begin(), values.end());
}

// Index of the first sample whose magnitude exceeds `threshold`, or -1.
qsizetype onsetIn(const QByteArray &pcm, double threshold)
{
    const qsizetype count = pcm.size() / 2;
    for (qsizetype i = 0; i < count; ++i) {
        std::int16_t sample;
        std::memcpy(&sample, pcm.constData() + 2 * i, 2);
        if (std::abs(sample / 32768.0) > threshold)
            return i;
    }
    return -1;
}

struct Call
{
    std::unique_ptr<MediaSession> caller = std::make_unique<MediaSession>(MediaRole::Caller);
    std::unique_ptr<MediaSession> callee = std::make_unique<MediaSession>(MediaRole::Callee);
    qint64 startedNs = 0;
    qint64 callerFirstAudioNs = 0;
    qint64 calleeFirstAudioNs = 0;

    Call()
    {
        auto wire = [](MediaSession *from, MediaSession *to) {
            QObject::connect(from, &MediaSession::localDescription, to,
                             &MediaSession::setRemoteDescription, Qt::QueuedConnection);
            QObject::connect(from, &MediaSession::localCandidate, to,
                             &MediaSession::addRemoteCandidate, Qt::QueuedConnection);
        };
        wire(caller.get(), callee.get());
        wire(callee.get(), caller.get());
        QObject::connect(caller.get(), &MediaSession::firstAudioReceived, caller.get(),
                         [this] { callerFirstAudioNs = nowNs(); });
        QObject::connect(callee.get(), &MediaSession::firstAudioReceived, callee.get(),
                         [this] { calleeFirstAudioNs = nowNs(); });
        for (MediaSession *session : {caller.get(), callee.get()})
            QObject::connect(session, &MediaSession::failed, session, [](const QString &why) {
                std::fprintf(stderr, "bench_media: call failed: %s\n", qPrintable(why));
            });
    }

    bool start(const MediaConfig &callerConfig, const MediaConfig &calleeConfig)
    {
        startedNs = nowNs();
        callee->start(calleeConfig);
        caller->start(callerConfig);
        return waitFor([this] { return callerFirstAudioNs && calleeFirstAudioNs; }, 20000);
    }
};

MediaConfig config(double tone, bool video, int jitterMs, bool tap)
{
    MediaConfig c;
    c.video = video;
    c.toneFrequency = tone;
    c.jitterBufferMs = jitterMs;
    c.audioTap = tap;
    return c;
}

// coturn on the namespace's veth, with use-auth-secret as softphone-server configures it.
struct TurnRelay
{
    static constexpr const char *kSecret = "bench-secret";
    QTemporaryDir dir;
    QProcess process;

    bool start()
    {
        const QString binary = QStandardPaths::findExecutable(QStringLiteral("turnserver"));
        if (binary.isEmpty())
            return false;
        process.start(binary,
                      {QStringLiteral("-n"), QStringLiteral("--listening-ip=10.99.0.1"),
                       QStringLiteral("--relay-ip=10.99.0.1"),
                       QStringLiteral("--listening-port=3478"), QStringLiteral("--use-auth-secret"),
                       QStringLiteral("--static-auth-secret=") + QLatin1String(kSecret),
                       QStringLiteral("--realm=bench"), QStringLiteral("--no-tls"),
                       QStringLiteral("--no-dtls"), QStringLiteral("--no-cli"),
                       QStringLiteral("--log-file=stdout"),
                       QStringLiteral("--userdb=") + dir.filePath(QStringLiteral("turndb")),
                       QStringLiteral("--pidfile=") + dir.filePath(QStringLiteral("turn.pid"))});
        process.setStandardOutputFile(QProcess::nullDevice());
        return process.waitForStarted(5000) && !process.waitForFinished(500);
    }

    ~TurnRelay()
    {
        process.terminate();
        process.waitForFinished(5000);
    }

    // The credentials softphone-server's turn.credentials would give (docs/protocol.md §12).
    static TurnServer credentials()
    {
        const QString username =
            QStringLiteral("%1:bench").arg(QDateTime::currentSecsSinceEpoch() + 3600);
        const QByteArray password =
            QMessageAuthenticationCode::hash(username.toUtf8(), kSecret, QCryptographicHash::Sha1)
                .toBase64();
        return {QStringLiteral("turn:10.99.0.1:3478?transport=udp"), username,
                QString::fromLatin1(password)};
    }
};

MediaConfig relayed(MediaConfig c)
{
    c.turnServers = {TurnRelay::credentials()};
    c.relayOnly = true;
    return c;
}

// One-way latency: unmute the caller's tone, find the onset in the callee's rendering.
bool measureLatency(const MediaConfig &callerConfig, const MediaConfig &calleeConfig, int probes,
                    std::vector<double> *latencies)
{
    Call call;
    if (!call.start(callerConfig, calleeConfig))
        return false;
    double level = 0;
    qint64 unmutedNs = 0;
    qint64 onsetNs = 0;
    QObject::connect(call.callee.get(), &MediaSession::audioReceived, call.callee.get(),
                     [&](const QByteArray &pcm, int rate, qint64 renderNs) {
                         const qsizetype at = onsetIn(pcm, 0.05);
                         level = at >= 0 ? 1 : 0;
                         if (unmutedNs && !onsetNs && at >= 0)
                             onsetNs = renderNs + qint64(at) * 1000000000 / rate;
                     });
    for (int i = 0; i < probes; ++i) {
        call.caller->setMuted(true);
        unmutedNs = 0;
        onsetNs = 0;
        // silence must be heard for a while before the next onset
        int quiet = 0;
        QMetaObject::Connection counter =
            QObject::connect(call.callee.get(), &MediaSession::audioReceived, call.callee.get(),
                             [&] { quiet = level == 0 ? quiet + 1 : 0; });
        if (!waitFor([&] { return quiet > 20; }, 10000))
            return false;
        QObject::disconnect(counter);
        unmutedNs = nowNs();
        call.caller->setMuted(false);
        if (!waitFor([&] { return onsetNs != 0; }, 10000))
            return false;
        latencies->push_back((onsetNs - unmutedNs) / 1e6);
    }
    return true;
}

}  // namespace

int main(int argc, char **argv)
{
    const QString network = enterPrivateNetwork();  // before any thread exists
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Media benchmarks: first audio, one-way latency, CPU per call"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("calls"), QStringLiteral("Calls set up for first audio"),
                      QStringLiteral("n"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("probes"), QStringLiteral("Latency probes"),
                      QStringLiteral("n"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("CPU measuring interval"),
                      QStringLiteral("s"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("jitter"), QStringLiteral("Jitter buffer latency (ms)"),
                      QStringLiteral("ms"), QString::number(MediaConfig().jitterBufferMs)});
    parser.process(app);
    if (!network.isEmpty()) {
        std::fprintf(stderr, "bench_media: %s\n", qPrintable(network));
        return 2;
    }
    const int calls = parser.value(QStringLiteral("calls")).toInt();
    const int probes = parser.value(QStringLiteral("probes")).toInt();
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();
    const int jitter = parser.value(QStringLiteral("jitter")).toInt();
    std::printf("bench_media: jitter buffer %d ms, Opus 10 ms frames, 10 ms capture buffers\n",
                jitter);

    // 1. start -> first decoded audio
    std::vector<double> firstAudio;
    for (int i = 0; i < calls; ++i) {
        Call call;
        if (!call.start(config(440, false, jitter, false), config(880, false, jitter, false))) {
            std::fprintf(stderr, "bench_media: call %d did not get audio\n", i);
            return 1;
        }
        firstAudio.push_back((call.callerFirstAudioNs - call.startedNs) / 1e6);
        firstAudio.push_back((call.calleeFirstAudioNs - call.startedNs) / 1e6);
    }
    std::printf("first audio after start (%d calls, both ends): median %.0f ms, max %.0f ms\n",
                calls, median(firstAudio), maximum(firstAudio));

    // 2. one-way latency: unmute the caller's tone, find the onset in the callee's rendering
    std::vector<double> latencies;
    if (!measureLatency(config(440, false, jitter, false), config(880, false, jitter, true), probes,
                        &latencies))
        return 1;
    std::printf("one-way audio latency, unmute -> rendered onset (%d probes): median %.1f ms, "
                "max %.1f ms (the true figure is up to one 10 ms capture buffer more)\n",
                probes, median(latencies), maximum(latencies));

    // 3. CPU per call over a fixed interval, once the call has settled
    for (const bool video : {false, true}) {
        Call call;
        if (!call.start(config(440, video, jitter, false), config(880, video, jitter, false)))
            return 1;
        waitFor([] { return false; }, 2000);  // settle: encoders ramp up, keyframes
        const quint64 framesBefore = call.callee->receivedVideoFrames();
        const double cpuBefore = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        waitFor([] { return false; }, seconds * 1000);
        const double cpu = cpuSeconds() - cpuBefore;
        const double elapsed = wall.nsecsElapsed() / 1e9;
        const double fps = (call.callee->receivedVideoFrames() - framesBefore) / elapsed;
        std::printf("cpu, %s call: %.1f %% of one core for both ends, %.1f %% per end",
                    video ? "640x480@30 video + audio" : "audio-only", 100 * cpu / elapsed,
                    50 * cpu / elapsed);
        if (video)
            std::printf(" (%.1f fps received)", fps);
        std::printf("\n");
        const MediaStats stats = call.callee->lastStats();
        std::printf("  stats at the callee: in %.0f kbit/s, out %.0f kbit/s, rtt %.1f ms, "
                    "jitter %.1f ms, loss %.1f %%, quality %d\n",
                    stats.bitrateInKbps, stats.bitrateOutKbps, stats.rttMs, stats.jitterMs,
                    stats.lossPercent, stats.quality);
    }

    // 4. the same through a TURN relay
    TurnRelay relay;
    if (!relay.start()) {
        std::printf("relay: skipped (coturn's turnserver is not installed or does not start)\n");
        return 0;
    }
    std::vector<double> relayLatencies;
    if (!measureLatency(relayed(config(440, false, jitter, false)),
                        relayed(config(880, false, jitter, true)), probes, &relayLatencies))
        return 1;
    std::printf("relay (coturn), one-way audio latency (%d probes): median %.1f ms, max %.1f ms\n",
                probes, median(relayLatencies), maximum(relayLatencies));
    {
        Call call;
        if (!call.start(relayed(config(440, false, jitter, false)),
                        relayed(config(880, false, jitter, false))))
            return 1;
        waitFor([] { return false; }, 2000);
        const double cpuBefore = cpuSeconds();
        const double turnBefore = softphone::bench::cpuSeconds(relay.process.processId());
        QElapsedTimer wall;
        wall.start();
        waitFor([] { return false; }, seconds * 1000);
        const double elapsed = wall.nsecsElapsed() / 1e9;
        const double cpu = cpuSeconds() - cpuBefore;
        const double turn = softphone::bench::cpuSeconds(relay.process.processId()) - turnBefore;
        const MediaStats stats = call.callee->lastStats();
        std::printf("relay (coturn), cpu, audio-only call: %.1f %% of one core for both ends, "
                    "coturn %.1f %%; path %s/%s, rtt %.1f ms\n",
                    100 * cpu / elapsed, 100 * turn / elapsed, qPrintable(stats.localCandidateType),
                    qPrintable(stats.remoteCandidateType), stats.rttMs);
    }
    return 0;
}
