// Calls end to end: WebSocket IM clients and call controllers against the real server on
// loopback. Each outcome must leave exactly one record, the same on both sides.

#include "call/call_controller.h"
#include "im/im_client.h"
#include "phone.h"
#include "protocol/error_code.h"
#include "server_process.h"
#include "test_client.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace softphone;
using namespace softphone::call;
using namespace softphone::im;
using protocol::CallStatus;
using protocol::CallType;
using test::Phone;
using test::ServerProcess;

Q_DECLARE_METATYPE(softphone::call::EndReason)

namespace {

const QString kPassword = QStringLiteral("password-123");
constexpr int kWait = 10000;

// This device's stored records of the call on `channelId`.
std::vector<std::pair<StoredMessage, protocol::CallRecord>>
records(const Phone &phone, const QString &peer, qint64 channelId)
{
    std::vector<std::pair<StoredMessage, protocol::CallRecord>> found;
    for (const StoredMessage &m : phone.im->store()->callRecordsWith(peer, 1000)) {
        auto record = protocol::CallRecord::parse(m.message.attach);
        if (record && record->channelId == channelId)
            found.emplace_back(m, *record);
    }
    return found;
}

// Waits until this device holds exactly one sent record of the call, and returns it.
std::optional<std::pair<StoredMessage, protocol::CallRecord>>
oneRecord(const Phone &phone, const QString &peer, qint64 channelId)
{
    const bool arrived = QTest::qWaitFor(
        [&] {
            const auto found = records(phone, peer, channelId);
            return found.size() == 1 && isOnServer(found[0].first.delivery);
        },
        kWait);
    QTest::qWait(200);  // a duplicate would arrive in this time
    const auto found = records(phone, peer, channelId);
    if (!arrived || found.size() != 1) {
        qWarning("expected one record of channel %lld, found %zu", channelId, found.size());
        return std::nullopt;
    }
    return found[0];
}

}  // namespace

class TestCallFlows : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void completedCallHasBothDurations();
    void canceledCall();
    void rejectedCall();
    void unansweredCall();
    void busyCallee();
    void answeredOnAnotherDevice();
    void declinedOnAnotherDevice();
    void callerReconnectsWhileRinging();
    void calleeReconnectsWhileRinging();
    void reconnectDuringTheCall();
    void aRestartedClientEndsItsOldCallAtOnce();
    void recordReachesAnOfflineCallee();
    void recordResentOverALostConnectionIsNotDoubled();

private:
    Phone phone(const QString &account, const QString &device = {});
    void createAccounts(std::initializer_list<const char *> accounts);
    // Checks one stored record as `viewer` sees it: the caller sent it, with these fields.
    void checkRecord(const Phone &viewer, const QString &peer, const QString &caller,
                     const CallInfo &call, CallStatus status);

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_stores;
};

void TestCallFlows::initTestCase()
{
    qRegisterMetaType<EndReason>();
    m_server = std::make_unique<ServerProcess>(nlohmann::json{{"recordGraceSeconds", 3}});
    QVERIFY(m_server->start());
}

void TestCallFlows::cleanupTestCase()
{
    QVERIFY(m_server->stop());
}

void TestCallFlows::createAccounts(std::initializer_list<const char *> accounts)
{
    test::TestClient setup(m_server->url(), "setup");
    QVERIFY(setup.open());
    for (const char *account : accounts) {
        const auto reply = setup.registerAccount(account, kPassword.toStdString());
        QVERIFY(reply.ok() || reply.code() == int(protocol::ErrorCode::AccountExists));
    }
}

Phone TestCallFlows::phone(const QString &account, const QString &device)
{
    const QString deviceId = device.isEmpty() ? account + QStringLiteral("-pc") : device;
    test::PhoneSetup setup;
    setup.server = m_server->url();
    setup.storeDirectory = m_stores.filePath(deviceId);
    setup.account = account;
    setup.deviceId = deviceId;
    return test::startPhone(setup);
}

void TestCallFlows::checkRecord(const Phone &viewer, const QString &peer, const QString &caller,
                                const CallInfo &call, CallStatus status)
{
    const auto stored = oneRecord(viewer, peer, call.channelId);
    QVERIFY(stored);
    const auto &[message, record] = *stored;
    QCOMPARE(QString::fromStdString(message.message.from), caller);  // always the caller
    QCOMPARE(message.message.msgType, protocol::MsgType::CallRecord);
    QCOMPARE(record.status, status);
    QCOMPARE(record.type, call.type);
    QCOMPARE(record.channelId, call.channelId);
}

