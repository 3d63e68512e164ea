// Three softphone-server nodes on one PostgreSQL database and a real nats-server: what a user
// sees must not depend on the node they or their peer landed on.
#include "call_helpers.h"
#include "im/im_client.h"
#include "nats_server_process.h"
#include "phone.h"
#include "protocol/close_code.h"
#include "protocol/field_lines.h"
#include "protocol/json_writer.h"
#include "self_signed_certificate.h"
#include "server_process.h"
#include "test_client.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <array>
#include <csignal>
#include <map>
#include <set>

using namespace softphone::test;
using namespace softphone::protocol;

// Long enough for the nodes to tell each other of a device that just logged in.
constexpr int kClusterWaitMs = 300;
// A node's lease on its calls, short for the tests. A survivor takes a dead node's calls over
// once the lease ran out and the node's beats stopped (2.5 s).
constexpr int kLeaseMs = 1500;
constexpr int kTakeOverMs = 3500;

class TestServerCluster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void messagesReachEveryDeviceOnEveryNode();
    void aLoginIsAnsweredOnceEveryNodeKnowsTheDevice();
    void aStalledNodeHoldsALoginBackOnlySoLong();
    void idsStayUniqueWhenNodesWriteAtOnce();
    void presenceCrossesNodes();
    void aLostNodeTakesItsDevicesOffline();
    void theClientMovesToAnotherNode();
    void theShippedBalancerCarriesClientsToAnotherNode();
    void theShippedNatsClusterOutlivesOneOfItsServers();
    void aClusterNeedsPostgres();
    void whatANodeSendsOnWaitsForItsCommit();
    void aFailedCommitClosesTheDevicesOnOtherNodesItWouldHaveTold_data();
    void aFailedCommitClosesTheDevicesOnOtherNodesItWouldHaveTold();

    // Calls with the caller on node-a and the callee on node-b (and another device on node-c).
    void aCallIsAnsweredAndHungUpAcrossNodes();
    void aCallIsDeclinedAcrossNodes();
    void aCallIsCanceledAcrossNodes();
    void aRingExpiresAcrossNodesWithOneFallbackRecord();
    void busyHoldsAcrossNodes();
    void twoInvitesAtOnceFromTwoNodesRingOnce();

    // Losing a node: a survivor takes over its calls.
    void aDeadNodesCallsAreTakenOver();
    void aStoppedNodeHandsItsCallsOver();
    void theLastNodeToStopEndsTheCallsHandedToIt();
    void theLastNodeToStopUnderTrafficHearsTheOthersLeave();
    void aNodeThatLeftIsNotBroughtBackByWhatItSentBefore();
    void whatOneTurnSendsANodeGoesAsOneMessage_data();
    void whatOneTurnSendsANodeGoesAsOneMessage();
    void aBatchFromAnotherNodeIsDeliveredInOrder();
    void aBarrierAnswerWithAForeignTokenIsPassedOver();
    void anOwnersNoticeInLinesSendsTheCallsRequestsToIt_data();
    void anOwnersNoticeInLinesSendsTheCallsRequestsToIt();
    void aCalleesAnswerInLinesFromAnotherNodeIsTaken_data();
    void aCalleesAnswerInLinesFromAnotherNodeIsTaken();
    void aDeadNodesRingEndsWithOneRecordAndFreesTheCallee();
    void aNodeStartedAgainCarriesOnItsOwnCalls();
    void theAppGetsBackIntoACallWhoseNodeDied();

    // Devices of a call's parties on another node than the call's.
    void aPartyDroppedOnAnotherNodeHasTheReconnectGrace();
    void aPartyBackOnAThirdNodeCarriesOn();
    void aPartyWhoseNodeDiedHasTheReconnectGrace();
    void aDeviceSigningInOnAnotherNodeIsRung();

private:
    nlohmann::json nodeConfig(const std::string &name) const;
    std::unique_ptr<TestClient> signedIn(int node, const std::string &account,
                                         const std::string &device);
    // Logs a device of `account` in on node-b by token (no password to check, which would take
    // its own time) while `node` is stopped for `stopMs`; returns how long the login took to be
    // answered, -1 if it failed. The device is `client`, opened.
    qint64 loginWhileStopped(TestClient &client, const std::string &account, int node, int stopMs);
    // `caller` on node-a calls `callee` on node-b: a call that node-a owns.
    struct CallAcross
    {
        std::unique_ptr<TestClient> caller, callee;
        std::optional<PlacedCall> call;  // empty when a sign-in or the call failed
    };
    // Signed in on their nodes, which have told each other of the devices; no call yet.
    CallAcross signedInAcross(const std::string &caller, const std::string &callee);
    // The call rings on the callee's device.
    CallAcross ringAcross(const std::string &caller, const std::string &callee);
    // The callee has answered.
    CallAcross callAcross(const std::string &caller, const std::string &callee);
    // The call's row is ended and names its record (read straight from the database).
    bool callIsRecorded(const std::string &cid);

    NatsServerProcess m_nats;
    std::vector<std::unique_ptr<ServerProcess>> m_nodes;
};

nlohmann::json TestServerCluster::nodeConfig(const std::string &name) const
{
    nlohmann::json config = {{"cluster",
                              {{"nats", {m_nats.url().toStdString()}},
                               {"node", name},
                               {"leaseMs", kLeaseMs},
                               {"leaseRenewMs", 250}}},
                             {"ringTimeoutSeconds", 3},
                             {"recordGraceSeconds", 2},
                             {"reconnectGraceSeconds", 3}};
    if (!m_nodes.empty())
        config["database"] = m_nodes.front()->config()["database"];
    return config;
}

void TestServerCluster::initTestCase()
{
    if (ServerProcess::postgresSocket().isEmpty())
        QSKIP("a cluster needs PostgreSQL: SOFTPHONE_TEST_POSTGRES is not set");
    if (!NatsServerProcess::isInstalled())
        QSKIP("nats-server is not installed (scripts/install-deps.sh installs it)");
    QVERIFY(m_nats.start());
    for (const char *name : {"node-a", "node-b", "node-c"}) {
        m_nodes.push_back(std::make_unique<ServerProcess>(nodeConfig(name)));
        QVERIFY2(m_nodes.back()->start(), qPrintable(m_nodes.back()->output()));
    }
}

// A test that failed after killing a node leaves the next ones three nodes all the same.
void TestServerCluster::init()
{
    for (auto &node : m_nodes) {
        if (!node->isRunning())
            QVERIFY2(node->start(node->port()), qPrintable(node->output()));
    }
}

void TestServerCluster::cleanupTestCase()
{
    // The first node owns the database: it goes last.
    while (!m_nodes.empty())
        m_nodes.pop_back();
}

std::unique_ptr<TestClient> TestServerCluster::signedIn(int node, const std::string &account,
                                                        const std::string &device)
{
    auto client = std::make_unique<TestClient>(m_nodes[node]->url(), device);
    if (!client->open() || !client->signIn(account))
        return nullptr;
    return client;
}

TestServerCluster::CallAcross TestServerCluster::callAcross(const std::string &caller,
                                                            const std::string &callee)
{
    CallAcross across = signedInAcross(caller, callee);
    if (across.caller && across.callee)
        across.call = connectedCall(*across.caller, *across.callee);
    return across;
}

bool TestServerCluster::callIsRecorded(const std::string &cid)
{
    return m_nodes[0]->runSql(QStringLiteral("DO $$ BEGIN IF EXISTS (SELECT 1 FROM calls WHERE "
                                             "cid = '%1' AND (ended_at IS NULL OR record_msgid "
                                             "IS NULL)) THEN RAISE EXCEPTION 'the call was left "
                                             "without its record'; END IF; END $$")
                                  .arg(QString::fromStdString(cid)));
}

TestServerCluster::CallAcross TestServerCluster::signedInAcross(const std::string &caller,
                                                                const std::string &callee)
{
    CallAcross across{signedIn(0, caller, "a-phone"), signedIn(1, callee, "b-phone"), {}};
    if (across.caller && across.callee)
        QTest::qWait(kClusterWaitMs);  // the nodes have told each other of the new devices
    return across;
}

TestServerCluster::CallAcross TestServerCluster::ringAcross(const std::string &caller,
                                                            const std::string &callee)
{
    CallAcross across = signedInAcross(caller, callee);
    if (across.caller && across.callee) {
        across.call = placeCall(*across.caller, callee);
        if (across.call && !across.callee->waitFor<CallIncoming>())
            across.call.reset();
    }
    return across;
}

void TestServerCluster::messagesReachEveryDeviceOnEveryNode()
{
    auto alicePhone = signedIn(0, "alice", "alice-phone");
    auto aliceDesk = signedIn(2, "alice", "alice-desk");
    auto bob = signedIn(1, "bob", "bob-phone");
    QVERIFY(alicePhone && aliceDesk && bob);
    QTest::qWait(kClusterWaitMs);  // the nodes have told each other of the new devices

    const auto sent = alicePhone->request(
        SendMessage{"bob", ConvType::Person, MsgType::Text, "hello across", "", "m-1"});
    QVERIFY2(sent.ok(), sent.message().c_str());
    const auto atBob = bob->waitForMessage("m-1");
    QVERIFY(atBob);
    QCOMPARE(atBob->body, std::string("hello across"));
    const auto atDesk = aliceDesk->waitForMessage("m-1");  // the sender's other device
    QVERIFY(atDesk);
    QCOMPARE(atDesk->msgidServer, (*sent.result)["msgidServer"].get<std::int64_t>());

    const auto reply =
        bob->request(SendMessage{"alice", ConvType::Person, MsgType::Text, "back", "", "m-2"});
    QVERIFY(reply.ok());
    QVERIFY(alicePhone->waitForMessage("m-2"));
    QVERIFY(aliceDesk->waitForMessage("m-2"));
    QVERIFY((*reply.result)["msgidServer"].get<std::int64_t>() >
            (*sent.result)["msgidServer"].get<std::int64_t>());
}

qint64 TestServerCluster::loginWhileStopped(TestClient &client, const std::string &account,
                                            int node, int stopMs)
{
    std::string token;
    {
        TestClient first(m_nodes[1]->url(), client.deviceId());
        if (!first.open() || !first.signIn(account))
            return -1;
        token = first.token();
    }
    QTest::qWait(kClusterWaitMs);  // the nodes know the first connection has gone
    if (!client.open())
        return -1;
    const pid_t pid = static_cast<pid_t>(m_nodes[node]->pid());
    ::kill(pid, SIGSTOP);
    QElapsedTimer stopped;
    stopped.start();
    QTimer::singleShot(stopMs, [pid] { ::kill(pid, SIGCONT); });
    const bool ok = client.loginWithToken(account, token).ok();
    const qint64 elapsed = stopped.elapsed();
    if (elapsed < stopMs)
        QTest::qWait(int(stopMs - elapsed) + 50);  // the node runs again before the test goes on
    return ok ? elapsed : -1;
}

