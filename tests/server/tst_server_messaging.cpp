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
    void receiptsTellTheSenderDeliveredThenRead();
    void receiptsMarkOnlyRealMessagesAndOnlyForward();
    void receiptsSurviveARestartAndComeWithSync();

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

namespace {

std::int64_t sendText(TestClient &from, const std::string &to, const std::string &body,
                      const std::string &id)
{
    const auto ack = from.request(text(to, body, id));
    if (!ack.ok())
        return 0;
    const auto sent = fromJson<SendAck>(*ack.result);
    return sent ? sent->msgidServer : 0;
}

std::optional<Receipt> mark(TestClient &reader, const std::string &peer, std::int64_t delivered,
                            std::int64_t read)
{
    const auto reply = reader.request(MarkReceipt{peer, delivered, read});
    if (!reply.ok())
        return std::nullopt;
    auto receipt = fromJson<Receipt>(*reply.result);
    return receipt ? std::optional(*receipt) : std::nullopt;
}

}  // namespace

void TestServerMessaging::receiptsTellTheSenderDeliveredThenRead()
{
    TestClient ruth1(m_server->url(), "r1"), ruth2(m_server->url(), "r2", "web");
    TestClient sam1(m_server->url(), "s1"), sam2(m_server->url(), "s2", "cli");
    QVERIFY(ruth1.signIn("ruth") && ruth2.signIn("ruth"));
    QVERIFY(sam1.signIn("sam") && sam2.signIn("sam"));
    const std::int64_t first = sendText(ruth1, "sam", "one", "rc-1");
    const std::int64_t second = sendText(ruth1, "sam", "two", "rc-2");
    QVERIFY(first > 0 && second > first);

    // Sam's device has both: Ruth's devices and Sam's other device are told.
    const auto delivered = mark(sam1, "ruth", second, 0);
    QVERIFY(delivered);
    QCOMPARE(*delivered, (Receipt{"ruth", "sam", second, 0}));
    for (TestClient *device : {&ruth1, &ruth2, &sam2}) {
        const auto event = device->waitFor<ReceiptEvent>();
        QVERIFY(event);
        QCOMPARE(event->receipt, (Receipt{"ruth", "sam", second, 0}));
    }
    QVERIFY(sam1.noEvent("msg.receipt", 200));

    // Sam reads the first: reading delivers too, and the marks only say what is new.
    const auto read = mark(sam2, "ruth", 0, first);
    QVERIFY(read);
    QCOMPARE(*read, (Receipt{"ruth", "sam", second, first}));
    const auto event = ruth1.waitFor<ReceiptEvent>();
    QVERIFY(event);
    QCOMPARE(event->receipt.read, first);

    // The same marks again change nothing and tell no one.
    ruth1.clearEvents();
    QCOMPARE(mark(sam1, "ruth", second, first),
             std::optional(Receipt{"ruth", "sam", second, first}));
    QVERIFY(ruth1.noEvent("msg.receipt", 200));
}

void TestServerMessaging::receiptsMarkOnlyRealMessagesAndOnlyForward()
{
    TestClient tom(m_server->url(), "t1"), uma(m_server->url(), "u1"), vic(m_server->url(), "v1");
    QVERIFY(tom.signIn("tom") && uma.signIn("uma") && vic.signIn("vic"));
    const std::int64_t toUma = sendText(tom, "uma", "hi uma", "rm-1");
    const std::int64_t toVic = sendText(tom, "vic", "hi vic", "rm-2");
    QVERIFY(toUma > 0 && toVic > toUma);

    // A mark beyond Tom's messages to Uma lands on the last one there is, never on a
    // message Tom sent someone else, nor on one still to come.
    QCOMPARE(mark(uma, "tom", toVic + 1000, toVic + 1000),
             std::optional(Receipt{"tom", "uma", toUma, toUma}));
    const std::int64_t later = sendText(tom, "uma", "still unread", "rm-3");
    QVERIFY(later > toVic);
    QCOMPARE(mark(uma, "tom", 0, 0), std::optional(Receipt{"tom", "uma", toUma, toUma}));
    // Backwards is ignored.
    QCOMPARE(mark(uma, "tom", 1, 1), std::optional(Receipt{"tom", "uma", toUma, toUma}));
    // Nobody's messages: nothing to mark.
    QCOMPARE(mark(vic, "uma", toVic, toVic), std::optional(Receipt{"uma", "vic", 0, 0}));
}

void TestServerMessaging::receiptsSurviveARestartAndComeWithSync()
{
    std::int64_t sent = 0;
    {
        TestClient wes(m_server->url(), "w1"), xia(m_server->url(), "x1");
        QVERIFY(wes.signIn("wes") && xia.signIn("xia"));
        sent = sendText(wes, "xia", "are you there?", "rs-1");
        QVERIFY(sent > 0);
        QVERIFY(mark(xia, "wes", sent, sent));
        // Acknowledged means stored: a crash right after loses nothing.
        m_server->kill();
    }
    QVERIFY(m_server->start(m_server->port()));
    TestClient wes(m_server->url(), "w2"), xia(m_server->url(), "x2");
    QVERIFY(wes.signIn("wes") && xia.signIn("xia"));
    for (TestClient *device : {&wes, &xia}) {
        const auto reply = device->request(Sync{0, 200});
        QVERIFY2(reply.ok(), reply.message().c_str());
        const auto page = fromJson<SyncPage>(*reply.result);
        QVERIFY(page.ok());
        QVERIFY(!page->hasMore);
        QCOMPARE(page->receipts.size(), std::size_t(1));
        QCOMPARE(page->receipts.front(), (Receipt{"wes", "xia", sent, sent}));
    }
}
