// Messaging, sync, history and hostile input against the real server process.

#include "server_process.h"
#include "test_client.h"

#include <QTest>

using namespace softphone::test;
using namespace softphone::protocol;

namespace {

SendMessage text(const std::string &to, const std::string &body, const std::string &id)
{
    return SendMessage{to, ConvType::Person, MsgType::Text, body, "", id};
}

}  // namespace

class TestServerMessaging : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void deliveredToEveryDevice();
    void senderIsStampedByTheServer();
    void resendIsIdempotent();
    void unknownRecipientIsRefused();
    void offlineDeviceCatchesUpWithSync();
    void historyPagesBackwards();
    void badFramesGetErrorsAndTheConnectionCarriesOn();
    void rateLimitTouchesOnlyTheNoisyConnection();

private:
    std::unique_ptr<ServerProcess> m_server;
};

void TestServerMessaging::initTestCase()
{
    m_server = std::make_unique<ServerProcess>(
        json{{"rateLimitPerSecond", 20}, {"rateLimitBurst", 40}, {"maxFrameBytes", 65536}});
    QVERIFY(m_server->start());
}

void TestServerMessaging::cleanupTestCase()
{
    QVERIFY(m_server->stop());
}

void TestServerMessaging::deliveredToEveryDevice()
{
    TestClient alice1(m_server->url(), "a1"), alice2(m_server->url(), "a2", "web");
    TestClient bob1(m_server->url(), "b1"), bob2(m_server->url(), "b2", "cli");
    QVERIFY(alice1.signIn("alice") && alice2.signIn("alice"));
    QVERIFY(bob1.signIn("bob") && bob2.signIn("bob"));

    const auto ack = alice1.request(text("bob", "hello", "m-1"));
    QVERIFY2(ack.ok(), ack.message().c_str());
    const auto sent = fromJson<SendAck>(*ack.result);
    QVERIFY(sent.ok());
    QVERIFY(sent->msgidServer > 0);
    QVERIFY(sent->msgTimestamp > 0);

    for (TestClient *device : {&bob1, &bob2, &alice2}) {
        const auto event = device->waitFor<MessageEvent>();
        QVERIFY(event);
        QCOMPARE(event->message.from, std::string("alice"));
        QCOMPARE(event->message.to, std::string("bob"));
        QCOMPARE(event->message.body, std::string("hello"));
        QCOMPARE(event->message.msgidServer, sent->msgidServer);
        QCOMPARE(event->message.fromClientType, std::string("desktop"));
    }
    QVERIFY(alice1.noEvent("msg.new", 200));
}

void TestServerMessaging::senderIsStampedByTheServer()
{
    TestClient mallory(m_server->url(), "m1"), bob(m_server->url(), "b9");
    QVERIFY(mallory.signIn("mallory") && bob.signIn("bob"));
    json params = toJson(text("bob", "I am alice", "forged-1"));
    params["from"] = "alice";
    QVERIFY(mallory.call("msg.send", params).ok());
    const auto event = bob.waitFor<MessageEvent>();
    QVERIFY(event);
    QCOMPARE(event->message.from, std::string("mallory"));
}

void TestServerMessaging::resendIsIdempotent()
{
    TestClient carl(m_server->url(), "c1"), dora(m_server->url(), "d1");
    QVERIFY(carl.signIn("carl") && dora.signIn("dora"));
    const auto first = carl.request(text("dora", "once", "same-id"));
    const auto second = carl.request(text("dora", "once", "same-id"));
    QVERIFY(first.ok() && second.ok());
    QVERIFY(*first.result == *second.result);
    QVERIFY(dora.waitFor<MessageEvent>());
    QVERIFY(dora.noEvent("msg.new", 300));

    const auto conflict = carl.request(text("dora", "something else", "same-id"));
    QCOMPARE(conflict.code(), int(ErrorCode::MessageConflict));

    const auto history = carl.request(History{"dora", std::nullopt, 50});
    QVERIFY(history.ok());
    QCOMPARE((*history.result)["messages"].size(), 1u);
}

void TestServerMessaging::unknownRecipientIsRefused()
{
    TestClient carl(m_server->url(), "c2");
    QVERIFY(carl.signIn("carl"));
    QCOMPARE(carl.request(text("ghost", "boo", "g-1")).code(), int(ErrorCode::NoSuchAccount));
    const auto bad = carl.call(
        "msg.send", {{"to", "dora"}, {"msgType", "TEXT"}, {"body", 5}, {"msgidClient", "x"}});
    QCOMPARE(bad.code(), int(ErrorCode::InvalidParams));
    QVERIFY2(bad.message().find("params.body") != std::string::npos, bad.message().c_str());
}