// While node-a is stopped, bob logs in on node-b: node-b tells node-a of the device, and
// answers the login only once node-a has read it. A message alice sends through node-a right
// after reaches bob at once (before, node-a could meet the message before the news of bob's
// device, and bob found it only with his next sync).
void TestServerCluster::aLoginIsAnsweredOnceEveryNodeKnowsTheDevice()
{
    auto alice = signedIn(0, "alice-k", "alice-phone");
    QVERIFY(alice);
    TestClient bob(m_nodes[1]->url(), "bob-phone");
    const qint64 answeredAfter = loginWhileStopped(bob, "bob-k", 0, 400);
    QVERIFY(answeredAfter >= 0);
    QVERIFY2(answeredAfter >= 400, qPrintable(QStringLiteral("answered after %1 ms, while node-a "
                                                             "could not know of the device")
                                                  .arg(answeredAfter)));
    const auto sent = alice->request(
        SendMessage{"bob-k", ConvType::Person, MsgType::Text, "right away", "", "m-k"});
    QVERIFY(sent.ok());
    QVERIFY(bob.waitForMessage("m-k", 2000));
}

// A node that reads nothing for longer than the barrier's limit (but less than it takes to be
// thought dead) delays the logins on the other nodes by that limit, not until it wakes.
void TestServerCluster::aStalledNodeHoldsALoginBackOnlySoLong()
{
    TestClient bob(m_nodes[1]->url(), "bob-phone");
    const qint64 answeredAfter = loginWhileStopped(bob, "bob-s", 0, 1400);
    QVERIFY(answeredAfter >= 0);
    QVERIFY2(answeredAfter >= 900 && answeredAfter < 1400,
             qPrintable(QStringLiteral("answered after %1 ms").arg(answeredAfter)));
}

// Each node took message and channel ids from its own counter, read at start: two nodes
// handed out the same ids and one node's writes failed.
void TestServerCluster::idsStayUniqueWhenNodesWriteAtOnce()
{
    std::vector<std::unique_ptr<TestClient>> senders;
    for (int node = 0; node < 3; ++node)
        senders.push_back(signedIn(node, "writer-" + std::to_string(node), "w"));
    auto reader = signedIn(1, "reader", "r");
    QVERIFY(reader);
    constexpr int kEach = 40;
    std::set<std::int64_t> ids;
    for (int i = 0; i < kEach; ++i) {
        for (int node = 0; node < 3; ++node) {
            QVERIFY(senders[node]);
            const auto sent = senders[node]->request(
                SendMessage{"reader", ConvType::Person, MsgType::Text, "n" + std::to_string(node),
                            "", "id-" + std::to_string(node) + "-" + std::to_string(i)});
            QVERIFY2(sent.ok(), sent.message().c_str());
            ids.insert((*sent.result)["msgidServer"].get<std::int64_t>());
        }
    }
    QCOMPARE(ids.size(), std::size_t(3 * kEach));
    const auto page = reader->request(Sync{0, 500});
    QVERIFY(page.ok());
    QCOMPARE((*page.result)["messages"].size(), std::size_t(3 * kEach));

    std::set<std::int64_t> channels;
    for (int node = 0; node < 3; ++node) {
        auto callee = signedIn(node, "callee-" + std::to_string(node), "c");
        QVERIFY(callee);
        const auto invite =
            senders[node]->request(CallInvite{"callee-" + std::to_string(node), CallType::Audio});
        QVERIFY2(invite.ok(), invite.message().c_str());
        channels.insert((*invite.result)["channelId"].get<std::int64_t>());
        QVERIFY(
            senders[node]->request(CallCancel{(*invite.result)["cid"].get<std::string>()}).ok());
    }
    QCOMPARE(channels.size(), std::size_t(3));
}

void TestServerCluster::presenceCrossesNodes()
{
    auto carol = signedIn(0, "carol", "carol-phone");
    {
        auto setup = signedIn(1, "dave", "dave-setup");
        QVERIFY(setup);
    }
    QVERIFY(carol);
    QVERIFY(carol->request(ContactsAdd{"dave"}).ok());
    QTest::qWait(kClusterWaitMs);
    carol->clearEvents();

    auto dave = std::make_unique<TestClient>(m_nodes[1]->url(), "dave-phone", "cli");
    QVERIFY(dave->open() && dave->signIn("dave"));
    const auto online = carol->waitFor<PresenceEvent>();
    QVERIFY(online);
    QCOMPARE(online->presence.account, std::string("dave"));
    QVERIFY(online->presence.online);
    QCOMPARE(online->presence.clientTypes, std::vector<std::string>{"cli"});
    auto elsewhere = signedIn(2, "erin", "erin-phone");
    QVERIFY(elsewhere);
    const auto seen = elsewhere->request(UserGet{"dave"});
    QVERIFY(seen.ok() && (*seen.result)["online"].get<bool>());

    dave->close();
    const auto offline = carol->waitFor<PresenceEvent>();
    QVERIFY(offline && !offline->presence.online);
    QVERIFY(carol->noEvent("presence", 300));  // told once, not once per node
}

void TestServerCluster::aLostNodeTakesItsDevicesOffline()
{
    auto frank = signedIn(0, "frank", "frank-phone");
    auto gina = signedIn(2, "gina", "gina-phone");
    QVERIFY(frank && gina);
    QVERIFY(frank->request(ContactsAdd{"gina"}).ok());
    QTest::qWait(kClusterWaitMs);
    QVERIFY((*frank->request(UserGet{"gina"}).result)["online"].get<bool>());
    frank->clearEvents();

    m_nodes[2]->kill();  // SIGKILL: the node says nothing
    const auto offline = frank->waitFor<PresenceEvent>(8000);
    QVERIFY(offline);
    QCOMPARE(offline->presence.account, std::string("gina"));
    QVERIFY(!offline->presence.online);

    QVERIFY(m_nodes[2]->start(m_nodes[2]->port()));  // a new run of the same node
    auto back = signedIn(2, "gina", "gina-phone");
    QVERIFY(back);
    const auto online = frank->waitFor<PresenceEvent>(8000);
    QVERIFY(online && online->presence.online);
}

// The client core knows the nodes' addresses itself (no balancer): when its node dies it
// signs in on the next with its token, and what was sent meanwhile reaches it.
void TestServerCluster::theClientMovesToAnotherNode()
{
    using namespace softphone::im;
    {
        auto setup = signedIn(0, "jack", "jack-setup");
        QVERIFY(setup);
    }
    QTemporaryDir stores;
    WsImClient jack(stores.filePath(QStringLiteral("jack")));
    jack.setBackoff(50, 400);
    Credentials credentials;
    credentials.server = m_nodes[0]->url();
    credentials.moreServers = {m_nodes[1]->url(), m_nodes[2]->url()};
    credentials.account = QStringLiteral("jack");
    credentials.password = QStringLiteral("password-123");
    credentials.deviceId = QStringLiteral("jack-pc");
    credentials.clientType = QStringLiteral("cli");
    jack.start(credentials);
    const auto online = [&] { return jack.state() == ConnectionState::Online; };
    QVERIFY(QTest::qWaitFor(online, 10000));

    m_nodes[0]->kill();
    QVERIFY(QTest::qWaitFor([&] { return !online(); }, 5000));
    QVERIFY(QTest::qWaitFor(online, 10000));  // on node-b, by token
    auto kate = signedIn(2, "kate", "kate-phone");
    QVERIFY(kate);
    QTest::qWait(kClusterWaitMs);
    QVERIFY(
        kate->request(SendMessage{"jack", ConvType::Person, MsgType::Text, "found you", "", "k-1"})
            .ok());
    QVERIFY(
        QTest::qWaitFor([&] { return jack.store()->count(QStringLiteral("kate")) == 1; }, 5000));
    QVERIFY(m_nodes[0]->start(m_nodes[0]->port()));
}

namespace {

int loggedInConnections(const ServerProcess &node)
{
    QByteArray metrics;
    if (httpGet(node.httpPort(), QStringLiteral("/metrics"), &metrics) != 200)
        return -1;
    static const QRegularExpression gauge(QStringLiteral("^softphone_connections (\\d+)"),
                                          QRegularExpression::MultilineOption);
    const auto match = gauge.match(QString::fromUtf8(metrics));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// packaging/haproxy/softphone.cfg with this test's certificate, port and nodes.
QByteArray balancerConfig(const QString &pem, quint16 port,
                          const std::vector<const ServerProcess *> &nodes)
{
    QFile shipped(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../packaging/haproxy/softphone.cfg"));
    if (!shipped.open(QIODevice::ReadOnly))
        return {};
    QByteArray config;
    int index = 0;
    for (QByteArray line : shipped.readAll().split('\n')) {
        if (line.trimmed().startsWith("server ")) {
            if (index >= int(nodes.size()))
                continue;
            const ServerProcess *node = nodes[index];
            line = QStringLiteral("    server node-%1 127.0.0.1:%2 check port %3")
                       .arg(index++)
                       .arg(node->port())
                       .arg(node->httpPort())
                       .toUtf8();
        }
        line.replace("bind :443", "bind 127.0.0.1:" + QByteArray::number(port));
        line.replace("/etc/haproxy/softphone.pem", pem.toUtf8());
        config += line + '\n';
    }
    return config;
}

}  // namespace

// Clients know one address; HAProxy (Debian's, with the shipped config) terminates TLS and
// passes them to a live node. When their node dies they come back through the same address.
void TestServerCluster::theShippedBalancerCarriesClientsToAnotherNode()
{
    QString haproxy = QStandardPaths::findExecutable(QStringLiteral("haproxy"));
    if (haproxy.isEmpty())
        haproxy = QStandardPaths::findExecutable(QStringLiteral("haproxy"),
                                                 {QStringLiteral("/usr/sbin")});
    if (haproxy.isEmpty() || !SelfSignedCertificate::canMake())
        QSKIP("haproxy or openssl is not installed (scripts/install-deps.sh installs them)");
    SelfSignedCertificate certificate;
    QVERIFY(certificate.make());
    QTemporaryDir dir;
    QFile pemFile(dir.filePath(QStringLiteral("both.pem")));
    QVERIFY(pemFile.open(QIODevice::WriteOnly));
    const QByteArray certPem = certificate.certificatePem();
    pemFile.write(certPem + certificate.keyPem());
    pemFile.close();

    const quint16 port = freeLoopbackPort();
    const QByteArray config =
        balancerConfig(pemFile.fileName(), port, {m_nodes[0].get(), m_nodes[1].get()});
    QVERIFY(!config.isEmpty());
    QFile configFile(dir.filePath(QStringLiteral("haproxy.cfg")));
    QVERIFY(configFile.open(QIODevice::WriteOnly) && configFile.write(config) > 0);
    configFile.close();
    QProcess balancer;
    balancer.setProcessChannelMode(QProcess::MergedChannels);
    balancer.start(haproxy, {QStringLiteral("-db"), QStringLiteral("-f"), configFile.fileName()});
    QVERIFY(balancer.waitForStarted(10000));

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromData(certPem, QSsl::Pem));
    QSslConfiguration::setDefaultConfiguration(ssl);
    const QUrl address(QStringLiteral("wss://127.0.0.1:%1").arg(port));

    auto ivy = signedIn(2, "ivy", "ivy-phone");
    QVERIFY(ivy);
    const int before[2] = {loggedInConnections(*m_nodes[0]), loggedInConnections(*m_nodes[1])};
    std::unique_ptr<TestClient> henry;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     henry = std::make_unique<TestClient>(address, "henry-phone");
                     return henry->open(2000) && henry->signIn("henry");
                 },
                 10000),
             balancer.readAll().constData());
    int landed = -1;
    for (int node : {0, 1}) {
        if (loggedInConnections(*m_nodes[node]) == before[node] + 1)
            landed = node;
    }
    QVERIFY(landed >= 0);

    m_nodes[landed]->kill();
    QVERIFY(henry->waitClosed(5000));
    std::unique_ptr<TestClient> back;
    QVERIFY(QTest::qWaitFor(
        [&] {
            back = std::make_unique<TestClient>(address, "henry-phone");
            return back->open(2000) && back->loginWithToken("henry", henry->token()).ok();
        },
        10000));
    QCOMPARE(loggedInConnections(*m_nodes[1 - landed]), before[1 - landed] + 1);
    QTest::qWait(kClusterWaitMs);
    QVERIFY(ivy->request(SendMessage{"henry", ConvType::Person, MsgType::Text, "still there?", "",
                                     "after-failover"})
                .ok());
    QVERIFY(back->waitForMessage("after-failover"));

    balancer.kill();
    balancer.waitForFinished(5000);
    QVERIFY(m_nodes[landed]->start(m_nodes[landed]->port()));
}

