// The server's call lifecycle on a manual clock: its transition table, and ring expiry,
// record grace, reconnect grace and durations to the millisecond, without waiting for any of
// them. The server runs in this process (real sockets, real SQLite); only its clock is fake.

#include "call_helpers.h"
#include "calls/call_transitions.h"
#include "clocked_server.h"
#include "softphone_server.h"

#include <set>

using namespace softphone;
using namespace softphone::test;
using server::CallPhase;
using server::CallTrigger;

namespace {

constexpr int kRingMs = 30'000;
constexpr int kRecordGraceMs = 10'000;
constexpr int kReconnectGraceMs = 20'000;

std::optional<CallRecord> recordIn(TestClient &client, const std::string &peer)
{
    const auto reply = client.request(History{peer, std::nullopt, 50});
    if (!reply.ok())
        return std::nullopt;
    const auto page = fromJson<HistoryPage>(*reply.result);
    if (!page)
        return std::nullopt;
    std::optional<CallRecord> found;
    for (const Message &message : page->messages) {
        if (message.msgType == MsgType::CallRecord) {
            if (found)
                return std::nullopt;  // more than one record is as wrong as none
            found = *CallRecord::parse(message.attach);
        }
    }
    return found;
}

std::int64_t durationOf(const CallRecord &record, const std::string &account)
{
    for (const CallDuration &duration : record.durations) {
        if (duration.accid == account)
            return duration.duration;
    }
    return -1;
}

}  // namespace

class TestServerCallClock : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void everyPhaseAndTriggerHasAtMostOneTransition();
    void aCallEndsOnlyWithAStatusAndClosedIsFinal();
    void ringExpiresExactlyAtTheRingTimeout();
    void theServerRecordsWhenTheCallerDoesNotWithinTheGrace();
    void theCallersRecordWithinTheGraceIsTheOnlyOne();
    void durationsAreTheTimeEachWasInTheRoom();
    void aPartyNotBackWithinTheGraceEndsTheCall();
    void aPartyBackWithinTheGraceKeepsTheCall();
    void aCallingDeviceGoneForTheGraceCancelsTheCall();
    void theLoginResultStatesTheGrace();
    void theInviteLimitRefillsOnTheServersClock();

private:
    void startServer(double invitesPerMinute, double inviteBurst);
    bool serverSawDisconnect();
    std::optional<PlacedCall> ring();
    std::optional<PlacedCall> answerAndJoin();

    std::unique_ptr<ClockedServer> m_server;
    ManualClock *m_clock = nullptr;
    std::unique_ptr<TestClient> m_caller;
    std::unique_ptr<TestClient> m_callee;
};

void TestServerCallClock::init()
{
    startServer(0, 1);  // no invite limit
}

// One server at a time: servers in one process share their WAL checkpointer's connection name.
void TestServerCallClock::startServer(double invitesPerMinute, double inviteBurst)
{
    m_server = std::make_unique<ClockedServer>();
    m_clock = &m_server->clock();
    server::ServerConfig &config = m_server->config();
    config.ringTimeoutSeconds = kRingMs / 1000;
    config.recordGraceSeconds = kRecordGraceMs / 1000;
    config.reconnectGraceSeconds = kReconnectGraceMs / 1000;
    config.invitesPerMinute = invitesPerMinute;
    config.inviteBurst = inviteBurst;
    QCOMPARE(m_server->start(), QString());
    m_caller = std::make_unique<TestClient>(m_server->url(), "caller-desk");
    m_callee = std::make_unique<TestClient>(m_server->url(), "callee-desk");
    QVERIFY(m_caller->signIn("ada") && m_callee->signIn("bo"));
}

void TestServerCallClock::cleanup()
{
    m_caller.reset();
    m_callee.reset();
    m_clock = nullptr;
    m_server.reset();
}

// The grace runs from when the server notices the drop, which takes a turn of its loop.
bool TestServerCallClock::serverSawDisconnect()
{
    return m_server->waitForConnections(1);
}

std::optional<PlacedCall> TestServerCallClock::ring()
{
    auto call = placeCall(*m_caller, "bo");
    if (!call || !m_callee->waitFor<CallIncoming>())
        return std::nullopt;
    return call;
}

std::optional<PlacedCall> TestServerCallClock::answerAndJoin()
{
    auto call = ring();
    if (!call || !m_callee->request(CallRespond{call->cid, true, false}).ok() ||
        !m_caller->waitFor<CallAccepted>() || !m_caller->request(RoomJoin{call->cid, 0}).ok() ||
        !m_callee->request(RoomJoin{call->cid, 0}).ok())
        return std::nullopt;
    return call;
}

