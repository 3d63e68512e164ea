// Calls between our client (its IM client, call controller and CallMedia, as the app and the
// CLI use them) and a real browser: headless Chromium running a page of ours that speaks the
// server's protocol (browser/peer.html), through the real server, in a private network
// namespace (root only). Both directions, audio and video; each side must decode the other's
// audio (our tone heard by the browser, the browser's tone heard by us) and, on video calls,
// its pictures; both get the call's record. Prints the time from the answer to the first
// decoded audio and video on each side.

#include "browser_peer.h"
#include "idle_pool_threads.h"
#include "media/call_media.h"
#include "phone.h"
#include "private_network.h"
#include "protocol/call_record.h"
#include "protocol/error_code.h"
#include "server_process.h"
#include "test_client.h"
#include "tone_meter.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtMath>

using namespace softphone;
using call::CallState;
using media::MediaSession;

namespace {

QString g_networkProblem;
constexpr int kTimeout = 30000;
constexpr double kOurTone = 440.0;
constexpr double kBrowserTone = 880.0;
const QString kPassword = QStringLiteral("password-123");

// Ten seconds of a sine at `frequency`, 48 kHz mono S16LE: the browser's microphone (Chromium
// loops the file).
bool writeToneWav(const QString &path, double frequency)
{
    constexpr int rate = 48000;
    constexpr int samples = rate * 10;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QDataStream out(&file);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("RIFF", 4);
    out << quint32(36 + samples * 2);
    out.writeRawData("WAVEfmt ", 8);
    out << quint32(16) << quint16(1) << quint16(1) << quint32(rate) << quint32(rate * 2)
        << quint16(2) << quint16(16);
    out.writeRawData("data", 4);
    out << quint32(samples * 2);
    for (int i = 0; i < samples; ++i)
        out << qint16(qRound(12000 * qSin(2 * M_PI * frequency * i / rate)));
    return out.status() == QDataStream::Ok;
}

// Our side of the call: what the app and the CLI have.
struct Client : test::Phone
{
    std::unique_ptr<media::CallMedia> media;
    MediaSession *session = nullptr;
    ToneMeter heard;
    QElapsedTimer sinceAnswer;
    qint64 firstAudioMs = -1;
    qint64 firstVideoMs = -1;

    bool reaches(CallState state) const { return Phone::reaches(state, kTimeout); }
};

}  // namespace

class TestBrowserCalls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void call_data();
    void call();

private:
    std::unique_ptr<Client> client(const QString &account);
    bool registerAccount(const QString &account);

    std::unique_ptr<test::ServerProcess> m_server;
    QTemporaryDir m_dir;
    QString m_browserProblem;
    int m_round = 0;
};

void TestBrowserCalls::initTestCase()
{
    if (!g_networkProblem.isEmpty())
        QSKIP(qPrintable(QStringLiteral("browser calls skipped: ") + g_networkProblem));
    m_browserProblem = BrowserPeer::unavailableReason();
    if (!m_browserProblem.isEmpty())
        QSKIP(qPrintable(QStringLiteral("browser calls skipped: ") + m_browserProblem));
    QVERIFY(writeToneWav(m_dir.filePath(QStringLiteral("tone.wav")), kBrowserTone));
    // The page is a local file; browsers send its origin as "file://" (or "null"), and the
    // server admits only listed origins (protocol.md § Security).
    m_server = std::make_unique<test::ServerProcess>(
        nlohmann::json{{"allowedOrigins", nlohmann::json::array({"file://", "null"})}});
    QVERIFY(m_server->start());
}

void TestBrowserCalls::cleanupTestCase()
{
    if (m_server)
        QVERIFY(m_server->stop());
}

void TestBrowserCalls::cleanup()
{
    QTRY_COMPARE_WITH_TIMEOUT(MediaSession::liveGstObjects(), 0, kTimeout);
}

bool TestBrowserCalls::registerAccount(const QString &account)
{
    test::TestClient setup(m_server->url(), "setup");
    if (!setup.open())
        return false;
    const auto reply = setup.registerAccount(account.toStdString(), kPassword.toStdString());
    return reply.ok() || reply.code() == int(protocol::ErrorCode::AccountExists);
}