namespace {

// packaging/nats/softphone-nats.conf as server `index` of three on loopback, on this test's
// ports. Empty if the shipped file no longer reads as the test expects.
QByteArray natsConfig(int index, const std::array<quint16, 3> &ports,
                      const std::array<quint16, 3> &routes, quint16 monitor)
{
    QFile shipped(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../packaging/nats/softphone-nats.conf"));
    if (!shipped.open(QIODevice::ReadOnly))
        return {};
    QByteArray config = shipped.readAll();
    const auto swap = [&config](const QByteArray &from, const QByteArray &to) {
        if (!config.contains(from))
            return false;
        config.replace(from, to);
        return true;
    };
    const auto loopback = [](quint16 port) { return "127.0.0.1:" + QByteArray::number(port); };
    bool ok = swap("server_name: nats-1", "server_name: nats-" + QByteArray::number(index + 1)) &&
              swap("listen: 0.0.0.0:4222", "listen: " + loopback(ports[index])) &&
              swap("listen: 0.0.0.0:6222", "listen: " + loopback(routes[index])) &&
              swap("http: 127.0.0.1:8222", "http: " + loopback(monitor));
    for (int i = 0; i < 3; ++i) {
        ok = ok && swap("nats-route://nats-" + QByteArray::number(i + 1) + ":6222",
                        "nats-route://" + loopback(routes[i]));
    }
    return ok ? config : QByteArray();
}

// What a NATS server's monitoring endpoint says (/connz, /routez); null if it does not answer.
json natsMonitor(quint16 monitor, const char *what)
{
    QByteArray body;
    if (httpGet(monitor, QString::fromLatin1(what), &body) != 200)
        return nullptr;
    return json::parse(body.begin(), body.end(), nullptr, false);
}

// The NATS server (0..2) that holds the connection named `name`; -1 if none does.
int natsServerOf(const std::string &name, const std::array<quint16, 3> &monitors)
{
    for (int i = 0; i < 3; ++i) {
        const json connz = natsMonitor(monitors[i], "/connz");
        if (!connz.is_object())
            continue;
        for (const json &connection : connz.value("connections", json::array())) {
            if (connection.value("name", std::string()) == name)
                return i;
        }
    }
    return -1;
}

}  // namespace

// Three NATS servers run the shipped configuration, clustered; two nodes are each given all
// three. The NATS server that carries node-x is killed: node-x moves to another, and the
// nodes' devices still reach each other without either node taking the other for gone.
void TestServerCluster::theShippedNatsClusterOutlivesOneOfItsServers()
{
    std::array<quint16, 3> ports{}, routes{}, monitors{};
    for (int i = 0; i < 3; ++i) {
        ports[i] = freeLoopbackPort();
        routes[i] = freeLoopbackPort();
        monitors[i] = freeLoopbackPort();
    }
    std::array<NatsServerProcess, 3> nats;
    json urls = json::array();
    for (int i = 0; i < 3; ++i) {
        const QByteArray config = natsConfig(i, ports, routes, monitors[i]);
        QVERIFY2(!config.isEmpty(), "packaging/nats/softphone-nats.conf changed its shape");
        QVERIFY(nats[i].start(config, ports[i]));
        urls.push_back(nats[i].url().toStdString());
    }
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     for (quint16 monitor : monitors) {
                         const json routez = natsMonitor(monitor, "/routez");
                         if (!routez.is_object() || routez.value("num_routes", 0) < 2)
                             return false;
                     }
                     return true;
                 },
                 10000),
             "the three NATS servers did not form their cluster");

    // Two more nodes on a database of their own.
    const auto config = [&](const char *node) {
        return json{{"cluster", {{"nats", urls}, {"node", node}}}};
    };
    ServerProcess x(config("node-x"));
    QVERIFY2(x.start(), qPrintable(x.output()));
    json yConfig = config("node-y");
    yConfig["database"] = x.config()["database"];
    ServerProcess y(yConfig);
    QVERIFY2(y.start(), qPrintable(y.output()));

    TestClient alice(x.url(), "alice-phone"), bob(y.url(), "bob-phone");
    QVERIFY(alice.open() && alice.signIn("alice-n") && bob.open() && bob.signIn("bob-n"));
    const auto sendAndReceive = [&](const std::string &id) {
        return alice.request(SendMessage{"bob-n", ConvType::Person, MsgType::Text, id, "", id})
                   .ok() &&
               bob.waitForMessage(id, 3000).has_value();
    };
    int attempt = 0;  // the nodes hear each other within a beat
    QVERIFY(QTest::qWaitFor([&] { return sendAndReceive("before-" + std::to_string(++attempt)); },
                            5000));

    const int underX = natsServerOf("node-x", monitors);
    QVERIFY(underX >= 0);
    nats[std::size_t(underX)].kill();
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     const int now = natsServerOf("node-x", monitors);
                     return now >= 0 && now != underX;
                 },
                 5000),
             "node-x did not move to another NATS server");
    QVERIFY(sendAndReceive("after-the-loss"));
    QVERIFY(!x.output().contains(QStringLiteral("is gone")));
    QVERIFY(!y.output().contains(QStringLiteral("is gone")));
}

void TestServerCluster::aClusterNeedsPostgres()
{
    ServerProcess sqlite({{"cluster", {{"nats", {m_nats.url().toStdString()}}, {"node", "x"}}},
                          {"database", {{"driver", "sqlite"}}}});
    QVERIFY(!sqlite.start());
    QVERIFY2(sqlite.output().contains(QStringLiteral("a cluster needs the postgres")),
             qPrintable(sqlite.output()));
}

// A node whose writes are committed every 600 ms: an event it sends to a device on another
// node, and the answer to a request another node forwarded to it, reach that device only once
// what they tell of is committed. They used to be published to NATS at once, before the commit
// (the device would see a message, or an answered call, that a crash could still undo).
void TestServerCluster::whatANodeSendsOnWaitsForItsCommit()
{
    auto config = nodeConfig("node-slow");
    config["commitIntervalMs"] = 600;
    ServerProcess slow(config);
    QVERIFY2(slow.start(), qPrintable(slow.output()));
    const std::string a = uniqueName("kit"), b = uniqueName("lou");
    auto sender = std::make_unique<TestClient>(slow.url(), "a-phone");
    auto receiver = signedIn(1, b, "b-phone");
    QVERIFY(sender->open() && sender->signIn(a) && receiver);
    QTest::qWait(kClusterWaitMs);
    const auto isStored = [&](const QString &condition) {
        return m_nodes[0]->runSql(QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM %1) "
                                                 "THEN RAISE EXCEPTION 'not committed'; END IF; "
                                                 "END $$")
                                      .arg(condition));
    };

    const auto sent =
        sender->post(SendMessage{b, ConvType::Person, MsgType::Text, "committed first", "", "c-1"});
    const auto message = receiver->waitForMessage("c-1", 5000);
    QVERIFY(message);
    QVERIFY2(isStored(QStringLiteral("messages WHERE msgid_server = %1").arg(message->msgidServer)),
             "the message reached the other node's device before it was committed");
    QVERIFY(sender->reply(sent).ok());

    // The call is node-slow's; the callee's answer goes there from node-b and comes back.
    const auto call = placeCall(*sender, b);
    QVERIFY(call);
    QVERIFY(receiver->waitFor<CallIncoming>(5000));
    QVERIFY(receiver->request(CallRespond{call->cid, true, false}, 5000).ok());
    QVERIFY2(isStored(QStringLiteral("calls WHERE cid = '%1' AND answered_at IS NOT NULL")
                          .arg(QString::fromStdString(call->cid))),
             "the answer was acknowledged before it was committed");
    QVERIFY(sender->request(CallHangup{call->cid}, 5000).ok());
}

void TestServerCluster::aFailedCommitClosesTheDevicesOnOtherNodesItWouldHaveTold_data()
{
    QTest::addColumn<bool>("longTurn");
    QTest::newRow("the commit after the turn") << false;
    // Pings read in the same turn as the message outlast the commit interval: the commit comes
    // due within the turn, before its words reach the output gate.
    QTest::newRow("the commit within the turn") << true;
}

