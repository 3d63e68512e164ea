// Call records: who may send which, the server's fallback, records off, and restarts. The
// cases that wait out a grace run the server in this process on a manual clock; those that
// crash or restart it run the real process, one of them in real time from call to record.

#include "call_helpers.h"
#include "clocked_server.h"
#include "server_process.h"

using namespace softphone::test;

namespace {

const json kFastTimers = {
    {"ringTimeoutSeconds", 30}, {"recordGraceSeconds", 1}, {"reconnectGraceSeconds", 1}};
constexpr int kRecordGraceMs = 10'000;  // on the manual clock

// Every record of the conversation, as the given client sees it in the server's history.
std::vector<CallRecord> recordsInHistory(TestClient &client, const std::string &peer)
{
    std::vector<CallRecord> records;
    const auto reply = client.request(History{peer, std::nullopt, 500});
    if (!reply.ok())
        return records;
    const auto page = fromJson<HistoryPage>(*reply.result);
    if (!page)
        return records;
    for (const Message &message : page->messages) {
        if (message.msgType == MsgType::CallRecord)
            records.push_back(*CallRecord::parse(message.attach));
    }
    return records;
}

}  // namespace

class TestServerRecords : public QObject
{
    Q_OBJECT

private slots:
    void forgedRecordsAreRefused();
    void callerCrashAfterDeclineFallsBack();
    void recordsSwitchedOff();
    void restartLosesNothing();
    void crashMidCallStillRecordsIt();
    void crashBeforeTheCallerRecordedStillRecordsIt();
    void stopEndsCallsWithTheirRecords();
};

void TestServerRecords::forgedRecordsAreRefused()
{
    ServerProcess server(kFastTimers);
    QVERIFY(server.start());
    TestClient caller(server.url()), callee(server.url()), third(server.url());
    QVERIFY(caller.signIn("rita") && callee.signIn("sam") && third.signIn("tess"));
    const auto call = placeCall(caller, "sam");
    QVERIFY(call && callee.waitFor<CallIncoming>());

    QCOMPARE(sendRecord(caller, "sam", call->channelId, CallStatus::Canceled).code(),
             int(ErrorCode::RecordMismatch));  // not ended yet
    QVERIFY(callee.request(CallRespond{call->cid, false, false}).ok());
    QVERIFY(caller.waitFor<CallRejected>());

    QCOMPARE(sendRecord(callee, "rita", call->channelId, CallStatus::Rejected).code(),
             int(ErrorCode::RecordForbidden));  // the callee
    QCOMPARE(sendRecord(third, "sam", call->channelId, CallStatus::Rejected).code(),
             int(ErrorCode::RecordForbidden));  // a stranger
    QCOMPARE(
        sendRecord(caller, "sam", call->channelId, CallStatus::Completed, CallType::Audio, "f1")
            .code(),
        int(ErrorCode::RecordForbidden));  // status 1 is the server's
    QCOMPARE(
        sendRecord(caller, "tess", call->channelId, CallStatus::Rejected, CallType::Audio, "f2")
            .code(),
        int(ErrorCode::RecordMismatch));  // another conversation
    QCOMPARE(sendRecord(caller, "sam", 999999, CallStatus::Rejected, CallType::Audio, "f3").code(),
             int(ErrorCode::NoSuchCall));
    const auto malformed =
        caller.request(SendMessage{"sam", ConvType::Person, MsgType::CallRecord, "",
                                   R"({"type":1,"channelId":1,"status":9})", "f4"});
    QCOMPARE(malformed.code(), int(ErrorCode::InvalidRecord));

    QVERIFY(sendRecord(caller, "sam", call->channelId, CallStatus::Rejected).ok());
    QCOMPARE(sendRecord(caller, "sam", call->channelId, CallStatus::Rejected, CallType::Audio, "f5")
                 .code(),
             int(ErrorCode::RecordDuplicate));
    // The same message sent again is the same message: acknowledged, not duplicated.
    QVERIFY(sendRecord(caller, "sam", call->channelId, CallStatus::Rejected).ok());
    QCOMPARE(recordsInHistory(callee, "rita").size(), 1u);
    QVERIFY(server.stop());
}

