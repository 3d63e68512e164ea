// The app's own call records with built-in records off, against the real server: each of the
// five outcomes leaves exactly one local-only record on each side that learns of the call,
// with the caller as its sender and the right status, and nothing reaches the server's
// history. With records off on
// the device only, the server's record replaces the local one.

#include "call/call_controller.h"
#include "call/local_call_recorder.h"
#include "im/im_client.h"
#include "models/call_record_presenter.h"
#include "phone.h"
#include "protocol/error_code.h"
#include "server_process.h"
#include "test_client.h"

#include <QTemporaryDir>
#include <QTest>

using namespace softphone;
using namespace softphone::call;
using namespace softphone::im;
using protocol::CallStatus;
using protocol::CallType;
using test::ServerProcess;

namespace {

const QString kPassword = QStringLiteral("password-123");
constexpr int kWait = 10000;

// One device with built-in records off, and the recorder that keeps its own records.
struct Phone : test::Phone
{
    std::unique_ptr<records::LocalCallRecorder> recorder;

    std::vector<StoredMessage> records(qint64 channelId) const
    {
        return im->store()->callRecordsOfChannel(channelId);
    }
};

}  // namespace

class TestLocalCallRecords : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void completed();
    void canceled();
    void rejected();
    void timedOut();
    void busy();
    void serverRecordReplacesTheLocalOne();

private:
    Phone phone(ServerProcess *server, const QString &account);
    void createAccounts(ServerProcess *server, std::initializer_list<const char *> accounts);
    // `viewer` holds exactly one local-only record of the call, sent by the caller.
    void checkRecord(const Phone &viewer, const QString &caller, const CallInfo &call,
                     CallStatus status, const QString &wording);
    void checkServerHasNoRecords(const QString &account, const QString &peer);

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_stores;
};

void TestLocalCallRecords::initTestCase()
{
    m_server = std::make_unique<ServerProcess>(
        nlohmann::json{{"callRecords", false}, {"recordGraceSeconds", 1}});
    QVERIFY(m_server->start());
}

void TestLocalCallRecords::cleanupTestCase()
{
    QVERIFY(m_server->stop());
}

void TestLocalCallRecords::createAccounts(ServerProcess *server,
                                          std::initializer_list<const char *> accounts)
{
    test::TestClient setup(server->url(), "setup");
    QVERIFY(setup.open());
    for (const char *account : accounts) {
        const auto reply = setup.registerAccount(account, kPassword.toStdString());
        QVERIFY(reply.ok() || reply.code() == int(protocol::ErrorCode::AccountExists));
    }
}

Phone TestLocalCallRecords::phone(ServerProcess *server, const QString &account)
{
    Phone phone;
    test::PhoneSetup setup;
    setup.server = server->url();
    setup.storeDirectory = m_stores.filePath(account);
    setup.account = account;
    setup.builtInRecords = false;
    static_cast<test::Phone &>(phone) = test::startPhone(setup);
    phone.recorder =
        std::make_unique<records::LocalCallRecorder>(phone.calls.get(), phone.im.get());
    return phone;
}

void TestLocalCallRecords::checkRecord(const Phone &viewer, const QString &caller,
                                       const CallInfo &call, CallStatus status,
                                       const QString &wording)
{
    QVERIFY(QTest::qWaitFor([&] { return !viewer.records(call.channelId).empty(); }, kWait));
    QTest::qWait(300);  // a second record would arrive in this time
    const auto found = viewer.records(call.channelId);
    QCOMPARE(found.size(), 1u);
    const StoredMessage &stored = found.front();
    QCOMPARE(stored.delivery, DeliveryState::LocalOnly);
    QCOMPARE(QString::fromStdString(stored.message.from), caller);
    const auto record = protocol::CallRecord::parse(stored.message.attach);
    QVERIFY(record);
    QCOMPARE(record->status, status);
    QCOMPARE(record->type, call.type);
    const QString self = viewer.im->store()->account();
    const QString text = records::CallRecordPresenter::present(*record, caller, self).text;
    QVERIFY2(text.startsWith(wording), qPrintable(text));
    // Never sent: nothing waits to go out.
    QVERIFY(viewer.im->store()->pendingOutgoing().empty());
}