// A commit that fails (a deferred trigger refuses the message at COMMIT): the devices on other
// nodes that were to be told of the message are closed, to come back and resynchronise, as the
// sender's node closes its own; none of them sees the message.
void TestServerCluster::aFailedCommitClosesTheDevicesOnOtherNodesItWouldHaveTold()
{
    QFETCH(bool, longTurn);
    const QString body = QStringLiteral("poison-%1").arg(QString::fromStdString(uniqueName("p")));
    QVERIFY(m_nodes[0]->runSql(
        QStringLiteral("CREATE OR REPLACE FUNCTION refuse_across() RETURNS trigger LANGUAGE "
                       "plpgsql AS $$ BEGIN IF NEW.body = '%1' THEN RAISE EXCEPTION 'refused at "
                       "commit'; END IF; RETURN NEW; END $$")
            .arg(body)));
    QVERIFY(m_nodes[0]->runSql(
        QStringLiteral("CREATE CONSTRAINT TRIGGER refuse_across AFTER INSERT ON messages "
                       "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "
                       "refuse_across()")));
    const auto dropTrigger = qScopeGuard([this] {
        m_nodes[0]->runSql(QStringLiteral("DROP TRIGGER refuse_across ON messages"));
        m_nodes[0]->runSql(QStringLiteral("DROP FUNCTION refuse_across()"));
    });
    // For the long turn, a node of its own that commits every millisecond and lets a burst of
    // requests through; the pings read with the message in one turn outlast the interval.
    std::unique_ptr<ServerProcess> quick;
    if (longTurn) {
        auto config = nodeConfig("node-quick");
        config["commitIntervalMs"] = 1;
        config["rateLimitPerSecond"] = 100000;
        config["rateLimitBurst"] = 100000;
        quick = std::make_unique<ServerProcess>(config);
        QVERIFY2(quick->start(), qPrintable(quick->output()));
    }
    const std::string a = uniqueName("mo"), b = uniqueName("ned");
    auto sender = longTurn ? std::make_unique<TestClient>(quick->url(), "a-phone")
                           : signedIn(0, a, "a-phone");
    QVERIFY(sender && (!longTurn || (sender->open() && sender->signIn(a))));
    auto senderDesk = signedIn(2, a, "a-desk");
    auto receiver = signedIn(1, b, "b-phone");
    QVERIFY(senderDesk && receiver);
    QTest::qWait(kClusterWaitMs);

    std::vector<std::pair<std::string, nlohmann::json>> requests = {
        {std::string(SendMessage::kMethod),
         toJson(SendMessage{b, ConvType::Person, MsgType::Text, body.toStdString(), "", "x-1"})}};
    for (int i = 0; longTurn && i < 3000; ++i)
        requests.emplace_back(std::string(Ping::kMethod), nlohmann::json::object());
    const auto ids = sender->postTogether(requests);
    // The devices on the other nodes first: what the sender's node sends them is held apart
    // from its answers to the sender.
    for (TestClient *device : {receiver.get(), senderDesk.get()}) {
        QVERIFY2(device->waitClosed(), device->deviceId().c_str());
        QCOMPARE(device->closeCode(), int(CloseCode::NotStored));
        QVERIFY2(!device->waitForMessage("x-1", 0), "a device saw the message that was lost");
    }
    const auto lost = sender->reply(ids.front(), 3000);
    QVERIFY2(!lost.ok(), "a message whose commit failed was acknowledged");
    QVERIFY(sender->waitClosed());
    QCOMPARE(sender->closeCode(), int(CloseCode::NotStored));
}

// ---- calls across nodes -------------------------------------------------------------------

void TestServerCluster::aCallIsAnsweredAndHungUpAcrossNodes()
{
    const std::string a = uniqueName("ann"), b = uniqueName("ben");
    auto caller = signedIn(0, a, "a-phone");
    auto phone = std::make_unique<TestClient>(m_nodes[1]->url(), "b-phone", "web");
    auto desk = std::make_unique<TestClient>(m_nodes[2]->url(), "b-desk", "desktop");
    QVERIFY(caller && phone->open() && phone->signIn(b) && desk->open() && desk->signIn(b));
    QTest::qWait(kClusterWaitMs);

    const auto call = placeCall(*caller, b, CallType::Video);
    QVERIFY(call);
    for (TestClient *device : {phone.get(), desk.get()}) {
        const auto incoming = device->waitFor<CallIncoming>();
        QVERIFY(incoming);
        QCOMPARE(incoming->cid, call->cid);
        QCOMPARE(incoming->caller, a);
    }
    QVERIFY(phone->request(CallRespond{call->cid, true, false}).ok());
    const auto accepted = caller->waitFor<CallAccepted>();
    QVERIFY(accepted);
    QCOMPARE(accepted->fromClientType, std::string("web"));
    const auto sync = desk->waitFor<CallAckSync>();  // answered elsewhere, on another node
    QVERIFY(sync && sync->accepted);
    QCOMPARE(sync->fromClientType, std::string("web"));
    QCOMPARE(desk->request(CallRespond{call->cid, true, false}).code(),
             int(ErrorCode::CallStateConflict));
    const auto current = desk->request(CallCurrent{});
    QVERIFY(current.ok());
    QCOMPARE((*current.result)["cid"].get<std::string>(), call->cid);

    QVERIFY(caller->request(RoomJoin{call->cid, 2}).ok());
    QVERIFY(caller->waitFor<RoomSyncDone>());
    QVERIFY(phone->request(RoomJoin{call->cid, 2}).ok());
    const auto roomSync = phone->waitFor<RoomSyncDone>();
    QVERIFY(roomSync && roomSync->userlist.size() == 1);
    QCOMPARE(roomSync->userlist[0].account, a);
    QVERIFY(caller->waitFor<RoomClientJoin>());
    QVERIFY(phone->request(RtcSdp{call->cid, SdpType::Offer, "v=0 across"}).ok());
    const auto sdp = caller->waitFor<RtcSdpEvent>();
    QVERIFY(sdp);
    QCOMPARE(sdp->sdp, std::string("v=0 across"));
    QVERIFY(caller->request(RtcIce{call->cid, "candidate:1", 0, "0"}).ok());
    QVERIFY(phone->waitFor<RtcIceEvent>());
    QTest::qWait(600);  // time in the room, for the durations

    QVERIFY(phone->request(CallHangup{call->cid}).ok());
    const auto hangup = caller->waitFor<CallHangupEvent>();
    QVERIFY(hangup);
    QCOMPARE(hangup->account, b);
    QVERIFY(desk->noEvent("call.hangup", 200));  // only the device in the call hears it
    for (TestClient *side : {caller.get(), phone.get(), desk.get()}) {
        const auto record = waitRecord(*side);
        QVERIFY2(record, "no status-1 record");
        QCOMPARE(record->first.from, a);
        QCOMPARE(record->first.fromClientType, std::string("server"));
        QCOMPARE(record->second.status, CallStatus::Completed);
        QCOMPARE(record->second.channelId, call->channelId);
        QVERIFY(record->second.durationOf(a) && record->second.durationOf(b));
        QVERIFY(*record->second.durationOf(b) >= 1);
    }
    QCOMPARE(phone->request(CallHangup{call->cid}).code(), int(ErrorCode::NoSuchCall));
}

void TestServerCluster::aCallIsDeclinedAcrossNodes()
{
    const std::string a = uniqueName("cat"), b = uniqueName("dan");
    auto caller = signedIn(0, a, "a-phone");
    auto phone = std::make_unique<TestClient>(m_nodes[1]->url(), "b-phone", "cli");
    auto desk = signedIn(2, b, "b-desk");
    QVERIFY(caller && phone->open() && phone->signIn(b) && desk);
    QTest::qWait(kClusterWaitMs);

    const auto call = placeCall(*caller, b);
    QVERIFY(call && phone->waitFor<CallIncoming>() && desk->waitFor<CallIncoming>());
    QVERIFY(phone->request(CallRespond{call->cid, false, false}).ok());
    const auto rejected = caller->waitFor<CallRejected>();
    QVERIFY(rejected);
    QCOMPARE(rejected->fromClientType, std::string("cli"));
    const auto sync = desk->waitFor<CallAckSync>();
    QVERIFY(sync && !sync->accepted);
    QVERIFY(sendRecord(*caller, b, call->channelId, CallStatus::Rejected).ok());
    for (TestClient *device : {phone.get(), desk.get()}) {
        const auto record = waitRecord(*device);
        QVERIFY(record);
        QCOMPARE(record->second.status, CallStatus::Rejected);
    }
    // The caller's record came: the owner writes no fallback after the grace.
    QVERIFY(phone->noEvent("msg.new", 2500));
}

void TestServerCluster::aCallIsCanceledAcrossNodes()
{
    const std::string a = uniqueName("gil"), b = uniqueName("hugh");
    auto [caller, callee, call] = ringAcross(a, b);
    QVERIFY(call);
    QVERIFY(caller->request(CallCancel{call->cid, CancelReason::Canceled}).ok());
    const auto canceled = callee->waitFor<CallCanceled>();
    QVERIFY(canceled);
    QCOMPARE(canceled->reason, CancelReason::Canceled);
    QCOMPARE(callee->request(CallRespond{call->cid, true, false}).code(),
             int(ErrorCode::NoSuchCall));
    QVERIFY(sendRecord(*caller, b, call->channelId, CallStatus::Canceled).ok());
    const auto record = waitRecord(*callee);
    QVERIFY(record);
    QCOMPARE(record->second.status, CallStatus::Canceled);
    // Both accounts are free again, on every node.
    const auto again = placeCall(*callee, a);
    QVERIFY(again && caller->waitFor<CallIncoming>());
    QVERIFY(callee->request(CallCancel{again->cid, CancelReason::Canceled}).ok());
}

namespace {

int recordsOf(TestClient &client, std::int64_t channelId)
{
    const auto page = client.request(Sync{0, 500});
    if (!page.ok())
        return -1;
    int count = 0;
    for (const auto &message : (*page.result)["messages"]) {
        const auto decoded = fromJson<Message>(message);
        if (decoded && decoded->msgType == MsgType::CallRecord) {
            const auto record = CallRecord::parse(decoded->attach);
            count += record && record->channelId == channelId;
        }
    }
    return count;
}

}  // namespace

