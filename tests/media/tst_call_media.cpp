// Calls with media through the real server: two WebSocket clients, their call controllers
// and CallMedia, and softphone-cli, in a private network namespace with a veth pair (root
// only; skipped otherwise). The offer, answer and candidates cross the server as rtc.sdp and
// rtc.ice; each side must hear the other's tone and see its test pattern.

#include "idle_pool_threads.h"
#include "im/im_client.h"
#include "media/call_media.h"
#include "phone.h"
#include "private_network.h"
#include "protocol/error_code.h"
#include "server_process.h"
#include "test_client.h"
#include "tone_meter.h"

#include <QGuiApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoFrame>
#include <QVideoSink>
#include <nlohmann/json.hpp>

using namespace softphone;
using call::CallState;
using media::MediaSession;

namespace {

QString g_networkProblem;
constexpr int kTimeout = 30000;  // a loaded 2-core machine
constexpr double kCallerTone = 440.0;
constexpr double kCalleeTone = 880.0;
const QString kPassword = QStringLiteral("password-123");

// The last line of softphone-cli's output with this event; null if there is none.
nlohmann::json lastEvent(const QByteArray &output, const std::string &event)
{
    nlohmann::json found;
    for (const QByteArray &line : output.split('\n')) {
        const auto parsed = nlohmann::json::parse(line.toStdString(), nullptr, false);
        if (parsed.is_object() && parsed.value("event", "") == event)
            found = parsed;
    }
    return found;
}

// One device: IM client and call controller, the calls' media, and what it heard.
struct Party : test::Phone
{
    std::unique_ptr<media::CallMedia> media;
    ToneMeter heard;
    MediaSession *session = nullptr;

    bool reaches(CallState state) const { return Phone::reaches(state, kTimeout); }
};

}  // namespace

class TestCallMedia : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void audioCallCarriesBothTones();
    void videoCallCarriesTheTestPattern();
    void callHoldsUnderPacketLoss();
    void cliCarriesMedia();
    void cliReportsACallWhoseMediaFails();
    void cliAnswerExitsNonZeroWhenItsCallFails();
    void devicesAndVideoSinksServeEveryCall();

private:
    std::unique_ptr<Party> party(const QString &account, double tone, double loss = 0.0);
    void connectCall(Party &caller, Party &callee, protocol::CallType type);
    void verifyHears(Party &party, double expected, double other);
    // softphone-cli against the suite's server, with its store in `dataDir`; started, not waited.
    std::unique_ptr<QProcess> startCli(const QString &dataDir, const QStringList &arguments);

    std::unique_ptr<test::ServerProcess> m_server;
    QTemporaryDir m_stores;
    int m_pair = 0;
};

void TestCallMedia::initTestCase()
{
    if (!g_networkProblem.isEmpty())
        QSKIP(qPrintable(QStringLiteral("media through the server skipped: ") + g_networkProblem));
    m_server = std::make_unique<test::ServerProcess>();
    QVERIFY(m_server->start());
}

void TestCallMedia::cleanupTestCase()
{
    if (m_server)
        QVERIFY(m_server->stop());
}

void TestCallMedia::cleanup()
{
    QTRY_COMPARE_WITH_TIMEOUT(MediaSession::liveGstObjects(), 0, kTimeout);
}

std::unique_ptr<Party> TestCallMedia::party(const QString &account, double tone, double loss)
{
    test::TestClient setup(m_server->url(), "setup");
    if (!setup.open())
        return nullptr;
    const auto reply = setup.registerAccount(account.toStdString(), kPassword.toStdString());
    if (!reply.ok() && reply.code() != int(protocol::ErrorCode::AccountExists))
        return nullptr;

    test::PhoneSetup phone;
    phone.server = m_server->url();
    phone.storeDirectory = m_stores.filePath(account);
    phone.account = account;
    phone.password = kPassword;
    auto p = std::make_unique<Party>();
    static_cast<test::Phone &>(*p) = test::startPhone(phone);
    media::MediaConfig config;
    config.toneFrequency = tone;
    config.audioTap = true;
    config.sendLoss = loss;
    p->media = std::make_unique<media::CallMedia>(p->calls.get(), p->im.get(), config);
    Party *raw = p.get();
    connect(p->media.get(), &media::CallMedia::sessionStarted, p->media.get(),
            [raw](MediaSession *session) {
                raw->session = session;
                raw->heard.clear();
                connect(
                    session, &MediaSession::audioReceived, session,
                    [raw](const QByteArray &pcm, int rate, qint64) { raw->heard.add(pcm, rate); });
            });
    connect(p->media.get(), &media::CallMedia::sessionEnded, p->media.get(),
            [raw] { raw->session = nullptr; });
    if (!p->online(kTimeout))
        return nullptr;
    return p;
}