void TestServerCallClock::everyPhaseAndTriggerHasAtMostOneTransition()
{
    std::set<std::pair<CallPhase, CallTrigger>> seen;
    std::set<CallTrigger> triggers;
    for (const server::CallTransition &transition : server::kCallTransitions) {
        QVERIFY2(seen.insert({transition.from, transition.trigger}).second,
                 server::callTriggerName(transition.trigger).data());
        triggers.insert(transition.trigger);
    }
    QCOMPARE(triggers.size(), std::size_t(CallTrigger::Shutdown) + 1);  // each one is used
}

void TestServerCallClock::aCallEndsOnlyWithAStatusAndClosedIsFinal()
{
    for (const server::CallTransition &transition : server::kCallTransitions) {
        QVERIFY(transition.from != CallPhase::Closed);
        const bool ends =
            transition.from != CallPhase::AwaitingRecord &&
            (transition.to == CallPhase::AwaitingRecord || transition.to == CallPhase::Closed);
        QCOMPARE(transition.status.has_value(), ends);
        // An answered call is the server's to record; an unanswered one the caller's.
        if (transition.status == CallStatus::Completed)
            QVERIFY(transition.actions & server::RecordNow);
        if (transition.to == CallPhase::AwaitingRecord)
            QVERIFY(transition.actions & server::AwaitCallerRecord);
    }
}

void TestServerCallClock::ringExpiresExactlyAtTheRingTimeout()
{
    const auto call = ring();
    QVERIFY(call);
    m_clock->advance(kRingMs - 1);
    QVERIFY(settle(*m_caller) && settle(*m_callee));
    QCOMPARE(m_caller->countEvents(std::string(CallTimeout::kEvent)), 0u);
    QCOMPARE(m_callee->countEvents(std::string(CallCanceled::kEvent)), 0u);
    m_clock->advance(1);
    QVERIFY(m_caller->waitFor<CallTimeout>());
    const auto canceled = m_callee->waitFor<CallCanceled>();
    QVERIFY(canceled);
    QCOMPARE(canceled->reason, CancelReason::Timeout);
}

void TestServerCallClock::theServerRecordsWhenTheCallerDoesNotWithinTheGrace()
{
    const auto call = ring();
    QVERIFY(call);
    m_clock->advance(kRingMs);
    QVERIFY(m_caller->waitFor<CallTimeout>());
    m_clock->advance(kRecordGraceMs - 1);
    QVERIFY(settle(*m_callee));
    QVERIFY(!recordIn(*m_callee, "ada"));
    m_clock->advance(1);
    const auto record = waitRecord(*m_callee);
    QVERIFY(record);
    QCOMPARE(record->second.status, CallStatus::Timeout);
    QCOMPARE(record->first.msgidClient.rfind("server:record:", 0), 0u);
    QCOMPARE(record->first.from, std::string("ada"));
    QCOMPARE(record->first.fromClientType, std::string("server"));
    QCOMPARE(sendRecord(*m_caller, "bo", call->channelId, CallStatus::Timeout).code(),
             int(ErrorCode::RecordDuplicate));
}

void TestServerCallClock::theCallersRecordWithinTheGraceIsTheOnlyOne()
{
    const auto call = ring();
    QVERIFY(call);
    QVERIFY(m_callee->request(CallRespond{call->cid, false, false}).ok());
    QVERIFY(m_caller->waitFor<CallRejected>());
    m_clock->advance(kRecordGraceMs - 1);
    QVERIFY(sendRecord(*m_caller, "bo", call->channelId, CallStatus::Rejected).ok());
    m_clock->advance(kRecordGraceMs);
    QVERIFY(settle(*m_callee));
    const auto record = recordIn(*m_callee, "ada");
    QVERIFY(record);
    QCOMPARE(record->status, CallStatus::Rejected);
}