void TestServerRecords::callerCrashAfterDeclineFallsBack()
{
    ClockedServer server;
    server.config().recordGraceSeconds = kRecordGraceMs / 1000;
    QCOMPARE(server.start(), QString());
    auto caller = std::make_unique<TestClient>(server.url());
    TestClient callee(server.url());
    QVERIFY(caller->signIn("uma") && callee.signIn("vic"));
    const auto call = placeCall(*caller, "vic", CallType::Video);
    QVERIFY(call && callee.waitFor<CallIncoming>());
    QVERIFY(callee.request(CallRespond{call->cid, false, false}).ok());
    caller->abort();  // crashes before it could send record 3
    QVERIFY(server.waitForConnections(1));
    server.clock().advance(kRecordGraceMs - 1);
    QVERIFY(settle(callee));
    QCOMPARE(callee.countEvents(std::string(MessageEvent::kEvent)), 0u);
    server.clock().advance(1);
    const auto record = waitRecord(callee);
    QVERIFY(record);
    QCOMPARE(record->first.from, std::string("uma"));
    QCOMPARE(record->first.fromClientType, std::string("server"));
    QCOMPARE(record->second.status, CallStatus::Rejected);
    QCOMPARE(record->second.type, CallType::Video);
    QCOMPARE(record->second.channelId, call->channelId);
}

void TestServerRecords::recordsSwitchedOff()
{
    ClockedServer server;
    server.config().callRecords = false;
    server.config().recordGraceSeconds = kRecordGraceMs / 1000;
    QCOMPARE(server.start(), QString());
    TestClient caller(server.url()), callee(server.url());
    QVERIFY(caller.signIn("yul") && callee.signIn("zed"));
    TestClient probe(server.url(), "probe");
    QVERIFY(probe.open());
    const auto login = probe.login("yul", "password-123");
    QVERIFY(login.ok());
    QCOMPARE((*login.result)["callRecords"].get<bool>(), false);
    const auto call = connectedCall(caller, callee);
    QVERIFY(call);
    QVERIFY(caller.request(CallHangup{call->cid}).ok());
    QVERIFY(callee.waitFor<CallHangupEvent>());
    server.clock().advance(kRecordGraceMs);
    QVERIFY(settle(callee));  // past the grace: nothing from the server
    QCOMPARE(callee.countEvents(std::string(MessageEvent::kEvent)), 0u);
    QCOMPARE(sendRecord(caller, "zed", call->channelId, CallStatus::Canceled).code(),
             int(ErrorCode::RecordForbidden));
    // The application's own record, as a custom message.
    QVERIFY(caller
                .request(SendMessage{"zed", ConvType::Person, MsgType::Custom, "",
                                     R"({"type":1,"data":{"seconds":3}})", "custom-1"})
                .ok());
    QVERIFY(callee.waitFor<MessageEvent>());
    QVERIFY(recordsInHistory(callee, "yul").empty());
}

void TestServerRecords::restartLosesNothing()
{
    ServerProcess server(kFastTimers);
    QVERIFY(server.start());
    std::string token;
    {
        TestClient a(server.url(), "a1"), b(server.url(), "b1");
        QVERIFY(a.signIn("amy") && b.signIn("bob"));
        for (int i = 0; i < 10; ++i) {
            QVERIFY(a.request(SendMessage{"bob", ConvType::Person, MsgType::Text,
                                          "m" + std::to_string(i), "", "id" + std::to_string(i)})
                        .ok());
        }
        token = b.token();
    }
    QVERIFY(server.restart());
    TestClient b(server.url(), "b1");
    QVERIFY(b.open());
    QVERIFY(b.loginWithToken("bob", token).ok());
    const auto history = b.request(History{"amy", std::nullopt, 50});
    QVERIFY(history.ok());
    QCOMPARE((*history.result)["messages"].size(), 10u);
    // New ids continue after the old ones.
    TestClient a(server.url(), "a1");
    QVERIFY(a.signIn("amy"));
    const auto ack =
        a.request(SendMessage{"bob", ConvType::Person, MsgType::Text, "after", "", "id-after"});
    QVERIFY(ack.ok());
    QVERIFY((*ack.result)["msgidServer"].get<std::int64_t>() >
            (*history.result)["messages"].back()["msgidServer"].get<std::int64_t>());
    QVERIFY(server.stop());
}