void TestCallMedia::connectCall(Party &caller, Party &callee, protocol::CallType type)
{
    QVERIFY(caller.calls->call(callee.im->account(), type));
    QVERIFY(callee.reaches(CallState::Incoming));
    QVERIFY(callee.calls->accept());
    // InCall only once the media is up: the controller waits for it.
    QVERIFY(caller.reaches(CallState::InCall));
    QVERIFY(callee.reaches(CallState::InCall));
    QVERIFY(caller.session && callee.session);
}

void TestCallMedia::verifyHears(Party &party, double expected, double other)
{
    QTRY_VERIFY_WITH_TIMEOUT(party.heard.seconds() > 1.0, kTimeout);
    const QString problem = party.heard.mismatch(expected, other);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCallMedia::audioCallCarriesBothTones()
{
    auto caller = party(QStringLiteral("ma1"), kCallerTone);
    auto callee = party(QStringLiteral("mb1"), kCalleeTone);
    QVERIFY(caller && callee);
    connectCall(*caller, *callee, protocol::CallType::Audio);
    if (QTest::currentTestFailed())
        return;
    verifyHears(*callee, kCallerTone, kCalleeTone);
    verifyHears(*caller, kCalleeTone, kCallerTone);
    QCOMPARE(caller->session->receivedVideoFrames(), 0u);  // an audio call

    const qint64 channelId = caller->calls->current().channelId;
    QVERIFY(caller->calls->hangup());
    QVERIFY(callee->reaches(CallState::Ended));
    QCOMPARE(callee->calls->endReason(), call::EndReason::RemoteHungUp);
    QVERIFY(!caller->session && !callee->session);
    QTRY_COMPARE_WITH_TIMEOUT(MediaSession::liveGstObjects(), 0, kTimeout);
    // The completed call's record, with both durations.
    QTRY_VERIFY_WITH_TIMEOUT(
        !callee->im->store()->callRecordsWith(QStringLiteral("ma1"), 5).empty(), kTimeout);
    const auto record = protocol::CallRecord::parse(
        callee->im->store()->callRecordsWith(QStringLiteral("ma1"), 5).back().message.attach);
    QVERIFY(record);
    QCOMPARE(record->channelId, channelId);
    QCOMPARE(record->status, protocol::CallStatus::Completed);
    QVERIFY(record->durationOf("ma1").has_value() && record->durationOf("mb1").has_value());
}

void TestCallMedia::videoCallCarriesTheTestPattern()
{
    auto caller = party(QStringLiteral("ma2"), kCallerTone);
    auto callee = party(QStringLiteral("mb2"), kCalleeTone);
    QVERIFY(caller && callee);
    QSignalSpy stats(callee->media.get(), &media::CallMedia::statsUpdated);
    connectCall(*caller, *callee, protocol::CallType::Video);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(callee->session->receivedVideoFrames() > 30, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(caller->session->receivedVideoFrames() > 30, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QList<QVariant> &args : stats) {
                if (args.at(0).value<media::MediaStats>().videoWidth == 640)
                    return true;
            }
            return false;
        }(),
        kTimeout);
    verifyHears(*callee, kCallerTone, kCalleeTone);
    QVERIFY(callee->calls->hangup());
    QVERIFY(caller->reaches(CallState::Ended));
}

void TestCallMedia::callHoldsUnderPacketLoss()
{
    auto caller = party(QStringLiteral("ma3"), kCallerTone, 0.10);
    auto callee = party(QStringLiteral("mb3"), kCalleeTone, 0.10);
    QVERIFY(caller && callee);
    connectCall(*caller, *callee, protocol::CallType::Audio);
    if (QTest::currentTestFailed())
        return;
    // The loss shows in the stats the call window draws its bars from.
    double worstLoss = 0;
    connect(callee->media.get(), &media::CallMedia::statsUpdated, callee->media.get(),
            [&worstLoss](const media::MediaStats &stats) {
                worstLoss = std::max(worstLoss, stats.lossPercent);
            });
    // Three seconds of audio keep arriving while a tenth of the packets are lost.
    const quint64 start = callee->session->receivedAudioBuffers();
    QTRY_VERIFY_WITH_TIMEOUT(callee->session->receivedAudioBuffers() > start + 300, kTimeout);
    QCOMPARE(caller->calls->state(), CallState::InCall);
    QCOMPARE(callee->calls->state(), CallState::InCall);
    verifyHears(*callee, kCallerTone, kCalleeTone);
    QTRY_VERIFY2_WITH_TIMEOUT(worstLoss > 2.0,
                              qPrintable(QStringLiteral("loss in stats: %1 %").arg(worstLoss)),
                              kTimeout);
    QVERIFY(caller->calls->hangup());
    QVERIFY(callee->reaches(CallState::Ended));
}