void TestServerCluster::aRingExpiresAcrossNodesWithOneFallbackRecord()
{
    const std::string a = uniqueName("ida"), b = uniqueName("jon");
    auto caller = signedIn(0, a, "a-phone");
    auto callee = signedIn(1, b, "b-phone");
    auto other = signedIn(2, b, "b-desk");
    QVERIFY(caller && callee && other);
    QTest::qWait(kClusterWaitMs);

    const auto call = placeCall(*caller, b);
    QVERIFY(call && callee->waitFor<CallIncoming>());
    QVERIFY(caller->waitFor<CallTimeout>(6000));
    for (TestClient *device : {callee.get(), other.get()}) {
        const auto canceled = device->waitFor<CallCanceled>();
        QVERIFY(canceled && canceled->reason == CancelReason::Timeout);
    }
    // The caller sends nothing: after the grace its node, the owner, records the timeout.
    const auto record = waitRecord(*callee, 6000);
    QVERIFY(record);
    QCOMPARE(record->first.fromClientType, std::string("server"));
    QCOMPARE(record->second.status, CallStatus::Timeout);
    QVERIFY(waitRecord(*other));
    QVERIFY(callee->noEvent("msg.new", 1000));
    QCOMPARE(recordsOf(*callee, call->channelId), 1);
    QCOMPARE(sendRecord(*caller, b, call->channelId, CallStatus::Timeout).code(),
             int(ErrorCode::RecordDuplicate));
}

void TestServerCluster::busyHoldsAcrossNodes()
{
    const std::string a = uniqueName("kim"), b = uniqueName("lee"), c = uniqueName("max");
    auto first = signedIn(0, a, "a-phone");
    auto busy = signedIn(1, b, "b-phone");
    auto second = signedIn(2, c, "c-phone");
    QVERIFY(first && busy && second);
    QTest::qWait(kClusterWaitMs);
    const auto ongoing = placeCall(*first, b);
    QVERIFY(ongoing && busy->waitFor<CallIncoming>());
    QVERIFY(busy->request(CallRespond{ongoing->cid, true, false}).ok());
    QVERIFY(first->waitFor<CallAccepted>());

    const auto call = placeCall(*second, b);  // node-c: the callee's call is node-a's
    QVERIFY(call);
    QVERIFY(second->waitFor<CallBusy>());
    QVERIFY(busy->noEvent("call.incoming", 300));
    QVERIFY(sendRecord(*second, b, call->channelId, CallStatus::Busy).ok());
    const auto record = waitRecord(*busy);
    QVERIFY(record && record->second.status == CallStatus::Busy);

    QVERIFY(placeCall(*second, a));  // the caller of the ongoing call is busy too
    QVERIFY(second->waitFor<CallBusy>());
    // The callee, on node-b, cannot place a call while in one that node-a owns.
    QCOMPARE(busy->request(CallInvite{c, CallType::Audio, true}).code(),
             int(ErrorCode::CallerBusy));
    // Its row, written with the claims' commit, is gone by the time the refusal arrives.
    QVERIFY2(m_nodes[0]->runSql(QStringLiteral("DO $$ BEGIN IF EXISTS (SELECT 1 FROM calls WHERE "
                                               "caller = '%1' AND callee = '%2') THEN RAISE "
                                               "EXCEPTION 'a refused call was kept'; END IF; "
                                               "END $$")
                                    .arg(QString::fromStdString(b), QString::fromStdString(c))),
             "the refused invite left a call behind");
    QVERIFY(first->request(CallHangup{ongoing->cid}).ok());
    QVERIFY(busy->waitFor<CallHangupEvent>());
    const auto after = placeCall(*second, b);  // the claims went with the call
    QVERIFY(after && busy->waitFor<CallIncoming>());
    QVERIFY(second->request(CallCancel{after->cid, CancelReason::Canceled}).ok());
}

// Two callers on two nodes invite one callee in the same instant, many times: each time one
// call rings and the other is busy, never both.
void TestServerCluster::twoInvitesAtOnceFromTwoNodesRingOnce()
{
    constexpr int kRounds = 12;
    for (int round = 0; round < kRounds; ++round) {
        const std::string x = uniqueName("xan"), p = uniqueName("pia"), q = uniqueName("quo");
        auto callee = signedIn(2, x, "x-phone");
        auto fromA = signedIn(0, p, "p-phone");
        auto fromB = signedIn(1, q, "q-phone");
        QVERIFY(callee && fromA && fromB);
        QTest::qWait(kClusterWaitMs);

        const auto idA = fromA->post(CallInvite{x, CallType::Audio, true});
        const auto idB = fromB->post(CallInvite{x, CallType::Audio, true});
        const auto replyA = fromA->reply(idA);
        const auto replyB = fromB->reply(idB);
        QVERIFY2(replyA.ok() && replyB.ok(), (replyA.message() + replyB.message()).c_str());
        const bool busyA = fromA->waitFor<CallBusy>(1000).has_value();
        const bool busyB = fromB->waitFor<CallBusy>(busyA ? 300 : 1000).has_value();
        QVERIFY2(busyA != busyB, busyA ? "both were busy" : "neither was busy");
        QVERIFY(callee->waitFor<CallIncoming>());
        QVERIFY(callee->noEvent("call.incoming", 200));
        TestClient &ringing = busyA ? *fromB : *fromA;
        const auto &reply = busyA ? replyB : replyA;
        QVERIFY(ringing
                    .request(CallCancel{(*reply.result)["cid"].get<std::string>(),
                                        CancelReason::Canceled})
                    .ok());
    }
}

// ---- losing a node -------------------------------------------------------------------------

namespace {

// A client back on a live node rejoins the call its dead node owned, as a client should
// (docs/cluster.md; the app's call controller does not yet): it tries again while the call
// has no live owner (no answer, or "unavailable"). The last answer: an error if it never got
// in.
TestClient::Reply rejoinTakenOverCall(TestClient &client, const std::string &cid)
{
    QElapsedTimer timer;
    timer.start();
    TestClient::Reply joined;
    while (timer.elapsed() < 12000) {
        joined = client.request(RoomJoin{cid, 0}, 1500);
        const bool tryAgain = joined.code() == int(ErrorCode::Unavailable) || joined.code() == -1;
        if (!tryAgain)  // -1: no answer within the timeout
            return joined;
        QTest::qWait(200);
    }
    return joined;
}

}  // namespace

// node-a owns three answered calls when it is SIGKILLed: its caller comes back on node-c
// (1); its caller had moved to node-c before (2); its caller is gone with node-a (3). A
// survivor takes them over: 1 and 2 carry on, 3 ends after the reconnect grace; each call
// has one record on each side.
void TestServerCluster::aDeadNodesCallsAreTakenOver()
{
    const std::string a1 = uniqueName("ola"), b1 = uniqueName("pat");
    const std::string a2 = uniqueName("rio"), b2 = uniqueName("sal");
    const std::string a3 = uniqueName("tam"), b3 = uniqueName("ugo");
    auto caller1 = signedIn(0, a1, "a1-phone");
    auto callee1 = signedIn(1, b1, "b1-phone");
    auto caller2 = signedIn(0, a2, "a2-phone");
    auto callee2 = signedIn(1, b2, "b2-phone");
    auto caller3 = signedIn(0, a3, "a3-phone");
    auto callee3 = signedIn(2, b3, "b3-phone");
    QVERIFY(caller1 && callee1 && caller2 && callee2 && caller3 && callee3);
    QTest::qWait(kClusterWaitMs);
    const auto call1 = connectedCall(*caller1, *callee1);
    const auto call2 = connectedCall(*caller2, *callee2);
    const auto call3 = connectedCall(*caller3, *callee3);
    QVERIFY(call1 && call2 && call3);
    caller2->abort();  // the calling phone moves to node-c while node-a owns its call
    caller2 = signedIn(2, a2, "a2-phone");
    QVERIFY(caller2 && caller2->request(RoomJoin{call2->cid, 0}).ok());
    QTest::qWait(1000);  // talk

    m_nodes[0]->kill();
    QVERIFY(caller1->waitClosed() && caller3->waitClosed());
    auto back1 = signedIn(2, a1, "a1-phone");
    QVERIFY(back1);
    const auto rejoined = rejoinTakenOverCall(*back1, call1->cid);
    QVERIFY2(rejoined.ok(), ("no node took call 1 over: " + rejoined.message()).c_str());
    // Nobody came back to call 3: it ends when the reconnect grace (3 s) of the take-over ends.
    const auto hangup3 = callee3->waitFor<CallHangupEvent>(kTakeOverMs + 6000);
    QVERIFY2(hangup3, "call 3 was not ended");
    QCOMPARE(hangup3->account, a3);
    QVERIFY(callee1->noEvent(std::string(CallHangupEvent::kEvent), 500));
    QVERIFY(callee2->noEvent(std::string(CallHangupEvent::kEvent), 100));
    QVERIFY(caller2->noEvent(std::string(CallHangupEvent::kEvent), 100));

    QVERIFY(back1->request(CallHangup{call1->cid}).ok());
    QVERIFY(callee1->waitFor<CallHangupEvent>());
    QVERIFY(callee2->request(CallHangup{call2->cid}).ok());
    QVERIFY(caller2->waitFor<CallHangupEvent>());
    auto back3 = signedIn(1, a3, "a3-phone");
    QVERIFY(back3);
    const std::vector<std::tuple<TestClient *, TestClient *, std::int64_t>> sides = {
        {back1.get(), callee1.get(), call1->channelId},
        {caller2.get(), callee2.get(), call2->channelId},
        {back3.get(), callee3.get(), call3->channelId}};
    for (const auto &[caller, callee, channelId] : sides) {
        const auto record = waitRecord(*callee);
        QVERIFY(record);
        QCOMPARE(record->second.channelId, channelId);
        QCOMPARE(record->second.status, CallStatus::Completed);
        QVERIFY(record->second.durationOf(callee->account()));
        QTRY_COMPARE(recordsOf(*caller, channelId), 1);
        QCOMPARE(recordsOf(*callee, channelId), 1);
    }
    QVERIFY(m_nodes[0]->start(m_nodes[0]->port()));
}

