// The call controller without a network: a fake IM client answers its requests and pushes
// server events, and a manual clock stands in for time, so every path runs deterministically.

#include "call/call_controller.h"
#include "fake_im_client.h"
#include "manual_clock.h"
#include "protocol/error_code.h"

#include <QSignalSpy>
#include <QTest>

using namespace softphone;
using namespace softphone::call;
using protocol::CallStatus;
using protocol::CallType;
using protocol::json;
using test::FakeImClient;
using test::ManualClock;

Q_DECLARE_METATYPE(softphone::call::EndReason)

namespace {

const json kEmpty = json::object();

// A request parameter as text: strings as they are, anything else as JSON.
QString field(const json &params, const char *key)
{
    const json &value = params.at(key);
    return QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump());
}

QString field(const FakeImClient::Request &request, const char *key)
{
    return field(request.params, key);
}

json inviteResult(const char *cid, qint64 channelId)
{
    return json{{"cid", cid}, {"channelId", channelId}};
}

protocol::CallIncoming incomingFrom(const char *caller, const char *cid, qint64 channelId,
                                    CallType type = CallType::Audio)
{
    return protocol::CallIncoming{caller, "", type, cid, channelId};
}

}  // namespace

class TestCallController : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void ringTimeoutCancelsThenSendsTheTimeoutRecord();
    void cancelSendsTheCanceledRecordOnlyAfterTheServerAgrees();
    void cancelCrossedByAnAnswerHangsUpInstead();
    void cancelBeforeTheInviteIsAnsweredStillWithdrawsIt();
    void rejectedBusyAndServerTimeoutSendTheirRecords_data();
    void rejectedBusyAndServerTimeoutSendTheirRecords();
    void answeredCallRunsThroughTheRoom();
    void hangupOfAnotherCallIsIgnored();
    void incomingAcceptedJoinsTheRoom();
    void incomingDeclined();
    void inviteWhileBusyIsAnsweredBusy();
    void handledOnAnotherDevice_data();
    void handledOnAnotherDevice();
    void callerGivesUpWhileRinging();
    void glareEndsWithOneCall();
    void glareWhenOurInviteWasAlsoMade();
    void recordsOffCallsTheHook();
    void recordsOffOnTheServerCallsTheHook();
    void recordsOffHookHasBothSides();
    void recordForTheCurrentCallEndsIt();
    void rejoinsTheRoomAfterALogin();
    void lostConnectionEndsTheCallAfterAWait();
    void roomJoinIsTriedAgainWhileTheCallsServerIsAway();
    void roomJoinGivesUpWhenTheServerKeepsNoPlace();
    void roomJoinOfACallThatEndedMeanwhile();
    void theWaitFollowsTheGraceTheServerStates();
    void endedCallLingersThenGoesIdle();
    void inviteRefusedEndsAsFailed();
    void callsOffOnThisDeviceDoNotRing();
    void signallingIsScopedToTheCurrentCall();
    void dismissingAsTheCallEndsKeepsItsRequests();

private:
    // An outgoing audio call to bob, answered with cid c1 / channel 77 and ringing.
    void dialAndRing(CallType type = CallType::Audio);
    std::optional<protocol::CallRecord> onlyRecord();

    std::unique_ptr<FakeImClient> m_im;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<CallController> m_controller;
};

void TestCallController::init()
{
    qRegisterMetaType<EndReason>();
    m_im = std::make_unique<FakeImClient>();
    m_clock = std::make_unique<ManualClock>();
    m_controller = std::make_unique<CallController>(m_im.get(), m_clock.get());
}

void TestCallController::cleanup()
{
    m_controller.reset();
    m_clock.reset();
    m_im.reset();
}

void TestCallController::dialAndRing(CallType type)
{
    QVERIFY(m_controller->call(QStringLiteral("bob"), type));
    QCOMPARE(m_controller->state(), CallState::Outgoing);
    QCOMPARE(m_im->requests.size(), 1u);
    QCOMPARE(field(m_im->requests.front(), "callee"), QStringLiteral("bob"));
    QCOMPARE(field(m_im->requests.front(), "type"), QString::number(int(type)));
    QVERIFY(m_im->answer("call.invite", inviteResult("c1", 77)));
    QCOMPARE(m_controller->current().cid, QStringLiteral("c1"));
    QCOMPARE(m_controller->current().channelId, 77);
}