std::unique_ptr<QProcess> TestCallMedia::startCli(const QString &dataDir,
                                                  const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->setProgram(QStringLiteral(SOFTPHONE_CLI_BINARY));
    process->setArguments(QStringList{QStringLiteral("--server"), m_server->url().toString(),
                                      QStringLiteral("--data"), dataDir} +
                          arguments);
    process->start();
    return process;
}

void TestCallMedia::cliCarriesMedia()
{
    const QString dataDir = m_stores.filePath(QStringLiteral("cli"));
    auto cli = [&](const QStringList &args) { return startCli(dataDir, args); };
    for (const char *account : {"mc4", "md4"}) {
        auto registering =
            cli({QStringLiteral("register"), QString::fromLatin1(account), kPassword});
        QVERIFY(registering->waitForFinished(kTimeout));
    }
    auto answer = cli({QStringLiteral("--user"), QStringLiteral("md4"),
                       QStringLiteral("--password"), kPassword, QStringLiteral("answer"),
                       QStringLiteral("--hangup-after"), QStringLiteral("3")});
    QTRY_VERIFY_WITH_TIMEOUT(answer->peek(4096).contains("\"waiting\""), kTimeout);
    auto call =
        cli({QStringLiteral("--user"), QStringLiteral("mc4"), QStringLiteral("--password"),
             kPassword, QStringLiteral("call"), QStringLiteral("md4"), QStringLiteral("--video")});
    QVERIFY(call->waitForFinished(60000));
    QVERIFY(answer->waitForFinished(kTimeout));
    QCOMPARE(call->exitCode(), 0);
    QCOMPARE(answer->exitCode(), 0);
    for (QProcess *process : {call.get(), answer.get()}) {
        std::vector<std::string> events;
        for (const QByteArray &line : process->readAllStandardOutput().split('\n')) {
            const auto parsed = nlohmann::json::parse(line.toStdString(), nullptr, false);
            if (parsed.is_object())
                events.push_back(parsed.value("event", ""));
        }
        for (const char *wanted : {"mediaConnected", "firstAudio", "firstVideo", "stats", "record"})
            QVERIFY2(std::find(events.begin(), events.end(), wanted) != events.end(), wanted);
    }
}

void TestCallMedia::cliReportsACallWhoseMediaFails()
{
    // The callee answers and joins the room but never answers the offer: no media path.
    test::TestClient callee(m_server->url(), "me6-pc");
    QVERIFY(callee.open());
    QVERIFY(callee.signIn("me6"));
    const QString dataDir = m_stores.filePath(QStringLiteral("cli-failing"));
    QVERIFY(startCli(dataDir, {QStringLiteral("register"), QStringLiteral("mf6"), kPassword})
                ->waitForFinished(kTimeout));
    const auto callProcess = startCli(
        dataDir, {QStringLiteral("--user"), QStringLiteral("mf6"), QStringLiteral("--password"),
                  kPassword, QStringLiteral("--media-timeout"), QStringLiteral("3"),
                  QStringLiteral("call"), QStringLiteral("me6")});
    QProcess &call = *callProcess;
    const auto incoming = callee.waitEvent("call.incoming", kTimeout);
    QVERIFY(incoming);
    const std::string cid = incoming->value("cid", "");
    QVERIFY(callee.call("call.respond", {{"cid", cid}, {"accepted", true}}).ok());
    QVERIFY(callee.call("room.join", {{"cid", cid}, {"mode", 0}}).ok());
    QVERIFY(call.waitForFinished(kTimeout));
    const QByteArray output = call.readAllStandardOutput();
    const nlohmann::json ended = lastEvent(output, "ended");
    QVERIFY2(ended.is_object(), output.constData());
    QCOMPARE(ended.value("reason", ""), std::string("failed"));
    QCOMPARE(ended.value("cause", ""), std::string("noRoute"));
    QVERIFY2(ended.value("why", "").find("no route") == 0, ended.dump().c_str());
    QCOMPARE(call.exitCode(), 6);  // a failed call is not a success
}