// node-a owns an answered call when it is stopped (SIGTERM, as a rolling upgrade stops a node):
// it hands the call over instead of ending it. A survivor takes it over at once rather than
// after the silence of a dead node; the caller comes back on node-c, the call carries on, and
// hung up it has one record on each side.
void TestServerCluster::aStoppedNodeHandsItsCallsOver()
{
    const std::string a = uniqueName("sam"), b = uniqueName("tia");
    auto across = callAcross(a, b);
    QVERIFY(across.call);
    QTest::qWait(500);  // talk

    QVERIFY2(m_nodes[0]->stop(), qPrintable(m_nodes[0]->output()));
    QElapsedTimer sinceStop;  // a dead node's calls wait 2.5 s of silence, then the lease
    sinceStop.start();
    QVERIFY(across.caller->waitClosed());
    auto back = signedIn(2, a, "a-phone");
    QVERIFY(back);
    const auto rejoined = rejoinTakenOverCall(*back, across.call->cid);
    QVERIFY2(rejoined.ok(), ("the call was not handed over: " + rejoined.message()).c_str());
    QVERIFY2(sinceStop.elapsed() < 2000,
             qPrintable(QStringLiteral("taken over after %1 ms").arg(sinceStop.elapsed())));
    QVERIFY(across.callee->noEvent(std::string(CallHangupEvent::kEvent), 300));

    QVERIFY(back->request(CallHangup{across.call->cid}).ok());
    QVERIFY(across.callee->waitFor<CallHangupEvent>());
    const auto record = waitRecord(*across.callee);
    QVERIFY(record);
    QCOMPARE(record->second.channelId, across.call->channelId);
    QCOMPARE(record->second.status, CallStatus::Completed);
    QTRY_COMPARE(recordsOf(*back, across.call->channelId), 1);
    QCOMPARE(recordsOf(*across.callee, across.call->channelId), 1);
    QVERIFY(m_nodes[0]->start(m_nodes[0]->port()));
}

// The whole cluster is stopped, node after node, faster than a survivor takes over what the
// first ones handed over: the last node to stop takes those calls and ends them with their
// records, so none is left in the database without one.
void TestServerCluster::theLastNodeToStopEndsTheCallsHandedToIt()
{
    auto across = callAcross(uniqueName("una"), uniqueName("val"));
    QVERIFY(across.call);
    for (auto &node : m_nodes)
        QVERIFY2(node->stop(), qPrintable(node->output()));
    QVERIFY2(callIsRecorded(across.call->cid), "the call was left open or without its record");
}

// The cluster is stopped node after node while messages stream through NATS to the node that
// stops last. The "leaving" beats of the others reach it behind that stream: it judges whether
// it is the last only once it has taken in what NATS held for it. Before, it judged on what it
// had read so far, took the others for still there, handed its calls over to nobody and left
// the calls handed to it without a record (found by the cluster's chaos soak).
void TestServerCluster::theLastNodeToStopUnderTrafficHearsTheOthersLeave()
{
    auto across = callAcross(uniqueName("wes"), uniqueName("xia"));
    QVERIFY(across.call);
    const std::string reader = uniqueName("yul");
    auto reading = signedIn(2, reader, "y-phone");
    auto writing = signedIn(1, uniqueName("zed"), "z-phone");
    QVERIFY(reading && writing);
    QTest::qWait(kClusterWaitMs);
    for (int i = 0; i < 400; ++i) {
        SendMessage message;
        message.to = reader;
        message.body = "while the nodes stop";
        message.msgidClient = "stream-" + std::to_string(i);
        writing->post(message);
    }
    QTest::qWait(20);  // the stream is under way
    for (auto &node : m_nodes)
        QVERIFY2(node->stop(), qPrintable(node->output()));
    QVERIFY2(callIsRecorded(across.call->cid),
             "the call was left open or without its record: the last node did not hear the "
             "others leave");
}

namespace {

// A bare NATS client on the test's side (the protocol's text commands): what a node would send
// or receive, at the moment the test chooses.
class RawNats
{
public:
    bool open(const QString &url)
    {
        const QUrl address(url);
        m_socket.connectToHost(address.host(), quint16(address.port()));
        if (!m_socket.waitForConnected(3000))
            return false;
        send("CONNECT {\"verbose\":false,\"pedantic\":false}\r\nPING\r\n");
        return waitFor("PONG");
    }
    void send(const QByteArray &text)
    {
        m_socket.write(text);
        m_socket.flush();
    }
    void publish(const std::string &subject, const std::string &payload)
    {
        send(QByteArray("PUB ") + subject.c_str() + ' ' + QByteArray::number(payload.size()) +
             "\r\n" + QByteArray::fromStdString(payload) + "\r\n");
    }
    // Waits for a line holding `text` (or, for a message, its payload), within 5 s.
    bool waitFor(const QByteArray &text)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 5000) {
            while (m_socket.canReadLine()) {
                const QByteArray line = m_socket.readLine();
                if (line.startsWith("PING"))
                    send("PONG\r\n");
                if (line.contains(text)) {
                    m_last = line;
                    return true;
                }
            }
            m_socket.waitForReadyRead(50);
        }
        return false;
    }
    const QByteArray &last() const { return m_last; }
    // The payload of the next message (MSG) that arrives within `timeoutMs`, or nothing.
    std::optional<QByteArray> nextMessage(int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            while (m_socket.canReadLine()) {
                const QByteArray line = m_socket.readLine();
                if (line.startsWith("PING"))
                    send("PONG\r\n");
                if (!line.startsWith("MSG "))
                    continue;
                const qsizetype size = line.trimmed().split(' ').last().toLongLong();
                while (m_socket.bytesAvailable() < size + 2 && clock.elapsed() < timeoutMs)
                    m_socket.waitForReadyRead(50);
                const QByteArray payload = m_socket.read(size);
                m_socket.read(2);  // CRLF
                return payload;
            }
            m_socket.waitForReadyRead(50);
        }
        return std::nullopt;
    }

    // Joins the cluster as node-x, which the test plays: subscribes to node-x's subject and beats
    // once, with `protocol` (JSON) as the beat's number, or none, as the oldest nodes beat. With
    // `account`, tells node-a that node-x holds its device x-phone. Returns node-x's run id, once
    // NATS has it all; empty if it failed.
    std::string joinAsNodeX(const QByteArray &protocol, const std::string &account = {})
    {
        send("SUB softphone.cluster.node.node-x 1\r\nPING\r\n");
        if (!waitFor("PONG"))
            return {};
        const std::string boot = uniqueName("boot");
        nlohmann::json beat{{"node", "node-x"}, {"boot", boot}};
        if (!protocol.isEmpty())
            beat["protocol"] = nlohmann::json::parse(protocol.toStdString());
        publish("softphone.cluster.beat", beat.dump());
        if (!account.empty()) {
            const nlohmann::json devices =
                nlohmann::json::array({nlohmann::json::array({"x-phone", "pc"})});
            const nlohmann::json directory{
                {"node", "node-x"}, {"boot", boot}, {"accounts", {{account, devices}}}};
            publish("softphone.cluster.node.node-a", "S\n" + directory.dump());
        }
        send("PING\r\n");
        return waitFor("PONG") ? boot : std::string();
    }

private:
    QTcpSocket m_socket;
    QByteArray m_last;
};

}  // namespace

// What a node sent another just before it left (a device list, say) can arrive after its
// "leaving" beat: NATS keeps order within one subject only. The receiving node once took such a
// message as the node's return ("joined") and kept it among the live nodes, so that the last
// node to stop took itself for one of several and handed its calls over to nobody (found by the
// cluster's chaos soak: calls ended without a record). A run that said it left stays gone.
void TestServerCluster::aNodeThatLeftIsNotBroughtBackByWhatItSentBefore()
{
    RawNats nats;
    QVERIFY(nats.open(m_nats.url()));
    nats.send("SUB softphone.cluster.beat 1\r\nPING\r\n");
    QVERIFY(nats.waitFor("PONG"));
    QVERIFY(nats.waitFor("\"node\":\"node-c\""));
    const auto beat = nlohmann::json::parse(nats.last().toStdString(), nullptr, false);
    QVERIFY(beat.is_object() && beat.contains("boot"));
    const std::string boot = beat["boot"].get<std::string>();

    QTest::qWait(kClusterWaitMs);  // what node-a logged on the nodes' start has come in
    const qsizetype before = m_nodes[0]->output().size();
    QVERIFY2(m_nodes[2]->stop(), qPrintable(m_nodes[2]->output()));
    QTRY_VERIFY(m_nodes[0]->output().mid(before).contains(QStringLiteral("\"node-c\" is gone")));
    const qsizetype after = m_nodes[0]->output().size();
    // node-c's device list, as it would have sent it to node-a before leaving.
    const nlohmann::json devices{{"node", "node-c"},
                                 {"boot", boot},
                                 {"account", uniqueName("ghost")},
                                 {"devices", {{"g-phone", "pc"}}}};
    nats.publish("softphone.cluster.node.node-a", "D\n" + devices.dump());
    nats.send("PING\r\n");
    QVERIFY(nats.waitFor("PONG"));
    QTest::qWait(500);
    QVERIFY2(!m_nodes[0]->output().mid(after).contains(QStringLiteral("\"node-c\" joined")),
             "node-a took node-c back on a message node-c sent before it left");
}

namespace {

// The kinds (first bytes) of the messages a batch (M) holds, in order; empty if it is not one.
// The messages one NATS message holds: those of a batch (M), or itself.
std::vector<QByteArray> messagesIn(const QByteArray &payload)
{
    if (!payload.startsWith("M\n"))
        return {payload};
    std::vector<QByteArray> messages;
    qsizetype at = 2;
    while (at < payload.size()) {
        const qsizetype lengthEnd = payload.indexOf('\n', at);
        if (lengthEnd < 0)
            return {};
        const qsizetype length = payload.mid(at, lengthEnd - at).toLongLong();
        messages.push_back(payload.mid(lengthEnd + 1, length));
        at = lengthEnd + 1 + length;
    }
    return messages;
}

std::string kindsInBatch(const QByteArray &batch)
{
    if (!batch.startsWith("M\n"))
        return {};
    std::string kinds;
    for (const QByteArray &message : messagesIn(batch))
        kinds += message.isEmpty() ? '?' : message.at(0);
    return kinds;
}

}  // namespace

void TestServerCluster::whatOneTurnSendsANodeGoesAsOneMessage_data()
{
    QTest::addColumn<QByteArray>("protocol");  // what node-x's beats say, as JSON (or nothing)
    QTest::addColumn<bool>("readsBatches");
    QTest::newRow("a node of this version") << QByteArray("2") << true;
    QTest::newRow("a node of an older version") << QByteArray() << false;
    QTest::newRow("a beat whose protocol is not a number")
        << QByteArray("\"two\"") << false;  // taken for the oldest
}

