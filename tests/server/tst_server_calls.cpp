// One-to-one calls against the real server: the seeds' flows, multi-device, busy, relay.
// Timing to the millisecond (durations, ring expiry, the graces) is in tst_server_call_clock,
// on a manual clock; here only the ring expiry backstop runs on the real one.

#include "call_helpers.h"
#include "server_process.h"

#include <algorithm>
#include <cctype>

using namespace softphone::test;

class TestServerCalls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void completedCallCarriesDurations();
    void callIdsFollowTheOrderCallsArePlaced();
    void answeredOnAnotherDevice();
    void declinedOnAnotherDevice();
    void callerCancels();
    void callerTimesOut();
    void calleeBusyInAnotherCall();
    void calleeClientAnswersBusy();
    void inviteErrors();
    void deviceComingOnlineWhileRingingIsRung();
    void hangupReachesOnlyItsCall();
    void mediaSignallingIsRelayedBetweenTheTwoDevices();
    void reconnectDuringACallResumesIt();
    void serverRingExpiryIsABackstop();

private:
    std::unique_ptr<ServerProcess> m_server;
};

void TestServerCalls::initTestCase()
{
    m_server = std::make_unique<ServerProcess>(
        json{{"ringTimeoutSeconds", 3}, {"recordGraceSeconds", 2}, {"reconnectGraceSeconds", 2}});
    QVERIFY(m_server->start());
}

void TestServerCalls::cleanupTestCase()
{
    QVERIFY(m_server->stop());
}

void TestServerCalls::completedCallCarriesDurations()
{
    const std::string a = uniqueName("ann"), b = uniqueName("ben");
    TestClient caller(m_server->url(), "a1"), callee(m_server->url(), "b1", "web");
    QVERIFY(caller.signIn(a) && callee.signIn(b));

    const auto call = placeCall(caller, b, CallType::Video);
    QVERIFY(call);
    const auto incoming = callee.waitFor<CallIncoming>();  // beCalling
    QVERIFY(incoming);
    QCOMPARE(incoming->caller, a);
    QCOMPARE(incoming->type, CallType::Video);
    QCOMPARE(incoming->cid, call->cid);

    QVERIFY(callee.request(CallRespond{call->cid, true, false}).ok());
    const auto accepted = caller.waitFor<CallAccepted>();
    QVERIFY(accepted);
    QCOMPARE(accepted->fromClientType, std::string("web"));

    const auto joined = caller.request(RoomJoin{call->cid, 2});  // startRtc
    QVERIFY(joined.ok());
    const auto me = fromJson<RoomJoinResult>(*joined.result);
    QVERIFY(me.ok());
    QCOMPARE(me->account, a);
    QCOMPARE(me->cid, call->cid);
    const auto firstSync = caller.waitFor<RoomSyncDone>();
    QVERIFY(firstSync && firstSync->userlist.empty());

    QVERIFY(callee.request(RoomJoin{call->cid, 2}).ok());
    const auto sync = callee.waitFor<RoomSyncDone>();
    QVERIFY(sync);
    QCOMPARE(sync->code, 200);
    QCOMPARE(sync->userlist.size(), 1u);
    QCOMPARE(sync->userlist[0].account, a);
    const auto clientJoin = caller.waitFor<RoomClientJoin>();
    QVERIFY(clientJoin);
    QCOMPARE(clientJoin->account, b);

    QVERIFY(callee.request(CallHangup{call->cid}).ok());
    const auto hangup = caller.waitFor<CallHangupEvent>();
    QVERIFY(hangup);
    QCOMPARE(hangup->cid, call->cid);
    QCOMPARE(hangup->account, b);

    for (TestClient *side : {&caller, &callee}) {
        const auto record = waitRecord(*side);
        QVERIFY2(record, "no status-1 record");
        const auto &[message, attach] = *record;
        QCOMPARE(message.from, a);  // every record names the caller
        QCOMPARE(message.to, b);
        QCOMPARE(message.fromClientType, std::string("server"));
        QCOMPARE(attach.status, CallStatus::Completed);
        QCOMPARE(attach.type, CallType::Video);
        QCOMPARE(attach.channelId, call->channelId);
        // Their values to the millisecond: tst_server_call_clock.
        QVERIFY(attach.durationOf(a) && attach.durationOf(b));
        QVERIFY(*attach.durationOf(a) >= *attach.durationOf(b));  // the caller joined first
    }
}