void TestCallMedia::cliAnswerExitsNonZeroWhenItsCallFails()
{
    // The caller places the call and joins the room but never sends its offer: the answering
    // CLI's media never connects.
    const QString dataDir = m_stores.filePath(QStringLiteral("cli-answer-failing"));
    QVERIFY(startCli(dataDir, {QStringLiteral("register"), QStringLiteral("mh7"), kPassword})
                ->waitForFinished(kTimeout));
    const auto answerProcess = startCli(dataDir, {QStringLiteral("--user"), QStringLiteral("mh7"),
                                                  QStringLiteral("--password"), kPassword,
                                                  QStringLiteral("--media-timeout"),
                                                  QStringLiteral("3"), QStringLiteral("answer")});
    QProcess &answer = *answerProcess;
    QTRY_VERIFY_WITH_TIMEOUT(answer.peek(4096).contains("\"waiting\""), kTimeout);
    test::TestClient caller(m_server->url(), "mg7-pc");
    QVERIFY(caller.open());
    QVERIFY(caller.signIn("mg7"));
    const auto invited = caller.call("call.invite", {{"callee", "mh7"}, {"type", 1}});
    QVERIFY2(invited.ok(), invited.message().c_str());
    const std::string cid = invited.result->value("cid", "");
    QVERIFY(caller.waitEvent("call.accepted", kTimeout));
    QVERIFY(caller.call("room.join", {{"cid", cid}, {"mode", 0}}).ok());
    QVERIFY(answer.waitForFinished(kTimeout));
    const QByteArray output = answer.readAllStandardOutput();
    const nlohmann::json ended = lastEvent(output, "ended");
    QVERIFY2(ended.is_object(), output.constData());
    QCOMPARE(ended.value("reason", ""), std::string("failed"));
    QVERIFY2(ended.value("why", "").find("no route") == 0, ended.dump().c_str());
    QVERIFY2(!lastEvent(output, "record").is_null(), output.constData());
    QCOMPARE(answer.exitCode(), 6);  // a failed call is not a success, on this side either
}

void TestCallMedia::devicesAndVideoSinksServeEveryCall()
{
    auto caller = party(QStringLiteral("ma5"), kCallerTone);
    auto callee = party(QStringLiteral("mb5"), kCalleeTone);
    QVERIFY(caller && callee);
    // Set once, before any call: the caller's microphone is the synthetic 880 Hz tone (not its
    // config's 440), the callee shows the caller's video, the caller previews its own.
    caller->media->setDevices(
        {media::synthetic::toneHigh, media::synthetic::mute, media::synthetic::testPattern});
    QCOMPARE(caller->media->devices().microphone, QByteArray(media::synthetic::toneHigh));
    QVideoSink remote;
    QVideoSink preview;
    int remoteFrames = 0;
    int previewFrames = 0;
    QSize remoteSize;
    connect(&remote, &QVideoSink::videoFrameChanged, this, [&](const QVideoFrame &frame) {
        if (frame.isValid()) {
            ++remoteFrames;
            remoteSize = frame.size();
        }
    });
    connect(&preview, &QVideoSink::videoFrameChanged, this,
            [&](const QVideoFrame &frame) { previewFrames += frame.isValid() ? 1 : 0; });
    callee->media->setRemoteVideoSink(&remote);
    caller->media->setLocalVideoSink(&preview);

    for (int round = 0; round < 2; ++round) {
        remoteFrames = 0;
        previewFrames = 0;
        connectCall(*caller, *callee, protocol::CallType::Video);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(remoteFrames > 20 && previewFrames > 20, kTimeout);
        QCOMPARE(remoteSize, QSize(640, 480));
        verifyHears(*callee, 880.0, kCallerTone);
        if (QTest::currentTestFailed())
            return;
        if (round == 1) {
            // mid-call: the caller switches to the 440 Hz tone; no renegotiation
            caller->media->setDevices(
                {media::synthetic::toneLow, media::synthetic::mute, media::synthetic::testPattern});
            QTRY_VERIFY_WITH_TIMEOUT(callee->heard.mismatch(440.0, 880.0).isEmpty(), kTimeout);
        }
        QVERIFY(caller->calls->hangup());
        QVERIFY(callee->reaches(CallState::Ended));
        QTRY_COMPARE_WITH_TIMEOUT(MediaSession::liveGstObjects(), 0, kTimeout);
        QVERIFY(!remote.videoFrame().isValid());  // cleared when the call ended
    }
}

int main(int argc, char **argv)
{
    g_networkProblem = enterPrivateNetwork();  // before any thread exists
    keepIdlePoolThreads();
    QGuiApplication app(argc, argv);  // QVideoSink
    TestCallMedia test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_call_media.moc"