std::unique_ptr<Client> TestBrowserCalls::client(const QString &account)
{
    if (!registerAccount(account))
        return nullptr;
    test::PhoneSetup phone;
    phone.server = m_server->url();
    phone.storeDirectory = m_dir.filePath(account);
    phone.account = account;
    phone.password = kPassword;
    auto c = std::make_unique<Client>();
    static_cast<test::Phone &>(*c) = test::startPhone(phone);
    media::MediaConfig config;
    config.toneFrequency = kOurTone;
    config.audioTap = true;
    c->media = std::make_unique<media::CallMedia>(c->calls.get(), c->im.get(), config);
    Client *raw = c.get();
    connect(c->media.get(), &media::CallMedia::sessionStarted, c->media.get(),
            [raw](MediaSession *session) {
                raw->session = session;
                connect(
                    session, &MediaSession::audioReceived, session,
                    [raw](const QByteArray &pcm, int rate, qint64) { raw->heard.add(pcm, rate); });
            });
    connect(c->media.get(), &media::CallMedia::sessionEnded, c->media.get(),
            [raw] { raw->session = nullptr; });
    connect(c->media.get(), &media::CallMedia::firstAudio, c->media.get(),
            [raw] { raw->firstAudioMs = raw->sinceAnswer.elapsed(); });
    connect(c->media.get(), &media::CallMedia::firstVideo, c->media.get(),
            [raw] { raw->firstVideoMs = raw->sinceAnswer.elapsed(); });
    if (!c->online(kTimeout))
        return nullptr;
    return c;
}

void TestBrowserCalls::call_data()
{
    QTest::addColumn<bool>("browserCalls");
    QTest::addColumn<int>("type");
    // mdns: the page uses no device, so Chromium hides its host addresses behind mDNS names
    QTest::addColumn<bool>("mdns");
    QTest::addColumn<bool>("restart");
    QTest::newRow("browser calls us, audio") << true << 1 << false << false;
    QTest::newRow("we call the browser, audio") << false << 1 << false << false;
    QTest::newRow("browser calls us, video") << true << 2 << false << false;
    QTest::newRow("we call the browser, video") << false << 2 << false << false;
    QTest::newRow("browser calls us, mDNS candidates") << true << 1 << true << false;
    QTest::newRow("we call the browser, mDNS candidates") << false << 1 << true << false;
    // restart: mid-call our side rebuilds its pipeline with a new ICE ufrag and a new DTLS
    // certificate, and the browser must take both (docs/media.md)
    QTest::newRow("we call the browser, we restart ICE") << false << 1 << false << true;
    // and when the browser placed the call, our offer must keep the m-line names it chose
    QTest::newRow("browser calls us, we restart ICE") << true << 2 << false << true;
}