std::optional<protocol::CallRecord> TestCallController::onlyRecord()
{
    if (m_im->sent.size() != 1 || m_im->sent[0].type != protocol::MsgType::CallRecord ||
        m_im->sent[0].to != QStringLiteral("bob"))
        return std::nullopt;
    auto record = protocol::CallRecord::parse(m_im->sent[0].attach.toStdString());
    if (!record)
        return std::nullopt;
    return *record;
}

void TestCallController::ringTimeoutCancelsThenSendsTheTimeoutRecord()
{
    QSignalSpy timedOut(m_controller.get(), &CallController::timedOut);
    QSignalSpy ended(m_controller.get(), &CallController::ended);
    dialAndRing(CallType::Video);
    m_clock->advance(29'999);
    QCOMPARE(m_controller->state(), CallState::Outgoing);
    QVERIFY(m_im->requests.empty());

    m_clock->advance(1);
    QCOMPARE(m_controller->state(), CallState::Ended);
    QCOMPARE(m_controller->endReason(), EndReason::NoAnswer);
    QCOMPARE(timedOut.count(), 1);
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).value<EndReason>(), EndReason::NoAnswer);
    QCOMPARE(field(m_im->requests.front(), "reason"), QStringLiteral("timeout"));
    QVERIFY(m_im->sent.empty());  // not before the server has agreed

    QVERIFY(m_im->answer("call.cancel", kEmpty));
    const auto record = onlyRecord();
    QVERIFY(record);
    QCOMPARE(record->status, CallStatus::Timeout);
    QCOMPARE(record->type, CallType::Video);
    QCOMPARE(record->channelId, 77);
    QVERIFY(record->durations.empty());
}

