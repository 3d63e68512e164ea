// Calls across NATs: two softphone-cli processes (or one and headless Chromium), each in its own
// home network behind its own NAT router (nat_lab.h), the real server and a real TURN server
// (coturn, use-auth-secret with the server's turn.credentials) on the public network between
// them. Root only (namespaces, iptables); skipped where coturn or iptables is missing, and the
// browser's case where Chromium cannot run.

#include "browser_peer.h"
#include "cli_run.h"
#include "nat_lab.h"
#include "private_network.h"
#include "server_process.h"
#include "test_client.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString g_networkProblem;
constexpr int kTimeout = 60000;
const QString kPassword = QStringLiteral("password-123");
const char *const kTurnSecret = "nat-lab-secret";
constexpr double kCliAnswerTone = 880.0;  // what `softphone-cli answer` sends by default
constexpr double kBrowserTone = 660.0;

QString missingTool()
{
    for (const char *tool : {"turnserver", "iptables", "nsenter", "unshare"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty() &&
            QStandardPaths::findExecutable(QLatin1String(tool),
                                           {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")})
                .isEmpty())
            return QStringLiteral("%1 is not installed (scripts/install-deps.sh installs it)")
                .arg(QLatin1String(tool));
    }
    return {};
}

// The figures of one call, for the report: answer to first audio and video, on each side.
void printTimings(const char *path, CliRun &caller, CliRun &callee)
{
    qInfo("timing: %s path: answer to first audio / video: caller %lld / %lld ms, "
          "callee %lld / %lld ms",
          path, caller.sinceAnswer("firstAudio"), caller.sinceAnswer("firstVideo"),
          callee.sinceAnswer("firstAudio"), callee.sinceAnswer("firstVideo"));
}

bool relayed(const nlohmann::json &stats)
{
    return stats.value("localCandidate", "") == "relay" ||
           stats.value("remoteCandidate", "") == "relay";
}

}  // namespace

class TestNatTraversal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void relaysWhenNoDirectPathExists();
    void prefersADirectPathWhenOneExists();
    void aRefusedRelayFailsTheCallAndSaysWhy();
    void theCallCarriesOnWhenAPeersAddressChanges();
    void aBrowserCallCarriesOnWhenOurAddressChanges();
    void browserCallsAreRelayedBetweenSymmetricNats_data();
    void browserCallsAreRelayedBetweenSymmetricNats();

private:
    QString startWorld(NatLab::Nat nat, const char *serverSecret = kTurnSecret);
    void placeCall(const QString &caller, const QString &callee, CliRun &calling,
                   CliRun &answering);
    bool registerAccounts(const QStringList &accounts);
    QStringList cliArguments(const QString &account, int mediaTimeoutSeconds) const;
    bool startBrowser(BrowserPeer &browser, const QString &account, const QString &role,
                      const QString &peer, int type);

    std::unique_ptr<NatLab> m_lab;
    std::unique_ptr<QProcess> m_turn;
    QString m_turnLog;
    std::unique_ptr<softphone::test::ServerProcess> m_server;
    QTemporaryDir m_dir;
};

void TestNatTraversal::initTestCase()
{
    if (!g_networkProblem.isEmpty())
        QSKIP(qPrintable(QStringLiteral("NAT traversal skipped: ") + g_networkProblem));
    m_dir.setAutoRemove(!qEnvironmentVariableIsSet("SOFTPHONE_NAT_TRACE"));
    const QString missing = missingTool();
    if (!missing.isEmpty())
        QSKIP(qPrintable(QStringLiteral("NAT traversal skipped: ") + missing));
}

void TestNatTraversal::cleanup()
{
    if (m_server)
        m_server->stop();
    m_server.reset();
    if (m_turn) {
        m_turn->terminate();
        m_turn->waitForFinished(5000);
    }
    m_turn.reset();
    m_lab.reset();
}