// A ring is two messages for the callee's node (the call's owner, then the ring), sent in one
// turn: one NATS message to a node whose beats say it reads protocol 2 (batches, the owner's
// notice in lines), two to a node of an older version (the notice in JSON).
// node-x is the test, speaking the nodes' protocol on NATS.
void TestServerCluster::whatOneTurnSendsANodeGoesAsOneMessage()
{
    QFETCH(QByteArray, protocol);
    QFETCH(bool, readsBatches);
    const std::string a = uniqueName("yan"), b = uniqueName("zed");
    auto caller = signedIn(0, a, "a-phone");
    QVERIFY(caller && signedIn(1, b, "b-phone"));  // b exists; its device is gone again
    RawNats x;
    QVERIFY(x.open(m_nats.url()));
    QVERIFY(!x.joinAsNodeX(protocol, b).empty());
    QTest::qWait(kClusterWaitMs);

    QVERIFY(placeCall(*caller, b));
    std::vector<QByteArray> received;
    while (auto message = x.nextMessage(2000)) {
        received.push_back(*message);
        if (message->contains(CallIncoming::kEvent.data()))
            break;
    }
    QVERIFY2(!received.empty() && received.back().contains(CallIncoming::kEvent.data()),
             "node-x was not rung");
    const QByteArray &ring = received.back();
    if (readsBatches) {
        QCOMPARE(kindsInBatch(ring), std::string("WF"));  // the owner's notice in lines
        return;
    }
    QVERIFY2(ring.startsWith("F\n"), ring.left(40).constData());
    QVERIFY(received.size() >= 2 && received[received.size() - 2].startsWith("O\n"));
}

// What another node batches is taken apart and handed over in order; a damaged batch is
// dropped whole, and the next one is read all the same.
void TestServerCluster::aBatchFromAnotherNodeIsDeliveredInOrder()
{
    const std::string a = uniqueName("amy");
    auto device = signedIn(0, a, "a-phone");
    QVERIFY(device);
    RawNats x;
    QVERIFY(x.open(m_nats.url()));
    const auto presenceOf = [&](const std::string &account) {
        return "V\n" + a + "\na-phone\n" +
               encodeEvent(PresenceEvent{{account, account, true, {"pc"}}});
    };
    const auto batchOf = [](const std::vector<std::string> &messages) {
        std::string batch = "M\n";
        for (const std::string &message : messages)
            batch += std::to_string(message.size()) + "\n" + message;
        return batch;
    };
    x.publish("softphone.cluster.node.node-a", "M\n99999\nV\n" + a + "\na-phone\n{}");
    x.publish("softphone.cluster.node.node-a", "M\nseven\n");
    x.publish("softphone.cluster.node.node-a",
              batchOf({presenceOf("first-of-two"), presenceOf("second-of-two")}));
    x.send("PING\r\n");
    QVERIFY(x.waitFor("PONG"));
    const auto first = device->waitFor<PresenceEvent>();
    const auto second = device->waitFor<PresenceEvent>();
    QVERIFY(first && second);
    QCOMPARE(first->presence.account, std::string("first-of-two"));
    QCOMPARE(second->presence.account, std::string("second-of-two"));
    QVERIFY(m_nodes[0]->isRunning());
}

// Barrier answers carry this node's own counters. Another node's answer with a token no counter
// can be (a float too large for any integer, a negative number, a string) acknowledges nothing
// and harms nothing: the node goes on answering (under the sanitizers, the float's cast was
// undefined and stopped it).
void TestServerCluster::aBarrierAnswerWithAForeignTokenIsPassedOver()
{
    const std::string a = uniqueName("ivy");
    auto device = signedIn(0, a, "a-phone");
    QVERIFY(device);
    RawNats x;
    QVERIFY(x.open(m_nats.url()));
    const std::string boot = x.joinAsNodeX("3");
    QVERIFY(!boot.empty());
    for (const char *token : {"1e300", "-1", "\"seven\""}) {
        x.publish("softphone.cluster.node.node-a",
                  "K\n{\"node\":\"node-x\",\"boot\":\"" + boot + "\",\"token\":" + token + "}");
    }
    x.send("PING\r\n");
    QVERIFY(x.waitFor("PONG"));
    QTest::qWait(kClusterWaitMs);
    QVERIFY(m_nodes[0]->isRunning());
    QVERIFY(device->request(Ping{}).ok());
}

// A node that rings a device here says first that it owns the call (W, node, run, cid): the
// device's answer then goes to that node, with no look-up of the call's claims (a call that
// has none here would be answered "no live call" by this node itself).
void TestServerCluster::anOwnersNoticeInLinesSendsTheCallsRequestsToIt_data()
{
    QTest::addColumn<int>("protocol");
    QTest::newRow("protocol 2: the request as JSON") << 2;
    QTest::newRow("protocol 3: the request in lines") << 3;
    QTest::newRow("protocol 4: its params as field lines") << 4;
}

// The owner's protocol decides how the request reaches it: a node of protocol 2 reads JSON only.
void TestServerCluster::anOwnersNoticeInLinesSendsTheCallsRequestsToIt()
{
    QFETCH(int, protocol);
    const std::string a = uniqueName("bea");
    auto device = signedIn(0, a, "a-phone");
    QVERIFY(device);
    RawNats x;
    QVERIFY(x.open(m_nats.url()));
    const std::string boot = x.joinAsNodeX(QByteArray::number(protocol));
    QVERIFY(!boot.empty());
    const std::string cid = uniqueName("cid-of-node-x");
    x.publish("softphone.cluster.node.node-a", "W\nnode-x\n" + boot);  // damaged: no cid
    x.publish("softphone.cluster.node.node-a", "W\nnode-x\n" + boot + "\n" + cid);
    x.send("PING\r\n");
    QVERIFY(x.waitFor("PONG"));
    QTest::qWait(kClusterWaitMs);

    device->post(CallRespond{cid, true, false});
    std::optional<QByteArray> forwarded;
    while (auto message = x.nextMessage(2000)) {
        if (message->contains("call.respond") && message->contains(cid.c_str())) {
            forwarded = message;
            break;
        }
    }
    QVERIFY2(forwarded, "the answer was not forwarded to the call's owner");
    if (protocol == 2) {
        QVERIFY2(forwarded->startsWith("Q\n{"), forwarded->constData());
        return;
    }
    // Six lines, then the params: JSON for protocol 3, which it reads; field lines for 4.
    QList<QByteArray> lines = forwarded->split('\n');
    QVERIFY(lines.size() >= 7);
    const QByteArray params = lines.mid(6).join('\n');
    lines.resize(6);
    QCOMPARE(lines[0], QByteArray(protocol == 3 ? "R" : "P"));
    QCOMPARE(lines[1].toStdString(), a);
    QCOMPARE(lines[2], QByteArray("a-phone"));
    bool isNumber = false;
    lines[4].toLongLong(&isNumber);
    QVERIFY(isNumber);
    QCOMPARE(lines[5], QByteArray("call.respond"));
    if (protocol == 3) {
        const auto json = nlohmann::json::parse(params.toStdString(), nullptr, false);
        QCOMPARE(json.value("cid", std::string()), cid);
        QCOMPARE(json.value("accepted", false), true);
        return;
    }
    const auto read = softphone::protocol::fromFieldLines<CallRespond>(params.toStdString());
    QVERIFY2(read, params.constData());
    QCOMPARE(read->cid, cid);
    QVERIFY(read->accepted);
}

void TestServerCluster::aCalleesAnswerInLinesFromAnotherNodeIsTaken_data()
{
    QTest::addColumn<bool>("asFields");
    QTest::newRow("protocol 3: params as JSON") << false;
    QTest::newRow("protocol 4: params as field lines") << true;
}

// node-x holds the callee's only device and answers in lines: damaged requests are dropped,
// params that do not read are answered with an error, and the good answer is taken, as the
// caller on node-a sees.
void TestServerCluster::aCalleesAnswerInLinesFromAnotherNodeIsTaken()
{
    QFETCH(bool, asFields);
    const std::string a = uniqueName("cal"), b = uniqueName("dov");
    auto caller = signedIn(0, a, "a-phone");
    QVERIFY(caller && signedIn(1, b, "b-phone"));  // b exists; its device is gone again
    RawNats x;
    QVERIFY(x.open(m_nats.url()));
    QVERIFY(!x.joinAsNodeX(asFields ? "4" : "3", b).empty());
    QTest::qWait(kClusterWaitMs);

    const auto call = placeCall(*caller, b);
    QVERIFY(call);
    bool rung = false;
    while (auto message = x.nextMessage(2000)) {
        if ((rung = message->contains(CallIncoming::kEvent.data())))
            break;
    }
    QVERIFY2(rung, "node-x was not rung");

    const CallRespond answer{call->cid, true, false};
    std::string params, damaged;
    if (asFields) {
        softphone::protocol::appendFieldLines(params, answer);
        damaged = params.substr(0, params.size() - 1);  // the last value cut short
    } else {
        softphone::protocol::appendJson(params, answer);
        damaged = "{\"cid\":";
    }
    const std::string head = std::string(asFields ? "P" : "R") + "\n" + b + "\nx-phone\npc\n";
    const std::string owner = "softphone.cluster.node.node-a";
    x.publish(owner, head + "five\ncall.respond\n" + params);  // an id that is not a number
    x.publish(owner, head.substr(0, head.size() - 3));         // lines missing
    x.publish(owner, head + "8\ncall.respond\n" + damaged);
    x.publish(owner, head + "9\ncall.respond\n" + params);
    const std::string answerTo = "V\n" + b + "\nx-phone\n";
    std::map<std::int64_t, nlohmann::json> answers;
    while (answers.size() < 2) {
        const auto message = x.nextMessage(3000);
        QVERIFY2(message, "node-x's device was not answered");
        for (const QByteArray &part : messagesIn(*message)) {
            if (!part.startsWith(answerTo.c_str()))
                continue;
            const auto frame = nlohmann::json::parse(
                part.mid(qsizetype(answerTo.size())).toStdString(), nullptr, false);
            if (frame.is_object() && frame.contains("id"))
                answers[frame.value("id", std::int64_t(0))] = frame;
        }
    }
    QCOMPARE(answers.size(), std::size_t(2));
    QVERIFY2(answers[8].contains("error"), answers[8].dump().c_str());
    QCOMPARE(answers[8]["error"].value("code", 0), int(ErrorCode::InvalidParams));
    QVERIFY2(answers[9].contains("result"), answers[9].dump().c_str());
    QVERIFY(caller->waitFor<CallAccepted>());
    QVERIFY(caller->request(CallHangup{call->cid}).ok());
}