void TestServerMessaging::offlineDeviceCatchesUpWithSync()
{
    TestClient erin(m_server->url(), "e1");
    QVERIFY(erin.signIn("erin"));
    erin.close();
    TestClient fred(m_server->url(), "f1");
    QVERIFY(fred.signIn("fred"));
    for (int i = 0; i < 5; ++i)
        QVERIFY(
            fred.request(text("erin", "note " + std::to_string(i), "n-" + std::to_string(i))).ok());

    TestClient erinLater(m_server->url(), "e1");
    QVERIFY(erinLater.signIn("erin"));
    std::vector<Message> received;
    std::int64_t cursor = 0;
    for (bool more = true; more;) {
        const auto page = erinLater.request(Sync{cursor, 2});
        QVERIFY(page.ok());
        const auto decoded = fromJson<SyncPage>(*page.result);
        QVERIFY(decoded.ok());
        received.insert(received.end(), decoded->messages.begin(), decoded->messages.end());
        QVERIFY(decoded->cursor >= cursor);
        cursor = decoded->cursor;
        more = decoded->hasMore;
    }
    std::vector<std::string> bodies;
    for (const auto &m : received) {
        if (m.from == "fred")
            bodies.push_back(m.body);
    }
    QCOMPARE(bodies, (std::vector<std::string>{"note 0", "note 1", "note 2", "note 3", "note 4"}));
}

void TestServerMessaging::historyPagesBackwards()
{
    TestClient gus(m_server->url(), "g1"), hal(m_server->url(), "h1");
    QVERIFY(gus.signIn("gus") && hal.signIn("hal"));
    for (int i = 0; i < 25; ++i)
        QVERIFY(gus.request(text("hal", std::to_string(i), "h-" + std::to_string(i))).ok());
    std::vector<std::string> all;
    std::optional<std::int64_t> before;
    int pages = 0;
    for (bool more = true; more; ++pages) {
        const auto reply = hal.request(History{"gus", before, 10});
        QVERIFY(reply.ok());
        const auto page = fromJson<HistoryPage>(*reply.result);
        QVERIFY(page.ok());
        QVERIFY(!page->messages.empty());
        std::vector<std::string> bodies;
        for (const auto &m : page->messages)
            bodies.push_back(m.body);
        all.insert(all.begin(), bodies.begin(), bodies.end());
        before = page->messages.front().msgidServer;
        more = page->hasMore;
    }
    QCOMPARE(pages, 3);
    QCOMPARE(all.size(), 25u);
    QCOMPARE(all.front(), std::string("0"));
    QCOMPARE(all.back(), std::string("24"));
}

void TestServerMessaging::badFramesGetErrorsAndTheConnectionCarriesOn()
{
    TestClient ivy(m_server->url(), "i1");
    QVERIFY(ivy.signIn("ivy"));
    const auto notJson = ivy.sendRaw(QStringLiteral("{this is not json"));
    QCOMPARE(notJson.code(), int(ErrorCode::BadFrame));
    const auto noId = ivy.sendRaw(QStringLiteral(R"({"method":"ping"})"));
    QCOMPARE(noId.code(), int(ErrorCode::BadFrame));
    const auto tooBig = ivy.sendRaw(QStringLiteral(R"({"id":1,"method":"ping","params":{"x":")") +
                                    QString(70000, QLatin1Char('a')) + QStringLiteral("\"}}"));
    QCOMPARE(tooBig.code(), int(ErrorCode::FrameTooLarge));
    ivy.sendBinary(QByteArray(16, '\0'));
    const auto binary = ivy.nextResponse();
    QCOMPARE(binary.code(), int(ErrorCode::BadFrame));
    QVERIFY(ivy.isOpen());
    QVERIFY(ivy.call("ping", json::object()).ok());
}

void TestServerMessaging::rateLimitTouchesOnlyTheNoisyConnection()
{
    TestClient noisy(m_server->url(), "n1"), quiet(m_server->url(), "q1");
    QVERIFY(noisy.signIn("noisy") && quiet.signIn("quiet"));
    int limited = 0;
    for (int i = 0; i < 120; ++i) {
        if (noisy.call("ping", json::object()).code() == int(ErrorCode::RateLimited))
            ++limited;
    }
    QVERIFY2(limited > 0, "a burst of 120 requests was never limited");
    QVERIFY(noisy.isOpen());
    QVERIFY(quiet.call("ping", json::object()).ok());
}

QTEST_GUILESS_MAIN(TestServerMessaging)
#include "tst_server_messaging.moc"