void TestLocalCallRecords::checkServerHasNoRecords(const QString &account, const QString &peer)
{
    test::TestClient probe(m_server->url(), "probe");
    QVERIFY(probe.open());
    QVERIFY(probe.login(account.toStdString(), kPassword.toStdString()).ok());
    const auto reply = probe.request(protocol::History{peer.toStdString(), std::nullopt, 500});
    QVERIFY(reply.ok());
    const auto page = protocol::fromJson<protocol::HistoryPage>(*reply.result);
    QVERIFY(page);
    for (const protocol::Message &message : page->messages)
        QVERIFY(message.msgType != protocol::MsgType::CallRecord);
}

void TestLocalCallRecords::completed()
{
    createAccounts(m_server.get(), {"ada", "ben"});
    Phone ada = phone(m_server.get(), QStringLiteral("ada"));
    Phone ben = phone(m_server.get(), QStringLiteral("ben"));
    QVERIFY(ada.online() && ben.online());
    QVERIFY(!ada.calls->builtInRecords());
    QVERIFY(ada.calls->call(QStringLiteral("ben"), CallType::Video));
    QVERIFY(ben.reaches(CallState::Incoming));
    QVERIFY(ben.calls->accept());
    QVERIFY(ada.reaches(CallState::InCall) && ben.reaches(CallState::InCall));
    QTest::qWait(1100);
    const CallInfo call = ada.calls->current();
    QVERIFY(ada.calls->hangup());
    QVERIFY(ben.reaches(CallState::Ended));

    checkRecord(ada, QStringLiteral("ada"), call, CallStatus::Completed,
                QStringLiteral("Outgoing video call · 0:0"));
    checkRecord(ben, QStringLiteral("ada"), call, CallStatus::Completed,
                QStringLiteral("Incoming video call · 0:0"));
    checkServerHasNoRecords(QStringLiteral("ada"), QStringLiteral("ben"));
}

void TestLocalCallRecords::canceled()
{
    createAccounts(m_server.get(), {"cid", "dot"});
    Phone cid = phone(m_server.get(), QStringLiteral("cid"));
    Phone dot = phone(m_server.get(), QStringLiteral("dot"));
    QVERIFY(cid.online() && dot.online());
    QVERIFY(cid.calls->call(QStringLiteral("dot"), CallType::Audio));
    QVERIFY(dot.reaches(CallState::Incoming));
    const CallInfo call = cid.calls->current();
    QVERIFY(cid.calls->cancel());
    QVERIFY(dot.reaches(CallState::Ended));

    checkRecord(cid, QStringLiteral("cid"), call, CallStatus::Canceled, QStringLiteral("Canceled"));
    checkRecord(dot, QStringLiteral("cid"), call, CallStatus::Canceled,
                QStringLiteral("Missed call"));
    // The missed call counts as the server's would: unread, in the badge and the preview.
    const auto conversation = dot.im->store()->conversation(QStringLiteral("cid"));
    QVERIFY(conversation);
    QCOMPARE(conversation->missedCalls, 1);
    QCOMPARE(dot.im->store()->callRecords(true, 10).size(), 1u);
    checkServerHasNoRecords(QStringLiteral("dot"), QStringLiteral("cid"));
}

void TestLocalCallRecords::rejected()
{
    createAccounts(m_server.get(), {"eve", "fox"});
    Phone eve = phone(m_server.get(), QStringLiteral("eve"));
    Phone fox = phone(m_server.get(), QStringLiteral("fox"));
    QVERIFY(eve.online() && fox.online());
    QVERIFY(eve.calls->call(QStringLiteral("fox"), CallType::Audio));
    QVERIFY(fox.reaches(CallState::Incoming));
    QVERIFY(fox.calls->reject());
    QVERIFY(eve.reaches(CallState::Ended));
    const CallInfo call = eve.calls->current();

    checkRecord(eve, QStringLiteral("eve"), call, CallStatus::Rejected, QStringLiteral("Declined"));
    checkRecord(fox, QStringLiteral("eve"), call, CallStatus::Rejected,
                QStringLiteral("You declined"));
    checkServerHasNoRecords(QStringLiteral("eve"), QStringLiteral("fox"));
}