// node-a owns a ringing call when it dies, with its caller: the ring ends on the callee's
// devices, the call has one record, and the callee can be called again.
void TestServerCluster::aDeadNodesRingEndsWithOneRecordAndFreesTheCallee()
{
    const std::string a = uniqueName("val"), b = uniqueName("wyn"), c = uniqueName("xen");
    auto caller = signedIn(0, a, "a-phone");
    auto callee = signedIn(1, b, "b-phone");
    auto desk = signedIn(2, b, "b-desk");
    auto next = signedIn(2, c, "c-phone");
    QVERIFY(caller && callee && desk && next);
    QTest::qWait(kClusterWaitMs);
    const auto call = placeCall(*caller, b);
    QVERIFY(call && callee->waitFor<CallIncoming>() && desk->waitFor<CallIncoming>());

    m_nodes[0]->kill();
    for (TestClient *device : {callee.get(), desk.get()})
        QVERIFY2(device->waitFor<CallCanceled>(kTakeOverMs + 3000), "the ring went on");
    const auto record = waitRecord(*callee, 6000);
    QVERIFY2(record, "no record");
    QCOMPARE(record->second.channelId, call->channelId);
    QCOMPARE(record->first.fromClientType, std::string("server"));
    QVERIFY(record->second.status == CallStatus::Timeout ||
            record->second.status == CallStatus::Canceled);
    QVERIFY(callee->noEvent(std::string(MessageEvent::kEvent), 500));
    QCOMPARE(recordsOf(*callee, call->channelId), 1);

    const auto again = placeCall(*next, b);
    QVERIFY(again);
    QVERIFY2(callee->waitFor<CallIncoming>(), "the callee was left busy");
    QVERIFY(next->request(CallCancel{again->cid, CancelReason::Canceled}).ok());
    QVERIFY(m_nodes[0]->start(m_nodes[0]->port()));
}

// node-a dies and starts again at once, before a survivor could take its calls over: the new
// run resumes the calls of the one before (it used to drop them and their claims).
void TestServerCluster::aNodeStartedAgainCarriesOnItsOwnCalls()
{
    const std::string a = uniqueName("yul"), b = uniqueName("zoe");
    auto [caller, callee, call] = callAcross(a, b);
    QVERIFY(call);

    m_nodes[0]->kill();
    QVERIFY(m_nodes[0]->start(m_nodes[0]->port()));
    QVERIFY(caller->waitClosed());
    auto back = signedIn(0, a, "a-phone");
    QVERIFY(back);
    const auto rejoined = rejoinTakenOverCall(*back, call->cid);
    QVERIFY2(rejoined.ok(), ("the call was lost: " + rejoined.message()).c_str());
    // The callee never left: it is still in the call after the reconnect grace (3 s).
    QVERIFY(callee->noEvent(std::string(CallHangupEvent::kEvent), 3500));
    QVERIFY(callee->request(CallHangup{call->cid}).ok());
    QVERIFY(back->waitFor<CallHangupEvent>());
    const auto record = waitRecord(*callee);
    QVERIFY(record);
    QCOMPARE(record->second.channelId, call->channelId);
    QCOMPARE(record->second.status, CallStatus::Completed);
    QTRY_COMPARE(recordsOf(*back, call->channelId), 1);
    QCOMPARE(recordsOf(*callee, call->channelId), 1);
}

// The app's core (IM client and call controller) in an answered call that node-a owns: node-a
// dies; the device signs in on node-b and tries room.join again until a survivor has taken the
// call over (no answer, then "unavailable", meanwhile), and the call goes on. It used to end
// the call as failed on the device at the first failed room.join.
void TestServerCluster::theAppGetsBackIntoACallWhoseNodeDied()
{
    const std::string a = uniqueName("amy"), b = uniqueName("bo");
    {
        auto setup = signedIn(0, a, "a-setup");
        QVERIFY(setup);
    }
    QTemporaryDir stores;
    PhoneSetup setup;
    setup.server = m_nodes[0]->url();
    setup.moreServers = {m_nodes[1]->url(), m_nodes[2]->url()};
    setup.storeDirectory = stores.filePath(QStringLiteral("a"));
    setup.account = QString::fromStdString(a);
    Phone caller = startPhone(setup);
    auto callee = signedIn(1, b, "b-phone");
    QVERIFY(caller.online() && callee);
    QTest::qWait(kClusterWaitMs);
    QSignalSpy joined(caller.calls.get(), &softphone::call::CallController::roomJoined);
    QSignalSpy ended(caller.calls.get(), &softphone::call::CallController::ended);

    QVERIFY(caller.calls->call(QString::fromStdString(b), CallType::Audio));
    const auto incoming = callee->waitFor<CallIncoming>();
    QVERIFY(incoming);
    QVERIFY(callee->request(CallRespond{incoming->cid, true, false}).ok());
    QVERIFY(callee->request(RoomJoin{incoming->cid, 0}).ok());
    QVERIFY(caller.reaches(softphone::call::CallState::InCall));
    QCOMPARE(joined.count(), 1);

    m_nodes[0]->kill();
    QVERIFY(QTest::qWaitFor([&] { return joined.count() == 2 || !ended.isEmpty(); },
                            kTakeOverMs + 10000));
    QVERIFY2(ended.isEmpty(), "the call ended on the device that lost its node");
    QCOMPARE(caller.calls->state(), softphone::call::CallState::InCall);
    QVERIFY(!caller.calls->isRejoining());
    // Past the reconnect grace (3 s) of the take-over: the call goes on, on both sides.
    QVERIFY(callee->noEvent(std::string(CallHangupEvent::kEvent), 4000));
    QVERIFY(ended.isEmpty());

    QVERIFY(callee->request(CallHangup{incoming->cid}).ok());
    QVERIFY(caller.reaches(softphone::call::CallState::Ended));
    QCOMPARE(caller.calls->endReason(), softphone::call::EndReason::RemoteHungUp);
    const auto record = waitRecord(*callee);
    QVERIFY(record);
    QCOMPARE(record->second.status, CallStatus::Completed);
    QCOMPARE(recordsOf(*callee, record->second.channelId), 1);
    caller.im->stop();
    QVERIFY(m_nodes[0]->start(m_nodes[0]->port()));
}

// ---- devices of a call's parties on other nodes ------------------------------------------

// node-a owns the call; the callee's device, on node-b, drops. As if it had dropped on node-a:
// the caller sees it leave the room, and the call ends after the reconnect grace (3 s), with
// one record. node-a used to hear nothing of it and kept the call on.
void TestServerCluster::aPartyDroppedOnAnotherNodeHasTheReconnectGrace()
{
    const std::string a = uniqueName("cy"), b = uniqueName("di");
    auto [caller, callee, call] = callAcross(a, b);
    QVERIFY(call);
    QVERIFY(caller->waitFor<RoomClientJoin>());

    callee->abort();
    const auto left = caller->waitFor<RoomClientLeave>();
    QVERIFY2(left, "the owner did not see the callee leave");
    QCOMPARE(left->account, b);
    QVERIFY(caller->noEvent(std::string(CallHangupEvent::kEvent), 2000));  // within the grace
    const auto hangup = caller->waitFor<CallHangupEvent>(3000);
    QVERIFY2(hangup, "the call went on after the reconnect grace");
    QCOMPARE(hangup->account, b);
    const auto record = waitRecord(*caller);
    QVERIFY(record);
    QCOMPARE(record->second.channelId, call->channelId);
    QCOMPARE(record->second.status, CallStatus::Completed);
    QVERIFY(caller->noEvent(std::string(MessageEvent::kEvent), 500));
    QCOMPARE(recordsOf(*caller, call->channelId), 1);
}

// The callee's device drops on node-b and is back, within the grace, on node-c: the call that
// node-a owns goes on; the device hears of the answer it had (the caller's side) as on one node.
void TestServerCluster::aPartyBackOnAThirdNodeCarriesOn()
{
    const std::string a = uniqueName("ed"), b = uniqueName("fay");
    auto [caller, callee, call] = callAcross(a, b);
    QVERIFY(call);

    const std::string token = callee->token();
    callee->abort();
    QVERIFY(caller->waitFor<RoomClientLeave>());
    auto back = std::make_unique<TestClient>(m_nodes[2]->url(), "b-phone");
    QVERIFY(back->open() && back->loginWithToken(b, token).ok());
    QVERIFY(back->request(RoomJoin{call->cid, 0}).ok());
    const auto rejoined = caller->waitFor<RoomClientJoin>();
    QVERIFY(rejoined);
    QCOMPARE(rejoined->account, b);
    QVERIFY(caller->noEvent(std::string(CallHangupEvent::kEvent), 4000));  // past the grace
    QVERIFY(back->request(CallHangup{call->cid}).ok());
    QVERIFY(caller->waitFor<CallHangupEvent>());
    QVERIFY(waitRecord(*back));
    QCOMPARE(recordsOf(*back, call->channelId), 1);
}

// node-a owns the call; node-b, which holds the callee's only device, dies. Once node-a
// notices (2.5 s), the callee has the reconnect grace (3 s) to come back, then the call ends.
void TestServerCluster::aPartyWhoseNodeDiedHasTheReconnectGrace()
{
    const std::string a = uniqueName("ian"), b = uniqueName("joy");
    auto [caller, callee, call] = callAcross(a, b);
    QVERIFY(call);
    QVERIFY(caller->waitFor<RoomClientJoin>());

    m_nodes[1]->kill();
    QVERIFY2(caller->waitFor<RoomClientLeave>(5000), "the owner did not see the callee leave");
    const auto hangup = caller->waitFor<CallHangupEvent>(5000);
    QVERIFY2(hangup, "the call went on after the reconnect grace");
    QCOMPARE(hangup->account, b);
    const auto record = waitRecord(*caller);
    QVERIFY(record);
    QCOMPARE(record->second.status, CallStatus::Completed);
    QCOMPARE(recordsOf(*caller, call->channelId), 1);
    QVERIFY(m_nodes[1]->start(m_nodes[1]->port()));
}

// A call that node-a owns rings the callee's device on node-b; another device of the callee
// signs in on node-c and is rung too, as a device signing in on the call's own node is.
void TestServerCluster::aDeviceSigningInOnAnotherNodeIsRung()
{
    const std::string a = uniqueName("gus"), b = uniqueName("hal");
    auto [caller, phone, call] = ringAcross(a, b);
    QVERIFY(call);

    auto desk = signedIn(2, b, "b-desk");
    QVERIFY(desk);
    const auto incoming = desk->waitFor<CallIncoming>();
    QVERIFY2(incoming, "the device that signed in on node-c was not rung");
    QCOMPARE(incoming->cid, call->cid);
    QCOMPARE(incoming->caller, a);
    QVERIFY(desk->request(CallRespond{call->cid, true, false}).ok());
    QVERIFY(caller->waitFor<CallAccepted>());
    const auto sync = phone->waitFor<CallAckSync>();
    QVERIFY(sync && sync->accepted);
    QVERIFY(desk->request(CallHangup{call->cid}).ok());
    QVERIFY(caller->waitFor<CallHangupEvent>());
}

QTEST_GUILESS_MAIN(TestServerCluster)
#include "tst_server_cluster.moc"