void TestCallFlows::completedCallHasBothDurations()
{
    createAccounts({"ann", "bud"});
    Phone ann = phone(QStringLiteral("ann"));
    Phone bud = phone(QStringLiteral("bud"));
    QVERIFY(ann.online() && bud.online());
    QVERIFY(ann.calls->call(QStringLiteral("bud"), CallType::Video));
    QVERIFY(bud.reaches(CallState::Incoming));
    QCOMPARE(bud.calls->current().type, CallType::Video);
    QVERIFY(bud.calls->accept());
    QVERIFY(ann.reaches(CallState::InCall) && bud.reaches(CallState::InCall));
    QElapsedTimer talk;
    talk.start();
    QTest::qWait(2200);
    const CallInfo call = ann.calls->current();
    QVERIFY(ann.calls->hangup());
    const qint64 truthSeconds = (talk.elapsed() + 500) / 1000;
    QVERIFY(bud.reaches(CallState::Ended));
    QCOMPARE(bud.calls->endReason(), EndReason::RemoteHungUp);

    checkRecord(ann, QStringLiteral("bud"), QStringLiteral("ann"), call, CallStatus::Completed);
    checkRecord(bud, QStringLiteral("ann"), QStringLiteral("ann"), call, CallStatus::Completed);
    const auto record = oneRecord(bud, QStringLiteral("ann"), call.channelId)->second;
    for (const char *account : {"ann", "bud"}) {
        const auto seconds = record.durationOf(account);
        QVERIFY(seconds);
        QVERIFY2(std::abs(*seconds - truthSeconds) <= 1,
                 qPrintable(QStringLiteral("%1: %2 s, measured %3 s")
                                .arg(QLatin1String(account))
                                .arg(*seconds)
                                .arg(truthSeconds)));
    }
}

void TestCallFlows::canceledCall()
{
    createAccounts({"cal", "dee"});
    Phone cal = phone(QStringLiteral("cal"));
    Phone dee = phone(QStringLiteral("dee"));
    QVERIFY(cal.online() && dee.online());
    QVERIFY(cal.calls->call(QStringLiteral("dee"), CallType::Audio));
    QVERIFY(dee.reaches(CallState::Incoming));
    const CallInfo call = cal.calls->current();
    QVERIFY(cal.calls->cancel());
    QVERIFY(dee.reaches(CallState::Ended));
    QCOMPARE(dee.calls->endReason(), EndReason::Missed);
    checkRecord(cal, QStringLiteral("dee"), QStringLiteral("cal"), call, CallStatus::Canceled);
    checkRecord(dee, QStringLiteral("cal"), QStringLiteral("cal"), call, CallStatus::Canceled);
    QCOMPARE(dee.im->store()->conversations().front().missedCalls, 1);
}

void TestCallFlows::rejectedCall()
{
    createAccounts({"eli", "fay"});
    Phone eli = phone(QStringLiteral("eli"));
    Phone fay = phone(QStringLiteral("fay"));
    QVERIFY(eli.online() && fay.online());
    QVERIFY(eli.calls->call(QStringLiteral("fay"), CallType::Video));
    QVERIFY(fay.reaches(CallState::Incoming));
    QVERIFY(fay.calls->reject());
    QVERIFY(eli.reaches(CallState::Ended));
    QCOMPARE(eli.calls->endReason(), EndReason::RemoteDeclined);
    const CallInfo call = eli.calls->current();
    checkRecord(eli, QStringLiteral("fay"), QStringLiteral("eli"), call, CallStatus::Rejected);
    checkRecord(fay, QStringLiteral("eli"), QStringLiteral("eli"), call, CallStatus::Rejected);
}