// Call ids begin with their creation time, so that the index on them grows at its end (a
// random id wrote a random page of it per call); they stay 32 hex digits, unique per call.
void TestServerCalls::callIdsFollowTheOrderCallsArePlaced()
{
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) {
        const std::string a = uniqueName("ida"), b = uniqueName("idb");
        TestClient caller(m_server->url(), "a1"), callee(m_server->url(), "b1");
        QVERIFY(caller.signIn(a) && callee.signIn(b));
        const auto call = placeCall(caller, b);
        QVERIFY(call);
        QCOMPARE(call->cid.size(), 32u);
        QVERIFY(std::all_of(call->cid.begin(), call->cid.end(),
                            [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }));
        ids.push_back(call->cid);
        QTest::qWait(2);  // a later millisecond
    }
    QVERIFY2(std::is_sorted(ids.begin(), ids.end()),
             (ids[0] + " " + ids[1] + " " + ids[2]).c_str());
    QVERIFY(ids[0] != ids[1] && ids[1] != ids[2]);
}

void TestServerCalls::answeredOnAnotherDevice()
{
    const std::string a = uniqueName("cat"), b = uniqueName("dan");
    TestClient caller(m_server->url(), "a1");
    TestClient desk(m_server->url(), "desk", "desktop"), phone(m_server->url(), "phone", "cli");
    QVERIFY(caller.signIn(a) && desk.signIn(b) && phone.signIn(b));
    const auto call = placeCall(caller, b);
    QVERIFY(call);
    QVERIFY(desk.waitFor<CallIncoming>());
    QVERIFY(phone.waitFor<CallIncoming>());

    QVERIFY(desk.request(CallRespond{call->cid, true, false}).ok());
    const auto sync = phone.waitFor<CallAckSync>();  // callerAckSync
    QVERIFY(sync);
    QCOMPARE(sync->cid, call->cid);
    QVERIFY(sync->accepted);
    QCOMPARE(sync->fromClientType, std::string("desktop"));
    QVERIFY(sync->timetag > 0);
    QCOMPARE(phone.request(CallRespond{call->cid, true, false}).code(),
             int(ErrorCode::CallStateConflict));
    QVERIFY(caller.waitFor<CallAccepted>());
    QVERIFY(desk.noEvent("call.ackSync", 200));
    QVERIFY(caller.request(CallHangup{call->cid}).ok());
    QVERIFY(desk.waitFor<CallHangupEvent>());
    QVERIFY(phone.noEvent("call.hangup", 300));  // only the device in the call hears it
    QVERIFY(waitRecord(phone));                  // but every device gets the record
}

void TestServerCalls::declinedOnAnotherDevice()
{
    const std::string a = uniqueName("eli"), b = uniqueName("fay");
    TestClient caller(m_server->url(), "a1");
    TestClient desk(m_server->url(), "desk"), phone(m_server->url(), "phone", "cli");
    QVERIFY(caller.signIn(a) && desk.signIn(b) && phone.signIn(b));
    const auto call = placeCall(caller, b);
    QVERIFY(call && desk.waitFor<CallIncoming>() && phone.waitFor<CallIncoming>());

    QVERIFY(phone.request(CallRespond{call->cid, false, false}).ok());
    const auto sync = desk.waitFor<CallAckSync>();
    QVERIFY(sync && !sync->accepted);
    QCOMPARE(sync->fromClientType, std::string("cli"));
    QVERIFY(caller.waitFor<CallRejected>());  // callRejected
    const auto sent = sendRecord(caller, b, call->channelId, CallStatus::Rejected);
    QVERIFY2(sent.ok(), sent.message().c_str());
    for (TestClient *device : {&desk, &phone}) {
        const auto record = waitRecord(*device);
        QVERIFY(record);
        QCOMPARE(record->first.from, a);
        QCOMPARE(record->first.fromClientType, std::string("desktop"));
        QCOMPARE(record->second.status, CallStatus::Rejected);
    }
}