// The lab, coturn on the public network, and the server, which hands out coturn's
// credentials.
QString TestNatTraversal::startWorld(NatLab::Nat nat, const char *serverSecret)
{
    m_lab = std::make_unique<NatLab>();
    if (QString problem = m_lab->build(nat); !problem.isEmpty())
        return problem;
    const QString pub = QLatin1String(NatLab::kPublicAddress);
    const QString turnDir = m_dir.filePath(QStringLiteral("turn-%1").arg(int(nat)));
    QDir().mkpath(turnDir);
    m_turnLog = turnDir + QStringLiteral("/turn.log");
    m_turn = std::make_unique<QProcess>();
    m_turn->setProcessChannelMode(QProcess::MergedChannels);
    m_turn->start(QStringLiteral("turnserver"),
                  {QStringLiteral("-n"), QStringLiteral("--listening-ip=") + pub,
                   QStringLiteral("--relay-ip=") + pub, QStringLiteral("--listening-port=3478"),
                   QStringLiteral("--min-port=49152"), QStringLiteral("--max-port=49407"),
                   QStringLiteral("--use-auth-secret"),
                   QStringLiteral("--static-auth-secret=") + QLatin1String(kTurnSecret),
                   QStringLiteral("--realm=softphone.test"), QStringLiteral("--no-tls"),
                   QStringLiteral("--no-dtls"), QStringLiteral("--no-cli"),
                   QStringLiteral("--fingerprint"),
                   QStringLiteral("--log-file=") + turnDir + QStringLiteral("/turn.log"),
                   QStringLiteral("--verbose"), QStringLiteral("--simple-log"),
                   QStringLiteral("--userdb=") + turnDir + QStringLiteral("/turndb"),
                   QStringLiteral("--pidfile=") + turnDir + QStringLiteral("/turn.pid")});
    if (!m_turn->waitForStarted(5000))
        return QStringLiteral("coturn does not start");
    nlohmann::json config;
    config["listenHost"] = pub.toStdString();
    config["allowedOrigins"] = {"file://", "null"};  // the browser's page is a local file
    config["turn"] = {{"urls",
                       {"stun:" + pub.toStdString() + ":3478",
                        "turn:" + pub.toStdString() + ":3478?transport=udp"}},
                      {"secret", serverSecret}};
    m_server = std::make_unique<softphone::test::ServerProcess>(config);
    if (!m_server->start())
        return QStringLiteral("the server does not start");
    return {};
}

// Accounts exist before the CLI runs sign in with them.
bool TestNatTraversal::registerAccounts(const QStringList &accounts)
{
    for (const QString &account : accounts) {
        softphone::test::TestClient setup(m_server->url(), "setup");
        if (!setup.open() || !setup.signIn(account.toStdString(), kPassword.toStdString()))
            return false;
    }
    return true;
}

QStringList TestNatTraversal::cliArguments(const QString &account, int mediaTimeoutSeconds) const
{
    return {QStringLiteral("--server"),        m_server->url().toString(),
            QStringLiteral("--data"),          m_dir.filePath(account),
            QStringLiteral("--user"),          account,
            QStringLiteral("--password"),      kPassword,
            QStringLiteral("--media-timeout"), QString::number(mediaTimeoutSeconds)};
}

// Headless Chromium in home network B, signed in as `account`, calling or answering `peer`.
bool TestNatTraversal::startBrowser(BrowserPeer &browser, const QString &account,
                                    const QString &role, const QString &peer, int type)
{
    BrowserPeer::Options options;
    options.server = m_server->url();
    options.account = account;
    options.password = kPassword;
    options.role = role;
    options.peer = peer;
    options.type = type;
    options.syntheticTone = kBrowserTone;
    options.commandPrefix = m_lab->inPeer(1);
    return browser.start(options);
}