void TestCallFlows::unansweredCall()
{
    createAccounts({"gus", "hal"});
    Phone gus = phone(QStringLiteral("gus"));
    Phone hal = phone(QStringLiteral("hal"));
    QVERIFY(gus.online() && hal.online());
    gus.calls->setRingTimeoutMs(800);
    QVERIFY(gus.calls->call(QStringLiteral("hal"), CallType::Audio));
    QVERIFY(hal.reaches(CallState::Incoming));
    QVERIFY(gus.reaches(CallState::Ended));
    QCOMPARE(gus.calls->endReason(), EndReason::NoAnswer);
    QVERIFY(hal.reaches(CallState::Ended));
    QCOMPARE(hal.calls->endReason(), EndReason::Missed);
    const CallInfo call = gus.calls->current();
    checkRecord(gus, QStringLiteral("hal"), QStringLiteral("gus"), call, CallStatus::Timeout);
    checkRecord(hal, QStringLiteral("gus"), QStringLiteral("gus"), call, CallStatus::Timeout);
}

void TestCallFlows::busyCallee()
{
    createAccounts({"ivy", "jon", "kim"});
    Phone ivy = phone(QStringLiteral("ivy"));
    Phone jon = phone(QStringLiteral("jon"));
    Phone kim = phone(QStringLiteral("kim"));
    QVERIFY(ivy.online() && jon.online() && kim.online());
    QVERIFY(kim.calls->call(QStringLiteral("jon"), CallType::Audio));
    QVERIFY(jon.reaches(CallState::Incoming));
    QVERIFY(jon.calls->accept());
    QVERIFY(jon.reaches(CallState::InCall));

    QSignalSpy busy(ivy.calls.get(), &CallController::busy);
    QVERIFY(ivy.calls->call(QStringLiteral("jon"), CallType::Video));
    QVERIFY(ivy.reaches(CallState::Ended));
    QCOMPARE(ivy.calls->endReason(), EndReason::Busy);
    QCOMPARE(busy.count(), 1);
    QCOMPARE(jon.calls->state(), CallState::InCall);  // the call on is untouched
    const CallInfo call = ivy.calls->current();
    checkRecord(ivy, QStringLiteral("jon"), QStringLiteral("ivy"), call, CallStatus::Busy);
    checkRecord(jon, QStringLiteral("ivy"), QStringLiteral("ivy"), call, CallStatus::Busy);
    QVERIFY(jon.calls->hangup());
}

void TestCallFlows::answeredOnAnotherDevice()
{
    createAccounts({"lou", "max"});
    Phone lou = phone(QStringLiteral("lou"));
    Phone maxPc = phone(QStringLiteral("max"), QStringLiteral("max-pc"));
    Phone maxPhone = phone(QStringLiteral("max"), QStringLiteral("max-phone"));
    QVERIFY(lou.online() && maxPc.online() && maxPhone.online());
    QSignalSpy elsewhere(maxPc.calls.get(), &CallController::handledElsewhere);
    QVERIFY(lou.calls->call(QStringLiteral("max"), CallType::Audio));
    QVERIFY(maxPc.reaches(CallState::Incoming) && maxPhone.reaches(CallState::Incoming));
    QVERIFY(maxPhone.calls->accept());
    QVERIFY(maxPc.reaches(CallState::Ended));
    QCOMPARE(maxPc.calls->endReason(), EndReason::AnsweredElsewhere);
    QCOMPARE(elsewhere.count(), 1);
    QCOMPARE(elsewhere.first().first().toBool(), true);
    QVERIFY(lou.reaches(CallState::InCall) && maxPhone.reaches(CallState::InCall));
    const CallInfo call = lou.calls->current();
    QVERIFY(maxPhone.calls->hangup());
    QVERIFY(lou.reaches(CallState::Ended));
    for (const Phone *max : {&maxPc, &maxPhone})
        checkRecord(*max, QStringLiteral("lou"), QStringLiteral("lou"), call,
                    CallStatus::Completed);
    checkRecord(lou, QStringLiteral("max"), QStringLiteral("lou"), call, CallStatus::Completed);
}

