// The WebSocket IM client against the real server: login, send queue, reconnect, sync.

#include "im/im_client.h"
#include "server_process.h"
#include "test_client.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace softphone::im;
using namespace softphone::test;
using softphone::protocol::MsgType;

namespace {

const QString kPassword = QStringLiteral("password-123");

}  // namespace

class TestImClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void logsInAndExchangesMessages();
    void wrongPasswordIsFinal();
    void messagesWaitForTheConnection();
    void resendAfterALostAckIsNotDoubled();
    void offlineDeviceCatchesUp();
    void comesBackAfterAServerRestart();
    void pagesThroughTheServersHistory();
    void ourMessagesBecomeDeliveredThenRead();
    void receiptsMissedWhileOfflineComeWithSync();
    void triesTheNextServerInTurn();

private:
    std::unique_ptr<WsImClient> client(const QString &account,
                                       const QString &device = QStringLiteral("d1"));
    bool online(WsImClient &client, int timeoutMs = 10000);
    void createAccount(const std::string &account);

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_stores;
};

void TestImClient::initTestCase()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start());
}

void TestImClient::cleanupTestCase()
{
    QVERIFY(m_server->stop());
}

void TestImClient::createAccount(const std::string &account)
{
    TestClient setup(m_server->url(), "setup");
    QVERIFY(setup.open());
    const auto reply = setup.registerAccount(account, kPassword.toStdString());
    QVERIFY(reply.ok() || reply.code() == int(softphone::protocol::ErrorCode::AccountExists));
}

std::unique_ptr<WsImClient> TestImClient::client(const QString &account, const QString &device)
{
    auto im = std::make_unique<WsImClient>(m_stores.filePath(device));
    im->setBackoff(50, 400);
    Credentials credentials;
    credentials.server = m_server->url();
    credentials.account = account;
    credentials.password = kPassword;
    credentials.deviceId = device;
    credentials.clientType = QStringLiteral("cli");
    im->start(credentials);
    return im;
}

bool TestImClient::online(WsImClient &client, int timeoutMs)
{
    return QTest::qWaitFor([&] { return client.state() == ConnectionState::Online; }, timeoutMs);
}

void TestImClient::logsInAndExchangesMessages()
{
    createAccount("amy");
    createAccount("ben");
    auto amy = client(QStringLiteral("amy"), QStringLiteral("amy-pc"));
    auto ben = client(QStringLiteral("ben"), QStringLiteral("ben-pc"));
    QVERIFY(online(*amy) && online(*ben));
    QVERIFY(!amy->credentials().token.isEmpty());

    QSignalSpy sent(amy.get(), &ImClient::messageSent);
    QSignalSpy received(ben.get(), &ImClient::messageStored);
    const QString id =
        amy->sendMessage(QStringLiteral("ben"), MsgType::Text, QStringLiteral("hi ben"), {});
    QVERIFY(!id.isEmpty());
    QVERIFY(sent.wait(5000) || sent.count() == 1);
    QCOMPARE(sent.first().first().toString(), id);
    QVERIFY(QTest::qWaitFor([&] { return received.count() == 1; }, 5000));
    const auto onBen = ben->store()->page(QStringLiteral("amy"), std::nullopt, 10);
    QCOMPARE(onBen.size(), 1u);
    QCOMPARE(onBen[0].message.body, std::string("hi ben"));
    const auto onAmy = amy->store()->page(QStringLiteral("ben"), std::nullopt, 10);
    QCOMPARE(onAmy.size(), 1u);
    QVERIFY(isOnServer(onAmy[0].delivery));  // and perhaps delivered already
    QVERIFY(onAmy[0].message.msgidServer > 0);
}

void TestImClient::wrongPasswordIsFinal()
{
    createAccount("cat");
    auto im = std::make_unique<WsImClient>(m_stores.filePath(QStringLiteral("cat-wrong")));
    QSignalSpy failed(im.get(), &ImClient::loginFailed);
    Credentials credentials{m_server->url(),
                            QStringLiteral("cat"),
                            QStringLiteral("not it!"),
                            {},
                            QStringLiteral("d9"),
                            QStringLiteral("cli"),
                            {}};
    im->start(credentials);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().first().toInt(), int(softphone::protocol::ErrorCode::BadCredentials));
    QCOMPARE(im->state(), ConnectionState::Offline);
    QTest::qWait(300);
    QCOMPARE(failed.count(), 1);  // no retry loop against a wrong password
}