void TestServerRecords::crashMidCallStillRecordsIt()
{
    ServerProcess server(kFastTimers);
    QVERIFY(server.start());
    std::optional<PlacedCall> call;
    {
        TestClient caller(server.url(), "a1"), callee(server.url(), "b1");
        QVERIFY(caller.signIn("cleo") && callee.signIn("dino"));
        call = connectedCall(caller, callee);
        QVERIFY(call);
        QTest::qWait(1500);
        server.kill();
    }
    QVERIFY(server.start());
    TestClient callee(server.url(), "b1");
    QVERIFY(callee.signIn("dino"));
    QVERIFY(waitRecord(callee));  // the call resumed; nobody came back into it within the grace
    const auto records = recordsInHistory(callee, "cleo");
    QCOMPARE(records.size(), 1u);
    QCOMPARE(records[0].status, CallStatus::Completed);
    QCOMPARE(records[0].channelId, call->channelId);
    QVERIFY(*records[0].durationOf("cleo") >= 1);
    QVERIFY(server.stop());
}

void TestServerRecords::crashBeforeTheCallerRecordedStillRecordsIt()
{
    if (ServerProcess::clusterSize() > 1)
        QSKIP("a cluster's nodes started again ring on for the ring time left (docs/cluster.md, "
              "\"A node that starts again\"), where one server ends its rings at once");
    json config = kFastTimers;
    config["recordGraceSeconds"] = 30;  // the crash comes first
    ServerProcess server(config);
    QVERIFY(server.start());
    std::optional<PlacedCall> ringing, declined;
    {
        TestClient caller(server.url(), "a1"), callee(server.url(), "b1"), other(server.url());
        QVERIFY(caller.signIn("eve") && callee.signIn("fox") && other.signIn("gia"));
        declined = placeCall(caller, "fox");
        QVERIFY(declined && callee.waitFor<CallIncoming>());
        QVERIFY(callee.request(CallRespond{declined->cid, false, false}).ok());
        QVERIFY(caller.waitFor<CallRejected>());
        ringing = placeCall(other, "eve");
        QVERIFY(ringing && caller.waitFor<CallIncoming>());
        server.kill();
    }
    QVERIFY(server.start());
    TestClient fox(server.url(), "b1"), eve(server.url(), "a1");
    QVERIFY(fox.signIn("fox") && eve.signIn("eve"));
    const auto declinedRecords = recordsInHistory(fox, "eve");
    QCOMPARE(declinedRecords.size(), 1u);
    QCOMPARE(declinedRecords[0].status, CallStatus::Rejected);
    const auto ringingRecords = recordsInHistory(eve, "gia");
    QCOMPARE(ringingRecords.size(), 1u);
    QCOMPARE(ringingRecords[0].status, CallStatus::Canceled);
    QCOMPARE(ringingRecords[0].channelId, ringing->channelId);
    QVERIFY(server.stop());
}

void TestServerRecords::stopEndsCallsWithTheirRecords()
{
    if (ServerProcess::clusterSize() > 1)
        QSKIP("a cluster's nodes stop one after another: a party's node may be gone before the "
              "call's node ends the call (a node's stop is tst_server_cluster's)");
    ServerProcess server(kFastTimers);
    QVERIFY(server.start());
    TestClient caller(server.url(), "a1"), callee(server.url(), "b1");
    QVERIFY(caller.signIn("hal") && callee.signIn("ian"));
    const auto call = connectedCall(caller, callee);
    QVERIFY(call);
    QVERIFY(server.stop());
    QVERIFY(callee.waitFor<CallHangupEvent>(2000));
    const auto record = waitRecord(callee, 2000);
    QVERIFY2(record, "no record before the server went away");
    QCOMPARE(record->second.status, CallStatus::Completed);
}

QTEST_GUILESS_MAIN(TestServerRecords)
#include "tst_server_records.moc"