void TestCallFlows::declinedOnAnotherDevice()
{
    createAccounts({"ned", "ora"});
    Phone ned = phone(QStringLiteral("ned"));
    Phone oraPc = phone(QStringLiteral("ora"), QStringLiteral("ora-pc"));
    Phone oraPhone = phone(QStringLiteral("ora"), QStringLiteral("ora-phone"));
    QVERIFY(ned.online() && oraPc.online() && oraPhone.online());
    QVERIFY(ned.calls->call(QStringLiteral("ora"), CallType::Video));
    QVERIFY(oraPc.reaches(CallState::Incoming) && oraPhone.reaches(CallState::Incoming));
    QVERIFY(oraPc.calls->reject());
    QVERIFY(oraPhone.reaches(CallState::Ended));
    QCOMPARE(oraPhone.calls->endReason(), EndReason::DeclinedElsewhere);
    QVERIFY(ned.reaches(CallState::Ended));
    QCOMPARE(ned.calls->endReason(), EndReason::RemoteDeclined);
    const CallInfo call = ned.calls->current();
    for (const Phone *ora : {&oraPc, &oraPhone})
        checkRecord(*ora, QStringLiteral("ned"), QStringLiteral("ned"), call, CallStatus::Rejected);
}

void TestCallFlows::callerReconnectsWhileRinging()
{
    // The answer comes while the caller is away; it learns of it when it is back.
    createAccounts({"pam", "quin"});
    Phone pam = phone(QStringLiteral("pam"));
    Phone quin = phone(QStringLiteral("quin"));
    QVERIFY(pam.online() && quin.online());
    QVERIFY(pam.calls->call(QStringLiteral("quin"), CallType::Audio));
    QVERIFY(quin.reaches(CallState::Incoming));
    pam.im->dropConnection();
    QVERIFY(quin.calls->accept());
    QVERIFY(pam.online());
    QVERIFY(pam.reaches(CallState::InCall));
    QVERIFY(quin.reaches(CallState::InCall));
    const CallInfo call = pam.calls->current();
    QVERIFY(quin.calls->hangup());
    QVERIFY(pam.reaches(CallState::Ended));
    checkRecord(pam, QStringLiteral("quin"), QStringLiteral("pam"), call, CallStatus::Completed);
    checkRecord(quin, QStringLiteral("pam"), QStringLiteral("pam"), call, CallStatus::Completed);
}

void TestCallFlows::calleeReconnectsWhileRinging()
{
    createAccounts({"ray", "sue"});
    Phone ray = phone(QStringLiteral("ray"));
    Phone sue = phone(QStringLiteral("sue"));
    QVERIFY(ray.online() && sue.online());
    QSignalSpy incoming(sue.calls.get(), &CallController::incoming);
    QVERIFY(ray.calls->call(QStringLiteral("sue"), CallType::Audio));
    QVERIFY(sue.reaches(CallState::Incoming));
    sue.im->dropConnection();
    QVERIFY(sue.online());
    QCOMPARE(sue.calls->state(), CallState::Incoming);  // rung again, still the same call
    QCOMPARE(incoming.count(), 1);
    QVERIFY(sue.calls->accept());
    QVERIFY(ray.reaches(CallState::InCall) && sue.reaches(CallState::InCall));
    QVERIFY(ray.calls->hangup());
    QVERIFY(sue.reaches(CallState::Ended));
}

void TestCallFlows::reconnectDuringTheCall()
{
    createAccounts({"tom", "uma"});
    Phone tom = phone(QStringLiteral("tom"));
    Phone uma = phone(QStringLiteral("uma"));
    QVERIFY(tom.online() && uma.online());
    QSignalSpy left(uma.calls.get(), &CallController::peerLeft);
    QSignalSpy joined(uma.calls.get(), &CallController::peerJoined);
    QVERIFY(tom.calls->call(QStringLiteral("uma"), CallType::Audio));
    QVERIFY(uma.reaches(CallState::Incoming));
    QVERIFY(uma.calls->accept());
    QVERIFY(tom.reaches(CallState::InCall) && uma.reaches(CallState::InCall));
    QVERIFY(QTest::qWaitFor([&] { return joined.count() == 1; }, kWait));

    tom.im->dropConnection();
    QVERIFY(QTest::qWaitFor([&] { return left.count() == 1; }, kWait));
    QVERIFY(tom.online());
    QVERIFY(QTest::qWaitFor([&] { return joined.count() == 2; }, kWait));  // tom is back
    QCOMPARE(tom.calls->state(), CallState::InCall);
    QCOMPARE(uma.calls->state(), CallState::InCall);
    const CallInfo call = tom.calls->current();
    QVERIFY(uma.calls->hangup());
    QVERIFY(tom.reaches(CallState::Ended));
    QCOMPARE(tom.calls->endReason(), EndReason::RemoteHungUp);
    checkRecord(tom, QStringLiteral("uma"), QStringLiteral("tom"), call, CallStatus::Completed);
    checkRecord(uma, QStringLiteral("tom"), QStringLiteral("tom"), call, CallStatus::Completed);
}