// `callee` answers in home network B and hangs up after a few seconds; `caller` calls from A
// with video. Both must have decoded audio and video, and end with exit code 0.
void TestNatTraversal::placeCall(const QString &caller, const QString &callee, CliRun &calling,
                                 CliRun &answering)
{
    QVERIFY(registerAccounts({caller, callee}));
    auto common = [this](const QString &account) { return cliArguments(account, 20); };
    answering.start(m_lab->inPeer(1), common(callee) + QStringList{QStringLiteral("answer"),
                                                                   QStringLiteral("--hangup-after"),
                                                                   QStringLiteral("4")});
    QTRY_VERIFY_WITH_TIMEOUT(answering.first("waiting"), kTimeout);
    calling.start(m_lab->inPeer(0), common(caller) + QStringList{QStringLiteral("call"), callee,
                                                                 QStringLiteral("--video")});
    // Both outputs are read as they come (not one process after the other): the events'
    // arrival times are the figures printTimings reports.
    QTRY_VERIFY_WITH_TIMEOUT(!calling.isRunning() && !answering.isRunning(), kTimeout);
    calling.waitForFinished(0);
    answering.waitForFinished(0);
    if (qEnvironmentVariableIsSet("SOFTPHONE_NAT_TRACE")) {
        qInfo().noquote() << "caller:\n"
                          << calling.output() << "\ncallee:\n"
                          << answering.output() << "\ncoturn:\n"
                          << m_turnLog;
    }
    QVERIFY2(calling.exitCode() == 0, qPrintable(calling.output()));
    QVERIFY2(answering.exitCode() == 0, qPrintable(answering.output()));
    for (CliRun *run : {&calling, &answering}) {
        for (const char *wanted : {"mediaConnected", "firstAudio", "firstVideo", "record"})
            QVERIFY2(run->first(wanted),
                     qPrintable(QLatin1String(wanted) + QLatin1Char('\n') + run->output()));
        QVERIFY2(!run->stats().empty(), qPrintable(run->output()));
    }
}

void TestNatTraversal::relaysWhenNoDirectPathExists()
{
    if (QString problem = startWorld(NatLab::Nat::Symmetric); !problem.isEmpty())
        QFAIL(qPrintable(problem));
    CliRun caller;
    CliRun callee;
    placeCall(QStringLiteral("nat1a"), QStringLiteral("nat1b"), caller, callee);
    if (QTest::currentTestFailed())
        return;
    for (CliRun *run : {&caller, &callee}) {
        const auto stats = run->stats();
        QVERIFY2(
            std::all_of(stats.begin(), stats.end(),
                        [](const auto &s) { return !s.contains("localCandidate") || relayed(s); }),
            qPrintable(run->output()));
        QVERIFY2(std::any_of(stats.begin(), stats.end(), relayed), qPrintable(run->output()));
    }
    printTimings("relay", caller, callee);
}

void TestNatTraversal::prefersADirectPathWhenOneExists()
{
    if (QString problem = startWorld(NatLab::Nat::Cone); !problem.isEmpty())
        QFAIL(qPrintable(problem));
    CliRun caller;
    CliRun callee;
    placeCall(QStringLiteral("nat2a"), QStringLiteral("nat2b"), caller, callee);
    if (QTest::currentTestFailed())
        return;
    for (CliRun *run : {&caller, &callee}) {
        const auto stats = run->stats();
        QVERIFY2(std::any_of(stats.begin(), stats.end(),
                             [](const auto &s) { return s.contains("localCandidate"); }),
                 qPrintable(run->output()));
        QVERIFY2(std::none_of(stats.begin(), stats.end(), relayed), qPrintable(run->output()));
    }
    printTimings("direct", caller, callee);
}

void TestNatTraversal::aRefusedRelayFailsTheCallAndSaysWhy()
{
    // The server's TURN secret is not coturn's: coturn refuses every allocation, and behind
    // symmetric NATs nothing else can connect the peers.
    if (QString problem = startWorld(NatLab::Nat::Symmetric, "not-the-secret"); !problem.isEmpty())
        QFAIL(qPrintable(problem));
    QVERIFY(registerAccounts({QStringLiteral("nat3a"), QStringLiteral("nat3b")}));
    auto common = [this](const QString &account) { return cliArguments(account, 6); };
    CliRun callee;
    callee.start(m_lab->inPeer(1),
                 common(QStringLiteral("nat3b")) + QStringList{QStringLiteral("answer")});
    QTRY_VERIFY_WITH_TIMEOUT(callee.first("waiting"), kTimeout);
    CliRun caller;
    caller.start(m_lab->inPeer(0),
                 common(QStringLiteral("nat3a")) +
                     QStringList{QStringLiteral("call"), QStringLiteral("nat3b")});
    QTRY_VERIFY_WITH_TIMEOUT(!caller.isRunning() && !callee.isRunning(), kTimeout);
    // Both ends see ICE fail at about the same time: whichever ends first says why, and the
    // other may learn of it as the peer's hangup.
    int failures = 0;
    for (CliRun *run : {&caller, &callee}) {
        run->waitForFinished(0);
        QVERIFY2(!run->first("mediaConnected"), qPrintable(run->output()));
        const CliRun::Event *ended = run->first("ended");
        QVERIFY2(ended, qPrintable(run->output()));
        const auto fields = ended->fields;
        if (fields.value("reason", "") != "failed") {
            QCOMPARE(fields.value("reason", ""), std::string("remote-hung-up"));
            continue;
        }
        ++failures;
        QCOMPARE(fields.value("cause", ""), std::string("turnRefused"));
        QVERIFY2(fields.value("why", "").find("TURN refused") == 0, fields.dump().c_str());
    }
    QVERIFY2(failures > 0, qPrintable(caller.output()));
    if (caller.first("ended")->fields.value("reason", "") == "failed")
        QCOMPARE(caller.exitCode(), 6);
}

