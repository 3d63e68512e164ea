// The call state machine: every transition, legal and illegal, against a separately written
// specification, and the seeds' flows as event sequences.

#include "call/call_state_machine.h"

#include <QTest>
#include <map>
#include <set>

using namespace softphone::call;

namespace {

constexpr CallState kStates[] = {CallState::Idle,       CallState::Outgoing, CallState::Incoming,
                                 CallState::Connecting, CallState::InCall,   CallState::Ended};
constexpr int kEventCount = int(CallEvent::Glare) + 1;

using S = CallState;
using E = CallEvent;
using R = EndReason;

// What the product promises, written out independently of the machine's own table.
const std::map<std::pair<S, E>, std::pair<S, R>> kSpecification = {
    {{S::Idle, E::Dial}, {S::Outgoing, R::None}},
    {{S::Idle, E::IncomingInvite}, {S::Incoming, R::None}},
    {{S::Outgoing, E::InviteFailed}, {S::Ended, R::Failed}},
    {{S::Outgoing, E::RemoteAccepted}, {S::Connecting, R::None}},
    {{S::Outgoing, E::RemoteRejected}, {S::Ended, R::RemoteDeclined}},
    {{S::Outgoing, E::RemoteBusy}, {S::Ended, R::Busy}},
    {{S::Outgoing, E::RingTimeout}, {S::Ended, R::NoAnswer}},
    {{S::Outgoing, E::Cancel}, {S::Ended, R::Canceled}},
    {{S::Outgoing, E::ConnectionFailed}, {S::Ended, R::Failed}},
    {{S::Outgoing, E::Glare}, {S::Connecting, R::None}},
    {{S::Incoming, E::Accept}, {S::Connecting, R::None}},
    {{S::Incoming, E::Reject}, {S::Ended, R::Declined}},
    {{S::Incoming, E::RemoteCanceled}, {S::Ended, R::Missed}},
    {{S::Incoming, E::AnsweredElsewhere}, {S::Ended, R::AnsweredElsewhere}},
    {{S::Incoming, E::DeclinedElsewhere}, {S::Ended, R::DeclinedElsewhere}},
    {{S::Incoming, E::ConnectionFailed}, {S::Ended, R::Missed}},
    {{S::Connecting, E::MediaConnected}, {S::InCall, R::None}},
    {{S::Connecting, E::Hangup}, {S::Ended, R::HungUp}},
    {{S::Connecting, E::RemoteHangup}, {S::Ended, R::RemoteHungUp}},
    {{S::Connecting, E::ConnectionFailed}, {S::Ended, R::Failed}},
    {{S::Connecting, E::RemoteCanceled}, {S::Ended, R::Missed}},
    {{S::Connecting, E::AnsweredElsewhere}, {S::Ended, R::AnsweredElsewhere}},
    {{S::Connecting, E::DeclinedElsewhere}, {S::Ended, R::DeclinedElsewhere}},
    {{S::InCall, E::Hangup}, {S::Ended, R::HungUp}},
    {{S::InCall, E::RemoteHangup}, {S::Ended, R::RemoteHungUp}},
    {{S::InCall, E::ConnectionFailed}, {S::Ended, R::Failed}},
    {{S::Ended, E::Dismiss}, {S::Idle, R::None}},
};

// Drives a fresh machine along `path` (each step must be legal) to reach `target`.
bool reach(CallStateMachine &machine, S target)
{
    static const std::map<S, std::vector<E>> paths = {
        {S::Idle, {}},
        {S::Outgoing, {E::Dial}},
        {S::Incoming, {E::IncomingInvite}},
        {S::Connecting, {E::Dial, E::RemoteAccepted}},
        {S::InCall, {E::Dial, E::RemoteAccepted, E::MediaConnected}},
        {S::Ended, {E::Dial, E::Cancel}},
    };
    for (E event : paths.at(target)) {
        if (!machine.handle(event))
            return false;
    }
    return machine.state() == target;
}

}  // namespace