// A new process on the same device no longer holds the call: it says so at login, and the
// call ends at once rather than after the server's reconnect grace (20 s, over kWait).
void TestCallFlows::aRestartedClientEndsItsOldCallAtOnce()
{
    createAccounts({"xia", "yul"});
    Phone yul = phone(QStringLiteral("yul"));
    CallInfo call;
    {
        Phone xia = phone(QStringLiteral("xia"));
        QVERIFY(xia.online() && yul.online());
        QVERIFY(xia.calls->call(QStringLiteral("yul"), CallType::Audio));
        QVERIFY(yul.reaches(CallState::Incoming));
        QVERIFY(yul.calls->accept());
        QVERIFY(xia.reaches(CallState::InCall) && yul.reaches(CallState::InCall));
        call = xia.calls->current();
        xia.im->dropConnection();  // the process dies: no logout, no hangup
    }
    Phone restarted = phone(QStringLiteral("xia"));
    QVERIFY(restarted.online());
    QVERIFY(yul.reaches(CallState::Ended));
    QCOMPARE(yul.calls->endReason(), EndReason::RemoteHungUp);
    checkRecord(yul, QStringLiteral("xia"), QStringLiteral("xia"), call, CallStatus::Completed);
    checkRecord(restarted, QStringLiteral("yul"), QStringLiteral("xia"), call,
                CallStatus::Completed);
}

void TestCallFlows::recordReachesAnOfflineCallee()
{
    createAccounts({"val", "wes"});
    {
        Phone wes = phone(QStringLiteral("wes"));  // known to this device, then gone
        QVERIFY(wes.online());
        wes.im->stop();
    }
    Phone val = phone(QStringLiteral("val"));
    QVERIFY(val.online());
    QVERIFY(val.calls->call(QStringLiteral("wes"), CallType::Video));
    QVERIFY(QTest::qWaitFor([&] { return val.calls->current().channelId != 0; }, kWait));
    QTest::qWait(300);  // ringing on no device
    const CallInfo call = val.calls->current();
    QVERIFY(val.calls->cancel());
    checkRecord(val, QStringLiteral("wes"), QStringLiteral("val"), call, CallStatus::Canceled);

    Phone wes = phone(QStringLiteral("wes"));
    QVERIFY(wes.online());
    checkRecord(wes, QStringLiteral("val"), QStringLiteral("val"), call, CallStatus::Canceled);
    QCOMPARE(wes.im->store()->conversations().front().missedCalls, 1);
    QCOMPARE(wes.calls->state(), CallState::Idle);  // a record alone rings nothing
}

void TestCallFlows::recordResentOverALostConnectionIsNotDoubled()
{
    createAccounts({"xia", "yan"});
    Phone xia = phone(QStringLiteral("xia"));
    Phone yan = phone(QStringLiteral("yan"));
    QVERIFY(xia.online() && yan.online());
    // The connection drops just after the record goes out, before its acknowledgement.
    connect(xia.calls.get(), &CallController::busy, xia.im.get(), &WsImClient::dropConnection,
            Qt::QueuedConnection);
    QVERIFY(xia.calls->call(QStringLiteral("yan"), CallType::Audio));
    QVERIFY(yan.reaches(CallState::Incoming));
    // yan's device answers busy, as one does while on another call.
    yan.im->request("call.respond",
                    protocol::toJson(
                        protocol::CallRespond{yan.calls->current().cid.toStdString(), false, true}),
                    [](const RpcReply &) {});
    QVERIFY(xia.reaches(CallState::Ended));
    QCOMPARE(xia.calls->endReason(), EndReason::Busy);
    const CallInfo call = xia.calls->current();
    QVERIFY(xia.online());
    checkRecord(xia, QStringLiteral("yan"), QStringLiteral("xia"), call, CallStatus::Busy);
    checkRecord(yan, QStringLiteral("xia"), QStringLiteral("xia"), call, CallStatus::Busy);
}

QTEST_GUILESS_MAIN(TestCallFlows)
#include "tst_call_flows.moc"