void TestImClient::messagesWaitForTheConnection()
{
    createAccount("dan");
    createAccount("eve");
    auto dan = client(QStringLiteral("dan"), QStringLiteral("dan-pc"));
    auto eve = client(QStringLiteral("eve"), QStringLiteral("eve-pc"));
    QVERIFY(online(*dan) && online(*eve));
    dan->dropConnection();
    QVERIFY(dan->state() != ConnectionState::Online ||
            QTest::qWaitFor([&] { return dan->state() != ConnectionState::Online; }, 2000));
    const QString id =
        dan->sendMessage(QStringLiteral("eve"), MsgType::Text, QStringLiteral("queued"), {});
    QCOMPARE(dan->store()->pendingOutgoing().size(), 1u);
    QVERIFY(online(*dan));
    QVERIFY(QTest::qWaitFor([&] { return dan->store()->pendingOutgoing().empty(); }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return eve->store()->count(QStringLiteral("dan")) == 1; }, 5000));
    QVERIFY(dan->reconnectAttempts() == 0);
}

void TestImClient::resendAfterALostAckIsNotDoubled()
{
    createAccount("fay");
    createAccount("gus");
    auto fay = client(QStringLiteral("fay"), QStringLiteral("fay-pc"));
    auto gus = client(QStringLiteral("gus"), QStringLiteral("gus-pc"));
    QVERIFY(online(*fay) && online(*gus));
    for (int i = 0; i < 5; ++i) {
        fay->sendMessage(QStringLiteral("gus"), MsgType::Text, QStringLiteral("m%1").arg(i), {});
        fay->dropConnection();  // the frame may or may not have reached the server
        QVERIFY(online(*fay));
    }
    QVERIFY(QTest::qWaitFor([&] { return fay->store()->pendingOutgoing().empty(); }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return gus->store()->count(QStringLiteral("fay")) == 5; }, 5000));
    TestClient check(m_server->url(), "check");
    QVERIFY(check.signIn("gus", kPassword.toStdString()));
    const auto history = check.request(softphone::protocol::History{"fay", std::nullopt, 50});
    QVERIFY(history.ok());
    QCOMPARE((*history.result)["messages"].size(), 5u);  // each exactly once on the server
}

void TestImClient::offlineDeviceCatchesUp()
{
    createAccount("hal");
    createAccount("ivy");
    auto hal = client(QStringLiteral("hal"), QStringLiteral("hal-pc"));
    QVERIFY(online(*hal));
    for (int i = 0; i < 450; ++i)  // more than two sync pages
        hal->sendMessage(QStringLiteral("ivy"), MsgType::Text, QStringLiteral("n%1").arg(i), {});
    QVERIFY(QTest::qWaitFor([&] { return hal->store()->pendingOutgoing().empty(); }, 20000));
    auto ivy = client(QStringLiteral("ivy"), QStringLiteral("ivy-pc"));
    QVERIFY(online(*ivy, 20000));
    QCOMPARE(ivy->store()->count(QStringLiteral("hal")), 450);
    QVERIFY(ivy->store()->syncCursor() > 0);
    const auto conversations = ivy->store()->conversations();
    QCOMPARE(conversations.front().unread, 450);
}

void TestImClient::comesBackAfterAServerRestart()
{
    createAccount("jon");
    createAccount("kim");
    auto jon = client(QStringLiteral("jon"), QStringLiteral("jon-pc"));
    auto kim = client(QStringLiteral("kim"), QStringLiteral("kim-pc"));
    QVERIFY(online(*jon) && online(*kim));
    const quint16 port = m_server->port();
    QVERIFY(m_server->stop());
    QVERIFY(QTest::qWaitFor([&] { return jon->state() == ConnectionState::Waiting; }, 5000));
    jon->sendMessage(QStringLiteral("kim"), MsgType::Text, QStringLiteral("while you were away"),
                     {});
    QVERIFY(m_server->start(port));
    QVERIFY(online(*jon, 15000) && online(*kim, 15000));
    QVERIFY(
        QTest::qWaitFor([&] { return kim->store()->count(QStringLiteral("jon")) == 1; }, 10000));
}

void TestImClient::pagesThroughTheServersHistory()
{
    createAccount("hugo");
    createAccount("iris");
    auto hugo = client(QStringLiteral("hugo"), QStringLiteral("hugo-pc"));
    QVERIFY(online(*hugo));
    for (int i = 1; i <= 5; ++i)
        hugo->sendMessage(QStringLiteral("iris"), MsgType::Text, QStringLiteral("n%1").arg(i), {});
    QVERIFY(QTest::qWaitFor([&] { return hugo->store()->pendingOutgoing().empty(); }, 5000));

    auto iris = client(QStringLiteral("iris"), QStringLiteral("iris-pc"));
    QVERIFY(online(*iris));
    std::vector<std::string> bodies;
    std::int64_t before = 0;
    bool more = true;
    int pages = 0;
    while (more && pages < 5) {
        bool answered = false;
        iris->fetchHistory(QStringLiteral("hugo"), before, 2,
                           [&](std::optional<softphone::protocol::HistoryPage> page,
                               const softphone::protocol::ErrorBody &error) {
                               answered = true;
                               QVERIFY2(page, error.message.c_str());
                               QVERIFY(!page->messages.empty());
                               for (auto it = page->messages.rbegin(); it != page->messages.rend();
                                    ++it)
                                   bodies.push_back(it->body);
                               before = page->messages.front().msgidServer;
                               more = page->hasMore;
                           });
        QVERIFY(QTest::qWaitFor([&] { return answered; }, 5000));
        ++pages;
    }
    QCOMPARE(pages, 3);  // 2 + 2 + 1
    QCOMPARE(bodies, (std::vector<std::string>{"n5", "n4", "n3", "n2", "n1"}));
}

