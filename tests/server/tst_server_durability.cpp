// Durability: what the server acknowledges survives a SIGKILL that follows at once.
//
// The server runs with a long group-commit interval, so a write it acknowledged before its
// commit would certainly be lost by the crash that follows the acknowledgement.

#include "call_helpers.h"
#include "protocol/close_code.h"
#include "server_process.h"

using namespace softphone::test;

namespace {

const json kSlowCommits = {{"commitIntervalMs", 250},
                           {"ringTimeoutSeconds", 30},
                           {"recordGraceSeconds", 30},
                           {"reconnectGraceSeconds", 1}};

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

// A login as a restarted client sends it: `inCall` names the call it still holds ("" none).
TestClient::Reply loginHolding(TestClient &client, const std::string &account,
                               const std::string &inCall)
{
    return client.call("login", {{"protocol", 1},
                                 {"account", account},
                                 {"password", "password-123"},
                                 {"clientType", "desktop"},
                                 {"deviceId", client.deviceId()},
                                 {"inCall", inCall}});
}

std::vector<Message> syncAll(TestClient &client)
{
    const auto reply = client.request(Sync{0, 500});
    if (!reply.ok())
        return {};
    const auto page = fromJson<SyncPage>(*reply.result);
    return page ? page->messages : std::vector<Message>{};
}

bool contains(const std::vector<Message> &messages, const std::string &msgidClient)
{
    return std::any_of(messages.begin(), messages.end(),
                       [&](const Message &m) { return m.msgidClient == msgidClient; });
}

// A message with this body fails its group's commit: a deferred trigger refuses it at COMMIT.
bool refuseAtCommit(ServerProcess &server, const QString &body)
{
    return server.runSql(QStringLiteral("CREATE OR REPLACE FUNCTION refuse_body() RETURNS "
                                        "trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.body = "
                                        "'%1' THEN RAISE EXCEPTION 'refused at commit'; END IF; "
                                        "RETURN NEW; END $$")
                             .arg(body)) &&
           server.runSql(QStringLiteral("CREATE CONSTRAINT TRIGGER refuse_body AFTER INSERT ON "
                                        "messages DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                                        "EXECUTE FUNCTION refuse_body()"));
}

// Sends without waiting for the answer: the request is on the wire before the next one.
void sendWithoutWaiting(TestClient &client, const SendMessage &message)
{
    client.call(std::string(SendMessage::kMethod), toJson(message), 0);
}

}  // namespace

class TestServerDurability : public QObject
{
    Q_OBJECT

private slots:
    void acknowledgedInviteSurvivesACrash();
    void acknowledgedOutcomesSurviveACrash();
    void anOutcomeToldBeforeItsWriteSurvivesACrash_data();
    void anOutcomeToldBeforeItsWriteSurvivesACrash();
    void syncShowsOnlyCommittedRows();
    void resendIsAcknowledgedOnlyOnceDurable();
    void newAccountsAndTokensSurviveACrash();
    void clientsCannotTakeTheServerRecordId();
    void partiesBackOnlineButNotInTheCallEndIt();
    void aReturningClientWithoutItsCallEndsItAtOnce();
    void aClientAsksForTheCallItForgot();
    void aLiveCallCarriesOnAfterACrash();
    void aCallNobodyCameBackToCountsNoDowntime();
    void aFailedCommitLeavesNoConversationUnlinked();
    void anAnswerSaidInTheTurnOfAFailedCommitIsNotSent();
};

void TestServerDurability::acknowledgedInviteSurvivesACrash()
{
    ServerProcess server(kSlowCommits);
    QVERIFY(server.start());
    std::optional<PlacedCall> call;
    {
        TestClient caller(server.url(), "a1"), callee(server.url(), "b1");
        QVERIFY(caller.signIn("ann") && callee.signIn("ben"));
        QTest::qWait(400);  // both accounts committed
        call = placeCall(caller, "ben");
        QVERIFY(call);
        server.kill();
    }
    QVERIFY(server.start());
    TestClient caller(server.url(), "a1"), callee(server.url(), "b1");
    QVERIFY(caller.signIn("ann") && callee.signIn("ben"));
    const auto records = recordsInHistory(callee, "ann");
    QCOMPARE(records.size(), 1u);
    QCOMPARE(records[0].channelId, call->channelId);
    QCOMPARE(records[0].status, CallStatus::Canceled);
    // The acknowledged channel id is never handed to another call.
    const auto next = placeCall(caller, "ben");
    QVERIFY(next);
    QVERIFY(next->channelId != call->channelId);
    QVERIFY(server.stop());
}

void TestServerDurability::acknowledgedOutcomesSurviveACrash()
{
    ServerProcess server(kSlowCommits);
    QVERIFY(server.start());
    std::optional<PlacedCall> answered, declined;
    {
        TestClient a(server.url(), "a1"), b(server.url(), "b1");
        TestClient c(server.url(), "c1"), d(server.url(), "d1");
        QVERIFY(a.signIn("cal") && b.signIn("dan") && c.signIn("eli") && d.signIn("fay"));
        answered = placeCall(a, "dan");
        declined = placeCall(c, "fay");
        QVERIFY(answered && declined && b.waitFor<CallIncoming>() && d.waitFor<CallIncoming>());
        QTest::qWait(400);  // the invites are committed
        QVERIFY(b.request(CallRespond{answered->cid, true, false}).ok());
        QVERIFY(d.request(CallRespond{declined->cid, false, false}).ok());
        QVERIFY(a.waitFor<CallAccepted>() && c.waitFor<CallRejected>());
        server.kill();
    }
    QVERIFY(server.start());
    TestClient b(server.url(), "b1"), d(server.url(), "d1");
    QVERIFY(b.signIn("dan") && d.signIn("fay"));
    QVERIFY(waitRecord(b, 5000));  // nobody came back into the answered call within the grace
    const auto answeredRecords = recordsInHistory(b, "cal");
    QCOMPARE(answeredRecords.size(), 1u);
    QCOMPARE(answeredRecords[0].status, CallStatus::Completed);
    const auto declinedRecords = recordsInHistory(d, "eli");
    QCOMPARE(declinedRecords.size(), 1u);
    QCOMPARE(declinedRecords[0].status, CallStatus::Rejected);
    QVERIFY(server.stop());
}

enum class Outcome { Answered, Declined, DeclinedBusy, Canceled, CanceledOnTimeout };

void TestServerDurability::anOutcomeToldBeforeItsWriteSurvivesACrash_data()
{
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<CallStatus>("recorded");
    QTest::newRow("answered") << Outcome::Answered << CallStatus::Completed;
    QTest::newRow("declined") << Outcome::Declined << CallStatus::Rejected;
    QTest::newRow("declined busy") << Outcome::DeclinedBusy << CallStatus::Busy;
    QTest::newRow("canceled") << Outcome::Canceled << CallStatus::Canceled;
    QTest::newRow("canceled on timeout") << Outcome::CanceledOnTimeout << CallStatus::Timeout;
}

// The outcome is the only write of its turn, so no write group is open before it: a handler
// that speaks before it writes would tell a party what the crash then loses.
void TestServerDurability::anOutcomeToldBeforeItsWriteSurvivesACrash()
{
    QFETCH(Outcome, outcome);
    QFETCH(CallStatus, recorded);
    ServerProcess server(kSlowCommits);
    QVERIFY(server.start());
    {
        TestClient caller(server.url(), "a1"), callee(server.url(), "b1");
        QVERIFY(caller.signIn("kim") && callee.signIn("lee"));
        const auto call = placeCall(caller, "lee");
        QVERIFY(call && callee.waitFor<CallIncoming>());
        QTest::qWait(400);  // the invite is committed; no write group is open
        switch (outcome) {
        case Outcome::Answered:
            QVERIFY(callee.request(CallRespond{call->cid, true, false}).ok());
            break;
        case Outcome::Declined:
        case Outcome::DeclinedBusy:
            QVERIFY(callee.request(CallRespond{call->cid, false, outcome == Outcome::DeclinedBusy})
                        .ok());
            break;
        case Outcome::Canceled:
        case Outcome::CanceledOnTimeout:
            QVERIFY(caller
                        .request(CallCancel{call->cid, outcome == Outcome::Canceled
                                                           ? CancelReason::Canceled
                                                           : CancelReason::Timeout})
                        .ok());
            break;
        }
        server.kill();  // at once: the reply above was all the client was told
    }
    QVERIFY(server.start());
    TestClient callee(server.url(), "b1");
    QVERIFY(callee.signIn("lee"));
    // Recovery records an ended call at the start; an answered one after the reconnect grace.
    QTRY_COMPARE_WITH_TIMEOUT(recordsInHistory(callee, "kim").size(), 1u, 5000);
    const auto records = recordsInHistory(callee, "kim");
    QCOMPARE(records.size(), 1u);
    QCOMPARE(records[0].status, recorded);
    QVERIFY(server.stop());
}

void TestServerDurability::syncShowsOnlyCommittedRows()
{
    ServerProcess server(kSlowCommits);
    QVERIFY(server.start());
    {
        TestClient a(server.url(), "a1");
        QVERIFY(a.signIn("gus") && a.request(Register{"hat", "password-123", ""}).ok());
        QTest::qWait(400);
        sendWithoutWaiting(a, SendMessage{"hat", ConvType::Person, MsgType::Text, "hi", "", "m1"});
        QVERIFY(contains(syncAll(a), "m1"));
        server.kill();
    }
    QVERIFY(server.start());
    TestClient a(server.url(), "a1");
    QVERIFY(a.signIn("gus"));
    QVERIFY2(contains(syncAll(a), "m1"), "a row msg.sync returned was lost by the crash");
    QVERIFY(server.stop());
}

void TestServerDurability::resendIsAcknowledgedOnlyOnceDurable()
{
    ServerProcess server(kSlowCommits);
    QVERIFY(server.start());
    const SendMessage message{"jay", ConvType::Person, MsgType::Text, "hi", "", "m1"};
    {
        TestClient a(server.url(), "a1");
        QVERIFY(a.signIn("ivy") && a.request(Register{"jay", "password-123", ""}).ok());
        QTest::qWait(400);
        sendWithoutWaiting(a, message);
        QVERIFY(a.request(message).ok());  // the resend
        server.kill();
    }
    QVERIFY(server.start());
    TestClient a(server.url(), "a1");
    QVERIFY(a.signIn("ivy"));
    QVERIFY2(contains(syncAll(a), "m1"), "an acknowledged message was lost by the crash");
    QVERIFY(server.stop());
}

void TestServerDurability::newAccountsAndTokensSurviveACrash()
{
    ServerProcess server(kSlowCommits);
    QVERIFY(server.start());
    std::string token;
    {
        TestClient a(server.url(), "a1"), b(server.url(), "b1");
        QVERIFY(a.signIn("kim"));
        QTest::qWait(400);
        QVERIFY(b.open());
        QVERIFY(b.login("kim", "password-123").ok());  // a new token
        token = b.token();
        QVERIFY(a.registerAccount("lou", "password-123").ok());
        server.kill();
    }
    QVERIFY(server.start());
    TestClient a(server.url(), "a1"), b(server.url(), "b1");
    QVERIFY(a.open() && b.open());
    QVERIFY2(b.loginWithToken("kim", token).ok(), "an acknowledged token was lost");
    QVERIFY2(a.login("lou", "password-123").ok(), "an acknowledged account was lost");
    QVERIFY(server.stop());
}

void TestServerDurability::clientsCannotTakeTheServerRecordId()
{
    ServerProcess server(kSlowCommits);
    QVERIFY(server.start());
    TestClient caller(server.url(), "a1"), callee(server.url(), "b1");
    QVERIFY(caller.signIn("max") && callee.signIn("ned"));
    const auto call = placeCall(caller, "ned");
    QVERIFY(call && callee.waitFor<CallIncoming>());
    // Whatever id the caller picks for its own texts, the server's record still gets stored.
    for (const std::string &id : {"record-" + call->cid, "server:record:" + call->cid}) {
        const auto reply =
            caller.request(SendMessage{"ned", ConvType::Person, MsgType::Text, "x", "", id});
        QVERIFY(reply.ok() || reply.code() == int(ErrorCode::InvalidParams));
    }
    QVERIFY(callee.request(CallRespond{call->cid, true, false}).ok());
    QVERIFY(caller.waitFor<CallAccepted>());
    QVERIFY(caller.request(CallHangup{call->cid}).ok());
    const auto record = waitRecord(callee);
    QVERIFY2(record, "the server's record was not stored");
    QCOMPARE(record->second.status, CallStatus::Completed);
    QCOMPARE(record->second.channelId, call->channelId);
    QVERIFY(server.stop());
}

// Finding 3: both apps restart (same devices) within the grace and never rejoin the call.
void TestServerDurability::partiesBackOnlineButNotInTheCallEndIt()
{
    ServerProcess server(kSlowCommits);
    QVERIFY(server.start());
    std::optional<PlacedCall> call;
    {
        TestClient caller(server.url(), "a1"), callee(server.url(), "b1");
        QVERIFY(caller.signIn("oli") && callee.signIn("pam"));
        call = connectedCall(caller, callee);
        QVERIFY(call);
        caller.abort();
        callee.abort();
    }
    TestClient caller(server.url(), "a1"), callee(server.url(), "b1");
    QVERIFY(caller.signIn("oli") && callee.signIn("pam"));  // back online, not in the call
    // The grace may end before these logins do: the record is then in the history.
    QTRY_COMPARE_WITH_TIMEOUT(recordsInHistory(callee, "oli").size(), 1u, 5000);
    const CallRecord record = recordsInHistory(callee, "oli").front();
    QCOMPARE(record.channelId, call->channelId);
    QCOMPARE(record.status, CallStatus::Completed);
    const auto next = placeCall(caller, "pam");
    QVERIFY2(next, "the accounts are still busy");
    QVERIFY(callee.waitFor<CallIncoming>());
    QVERIFY(server.stop());
}

void TestServerDurability::aReturningClientWithoutItsCallEndsItAtOnce()
{
    json config = kSlowCommits;
    config["reconnectGraceSeconds"] = 30;
    ServerProcess server(config);
    QVERIFY(server.start());
    TestClient caller(server.url(), "a1"), callee(server.url(), "b1");
    QVERIFY(caller.signIn("quin") && callee.signIn("rae"));
    const auto call = connectedCall(caller, callee);
    QVERIFY(call);
    callee.abort();
    TestClient restarted(server.url(), "b1");
    QVERIFY(restarted.open());
    QVERIFY(loginHolding(restarted, "rae", "").ok());
    const auto hangup = caller.waitFor<CallHangupEvent>(3000);
    QVERIFY2(hangup, "the caller was not told at once");
    QCOMPARE(hangup->account, std::string("rae"));
    const auto record = waitRecord(restarted, 3000);
    QVERIFY2(record, "the returning client got no record");
    QCOMPARE(record->second.channelId, call->channelId);
    // A client that still holds its call keeps it.
    TestClient a(server.url(), "a2"), b(server.url(), "b2");
    QVERIFY(a.signIn("sol") && b.signIn("tia"));
    const auto kept = connectedCall(a, b);
    QVERIFY(kept);
    b.abort();
    TestClient back(server.url(), "b2");
    QVERIFY(back.open() && loginHolding(back, "tia", kept->cid).ok());
    QVERIFY(back.request(RoomJoin{kept->cid, 0}).ok());
    QVERIFY(a.noEvent(std::string(CallHangupEvent::kEvent), 500));
    QVERIFY(server.stop());
}

void TestServerDurability::aClientAsksForTheCallItForgot()
{
    json config = kSlowCommits;
    config["reconnectGraceSeconds"] = 30;
    ServerProcess server(config);
    QVERIFY(server.start());
    TestClient caller(server.url(), "a1"), callee(server.url(), "b1");
    QVERIFY(caller.signIn("uma") && callee.signIn("vic"));
    const auto empty = caller.call("call.current", json::object());
    QVERIFY(empty.ok());
    QVERIFY(!empty.result->contains("cid"));
    const auto call = connectedCall(caller, callee);
    QVERIFY(call);
    callee.abort();
    TestClient restarted(server.url(), "b1");
    QVERIFY(restarted.signIn("vic"));  // an older client: says nothing of its call
    const auto current = restarted.call("call.current", json::object());
    QVERIFY(current.ok());
    QCOMPARE((*current.result)["cid"].get<std::string>(), call->cid);
    QCOMPARE((*current.result)["channelId"].get<std::int64_t>(), call->channelId);
    QCOMPARE((*current.result)["state"].get<std::string>(), std::string("answered"));
    QCOMPARE((*current.result)["endWith"].get<std::string>(), std::string("call.hangup"));
    QVERIFY(restarted.request(CallHangup{call->cid}).ok());
    QVERIFY(caller.waitFor<CallHangupEvent>());
    QVERIFY(waitRecord(restarted));
    QVERIFY(server.stop());
}

// Findings 5 and 7: media is direct, so a server crash need not end a call; and the outage is
// not talk time.
void TestServerDurability::aLiveCallCarriesOnAfterACrash()
{
    json config = kSlowCommits;
    config["reconnectGraceSeconds"] = 10;
    ServerProcess server(config);
    QVERIFY(server.start());
    std::optional<PlacedCall> call;
    qint64 talkMs = 0;  // an upper bound of the time both were in the room
    {
        TestClient caller(server.url(), "a1"), callee(server.url(), "b1");
        QVERIFY(caller.signIn("wes") && callee.signIn("xia"));
        QElapsedTimer before;
        before.start();
        call = connectedCall(caller, callee);
        QVERIFY(call);
        QTest::qWait(2000);
        server.kill();
        talkMs = before.elapsed();
    }
    QTest::qWait(3000);  // the outage
    QVERIFY(server.start());
    TestClient caller(server.url(), "a1"), callee(server.url(), "b1");
    QVERIFY(caller.open() && callee.open());
    QVERIFY(loginHolding(caller, "wes", call->cid).ok());
    QVERIFY(loginHolding(callee, "xia", call->cid).ok());
    QElapsedTimer after;
    after.start();
    QVERIFY(caller.request(RoomJoin{call->cid, 0}).ok());
    QVERIFY(callee.request(RoomJoin{call->cid, 0}).ok());
    QVERIFY(caller.noEvent(std::string(CallHangupEvent::kEvent), 1000));
    QVERIFY(caller.request(CallHangup{call->cid}).ok());
    talkMs += after.elapsed();
    const auto record = waitRecord(callee);
    QVERIFY(record);
    QCOMPARE(record->second.channelId, call->channelId);
    QCOMPARE(record->second.status, CallStatus::Completed);
    for (const char *account : {"wes", "xia"}) {
        const auto seconds = record->second.durationOf(account);
        QVERIFY(seconds);
        // The outage (3 s) is not talk: at most the time in the room, rounded.
        QVERIFY2(*seconds >= 1 && *seconds * 1000 <= talkMs + 500,
                 qPrintable(QStringLiteral("%1 talked %2 s of at most %3 ms")
                                .arg(QLatin1String(account))
                                .arg(*seconds)
                                .arg(talkMs)));
    }
    QVERIFY(server.stop());
}

// Finding 5: the stays open at the crash end at the server's last sign of life, not at its
// restart, nor when the grace runs out.
void TestServerDurability::aCallNobodyCameBackToCountsNoDowntime()
{
    ServerProcess server(kSlowCommits);
    QVERIFY(server.start());
    qint64 talkMs = 0;
    {
        TestClient caller(server.url(), "a1"), callee(server.url(), "b1");
        QVERIFY(caller.signIn("yve") && callee.signIn("zed"));
        QElapsedTimer before;
        before.start();
        QVERIFY(connectedCall(caller, callee));
        QTest::qWait(2000);
        server.kill();
        talkMs = before.elapsed();
    }
    QTest::qWait(3000);  // the outage
    QVERIFY(server.start());
    TestClient callee(server.url(), "b2");  // another device: the call's own never returns
    QVERIFY(callee.signIn("zed"));
    QTRY_COMPARE_WITH_TIMEOUT(recordsInHistory(callee, "yve").size(), 1u, 5000);
    const CallRecord record = recordsInHistory(callee, "yve")[0];
    QCOMPARE(record.status, CallStatus::Completed);
    for (const char *account : {"yve", "zed"}) {
        const auto seconds = record.durationOf(account);
        QVERIFY(seconds);
        QVERIFY2(*seconds * 1000 <= talkMs + 500,
                 qPrintable(QStringLiteral("%1: %2 s counted, at most %3 ms in the room")
                                .arg(QLatin1String(account))
                                .arg(*seconds)
                                .arg(talkMs)));
    }
    QVERIFY(server.stop());
}

void TestServerDurability::aFailedCommitLeavesNoConversationUnlinked()
{
    // A group commit that fails takes the first message of a conversation with it, and the
    // link between its two peers that lets each see the other's presence. The next message
    // must write the link again.
    if (ServerProcess::postgresSocket().isEmpty())
        QSKIP("a failing commit is made with a deferred PostgreSQL trigger: PostgreSQL pass only");
    ServerProcess server(kSlowCommits);
    QVERIFY(server.start());
    QVERIFY(refuseAtCommit(server, QStringLiteral("poison")));
    {
        TestClient ann(server.url(), "ann-1"), bob(server.url(), "bob-1");
        QVERIFY(ann.signIn("ann") && bob.signIn("bob"));
        const auto lost = bob.request(
            SendMessage{"ann", ConvType::Person, MsgType::Text, "poison", "", "m1"}, 3000);
        QVERIFY2(!lost.ok(), "a message whose commit failed was acknowledged");
        // The server closes a connection whose answers were lost with the commit; the client
        // comes back and goes on.
        QVERIFY(bob.waitClosed());
        QCOMPARE(bob.closeCode(), int(CloseCode::NotStored));
    }
    TestClient ann(server.url(), "ann-1"), bob(server.url(), "bob-1");
    QVERIFY(ann.signIn("ann") && bob.signIn("bob"));
    const auto sent =
        bob.request(SendMessage{"ann", ConvType::Person, MsgType::Text, "hi", "", "m2"});
    QVERIFY2(sent.ok(), sent.message().c_str());
    QVERIFY(ann.waitForMessage("m2"));
    ann.clearEvents();
    bob.close();
    const auto offline = ann.waitFor<PresenceEvent>();
    QVERIFY2(offline, "ann, in a conversation with bob, was not told he went offline");
    QCOMPARE(offline->presence.account, std::string("bob"));
    QVERIFY(!offline->presence.online);
}

// The loop fires its timers after it has read its sockets, so a group's commit can come due in
// the turn that made its last write, before that turn's answers are handed to the output gate at
// its end. Those answers must follow the commit: one that fails closes the connection, and none
// goes out as if its write had held. Here the poison opens a group of 1 ms, and the pings read
// with it in the same turn outlast it.
void TestServerDurability::anAnswerSaidInTheTurnOfAFailedCommitIsNotSent()
{
    if (ServerProcess::postgresSocket().isEmpty())
        QSKIP("a failing commit is made with a deferred PostgreSQL trigger: PostgreSQL pass only");
    ServerProcess server(
        {{"commitIntervalMs", 1}, {"rateLimitPerSecond", 100000}, {"rateLimitBurst", 100000}});
    QVERIFY(server.start());
    QVERIFY(refuseAtCommit(server, QStringLiteral("late poison")));
    TestClient ann(server.url(), "ann-1"), bob(server.url(), "bob-1");
    QVERIFY(ann.signIn("ann") && bob.signIn("bob"));
    std::vector<std::pair<std::string, json>> requests = {
        {std::string(SendMessage::kMethod),
         toJson(SendMessage{"ann", ConvType::Person, MsgType::Text, "late poison", "", "m1"})}};
    for (int i = 0; i < 3000; ++i)
        requests.emplace_back(std::string(Ping::kMethod), json::object());
    const auto ids = bob.postTogether(requests);
    const auto answer = bob.reply(ids.front(), 5000);
    QVERIFY2(!answer.ok(), "a message whose commit failed was acknowledged");
    QVERIFY(bob.waitClosed());
    QCOMPARE(bob.closeCode(), int(CloseCode::NotStored));
    QVERIFY2(!ann.waitForMessage("m1", 500), "ann was told of a message that was lost");
}

QTEST_GUILESS_MAIN(TestServerDurability)
#include "tst_server_durability.moc"