// Mid-call, the callee's home address changes (as after a DHCP renewal or a move to another
// network): its media socket and its connection to the server are gone. Both ends notice the
// silence, the callee reconnects to the server, the caller restarts ICE, and the call goes on
// with new candidates; neither end fails nor hangs up early.
void TestNatTraversal::theCallCarriesOnWhenAPeersAddressChanges()
{
    if (QString problem = startWorld(NatLab::Nat::Cone); !problem.isEmpty())
        QFAIL(qPrintable(problem));
    QVERIFY(registerAccounts({QStringLiteral("nat4a"), QStringLiteral("nat4b")}));
    auto common = [this](const QString &account) { return cliArguments(account, 20); };
    CliRun callee;
    callee.start(m_lab->inPeer(1),
                 common(QStringLiteral("nat4b")) + QStringList{QStringLiteral("answer"),
                                                               QStringLiteral("--hangup-after"),
                                                               QStringLiteral("22")});
    QTRY_VERIFY_WITH_TIMEOUT(callee.first("waiting"), kTimeout);
    CliRun caller;
    caller.start(m_lab->inPeer(0),
                 common(QStringLiteral("nat4a")) +
                     QStringList{QStringLiteral("call"), QStringLiteral("nat4b")});
    QTRY_VERIFY_WITH_TIMEOUT(caller.first("firstAudio") && callee.first("firstAudio"), kTimeout);

    const qint64 callerMark = caller.elapsedMs();
    const qint64 calleeMark = callee.elapsedMs();
    const QString problem = m_lab->renumberPeer(1);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // media comes back on both sides, and flows both ways on the new path
    QTRY_VERIFY2_WITH_TIMEOUT(caller.firstSince("mediaConnected", callerMark) &&
                                  callee.firstSince("mediaConnected", calleeMark),
                              qPrintable(caller.output() + QLatin1Char('\n') + callee.output()),
                              kTimeout);
    const qint64 callerBack = caller.firstSince("mediaConnected", callerMark)->atMs;
    const qint64 calleeBack = callee.firstSince("mediaConnected", calleeMark)->atMs;
    auto flowing = [](CliRun &run, qint64 since) {
        for (const CliRun::Event &event : run.events()) {
            if (event.atMs > since && event.fields.value("event", "") == "stats" &&
                event.fields.value("kbpsIn", 0.0) > 8 && event.fields.value("kbpsOut", 0.0) > 8)
                return true;
        }
        return false;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(flowing(caller, callerBack) && flowing(callee, calleeBack),
                              qPrintable(caller.output() + QLatin1Char('\n') + callee.output()),
                              kTimeout);
    qInfo("timing: address change: media back %lld ms (caller), %lld ms (callee) after it",
          callerBack - callerMark, calleeBack - calleeMark);

    // the callee hangs up as planned; nothing failed
    QTRY_VERIFY_WITH_TIMEOUT(!caller.isRunning() && !callee.isRunning(), kTimeout);
    for (CliRun *run : {&caller, &callee}) {
        run->waitForFinished(0);
        const CliRun::Event *ended = run->first("ended");
        QVERIFY2(ended, qPrintable(run->output()));
        QVERIFY2(ended->fields.value("reason", "") != "failed", qPrintable(run->output()));
        QVERIFY2(run->exitCode() == 0, qPrintable(run->output()));
    }
}

// The browser (in home network B) calls our client (in A); mid-call our address changes. Our
// client reconnects, rejoins the room and restarts ICE with an offer that keeps the m-line
// names the browser chose; the browser answers it and the call goes on, both ways, until our
// client hangs up; the browser is told, and gets the record.
void TestNatTraversal::aBrowserCallCarriesOnWhenOurAddressChanges()
{
    if (const QString problem = BrowserPeer::unavailableReason(); !problem.isEmpty())
        QSKIP(qPrintable(QStringLiteral("the browser's case skipped: ") + problem));
    if (QString problem = startWorld(NatLab::Nat::Cone); !problem.isEmpty())
        QFAIL(qPrintable(problem));
    const QString ours = QStringLiteral("nat5a");
    const QString theirs = QStringLiteral("nat5web");
    QVERIFY(registerAccounts({ours, theirs}));
    CliRun us;
    us.start(m_lab->inPeer(0),
             cliArguments(ours, 20) + QStringList{QStringLiteral("answer"),
                                                  QStringLiteral("--hangup-after"),
                                                  QStringLiteral("22")});
    QTRY_VERIFY_WITH_TIMEOUT(us.first("waiting"), kTimeout);
    BrowserPeer browser;
    QVERIFY(startBrowser(browser, theirs, QStringLiteral("call"), ours, 1));
    QTRY_VERIFY2_WITH_TIMEOUT(us.first("firstAudio"), qPrintable(browser.transcript()), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(browser.lastStat("audio", "samples") > 48000, kTimeout);
    QVERIFY2(browser.waitFor("firstAudio", kTimeout), qPrintable(browser.transcript()));
    qInfo("timing: direct (cone NATs), the browser calls us, audio: answer to first audio: "
          "ours %lld ms, the browser's %d ms",
          us.sinceAnswer("firstAudio"), browser.last("firstAudio").value("ms", -1));

    const qint64 mark = us.elapsedMs();
    const size_t statsBefore = browser.reports("stats").size();
    // The audio packets the browser has received since the move (its sample count would also
    // count the loss it conceals). The restart gives it a new inbound stream, whose counters
    // start again from zero: only increases are added up.
    auto browserPacketsSinceMove = [&] {
        const auto stats = browser.reports("stats");
        int added = 0;
        for (size_t i = statsBefore + 1; i < stats.size(); ++i) {
            const int now = int(BrowserPeer::statOf(stats[i], "audio", "packets"));
            const int before = int(BrowserPeer::statOf(stats[i - 1], "audio", "packets"));
            added += now >= before ? now - before : now;
        }
        return added;
    };
    QElapsedTimer sinceMove;
    sinceMove.start();
    const QString problem = m_lab->renumberPeer(0);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QTRY_VERIFY2_WITH_TIMEOUT(us.firstSince("mediaConnected", mark),
                              qPrintable(us.output() + QLatin1Char('\n') + browser.transcript()),
                              kTimeout);
    const qint64 back = us.firstSince("mediaConnected", mark)->atMs;
    // a second of our audio (50 packets), and it is our tone
    QTRY_VERIFY2_WITH_TIMEOUT(browserPacketsSinceMove() > 50 &&
                                  std::abs(browser.lastStat("audio", "peakHz") - kCliAnswerTone) <
                                      20,
                              browser.last("stats").dump().c_str(), kTimeout);
    const qint64 browserHeardMore = sinceMove.elapsed();
    auto flowing = [&us, back] {
        for (const CliRun::Event &event : us.events()) {
            if (event.atMs > back && event.fields.value("event", "") == "stats" &&
                event.fields.value("kbpsIn", 0.0) > 8 && event.fields.value("kbpsOut", 0.0) > 8)
                return true;
        }
        return false;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(flowing(), qPrintable(us.output()), kTimeout);
    qInfo("timing: address change with the browser: our media back %lld ms after it; "
          "the browser had received a further second of our audio %lld ms after it",
          back - mark, browserHeardMore);

    QTRY_VERIFY_WITH_TIMEOUT(!us.isRunning(), kTimeout);
    us.waitForFinished(0);
    const CliRun::Event *ended = us.first("ended");
    QVERIFY2(ended && ended->fields.value("reason", "") != "failed", qPrintable(us.output()));
    QVERIFY2(us.exitCode() == 0, qPrintable(us.output()));
    QVERIFY2(browser.waitFor("ended", kTimeout), qPrintable(browser.transcript()));
    QCOMPARE(browser.last("ended").value("how", ""), std::string("remoteHangup"));
    QVERIFY2(browser.waitFor("record", kTimeout), qPrintable(browser.transcript()));
    QVERIFY2(browser.reports("error").empty(), qPrintable(browser.transcript()));
}

void TestNatTraversal::browserCallsAreRelayedBetweenSymmetricNats_data()
{
    QTest::addColumn<bool>("browserCalls");
    QTest::newRow("the browser calls us") << true;
    QTest::newRow("we call the browser") << false;
}

// Our client and the browser each behind a symmetric NAT: only coturn connects them, with the
// credentials the server hands out to both. A video call each way, decoded on both sides.
void TestNatTraversal::browserCallsAreRelayedBetweenSymmetricNats()
{
    QFETCH(bool, browserCalls);
    if (const QString problem = BrowserPeer::unavailableReason(); !problem.isEmpty())
        QSKIP(qPrintable(QStringLiteral("the browser's case skipped: ") + problem));
    if (QString problem = startWorld(NatLab::Nat::Symmetric); !problem.isEmpty())
        QFAIL(qPrintable(problem));
    const QString ours = browserCalls ? QStringLiteral("nat6a") : QStringLiteral("nat7a");
    const QString theirs = browserCalls ? QStringLiteral("nat6web") : QStringLiteral("nat7web");
    QVERIFY(registerAccounts({ours, theirs}));
    const QStringList hangup{QStringLiteral("--hangup-after"), QStringLiteral("5")};
    CliRun us;
    BrowserPeer browser;
    if (browserCalls) {
        us.start(m_lab->inPeer(0),
                 cliArguments(ours, 20) + QStringList{QStringLiteral("answer")} + hangup);
        QTRY_VERIFY_WITH_TIMEOUT(us.first("waiting"), kTimeout);
        QVERIFY(startBrowser(browser, theirs, QStringLiteral("call"), ours, 2));
    } else {
        QVERIFY(startBrowser(browser, theirs, QStringLiteral("answer"), ours, 2));
        QVERIFY2(browser.waitFor("online", kTimeout), qPrintable(browser.transcript()));
        us.start(m_lab->inPeer(0),
                 cliArguments(ours, 20) +
                     QStringList{QStringLiteral("call"), theirs, QStringLiteral("--video")} +
                     hangup);
    }
    QTRY_VERIFY2_WITH_TIMEOUT(!us.isRunning(), qPrintable(browser.transcript()), kTimeout);
    us.waitForFinished(0);
    QVERIFY2(us.exitCode() == 0, qPrintable(us.output()));
    for (const char *wanted : {"mediaConnected", "firstAudio", "firstVideo", "record"})
        QVERIFY2(us.first(wanted),
                 qPrintable(QLatin1String(wanted) + QLatin1Char('\n') + us.output()));
    const auto stats = us.stats();
    QVERIFY2(std::any_of(stats.begin(), stats.end(), relayed), qPrintable(us.output()));
    for (const char *wanted : {"firstAudio", "firstVideo", "record"})
        QVERIFY2(browser.waitFor(wanted, kTimeout),
                 qPrintable(QLatin1String(wanted) + QLatin1Char('\n') + browser.transcript()));
    const auto path = browser.last("stats").value("path", nlohmann::json::object());
    QVERIFY2(path.value("local", "") == "relay" || path.value("remote", "") == "relay",
             path.dump().c_str());
    QVERIFY2(browser.reports("error").empty(), qPrintable(browser.transcript()));
    qInfo("timing: relay, %s: answer to first audio / video: ours %lld / %lld ms, "
          "the browser's %d / %d ms",
          browserCalls ? "the browser calls us" : "we call the browser",
          us.sinceAnswer("firstAudio"), us.sinceAnswer("firstVideo"),
          browser.last("firstAudio").value("ms", -1), browser.last("firstVideo").value("ms", -1));
}

int main(int argc, char **argv)
{
    g_networkProblem = enterPrivateNetwork();  // before any thread exists
    QCoreApplication app(argc, argv);
    TestNatTraversal test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_nat_traversal.moc"