QTEST_GUILESS_MAIN(TestImClient)
#include "tst_im_client.moc"

namespace {

DeliveryState stateOf(WsImClient &client, const QString &msgidClient)
{
    const auto own = client.store()->findOwn(msgidClient.toStdString());
    return own ? own->delivery : DeliveryState::Failed;
}

}  // namespace

void TestImClient::ourMessagesBecomeDeliveredThenRead()
{
    createAccount("kim");
    createAccount("lou");
    auto kim = client(QStringLiteral("kim"), QStringLiteral("kim-pc"));
    auto lou = client(QStringLiteral("lou"), QStringLiteral("lou-pc"));
    auto louPhone = client(QStringLiteral("lou"), QStringLiteral("lou-phone"));
    QVERIFY(online(*kim) && online(*lou) && online(*louPhone));
    QSignalSpy changed(kim.get(), &ImClient::deliveryChanged);
    const QString kimPeer = QStringLiteral("kim"), louPeer = QStringLiteral("lou");

    // Lou's devices store it and say so, unasked: delivered.
    const QString id = kim->sendMessage(louPeer, MsgType::Text, QStringLiteral("lunch?"), {});
    QVERIFY(QTest::qWaitFor([&] { return stateOf(*kim, id) == DeliveryState::Delivered; }, 5000));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().first().toString(), louPeer);
    const auto unreadOnPhone = [&] {
        const auto conversation = louPhone->store()->conversation(kimPeer);
        return conversation ? conversation->unread : -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(unreadOnPhone(), 1, 5000);

    // Lou reads it on the desktop: Kim sees it read, Lou's phone no longer counts it unread.
    QSignalSpy readElsewhere(louPhone.get(), &ImClient::readElsewhere);
    QTRY_VERIFY_WITH_TIMEOUT(lou->store()->lastIncoming(kimPeer) > 0, 5000);
    lou->store()->markRead(kimPeer);
    lou->markRead(kimPeer);
    QVERIFY(QTest::qWaitFor([&] { return stateOf(*kim, id) == DeliveryState::Read; }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return !readElsewhere.isEmpty(); }, 5000));
    QCOMPARE(unreadOnPhone(), 0);

    // A later message is delivered, not read: marks belong to messages, not conversations.
    const QString next = kim->sendMessage(louPeer, MsgType::Text, QStringLiteral("1pm?"), {});
    QVERIFY(QTest::qWaitFor([&] { return stateOf(*kim, next) == DeliveryState::Delivered; }, 5000));
    QCOMPARE(stateOf(*kim, id), DeliveryState::Read);
}

void TestImClient::receiptsMissedWhileOfflineComeWithSync()
{
    createAccount("max");
    createAccount("ned");
    auto ned = client(QStringLiteral("ned"), QStringLiteral("ned-pc"));
    QVERIFY(online(*ned));
    QString id;
    {
        auto max = client(QStringLiteral("max"), QStringLiteral("max-pc"));
        QVERIFY(online(*max));
        id = max->sendMessage(QStringLiteral("ned"), MsgType::Text, QStringLiteral("ping"), {});
        QVERIFY(
            QTest::qWaitFor([&] { return stateOf(*max, id) == DeliveryState::Delivered; }, 5000));
        max->stop();
    }
    ned->store()->markRead(QStringLiteral("max"));
    ned->markRead(QStringLiteral("max"));
    QTest::qWait(300);  // the read mark reaches the server while Max is away

    auto max = client(QStringLiteral("max"), QStringLiteral("max-pc"));
    QVERIFY(online(*max));
    QVERIFY(QTest::qWaitFor([&] { return stateOf(*max, id) == DeliveryState::Read; }, 5000));
}

// A server that cannot be reached may be one node of several: the client goes on to the next.
void TestImClient::triesTheNextServerInTurn()
{
    createAccount("lea");
    QTcpServer closed;  // a port that nothing listens on once this probe is closed
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const QUrl nowhere(QStringLiteral("ws://127.0.0.1:%1").arg(closed.serverPort()));
    closed.close();

    WsImClient lea(m_stores.filePath(QStringLiteral("lea-pc")));
    lea.setBackoff(50, 400);
    Credentials credentials;
    credentials.server = nowhere;
    credentials.moreServers = {m_server->url()};
    credentials.account = QStringLiteral("lea");
    credentials.password = kPassword;
    credentials.deviceId = QStringLiteral("lea-pc");
    lea.start(credentials);
    QVERIFY(online(lea));
}
