// CC webhooks (抄送) to a real HTTP receiver on loopback.

#include "call_helpers.h"
#include "http_receiver.h"
#include "server_process.h"

#include <QMessageAuthenticationCode>
#include <set>

using namespace softphone::test;

namespace {

const QByteArray kSecret = "cc-secret-for-tests";

json configFor(const HttpReceiver &receiver)
{
    return json{{"recordGraceSeconds", 1},
                {"webhooks",
                 {{"urls", {"http://127.0.0.1:" + std::to_string(receiver.port()) + "/cc"}},
                  {"secret", kSecret.toStdString()},
                  {"maxBackoffSeconds", 2}}}};
}

bool signedCorrectly(const HttpReceiver::Post &post)
{
    const QByteArray expected =
        "sha256=" +
        QMessageAuthenticationCode::hash(post.body, kSecret, QCryptographicHash::Sha256).toHex();
    return post.headers.value("x-softphone-signature") == expected;
}

}  // namespace

class TestServerWebhooks : public QObject
{
    Q_OBJECT

private slots:
    void messagesAndRoomsAreCopied();
    void failedDeliveriesAreRetried();
    void queueSurvivesARestart();
};

void TestServerWebhooks::messagesAndRoomsAreCopied()
{
    HttpReceiver receiver;
    QVERIFY(receiver.listen());
    ServerProcess server(configFor(receiver));
    QVERIFY(server.start());
    TestClient caller(server.url()), callee(server.url(), "b1", "web");
    QVERIFY(caller.signIn("kai") && callee.signIn("lou"));

    QVERIFY(
        caller.request(SendMessage{"lou", ConvType::Person, MsgType::Text, "hi", "", "t1"}).ok());
    auto posts = receiver.waitForEvent(1);
    QCOMPARE(posts.size(), 1u);
    const json &text = posts[0].json;
    QVERIFY(signedCorrectly(posts[0]));
    QVERIFY(!posts[0].headers.value("x-softphone-event-id").isEmpty());
    QCOMPARE(posts[0].path, QByteArray("/cc"));
    QCOMPARE(text["convType"].get<std::string>(), std::string("PERSON"));
    QCOMPARE(text["fromAccount"].get<std::string>(), std::string("kai"));
    QCOMPARE(text["to"].get<std::string>(), std::string("lou"));
    QCOMPARE(text["msgType"].get<std::string>(), std::string("TEXT"));
    QCOMPARE(text["msgidClient"].get<std::string>(), std::string("t1"));
    QVERIFY(text["msgidServer"].get<std::int64_t>() > 0);
    QVERIFY(text["msgTimestamp"].get<std::int64_t>() > 0);

    const auto call = placeCall(caller, "lou", CallType::Video);
    QVERIFY(call && callee.waitFor<CallIncoming>());
    QVERIFY(callee.request(CallRespond{call->cid, true, false}).ok());
    QVERIFY(caller.request(RoomJoin{call->cid, 0}).ok());
    QVERIFY(callee.request(RoomJoin{call->cid, 0}).ok());
    QTest::qWait(1200);
    QVERIFY(caller.request(CallHangup{call->cid}).ok());

    const auto rooms = receiver.waitForEvent(8);
    QCOMPARE(rooms.size(), 1u);
    const json &room = rooms[0].json;
    QVERIFY(signedCorrectly(rooms[0]));
    QCOMPARE(room["channelId"].get<std::int64_t>(), call->channelId);
    QCOMPARE(room["cid"].get<std::string>(), call->cid);
    QCOMPARE(room["type"].get<int>(), 2);
    QCOMPARE(room["durations"].size(), 2u);
    for (const json &entry : room["durations"]) {
        QVERIFY(entry["duration"].get<int>() >= 1);
        QVERIFY(entry["leaveTime"].get<std::int64_t>() > entry["joinTime"].get<std::int64_t>());
    }

    posts = receiver.waitForEvent(1, 2);
    QCOMPARE(posts.size(), 2u);
    const json &record = posts[1].json;
    QCOMPARE(record["msgType"].get<std::string>(), std::string("NRTC_NETCALL"));
    QCOMPARE(record["fromAccount"].get<std::string>(), std::string("kai"));
    const auto attach = CallRecord::parse(record["attach"].get<std::string>());
    QVERIFY(attach.ok());
    QCOMPARE(attach->status, CallStatus::Completed);
    QCOMPARE(attach->channelId, call->channelId);
    QVERIFY(server.stop());
}

void TestServerWebhooks::failedDeliveriesAreRetried()
{
    HttpReceiver receiver;
    QVERIFY(receiver.listen());
    receiver.failNext(2);
    ServerProcess server(configFor(receiver));
    QVERIFY(server.start());
    TestClient a(server.url()), b(server.url());
    QVERIFY(a.signIn("mia") && b.signIn("noa"));
    QVERIFY(
        a.request(SendMessage{"noa", ConvType::Person, MsgType::Text, "retry me", "", "r1"}).ok());
    const auto posts = receiver.waitForEvent(1, 1, 15000);
    QCOMPARE(posts.size(), 1u);
    QCOMPARE(receiver.refused(), 2);
    QCOMPARE(posts[0].json["msgidClient"].get<std::string>(), std::string("r1"));
    QVERIFY(server.stop());
}

void TestServerWebhooks::queueSurvivesARestart()
{
    HttpReceiver receiver;
    QVERIFY(receiver.listen());
    const quint16 port = receiver.port();
    receiver.close();  // the application server is down
    ServerProcess server(configFor(receiver));
    QVERIFY(server.start());
    {
        TestClient a(server.url()), b(server.url());
        QVERIFY(a.signIn("oli") && b.signIn("pia"));
        for (int i = 0; i < 3; ++i) {
            QVERIFY(
                a.request(SendMessage{"pia", ConvType::Person, MsgType::Text,
                                      "queued " + std::to_string(i), "", "q" + std::to_string(i)})
                    .ok());
        }
    }
    server.kill();
    QVERIFY(receiver.listen(port));  // back up, on the configured address
    QVERIFY(server.start());
    const auto posts = receiver.waitForEvent(1, 3, 20000);
    QCOMPARE(posts.size(), 3u);
    std::set<std::string> ids;
    for (const auto &post : posts)
        ids.insert(post.json["msgidClient"].get<std::string>());
    QCOMPARE(ids, (std::set<std::string>{"q0", "q1", "q2"}));
    QVERIFY(server.stop());
}

QTEST_GUILESS_MAIN(TestServerWebhooks)
#include "tst_server_webhooks.moc"