void TestServerCalls::callerCancels()
{
    const std::string a = uniqueName("gil"), b = uniqueName("hugh");
    TestClient caller(m_server->url()), callee(m_server->url());
    QVERIFY(caller.signIn(a) && callee.signIn(b));
    const auto call = placeCall(caller, b);
    QVERIFY(call && callee.waitFor<CallIncoming>());
    QVERIFY(caller.request(CallCancel{call->cid, CancelReason::Canceled}).ok());
    const auto canceled = callee.waitFor<CallCanceled>();
    QVERIFY(canceled);
    QCOMPARE(canceled->reason, CancelReason::Canceled);
    QCOMPARE(callee.request(CallRespond{call->cid, true, false}).code(),
             int(ErrorCode::NoSuchCall));
    QVERIFY(sendRecord(caller, b, call->channelId, CallStatus::Canceled).ok());
    const auto record = waitRecord(callee);
    QVERIFY(record);
    QCOMPARE(record->second.status, CallStatus::Canceled);
}

void TestServerCalls::callerTimesOut()
{
    const std::string a = uniqueName("ida"), b = uniqueName("jon");
    TestClient caller(m_server->url()), callee(m_server->url());
    QVERIFY(caller.signIn(a) && callee.signIn(b));
    const auto call = placeCall(caller, b, CallType::Video);
    QVERIFY(call && callee.waitFor<CallIncoming>());
    QVERIFY(caller.request(CallCancel{call->cid, CancelReason::Timeout}).ok());
    const auto canceled = callee.waitFor<CallCanceled>();
    QVERIFY(canceled && canceled->reason == CancelReason::Timeout);
    QCOMPARE(sendRecord(caller, b, call->channelId, CallStatus::Canceled, CallType::Video).code(),
             int(ErrorCode::RecordMismatch));
    QCOMPARE(
        sendRecord(caller, b, call->channelId, CallStatus::Timeout, CallType::Audio, "r2").code(),
        int(ErrorCode::RecordMismatch));
    QVERIFY(
        sendRecord(caller, b, call->channelId, CallStatus::Timeout, CallType::Video, "r3").ok());
    const auto record = waitRecord(callee);
    QVERIFY(record && record->second.status == CallStatus::Timeout);
}

void TestServerCalls::calleeBusyInAnotherCall()
{
    const std::string a = uniqueName("kim"), b = uniqueName("lee"), c = uniqueName("max");
    TestClient first(m_server->url()), busy(m_server->url()), second(m_server->url());
    QVERIFY(first.signIn(a) && busy.signIn(b) && second.signIn(c));
    const auto ongoing = placeCall(first, b);
    QVERIFY(ongoing && busy.waitFor<CallIncoming>());
    QVERIFY(busy.request(CallRespond{ongoing->cid, true, false}).ok());

    const auto call = placeCall(second, b);
    QVERIFY(call);
    QVERIFY(second.waitFor<CallBusy>());  // onUserBusy
    QVERIFY(busy.noEvent("call.incoming", 200));
    QVERIFY(sendRecord(second, b, call->channelId, CallStatus::Busy).ok());
    const auto record = waitRecord(busy);
    QVERIFY(record);
    QCOMPARE(record->first.from, c);
    QCOMPARE(record->second.status, CallStatus::Busy);

    // The caller of an ongoing call is busy too.
    const auto third = placeCall(second, a);
    QVERIFY(third);
    QVERIFY(second.waitFor<CallBusy>());
    QVERIFY(first.request(CallHangup{ongoing->cid}).ok());
}

void TestServerCalls::calleeClientAnswersBusy()
{
    const std::string a = uniqueName("ned"), b = uniqueName("ola");
    TestClient caller(m_server->url()), callee(m_server->url());
    QVERIFY(caller.signIn(a) && callee.signIn(b));
    const auto call = placeCall(caller, b);
    QVERIFY(call && callee.waitFor<CallIncoming>());
    QVERIFY(callee.request(CallRespond{call->cid, false, true}).ok());
    QVERIFY(caller.waitFor<CallBusy>());
    QCOMPARE(sendRecord(caller, b, call->channelId, CallStatus::Rejected).code(),
             int(ErrorCode::RecordMismatch));
    QVERIFY(sendRecord(caller, b, call->channelId, CallStatus::Busy, CallType::Audio, "b2").ok());
}