void TestCallController::cancelSendsTheCanceledRecordOnlyAfterTheServerAgrees()
{
    m_controller->setRingTimeoutMs(5000);
    dialAndRing();
    QVERIFY(m_controller->cancel());
    QCOMPARE(m_controller->endReason(), EndReason::Canceled);
    QCOMPARE(field(m_im->requests.front(), "reason"), QStringLiteral("canceled"));
    m_clock->advance(60'000);  // the ring timer is gone
    QCOMPARE(m_im->requests.size(), 1u);
    QVERIFY(m_im->answer("call.cancel", kEmpty));
    const auto record = onlyRecord();
    QVERIFY(record);
    QCOMPARE(record->status, CallStatus::Canceled);
    QVERIFY(!m_controller->cancel());  // nothing left to cancel
}

void TestCallController::cancelCrossedByAnAnswerHangsUpInstead()
{
    dialAndRing();
    QVERIFY(m_controller->hangup());  // while ringing, hangup is a cancel
    QVERIFY(m_im->fail("call.cancel", int(protocol::ErrorCode::CallStateConflict)));
    QCOMPARE(m_im->requests.size(), 1u);
    QCOMPARE(m_im->requests.front().method, "call.hangup");
    QCOMPARE(field(m_im->requests.front(), "cid"), QStringLiteral("c1"));
    QVERIFY(m_im->sent.empty());  // the server records an answered call itself
}

void TestCallController::cancelBeforeTheInviteIsAnsweredStillWithdrawsIt()
{
    QVERIFY(m_controller->call(QStringLiteral("bob"), CallType::Audio));
    QVERIFY(m_controller->cancel());
    QCOMPARE(m_controller->state(), CallState::Ended);
    QCOMPARE(m_im->requests.size(), 1u);  // the invite only, so far
    QVERIFY(m_im->answer("call.invite", inviteResult("c9", 91)));
    QCOMPARE(m_im->requests.front().method, "call.cancel");
    QCOMPARE(field(m_im->requests.front(), "cid"), QStringLiteral("c9"));
    QVERIFY(m_im->answer("call.cancel", kEmpty));
    const auto record = onlyRecord();
    QVERIFY(record);
    QCOMPARE(record->status, CallStatus::Canceled);
    QCOMPARE(record->channelId, 91);
}

void TestCallController::rejectedBusyAndServerTimeoutSendTheirRecords_data()
{
    QTest::addColumn<int>("event");
    QTest::addColumn<int>("status");
    QTest::addColumn<EndReason>("reason");
    QTest::newRow("rejected") << 0 << int(CallStatus::Rejected) << EndReason::RemoteDeclined;
    QTest::newRow("busy") << 1 << int(CallStatus::Busy) << EndReason::Busy;
    QTest::newRow("server timeout") << 2 << int(CallStatus::Timeout) << EndReason::NoAnswer;
}

void TestCallController::rejectedBusyAndServerTimeoutSendTheirRecords()
{
    QFETCH(int, event);
    QFETCH(int, status);
    QFETCH(EndReason, reason);
    dialAndRing();
    // The same outcome for another call first: ignored.
    m_im->push(protocol::CallBusy{{"other"}});
    QCOMPARE(m_controller->state(), CallState::Outgoing);
    switch (event) {
    case 0:
        m_im->push(protocol::CallRejected{{"c1", "desktop"}});
        break;
    case 1:
        m_im->push(protocol::CallBusy{{"c1"}});
        break;
    default:
        m_im->push(protocol::CallTimeout{{"c1"}});
        break;
    }
    QCOMPARE(m_controller->state(), CallState::Ended);
    QCOMPARE(m_controller->endReason(), reason);
    const auto record = onlyRecord();
    QVERIFY(record);
    QCOMPARE(int(record->status), status);
    // A repeated event sends nothing more.
    m_im->push(protocol::CallRejected{{"c1", "desktop"}});
    QCOMPARE(m_im->sent.size(), 1u);
}

void TestCallController::answeredCallRunsThroughTheRoom()
{
    QSignalSpy joined(m_controller.get(), &CallController::roomJoined);
    QSignalSpy peer(m_controller.get(), &CallController::peerJoined);
    dialAndRing();
    m_clock->advance(10'000);
    m_im->push(protocol::CallAccepted{{"c1", "desktop"}});
    QCOMPARE(m_controller->state(), CallState::Connecting);
    QCOMPARE(m_controller->current().answeredMs, m_clock->nowMs());
    QVERIFY(m_im->answer("room.join", json{{"uid", 1}, {"account", "alice"}, {"cid", "c1"}}));
    QCOMPARE(joined.count(), 1);
    m_im->push(protocol::RoomSyncDone{200, "", "c1", {}});
    QCOMPARE(m_controller->state(), CallState::Connecting);  // bob is not in yet
    m_im->push(protocol::RoomClientJoin{"bob", "c1", 0, 2});
    QCOMPARE(peer.count(), 1);
    QCOMPARE(m_controller->state(), CallState::InCall);
    m_clock->advance(60'000);  // no ring timer left to fire
    QCOMPARE(m_controller->state(), CallState::InCall);
    QVERIFY(m_controller->hangup());
    QCOMPARE(m_controller->endReason(), EndReason::HungUp);
    QCOMPARE(field(m_im->take("call.hangup"), "cid"), QStringLiteral("c1"));
    QVERIFY(m_im->sent.empty());  // the server sends the completed record
}

void TestCallController::hangupOfAnotherCallIsIgnored()
{
    QSignalSpy remote(m_controller.get(), &CallController::remoteHungUp);
    dialAndRing();
    m_im->push(protocol::CallAccepted{{"c1", "desktop"}});
    m_im->answer("room.join", json{{"uid", 1}, {"account", "alice"}, {"cid", "c1"}});
    m_im->push(protocol::RoomClientJoin{"bob", "c1", 0, 2});
    m_im->push(protocol::CallHangupEvent{1, "c0", "bob"});
    QCOMPARE(m_controller->state(), CallState::InCall);
    QCOMPARE(remote.count(), 0);
    m_im->push(protocol::CallHangupEvent{1, "c1", "bob"});
    QCOMPARE(m_controller->state(), CallState::Ended);
    QCOMPARE(m_controller->endReason(), EndReason::RemoteHungUp);
    QCOMPARE(remote.count(), 1);
}

void TestCallController::incomingAcceptedJoinsTheRoom()
{
    QSignalSpy incoming(m_controller.get(), &CallController::incoming);
    m_im->push(incomingFrom("bob", "c5", 55, CallType::Video));
    QCOMPARE(m_controller->state(), CallState::Incoming);
    QCOMPARE(incoming.count(), 1);
    QCOMPARE(incoming.at(0).at(0).toString(), QStringLiteral("bob"));
    QCOMPARE(m_controller->current().type, CallType::Video);
    QVERIFY(!m_controller->current().outgoing);
    QVERIFY(m_controller->accept());
    QCOMPARE(m_controller->state(), CallState::Connecting);
    const auto respond = m_im->requests.front();
    QCOMPARE(field(respond, "accepted"), QStringLiteral("true"));
    QVERIFY(m_im->answer("call.respond", kEmpty));
    QVERIFY(m_im->answer("room.join", json{{"uid", 2}, {"account", "alice"}, {"cid", "c5"}}));
    QCOMPARE(m_controller->current().localUid, 2);
    m_im->push(protocol::RoomSyncDone{200, "", "c5", {{"bob", 1, 0}}});
    QCOMPARE(m_controller->state(), CallState::InCall);
    QVERIFY(m_controller->hangup());
    QCOMPARE(field(m_im->take("call.hangup"), "cid"), QStringLiteral("c5"));
    QVERIFY(m_im->sent.empty());  // the callee never sends a record
}

void TestCallController::incomingDeclined()
{
    m_im->push(incomingFrom("bob", "c5", 55));
    QVERIFY(m_controller->reject());
    QCOMPARE(m_controller->endReason(), EndReason::Declined);
    const auto respond = m_im->take("call.respond");
    QCOMPARE(field(respond, "accepted"), QStringLiteral("false"));
    QVERIFY(!respond.params.value("busy", false));
    QVERIFY(m_im->sent.empty());
}

void TestCallController::inviteWhileBusyIsAnsweredBusy()
{
    QSignalSpy autoBusy(m_controller.get(), &CallController::autoBusy);
    dialAndRing();
    m_im->push(incomingFrom("carol", "c7", 70));
    QCOMPARE(m_controller->state(), CallState::Outgoing);
    QCOMPARE(m_controller->current().cid, QStringLiteral("c1"));
    QCOMPARE(autoBusy.count(), 1);
    const auto respond = m_im->take("call.respond");
    QCOMPARE(field(respond, "cid"), QStringLiteral("c7"));
    QCOMPARE(field(respond, "accepted"), QStringLiteral("false"));
    QCOMPARE(field(respond, "busy"), QStringLiteral("true"));
}

void TestCallController::handledOnAnotherDevice_data()
{
    QTest::addColumn<bool>("accepted");
    QTest::newRow("accepted elsewhere") << true;
    QTest::newRow("declined elsewhere") << false;
}

void TestCallController::handledOnAnotherDevice()
{
    QFETCH(bool, accepted);
    QSignalSpy elsewhere(m_controller.get(), &CallController::handledElsewhere);
    m_im->push(incomingFrom("bob", "c5", 55));
    m_im->push(protocol::CallAckSync{1, "c4", CallType::Audio, accepted, "web"});  // not ours
    QCOMPARE(m_controller->state(), CallState::Incoming);
    m_im->push(protocol::CallAckSync{1, "c5", CallType::Audio, accepted, "web"});
    QCOMPARE(m_controller->state(), CallState::Ended);
    QCOMPARE(m_controller->endReason(),
             accepted ? EndReason::AnsweredElsewhere : EndReason::DeclinedElsewhere);
    QCOMPARE(elsewhere.count(), 1);
    QCOMPARE(elsewhere.at(0).at(0).toBool(), accepted);
    QVERIFY(m_im->requests.empty());
}

void TestCallController::callerGivesUpWhileRinging()
{
    QSignalSpy canceled(m_controller.get(), &CallController::canceled);
    m_im->push(incomingFrom("bob", "c5", 55));
    m_im->push(protocol::CallCanceled{"c5", protocol::CancelReason::Timeout});
    QCOMPARE(m_controller->endReason(), EndReason::Missed);
    QCOMPARE(canceled.count(), 1);
    QVERIFY(!m_controller->accept());
}

void TestCallController::glareEndsWithOneCall()
{
    // Both dial at once; the server let bob's call through and refuses ours with 4003.
    QVERIFY(m_controller->call(QStringLiteral("bob"), CallType::Audio));
    m_im->push(incomingFrom("bob", "cb", 12));
    QCOMPARE(m_controller->state(), CallState::Connecting);
    QCOMPARE(m_controller->current().cid, QStringLiteral("cb"));
    QVERIFY(!m_controller->current().outgoing);
    QVERIFY(m_im->fail("call.invite", int(protocol::ErrorCode::CallerBusy)));
    QCOMPARE(m_controller->state(), CallState::Connecting);  // the stale refusal changes nothing
    const auto respond = m_im->take("call.respond");
    QCOMPARE(field(respond, "cid"), QStringLiteral("cb"));
    QCOMPARE(field(respond, "accepted"), QStringLiteral("true"));
    m_clock->advance(60'000);  // our ring timer never started
    QCOMPARE(m_controller->state(), CallState::Connecting);
    QVERIFY(m_im->sent.empty());
}

void TestCallController::glareWhenOurInviteWasAlsoMade()
{
    QVERIFY(m_controller->call(QStringLiteral("bob"), CallType::Audio));
    m_im->push(incomingFrom("bob", "cb", 12));
    QVERIFY(m_im->answer("call.invite", inviteResult("ca", 11)));
    // Our superseded call is withdrawn; the call in progress is bob's.
    const auto respond = m_im->take("call.respond");
    QCOMPARE(field(respond, "cid"), QStringLiteral("cb"));
    const auto withdraw = m_im->take("call.cancel");
    QCOMPARE(field(withdraw, "cid"), QStringLiteral("ca"));
    QCOMPARE(m_controller->current().cid, QStringLiteral("cb"));
}

void TestCallController::recordsOffCallsTheHook()
{
    std::vector<EndedCall> hooked;
    m_controller->setBuiltInRecords(false);
    m_controller->setRecordHook([&](const EndedCall &call) { hooked.push_back(call); });
    dialAndRing();
    m_im->push(protocol::CallBusy{{"c1"}});
    QVERIFY(m_im->sent.empty());
    QCOMPARE(hooked.size(), 1u);
    QCOMPARE(hooked[0].status, CallStatus::Busy);
    QCOMPARE(hooked[0].reason, EndReason::Busy);
    QCOMPARE(hooked[0].info.channelId, 77);
    QCOMPARE(hooked[0].info.peer, QStringLiteral("bob"));
}

void TestCallController::recordsOffOnTheServerCallsTheHook()
{
    int hooked = 0;
    m_controller->setRecordHook([&](const EndedCall &) { ++hooked; });
    protocol::LoginResult login;
    login.callRecords = false;
    emit m_im->loggedIn(login);
    QVERIFY(!m_controller->builtInRecords());
    dialAndRing();
    m_im->push(protocol::CallRejected{{"c1", "desktop"}});
    QVERIFY(m_im->sent.empty());
    QCOMPARE(hooked, 1);
}

void TestCallController::recordsOffHookHasBothSides()
{
    std::vector<EndedCall> hooked;
    m_controller->setBuiltInRecords(false);
    m_controller->setRecordHook([&](const EndedCall &call) { hooked.push_back(call); });
    // Declined here.
    m_im->push(incomingFrom("carol", "c5", 50, CallType::Video));
    QVERIFY(m_controller->reject());
    // Missed: the caller's ring timeout.
    m_im->push(incomingFrom("carol", "c6", 60));
    m_im->push(protocol::CallCanceled{"c6", protocol::CancelReason::Timeout});
    // An answered call, hung up 3 s in; a second invite meanwhile is answered busy.
    m_im->push(incomingFrom("dave", "c7", 70));
    QVERIFY(m_controller->accept());
    m_im->push(incomingFrom("erin", "c8", 80, CallType::Video));
    m_clock->advance(3'000);
    m_im->push(protocol::CallHangupEvent{1, "c7", "dave"});
    QVERIFY(m_im->sent.empty());

    QCOMPARE(hooked.size(), 4u);
    QCOMPARE(hooked[0].status, CallStatus::Rejected);
    QCOMPARE(hooked[0].info.type, CallType::Video);
    QVERIFY(!hooked[0].info.outgoing);
    QCOMPARE(hooked[1].status, CallStatus::Timeout);
    QCOMPARE(hooked[1].info.channelId, 60);
    QCOMPARE(hooked[2].status, CallStatus::Busy);
    QCOMPARE(hooked[2].info.peer, QStringLiteral("erin"));
    QCOMPARE(hooked[2].info.type, CallType::Video);
    QCOMPARE(hooked[3].status, CallStatus::Completed);
    QCOMPARE(hooked[3].info.endedMs - hooked[3].info.answeredMs, 3'000);
}

void TestCallController::recordForTheCurrentCallEndsIt()
{
    // The rejection happened while we were away; the record that sync brings tells us.
    dialAndRing();
    im::StoredMessage stored;
    stored.message.msgType = protocol::MsgType::CallRecord;
    stored.message.from = "alice";
    stored.message.to = "bob";
    stored.message.attach = R"({"type":1,"channelId":76,"status":3})";
    emit m_im->messageStored(stored);
    QCOMPARE(m_controller->state(), CallState::Outgoing);  // another call's record
    stored.message.attach = R"({"type":1,"channelId":77,"status":3})";
    emit m_im->messageStored(stored);
    QCOMPARE(m_controller->endReason(), EndReason::RemoteDeclined);
    QVERIFY(m_im->sent.empty());  // the conversation has its record already
}

void TestCallController::rejoinsTheRoomAfterALogin()
{
    dialAndRing();
    m_im->push(protocol::CallAccepted{{"c1", "desktop"}});
    m_im->answer("room.join", json{{"uid", 1}, {"account", "alice"}, {"cid", "c1"}});
    m_im->push(protocol::RoomClientJoin{"bob", "c1", 0, 2});
    QCOMPARE(m_controller->state(), CallState::InCall);
    m_im->setConnection(im::ConnectionState::Waiting);
    m_clock->advance(5000);
    QCOMPARE(m_controller->state(), CallState::InCall);
    emit m_im->loggedIn(protocol::LoginResult{});
    QVERIFY(m_im->requests.empty());  // not before the client has caught up
    m_im->setConnection(im::ConnectionState::Online);
    QVERIFY(m_im->answer("room.join", json{{"uid", 1}, {"account", "alice"}, {"cid", "c1"}}));
    m_clock->advance(60'000);  // the wait for the connection was called off
    QCOMPARE(m_controller->state(), CallState::InCall);
}

void TestCallController::lostConnectionEndsTheCallAfterAWait()
{
    dialAndRing();
    m_im->push(protocol::CallAccepted{{"c1", "desktop"}});
    m_im->setConnection(im::ConnectionState::Waiting);
    m_clock->advance(24'000);
    QCOMPARE(m_controller->state(), CallState::Connecting);
    m_clock->advance(1'000);
    QCOMPARE(m_controller->state(), CallState::Ended);
    QCOMPARE(m_controller->endReason(), EndReason::Failed);
}

// In a cluster, the node that holds the call may have died: until a survivor takes it over,
// room.join gets no answer or "unavailable". The device keeps trying, and says so.
void TestCallController::roomJoinIsTriedAgainWhileTheCallsServerIsAway()
{
    QSignalSpy joined(m_controller.get(), &CallController::roomJoined);
    QSignalSpy failed(m_controller.get(), &CallController::failed);
    dialAndRing();
    m_im->push(protocol::CallAccepted{{"c1", "desktop"}});
    QVERIFY(m_im->fail("room.join", int(protocol::ErrorCode::Unavailable)));
    QCOMPARE(m_controller->state(), CallState::Connecting);
    QVERIFY(m_controller->isRejoining());
    QVERIFY(m_im->requests.empty());
    m_clock->advance(250);
    QCOMPARE(field(m_im->take("room.join"), "cid"), QStringLiteral("c1"));  // never answered
    m_clock->advance(3000);
    m_clock->advance(500);
    QCOMPARE(m_im->requests.size(), 1u);
    QVERIFY(m_im->fail("room.join", int(protocol::ErrorCode::Unavailable)));
    m_clock->advance(1000);
    QVERIFY(m_im->answer("room.join", json{{"uid", 1}, {"account", "alice"}, {"cid", "c1"}}));
    QCOMPARE(joined.count(), 1);
    QVERIFY(!m_controller->isRejoining());
    QCOMPARE(failed.count(), 0);
    m_im->push(protocol::RoomClientJoin{"bob", "c1", 0, 2});
    QCOMPARE(m_controller->state(), CallState::InCall);
    m_clock->advance(60'000);
    QCOMPARE(m_controller->state(), CallState::InCall);
    QVERIFY(m_im->requests.empty());
}

// The server keeps the device's place for its reconnect grace (here 3 s): a little after
// that, the device stops trying and the call has failed.
void TestCallController::roomJoinGivesUpWhenTheServerKeepsNoPlace()
{
    protocol::LoginResult login;
    login.reconnectGraceSeconds = 3;
    emit m_im->loggedIn(login);
    QSignalSpy failed(m_controller.get(), &CallController::failed);
    dialAndRing();
    m_im->push(protocol::CallAccepted{{"c1", "desktop"}});
    const std::int64_t start = m_clock->nowMs();
    int tries = 0;
    while (m_controller->state() == CallState::Connecting && m_clock->nowMs() - start < 60'000) {
        if (!m_im->requests.empty()) {
            QVERIFY(m_im->fail("room.join", int(protocol::ErrorCode::Unavailable)));
            ++tries;
        }
        m_clock->advance(50);
    }
    QCOMPARE(m_controller->endReason(), EndReason::Failed);
    QVERIFY(m_clock->nowMs() - start > 6000 && m_clock->nowMs() - start <= 8100);
    QVERIFY(tries >= 4 && tries <= 10);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toInt(), int(protocol::ErrorCode::Unavailable));
    QVERIFY(!m_controller->isRejoining());
}

// The server ended the call while the device was out of it: it has ended as a hang-up of the
// other side would (as its record says), not failed.
void TestCallController::roomJoinOfACallThatEndedMeanwhile()
{
    dialAndRing();
    m_im->push(protocol::CallAccepted{{"c1", "desktop"}});
    QVERIFY(m_im->fail("room.join", int(protocol::ErrorCode::Unavailable)));
    m_clock->advance(250);
    QVERIFY(m_im->fail("room.join", int(protocol::ErrorCode::NoSuchCall)));
    QCOMPARE(m_controller->state(), CallState::Ended);
    QCOMPARE(m_controller->endReason(), EndReason::RemoteHungUp);
    m_clock->advance(60'000);
    QVERIFY(m_im->requests.empty());
}

void TestCallController::theWaitFollowsTheGraceTheServerStates()
{
    protocol::LoginResult login;
    login.reconnectGraceSeconds = 60;  // an operator raised it
    emit m_im->loggedIn(login);
    dialAndRing();
    m_im->push(protocol::CallAccepted{{"c1", "desktop"}});
    m_im->setConnection(im::ConnectionState::Waiting);
    m_clock->advance(64'999);
    QCOMPARE(m_controller->state(), CallState::Connecting);
    m_clock->advance(1);
    QCOMPARE(m_controller->state(), CallState::Ended);
}

void TestCallController::endedCallLingersThenGoesIdle()
{
    m_controller->setEndedLingerMs(2000);
    dialAndRing();
    m_im->push(protocol::CallBusy{{"c1"}});
    QCOMPARE(m_controller->state(), CallState::Ended);
    m_clock->advance(1999);
    QCOMPARE(m_controller->state(), CallState::Ended);
    m_clock->advance(1);
    QCOMPARE(m_controller->state(), CallState::Idle);
    QVERIFY(m_controller->current().cid.isEmpty());
}

void TestCallController::inviteRefusedEndsAsFailed()
{
    QSignalSpy failed(m_controller.get(), &CallController::failed);
    QVERIFY(m_controller->call(QStringLiteral("nobody"), CallType::Audio));
    QVERIFY(m_im->fail("call.invite", int(protocol::ErrorCode::NoSuchAccount)));
    QCOMPARE(m_controller->endReason(), EndReason::Failed);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toInt(), int(protocol::ErrorCode::NoSuchAccount));
    QVERIFY(m_im->sent.empty());
    // A new call may start straight away: the ended one is dismissed.
    QVERIFY(m_controller->call(QStringLiteral("bob"), CallType::Audio));
}

void TestCallController::callsOffOnThisDeviceDoNotRing()
{
    m_controller->setAcceptCalls(false);
    m_im->push(incomingFrom("bob", "c5", 55));
    QCOMPARE(m_controller->state(), CallState::Idle);
    QVERIFY(m_im->requests.empty());  // other devices may still answer
}

void TestCallController::signallingIsScopedToTheCurrentCall()
{
    QSignalSpy sdp(m_controller.get(), &CallController::remoteSdp);
    QSignalSpy ice(m_controller.get(), &CallController::remoteIce);
    dialAndRing();
    m_im->push(protocol::CallAccepted{{"c1", "desktop"}});
    m_im->push(protocol::RtcSdpEvent{"c0", "bob", protocol::SdpType::Offer, "v=0"});
    m_im->push(protocol::RtcSdpEvent{"c1", "bob", protocol::SdpType::Answer, "v=0"});
    m_im->push(
        protocol::RtcIceEvent{"c1", "bob", "candidate:1 1 udp 1 10.0.0.1 9 typ host", 0, "0"});
    QCOMPARE(sdp.count(), 1);
    QCOMPARE(ice.count(), 1);
    m_controller->sendSdp(protocol::SdpType::Offer, QStringLiteral("v=0"));
    m_im->take("room.join");
    const auto sent = m_im->take("rtc.sdp");
    QCOMPARE(field(sent, "cid"), QStringLiteral("c1"));
    QCOMPARE(field(sent, "sdpType"), QStringLiteral("offer"));
}

void TestCallController::dismissingAsTheCallEndsKeepsItsRequests()
{
    // An application that clears the call as soon as it ends must not lose its last requests.
    connect(m_controller.get(), &CallController::ended, m_controller.get(),
            &CallController::dismiss);
    dialAndRing();
    m_im->push(protocol::CallAccepted{{"c1", "desktop"}});
    m_im->take("room.join");
    QVERIFY(m_controller->hangup());
    QCOMPARE(m_controller->state(), CallState::Idle);
    QCOMPARE(field(m_im->take("call.hangup"), "cid"), QStringLiteral("c1"));

    dialAndRing();
    m_im->push(protocol::CallRejected{{"c1", "desktop"}});
    QCOMPARE(m_controller->state(), CallState::Idle);
    const auto record = onlyRecord();
    QVERIFY(record);
    QCOMPARE(record->status, CallStatus::Rejected);

    m_im->sent.clear();
    dialAndRing();
    m_clock->advance(30'000);
    QCOMPARE(m_controller->state(), CallState::Idle);
    QCOMPARE(field(m_im->requests.front(), "cid"), QStringLiteral("c1"));
    QVERIFY(m_im->answer("call.cancel", kEmpty));
    QCOMPARE(onlyRecord()->status, CallStatus::Timeout);
}

QTEST_GUILESS_MAIN(TestCallController)
#include "tst_call_controller.moc"