void TestServerCallClock::durationsAreTheTimeEachWasInTheRoom()
{
    const auto call = ring();
    QVERIFY(call);
    QVERIFY(m_callee->request(CallRespond{call->cid, true, false}).ok());
    QVERIFY(m_caller->waitFor<CallAccepted>());
    QVERIFY(m_caller->request(RoomJoin{call->cid, 0}).ok());
    m_clock->advance(1'600);
    QVERIFY(m_callee->request(RoomJoin{call->cid, 0}).ok());
    m_clock->advance(2'400);  // the caller was in for 4.0 s, the callee for 2.4 s
    QVERIFY(m_caller->request(CallHangup{call->cid}).ok());
    QVERIFY(m_callee->waitFor<CallHangupEvent>());
    const auto record = waitRecord(*m_callee);
    QVERIFY(record);
    QCOMPARE(record->second.status, CallStatus::Completed);
    QCOMPARE(durationOf(record->second, "ada"), 4);
    QCOMPARE(durationOf(record->second, "bo"), 2);
}

void TestServerCallClock::aPartyNotBackWithinTheGraceEndsTheCall()
{
    const auto call = answerAndJoin();
    QVERIFY(call);
    m_clock->advance(3'000);
    m_callee->abort();
    QVERIFY(serverSawDisconnect());
    m_clock->advance(kReconnectGraceMs - 1);
    QVERIFY(settle(*m_caller));
    QCOMPARE(m_caller->countEvents(std::string(CallHangupEvent::kEvent)), 0u);
    m_clock->advance(1);
    const auto hangup = m_caller->waitFor<CallHangupEvent>();
    QVERIFY(hangup);
    QCOMPARE(hangup->account, std::string("bo"));
    const auto record = waitRecord(*m_caller);
    QVERIFY(record);
    QCOMPARE(record->second.status, CallStatus::Completed);
    // The callee's stay ended when its connection did, not when the grace ran out.
    QCOMPARE(durationOf(record->second, "bo"), 3);
    QCOMPARE(durationOf(record->second, "ada"), 23);
}

void TestServerCallClock::aPartyBackWithinTheGraceKeepsTheCall()
{
    const auto call = answerAndJoin();
    QVERIFY(call);
    m_callee->abort();
    QVERIFY(serverSawDisconnect());
    m_clock->advance(kReconnectGraceMs - 1);
    QVERIFY(m_callee->open() && m_callee->signIn("bo"));
    QVERIFY(m_callee->request(RoomJoin{call->cid, 0}).ok());
    m_clock->advance(kReconnectGraceMs);
    QVERIFY(settle(*m_caller));
    QCOMPARE(m_caller->countEvents(std::string(CallHangupEvent::kEvent)), 0u);
    const auto current = m_caller->request(CallCurrent{});
    QVERIFY(current.ok());
    QCOMPARE(current.result->value("cid", std::string()), call->cid);
}

void TestServerCallClock::aCallingDeviceGoneForTheGraceCancelsTheCall()
{
    QVERIFY(ring());
    m_caller->abort();
    QVERIFY(serverSawDisconnect());
    m_clock->advance(kReconnectGraceMs - 1);
    QVERIFY(settle(*m_callee));
    QCOMPARE(m_callee->countEvents(std::string(CallCanceled::kEvent)), 0u);
    m_clock->advance(1);
    const auto canceled = m_callee->waitFor<CallCanceled>();
    QVERIFY(canceled);
    QCOMPARE(canceled->reason, CancelReason::Canceled);
    m_clock->advance(kRecordGraceMs);  // the caller is gone: the server records
    const auto record = waitRecord(*m_callee);
    QVERIFY(record);
    QCOMPARE(record->second.status, CallStatus::Canceled);
    QVERIFY(recordIn(*m_callee, "ada"));  // and it is the only one
}

// Clients wait a little longer than this for a lost connection before giving a call up.
void TestServerCallClock::theLoginResultStatesTheGrace()
{
    TestClient other(m_server->url(), "tab");
    QVERIFY(other.open());
    const auto reply = other.login("ada", "password-123");
    QVERIFY(reply.ok());
    QCOMPARE(reply.result->value("reconnectGraceSeconds", 0), kReconnectGraceMs / 1000);
}

// Calls placed past the burst are refused until the server's clock, not the wall clock, has
// earned one back.
void TestServerCallClock::theInviteLimitRefillsOnTheServersClock()
{
    cleanup();
    startServer(1, 1);  // one call in a row, one more a minute
    const auto first = ring();
    QVERIFY(first);
    QVERIFY(m_caller->request(CallCancel{first->cid}).ok());
    const CallInvite again{"bo", CallType::Audio, true};
    QCOMPARE(m_caller->request(again).code(), int(ErrorCode::RateLimited));
    m_clock->advance(59'999);
    QCOMPARE(m_caller->request(again).code(), int(ErrorCode::RateLimited));
    m_clock->advance(1);
    QVERIFY(placeCall(*m_caller, "bo"));
}

QTEST_GUILESS_MAIN(TestServerCallClock)
#include "tst_server_call_clock.moc"