void TestServerCalls::inviteErrors()
{
    const std::string a = uniqueName("pam"), b = uniqueName("quin");
    TestClient caller(m_server->url()), callee(m_server->url());
    QVERIFY(caller.signIn(a) && callee.signIn(b));
    QCOMPARE(caller.request(CallInvite{a, CallType::Audio, true}).code(),
             int(ErrorCode::CalleeIsSelf));
    QCOMPARE(caller.request(CallInvite{"nobody-here", CallType::Audio, true}).code(),
             int(ErrorCode::NoSuchAccount));
    const auto call = placeCall(caller, b);
    QVERIFY(call);
    QCOMPARE(caller.request(CallInvite{b, CallType::Audio, true}).code(),
             int(ErrorCode::CallerBusy));
    QCOMPARE(callee.request(CallCancel{call->cid, CancelReason::Canceled}).code(),
             int(ErrorCode::NotParticipant));
    QCOMPARE(caller.request(RoomJoin{call->cid, 0}).code(), int(ErrorCode::CallStateConflict));
    QVERIFY(caller.request(CallCancel{call->cid, CancelReason::Canceled}).ok());
    QCOMPARE(caller.request(CallCancel{call->cid, CancelReason::Canceled}).code(),
             int(ErrorCode::NoSuchCall));
}

void TestServerCalls::deviceComingOnlineWhileRingingIsRung()
{
    const std::string a = uniqueName("ray"), b = uniqueName("sue");
    TestClient caller(m_server->url());
    QVERIFY(caller.signIn(a));
    {
        TestClient create(m_server->url(), "setup");
        QVERIFY(create.signIn(b));
    }
    const auto call = placeCall(caller, b);  // nobody of b's is online
    QVERIFY(call);
    TestClient late(m_server->url(), "late");
    QVERIFY(late.signIn(b));
    const auto incoming = late.waitFor<CallIncoming>();  // forceKeepCalling
    QVERIFY(incoming);
    QCOMPARE(incoming->cid, call->cid);
    QVERIFY(caller.request(CallCancel{call->cid, CancelReason::Canceled}).ok());
}

void TestServerCalls::hangupReachesOnlyItsCall()
{
    const std::string a = uniqueName("tom"), b = uniqueName("una"), c = uniqueName("val"),
                      d = uniqueName("wes");
    TestClient ta(m_server->url()), tb(m_server->url()), tc(m_server->url()), td(m_server->url());
    QVERIFY(ta.signIn(a) && tb.signIn(b) && tc.signIn(c) && td.signIn(d));
    const auto one = placeCall(ta, b);
    const auto two = placeCall(tc, d);
    QVERIFY(one && two);
    QVERIFY(tb.waitFor<CallIncoming>() && td.waitFor<CallIncoming>());
    QVERIFY(tb.request(CallRespond{one->cid, true, false}).ok());
    QVERIFY(td.request(CallRespond{two->cid, true, false}).ok());
    QCOMPARE(tc.request(CallHangup{one->cid}).code(), int(ErrorCode::NotParticipant));
    QVERIFY(ta.request(CallHangup{one->cid}).ok());
    const auto hangup = tb.waitFor<CallHangupEvent>();
    QVERIFY(hangup && hangup->cid == one->cid);
    QVERIFY(tc.noEvent("call.hangup", 300) && td.noEvent("call.hangup", 0));
    QVERIFY(tc.request(CallHangup{two->cid}).ok());
    QVERIFY(td.waitFor<CallHangupEvent>());
}