Q_DECLARE_METATYPE(CallState)
Q_DECLARE_METATYPE(CallEvent)

class TestCallStateMachine : public QObject
{
    Q_OBJECT

private slots:
    void everyPair_data();
    void everyPair();
    void tableHasNoDuplicates();
    void completedOutgoingCall();
    void answeredOnAnotherDevice();
    void busyWhileNotIdle();
    void namesAreDistinct();
};

void TestCallStateMachine::everyPair_data()
{
    QTest::addColumn<CallState>("from");
    QTest::addColumn<CallEvent>("event");
    for (S state : kStates) {
        for (int e = 0; e < kEventCount; ++e) {
            const auto event = static_cast<E>(e);
            QTest::addRow("%s + %s", callStateName(state).data(), callEventName(event).data())
                << state << event;
        }
    }
}

void TestCallStateMachine::everyPair()
{
    QFETCH(CallState, from);
    QFETCH(CallEvent, event);
    CallStateMachine machine;
    QVERIFY(reach(machine, from));
    const EndReason reasonBefore = machine.endReason();

    const auto taken = machine.handle(event);
    const auto expected = kSpecification.find({from, event});
    if (expected == kSpecification.end()) {
        QVERIFY2(!taken, "an illegal event was accepted");
        QCOMPARE(machine.state(), from);
        QCOMPARE(machine.endReason(), reasonBefore);
        return;
    }
    QVERIFY2(taken, "a legal event was refused");
    QCOMPARE(machine.state(), expected->second.first);
    QCOMPARE(machine.endReason(), expected->second.second);
    QCOMPARE(taken->to, expected->second.first);
}

void TestCallStateMachine::tableHasNoDuplicates()
{
    std::set<std::pair<S, E>> seen;
    for (const Transition &t : kTransitions) {
        QVERIFY(seen.insert({t.from, t.event}).second);
        QCOMPARE(t.to == S::Ended, t.reason != R::None);  // Ended always has a reason
    }
    QCOMPARE(seen.size(), kSpecification.size());
}

void TestCallStateMachine::completedOutgoingCall()
{
    CallStateMachine machine;
    for (E event : {E::Dial, E::RemoteAccepted, E::MediaConnected, E::RemoteHangup})
        QVERIFY(machine.handle(event));
    QCOMPARE(machine.state(), S::Ended);
    QCOMPARE(machine.endReason(), R::RemoteHungUp);
    QVERIFY(!machine.handle(E::RemoteHangup));  // a second hangup changes nothing
    QVERIFY(machine.handle(E::Dismiss));
    QCOMPARE(machine.endReason(), R::None);
}

void TestCallStateMachine::answeredOnAnotherDevice()
{
    CallStateMachine machine;
    QVERIFY(machine.handle(E::IncomingInvite));
    QVERIFY(machine.handle(E::AnsweredElsewhere));
    QCOMPARE(machine.endReason(), R::AnsweredElsewhere);
    QVERIFY(!machine.handle(E::Accept));  // too late to answer here
}

void TestCallStateMachine::busyWhileNotIdle()
{
    CallStateMachine machine;
    QVERIFY(!machine.isBusy());
    QVERIFY(machine.handle(E::Dial));
    QVERIFY(machine.isBusy());
    QVERIFY(!machine.handle(E::IncomingInvite));  // the controller answers such invites busy
    QVERIFY(machine.handle(E::Cancel));
    QVERIFY(!machine.isBusy());
}

void TestCallStateMachine::namesAreDistinct()
{
    std::set<std::string_view> names;
    for (int e = 0; e < kEventCount; ++e)
        QVERIFY(names.insert(callEventName(static_cast<E>(e))).second);
    for (S state : kStates)
        QVERIFY(names.insert(callStateName(state)).second);
}

QTEST_GUILESS_MAIN(TestCallStateMachine)
#include "tst_call_state_machine.moc"