void TestLocalCallRecords::timedOut()
{
    createAccounts(m_server.get(), {"gil", "hap"});
    Phone gil = phone(m_server.get(), QStringLiteral("gil"));
    Phone hap = phone(m_server.get(), QStringLiteral("hap"));
    QVERIFY(gil.online() && hap.online());
    gil.calls->setRingTimeoutMs(800);
    QVERIFY(gil.calls->call(QStringLiteral("hap"), CallType::Video));
    QVERIFY(hap.reaches(CallState::Incoming));
    QVERIFY(gil.reaches(CallState::Ended));
    QVERIFY(hap.reaches(CallState::Ended));
    const CallInfo call = gil.calls->current();

    checkRecord(gil, QStringLiteral("gil"), call, CallStatus::Timeout, QStringLiteral("No answer"));
    checkRecord(hap, QStringLiteral("gil"), call, CallStatus::Timeout,
                QStringLiteral("Missed call"));
    checkServerHasNoRecords(QStringLiteral("gil"), QStringLiteral("hap"));
}

void TestLocalCallRecords::busy()
{
    createAccounts(m_server.get(), {"ian", "jay", "kit"});
    Phone ian = phone(m_server.get(), QStringLiteral("ian"));
    Phone jay = phone(m_server.get(), QStringLiteral("jay"));
    Phone kit = phone(m_server.get(), QStringLiteral("kit"));
    QVERIFY(ian.online() && jay.online() && kit.online());
    QVERIFY(kit.calls->call(QStringLiteral("jay"), CallType::Audio));
    QVERIFY(jay.reaches(CallState::Incoming));
    QVERIFY(jay.calls->accept());
    QVERIFY(jay.reaches(CallState::InCall));

    QVERIFY(ian.calls->call(QStringLiteral("jay"), CallType::Audio));
    QVERIFY(ian.reaches(CallState::Ended));
    QCOMPARE(ian.calls->endReason(), EndReason::Busy);
    const CallInfo call = ian.calls->current();
    checkRecord(ian, QStringLiteral("ian"), call, CallStatus::Busy, QStringLiteral("Line busy"));
    // The server answers busy itself and tells the busy callee nothing but the record, which
    // is off: jay's device cannot know of the call. (Where the device answers busy itself,
    // its hook has the record: tst_call_controller.)
    QVERIFY(jay.records(call.channelId).empty());
    QCOMPARE(jay.calls->state(), CallState::InCall);
    checkServerHasNoRecords(QStringLiteral("jay"), QStringLiteral("ian"));
    QVERIFY(jay.calls->hangup());
}

void TestLocalCallRecords::serverRecordReplacesTheLocalOne()
{
    ServerProcess recording(nlohmann::json{{"recordGraceSeconds", 1}});
    QVERIFY(recording.start());
    createAccounts(&recording, {"lee", "mo"});
    Phone lee = phone(&recording, QStringLiteral("lee"));
    Phone mo = phone(&recording, QStringLiteral("mo"));
    QVERIFY(lee.online() && mo.online());
    QVERIFY(lee.calls->call(QStringLiteral("mo"), CallType::Audio));
    QVERIFY(mo.reaches(CallState::Incoming));
    const CallInfo call = lee.calls->current();
    QVERIFY(lee.calls->cancel());
    // The server sends the record the caller did not, after its grace: one record each side.
    for (const Phone *side : {&lee, &mo}) {
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto found = side->records(call.channelId);
                return found.size() == 1 && isOnServer(found.front().delivery);
            },
            kWait));
    }
    QTest::qWait(300);
    QCOMPARE(lee.records(call.channelId).size(), 1u);
    QCOMPARE(mo.records(call.channelId).size(), 1u);
    QVERIFY(recording.stop());
}

QTEST_MAIN(TestLocalCallRecords)
#include "tst_local_call_records.moc"