void TestServerCalls::mediaSignallingIsRelayedBetweenTheTwoDevices()
{
    const std::string a = uniqueName("xia"), b = uniqueName("yan"), c = uniqueName("zoe");
    TestClient caller(m_server->url(), "a1"), answering(m_server->url(), "b1"),
        other(m_server->url(), "b2"), stranger(m_server->url());
    QVERIFY(caller.signIn(a) && answering.signIn(b) && other.signIn(b) && stranger.signIn(c));
    const auto call = placeCall(caller, b, CallType::Video);
    QVERIFY(call && answering.waitFor<CallIncoming>());
    QCOMPARE(caller.request(RtcSdp{call->cid, SdpType::Offer, "v=0\r\n"}).code(),
             int(ErrorCode::CallStateConflict));
    QVERIFY(answering.request(CallRespond{call->cid, true, false}).ok());
    QVERIFY(caller.waitFor<CallAccepted>());

    QVERIFY(caller.request(RtcSdp{call->cid, SdpType::Offer, "v=0\r\no=offer\r\n"}).ok());
    const auto offer = answering.waitFor<RtcSdpEvent>();
    QVERIFY(offer);
    QCOMPARE(offer->from, a);
    QCOMPARE(offer->sdpType, SdpType::Offer);
    QCOMPARE(offer->sdp, std::string("v=0\r\no=offer\r\n"));
    QVERIFY(answering.request(RtcSdp{call->cid, SdpType::Answer, "v=0\r\no=answer\r\n"}).ok());
    QVERIFY(caller.waitFor<RtcSdpEvent>());
    QVERIFY(answering.request(RtcIce{call->cid, "candidate:1 1 udp 1 10.0.0.2 9 typ host", 0, "0"})
                .ok());
    const auto ice = caller.waitFor<RtcIceEvent>();
    QVERIFY(ice && ice->sdpMid == "0");

    QCOMPARE(other.request(RtcIce{call->cid, "candidate:x", 0, "0"}).code(),
             int(ErrorCode::NotParticipant));
    QCOMPARE(stranger.request(RtcSdp{call->cid, SdpType::Offer, "v=0\r\n"}).code(),
             int(ErrorCode::NotParticipant));
    QVERIFY(other.noEvent("rtc.sdp", 200) && other.noEvent("rtc.ice", 0));
    QVERIFY(caller.request(CallHangup{call->cid}).ok());
}

void TestServerCalls::reconnectDuringACallResumesIt()
{
    const std::string a = uniqueName("abe"), b = uniqueName("bea");
    TestClient caller(m_server->url(), "a1");
    auto callee = std::make_unique<TestClient>(m_server->url(), "b1");
    QVERIFY(caller.signIn(a) && callee->signIn(b));
    const auto call = placeCall(caller, b);
    QVERIFY(call && callee->waitFor<CallIncoming>());
    QVERIFY(callee->request(CallRespond{call->cid, true, false}).ok());
    QVERIFY(caller.request(RoomJoin{call->cid, 0}).ok());
    QVERIFY(callee->request(RoomJoin{call->cid, 0}).ok());
    QVERIFY(caller.waitFor<RoomClientJoin>());
    const std::string token = callee->token();

    callee->abort();  // the network drops
    const auto left = caller.waitFor<RoomClientLeave>();
    QVERIFY(left && left->account == b);
    callee = std::make_unique<TestClient>(m_server->url(), "b1");
    QVERIFY(callee->open());
    QVERIFY(callee->loginWithToken(b, token).ok());
    QVERIFY(callee->request(RoomJoin{call->cid, 0}).ok());
    QVERIFY(caller.waitFor<RoomClientJoin>());
    // That the call outlives the grace then: tst_server_call_clock.
    QVERIFY(caller.request(CallHangup{call->cid}).ok());
    QVERIFY(callee->waitFor<CallHangupEvent>());
    const auto record = waitRecord(*callee);
    QVERIFY(record && record->second.status == CallStatus::Completed);
}

// The one test here that waits for the server's timers: they run on the system clock.
void TestServerCalls::serverRingExpiryIsABackstop()
{
    const std::string a = uniqueName("fin"), b = uniqueName("gus");
    TestClient caller(m_server->url()), callee(m_server->url());
    QVERIFY(caller.signIn(a) && callee.signIn(b));
    const auto call = placeCall(caller, b);
    QVERIFY(call && callee.waitFor<CallIncoming>());
    QVERIFY(caller.waitFor<CallTimeout>(6000));
    const auto canceled = callee.waitFor<CallCanceled>();
    QVERIFY(canceled && canceled->reason == CancelReason::Timeout);
    // The caller sends nothing: after the grace the server records the timeout itself.
    const auto record = waitRecord(callee, 6000);
    QVERIFY(record);
    QCOMPARE(record->first.from, a);
    QCOMPARE(record->first.fromClientType, std::string("server"));
    QCOMPARE(record->second.status, CallStatus::Timeout);
    QCOMPARE(sendRecord(caller, b, call->channelId, CallStatus::Timeout).code(),
             int(ErrorCode::RecordDuplicate));
}

QTEST_GUILESS_MAIN(TestServerCalls)
#include "tst_server_calls.moc"