void TestBrowserCalls::call()
{
    QFETCH(bool, browserCalls);
    QFETCH(int, type);
    QFETCH(bool, mdns);
    QFETCH(bool, restart);
    ++m_round;
    const QString ours = QStringLiteral("desk%1").arg(m_round);
    const QString theirs = QStringLiteral("web%1").arg(m_round);
    auto us = client(ours);
    QVERIFY(us);
    QVERIFY(registerAccount(theirs));

    BrowserPeer browser;
    BrowserPeer::Options options;
    options.server = m_server->url();
    options.account = theirs;
    options.password = kPassword;
    options.role = browserCalls ? QStringLiteral("call") : QStringLiteral("answer");
    options.peer = ours;
    options.type = type;
    options.microphoneWav = m_dir.filePath(QStringLiteral("tone.wav"));
    if (mdns)
        options.syntheticTone = kBrowserTone;
    QVERIFY(browser.start(options));
    QVERIFY2(browser.waitFor("online", kTimeout), qPrintable(browser.transcript()));

    const auto callType = type == 2 ? protocol::CallType::Video : protocol::CallType::Audio;
    if (browserCalls) {
        QVERIFY(us->reaches(CallState::Incoming));
        us->sinceAnswer.start();
        QVERIFY(us->calls->accept());
    } else {
        QVERIFY(us->calls->call(theirs, callType));
        QVERIFY(us->reaches(CallState::Connecting));  // the browser answered
        us->sinceAnswer.start();
    }
    QVERIFY2(us->reaches(CallState::InCall), qPrintable(browser.transcript()));

    // each side decodes the other's audio: our tone at the browser, the browser's at us
    QTRY_VERIFY_WITH_TIMEOUT(us->heard.seconds() > 1.0, kTimeout);
    QVERIFY2(us->heard.mismatch(kBrowserTone, kOurTone).isEmpty(),
             qPrintable(us->heard.mismatch(kBrowserTone, kOurTone)));
    auto browserHears = [&] {
        const auto stats = browser.last("stats");
        return !stats.is_null() && BrowserPeer::statOf(stats, "audio", "samples") > 48000 &&
               std::abs(BrowserPeer::statOf(stats, "audio", "peakHz") - kOurTone) < 20;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(browserHears(), browser.last("stats").dump().c_str(), kTimeout);
    if (type == 2) {
        QTRY_VERIFY_WITH_TIMEOUT(us->session && us->session->receivedVideoFrames() > 30, kTimeout);
        QTRY_VERIFY2_WITH_TIMEOUT(browser.lastStat("video", "framesDecoded") > 30 &&
                                      browser.lastStat("video", "width") > 0,
                                  browser.last("stats").dump().c_str(), kTimeout);
    } else {
        QCOMPARE(us->session->receivedVideoFrames(), 0u);
    }
    QVERIFY2(browser.reports("error").empty(), qPrintable(browser.transcript()));
    if (restart) {
        const int samplesBefore = int(browser.lastStat("audio", "samples"));
        us->heard.clear();
        QElapsedTimer sinceRestart;
        sinceRestart.start();
        us->session->restartIce();
        QTRY_VERIFY2_WITH_TIMEOUT(us->heard.seconds() > 1.0, qPrintable(browser.transcript()),
                                  kTimeout);
        qInfo() << "after the restart we hear the browser again in" << sinceRestart.elapsed()
                << "ms";
        QTRY_VERIFY2_WITH_TIMEOUT(browser.lastStat("audio", "samples") > samplesBefore + 48000,
                                  browser.last("stats").dump().c_str(), kTimeout);
        if (type == 2) {
            const quint64 framesBefore = us->session->receivedVideoFrames();
            const int decodedBefore = int(browser.lastStat("video", "framesDecoded"));
            QTRY_VERIFY_WITH_TIMEOUT(us->session->receivedVideoFrames() > framesBefore + 30,
                                     kTimeout);
            QTRY_VERIFY2_WITH_TIMEOUT(browser.lastStat("video", "framesDecoded") >
                                          decodedBefore + 30,
                                      browser.last("stats").dump().c_str(), kTimeout);
        }
    }

    const auto browserFirstAudio = browser.last("firstAudio");
    const auto browserFirstVideo = browser.last("firstVideo");
    const auto path = browser.last("stats").value("path", nlohmann::json::object());
    qInfo().noquote()
        << QStringLiteral("timing: %1, %2: answer to first audio / video at us %3 / %4 ms, "
                          "at the browser %5 / %6 ms; path %7")
               .arg(browserCalls ? QStringLiteral("browser calls us")
                                 : QStringLiteral("we call the browser"),
                    type == 2 ? QStringLiteral("video") : QStringLiteral("audio"))
               .arg(us->firstAudioMs)
               .arg(us->firstVideoMs)
               .arg(browserFirstAudio.is_null() ? -1 : browserFirstAudio.value("ms", -1))
               .arg(browserFirstVideo.is_null() ? -1 : browserFirstVideo.value("ms", -1))
               .arg(QString::fromStdString(path.dump()));

    // The browser's mDNS host candidates were skipped (nothing here resolves those names). In
    // the mDNS rows they are all it sent, so the call above connected on an address we learnt
    // only from the browser's own connectivity checks (a peer-reflexive candidate).
    const auto browserCandidates = browser.reports("localCandidate");
    const auto browserMdns = std::count_if(
        browserCandidates.begin(), browserCandidates.end(), [](const nlohmann::json &candidate) {
            return candidate.value("candidate", std::string()).find(".local") != std::string::npos;
        });
    qInfo() << "browser candidates:" << browserCandidates.size() << "mDNS:" << browserMdns
            << "skipped by us:" << us->session->skippedMdnsCandidates();
    QTRY_COMPARE_WITH_TIMEOUT(us->session->skippedMdnsCandidates(), int(browserMdns), 5000);
    if (mdns) {
        QVERIFY2(browserMdns > 0, qPrintable(browser.transcript()));
        QCOMPARE(std::size_t(browserMdns), browserCandidates.size());
    } else {
        QCOMPARE(browserMdns, 0);
    }

    const qint64 channelId = us->calls->current().channelId;
    QVERIFY(us->calls->hangup());
    QVERIFY2(browser.waitFor("ended", kTimeout), qPrintable(browser.transcript()));
    // the record, on both sides
    QTRY_VERIFY_WITH_TIMEOUT(!us->im->store()->callRecordsWith(theirs, 5).empty(), kTimeout);
    const auto record = protocol::CallRecord::parse(
        us->im->store()->callRecordsWith(theirs, 5).back().message.attach);
    QVERIFY(record);
    QCOMPARE(record->channelId, channelId);
    QCOMPARE(record->status, protocol::CallStatus::Completed);
    QVERIFY2(browser.waitFor("record", kTimeout), qPrintable(browser.transcript()));
    const auto theirRecord =
        protocol::CallRecord::parse(browser.last("record").value("attach", std::string()));
    QVERIFY(theirRecord);
    QCOMPARE(theirRecord->channelId, channelId);
    QCOMPARE(theirRecord->status, protocol::CallStatus::Completed);

    browser.stop();
}

int main(int argc, char **argv)
{
    g_networkProblem = enterPrivateNetwork();  // before any thread exists
    if (g_networkProblem.isEmpty())
        g_networkProblem = addDefaultRoute();  // for the mDNS rows' host candidate
    keepIdlePoolThreads();
    QCoreApplication app(argc, argv);
    TestBrowserCalls test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_browser_calls.moc"
