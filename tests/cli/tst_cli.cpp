// softphone-cli as a user runs it: the real binary against the real server, its JSON lines
// read as they come, its exit codes checked.

#include "protocol/call_record.h"
#include "server_process.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using nlohmann::json;
using softphone::test::ServerProcess;

namespace {

constexpr int kWait = 20000;
const QString kPassword = QStringLiteral("password-123");
const QString kNoMedia = QStringLiteral("--no-media");

// One run of softphone-cli, with its output read line by line.
class Cli
{
public:
    Cli(const QUrl &server, const QString &dataDir, QStringList args)
    {
        m_process.setProgram(QStringLiteral(SOFTPHONE_CLI_BINARY));
        m_process.setArguments(QStringList{QStringLiteral("--server"), server.toString(),
                                           QStringLiteral("--data"), dataDir} +
                               args);
        m_process.start();
    }
    ~Cli()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    // Waits for the process to end; its exit code, or -1 if it did not end in time.
    int finish(int timeoutMs = kWait)
    {
        if (!QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; },
                             timeoutMs))
            return -1;
        readLines();
        return m_process.exitCode();
    }
    // Waits for a line with this event; true if it came.
    bool waitFor(const std::string &event, int timeoutMs = kWait)
    {
        return QTest::qWaitFor(
            [&] {
                readLines();
                return find(event) != nullptr;
            },
            timeoutMs);
    }
    const json *find(const std::string &event) const
    {
        for (const json &line : m_events) {
            if (line.value("event", "") == event)
                return &line;
        }
        return nullptr;
    }
    int count(const std::string &event) const
    {
        return int(std::count_if(m_events.begin(), m_events.end(), [&](const json &line) {
            return line.value("event", "") == event;
        }));
    }
    const std::vector<json> &events() const { return m_events; }
    const QStringList &plainLines() const { return m_plain; }
    QString errors() { return QString::fromUtf8(m_process.readAllStandardError()); }

private:
    void readLines()
    {
        m_buffer += m_process.readAllStandardOutput();
        int end;
        while ((end = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            json parsed = json::parse(line.toStdString(), nullptr, false);
            if (parsed.is_object() && parsed.contains("event"))
                m_events.push_back(std::move(parsed));
            else
                m_plain << QString::fromUtf8(line);
        }
    }

    QProcess m_process;
    QByteArray m_buffer;
    std::vector<json> m_events;
    QStringList m_plain;
};

}  // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void registerAndRefuseADuplicate();
    void badUsageAndBadLogin();
    void sendAndHistory();
    void fiveOutcomes_data();
    void fiveOutcomes();
    void answerCountsCallsAndAnswersBusyMeanwhile();
    void devicesListsTheCatalog();

private:
    std::unique_ptr<Cli> run(const QString &user, QStringList args);
    void registerAccount(const QString &account);
    std::vector<softphone::protocol::CallRecord> records(const QString &user, const QString &peer);

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_data;
};

void TestCli::initTestCase()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start());
}

void TestCli::cleanupTestCase()
{
    QVERIFY(m_server->stop());
}

std::unique_ptr<Cli> TestCli::run(const QString &user, QStringList args)
{
    if (!user.isEmpty())
        args =
            QStringList{QStringLiteral("--user"), user, QStringLiteral("--password"), kPassword} +
            args;
    return std::make_unique<Cli>(m_server->url(), m_data.path(), args);
}

void TestCli::registerAccount(const QString &account)
{
    auto cli = run({}, {QStringLiteral("register"), account, kPassword});
    QCOMPARE(cli->finish(), 0);
    QVERIFY(cli->find("registered"));
}

std::vector<softphone::protocol::CallRecord> TestCli::records(const QString &user,
                                                              const QString &peer)
{
    auto cli = run(user, {QStringLiteral("records"), peer});
    std::vector<softphone::protocol::CallRecord> found;
    if (cli->finish() != 0)
        return found;
    for (const QString &line : cli->plainLines()) {
        if (auto record = softphone::protocol::CallRecord::parse(line.toStdString()))
            found.push_back(*record);
    }
    return found;
}

void TestCli::registerAndRefuseADuplicate()
{
    registerAccount(QStringLiteral("reg1"));
    auto again = run({}, {QStringLiteral("register"), QStringLiteral("reg1"), kPassword});
    QCOMPARE(again->finish(), 4);
    QVERIFY(again->errors().contains(QStringLiteral("2002")));
}

void TestCli::badUsageAndBadLogin()
{
    auto usage = run(QStringLiteral("reg1"), {QStringLiteral("call")});
    QCOMPARE(usage->finish(), 2);
    QVERIFY(usage->errors().contains(QStringLiteral("usage")));
    auto unknown = run(QStringLiteral("reg1"), {QStringLiteral("dance")});
    QCOMPARE(unknown->finish(), 2);

    auto wrong = std::make_unique<Cli>(m_server->url(), m_data.path(),
                                       QStringList{QStringLiteral("--user"), QStringLiteral("reg1"),
                                                   QStringLiteral("--password"),
                                                   QStringLiteral("not the password"),
                                                   QStringLiteral("history"), QStringLiteral("x")});
    QCOMPARE(wrong->finish(), 3);
    QVERIFY(wrong->errors().contains(QStringLiteral("login refused")));

    Cli unreachable(QUrl(QStringLiteral("ws://127.0.0.1:1")), m_data.path(),
                    {QStringLiteral("--user"), QStringLiteral("reg1"), QStringLiteral("--password"),
                     kPassword, QStringLiteral("--connect-timeout"), QStringLiteral("1"),
                     QStringLiteral("history"), QStringLiteral("x")});
    QCOMPARE(unreachable.finish(), 3);
    QVERIFY(unreachable.errors().contains(QStringLiteral("cannot reach")));
}

void TestCli::sendAndHistory()
{
    registerAccount(QStringLiteral("snd1"));
    registerAccount(QStringLiteral("snd2"));
    auto send = run(QStringLiteral("snd1"), {QStringLiteral("send"), QStringLiteral("snd2"),
                                             QStringLiteral("hello there")});
    QCOMPARE(send->finish(), 0);
    const json *sent = send->find("sent");
    QVERIFY(sent);
    QVERIFY(sent->at("msgidServer").get<long long>() > 0);

    auto history = run(QStringLiteral("snd2"), {QStringLiteral("history"), QStringLiteral("snd1")});
    QCOMPARE(history->finish(), 0);
    QCOMPARE(history->count("message"), 1);
    QCOMPARE(history->find("message")->at("body").get<std::string>(), std::string("hello there"));
    QCOMPARE(history->find("message")->at("from").get<std::string>(), std::string("snd1"));

    auto toNobody =
        run(QStringLiteral("snd1"),
            {QStringLiteral("send"), QStringLiteral("nobody-here"), QStringLiteral("hi")});
    QCOMPARE(toNobody->finish(), 4);
}

void TestCli::fiveOutcomes_data()
{
    QTest::addColumn<QStringList>("answerArgs");  // empty: nobody answers
    QTest::addColumn<QStringList>("callArgs");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("callerReason");

    QTest::newRow("completed") << QStringList{QStringLiteral("--accept"),
                                              QStringLiteral("--hangup-after"),
                                              QStringLiteral("1.2")}
                               << QStringList{QStringLiteral("--video")} << 1
                               << QStringLiteral("remote-hung-up");
    QTest::newRow("canceled") << QStringList{QStringLiteral("--ignore")}
                              << QStringList{QStringLiteral("--cancel-after"),
                                             QStringLiteral("0.8")}
                              << 2 << QStringLiteral("canceled");
    QTest::newRow("rejected") << QStringList{QStringLiteral("--reject")} << QStringList{} << 3
                              << QStringLiteral("remote-declined");
    QTest::newRow("no answer") << QStringList{QStringLiteral("--ignore")}
                               << QStringList{QStringLiteral("--timeout"), QStringLiteral("1")} << 4
                               << QStringLiteral("no-answer");
}

void TestCli::fiveOutcomes()
{
    QFETCH(QStringList, answerArgs);
    QFETCH(QStringList, callArgs);
    QFETCH(int, status);
    QFETCH(QString, callerReason);
    const QString caller = QStringLiteral("c%1a").arg(status);
    const QString callee = QStringLiteral("c%1b").arg(status);
    registerAccount(caller);
    registerAccount(callee);

    // Media needs a network (see tst_call_media); here the calls are signalling and records.
    auto answer = run(callee, QStringList{QStringLiteral("answer"), kNoMedia} + answerArgs);
    QVERIFY(answer->waitFor("waiting"));
    auto call = run(caller, QStringList{QStringLiteral("call"), callee, kNoMedia} + callArgs);
    QCOMPARE(call->finish(), 0);
    QCOMPARE(answer->finish(), 0);

    const json *ended = call->find("ended");
    QVERIFY(ended);
    QCOMPARE(QString::fromStdString(ended->at("reason").get<std::string>()), callerReason);
    const json *record = call->find("record");
    QVERIFY(record);
    QCOMPARE(record->at("from").get<std::string>(), caller.toStdString());
    QCOMPARE(record->at("record").at("status").get<int>(), status);
    QVERIFY(answer->find("incoming"));
    QCOMPARE(QString::fromStdString(answer->find("record")->at("record").dump()),
             QString::fromStdString(record->at("record").dump()));

    // The stored records, as the seeds' JSON, are the same on both sides.
    const auto callerRecords = records(caller, callee);
    const auto calleeRecords = records(callee, caller);
    QCOMPARE(callerRecords.size(), 1u);
    QCOMPARE(calleeRecords.size(), 1u);
    QCOMPARE(QString::fromStdString(callerRecords[0].serialize()),
             QString::fromStdString(calleeRecords[0].serialize()));
    QCOMPARE(int(callerRecords[0].status), status);
    QCOMPARE(callerRecords[0].channelId, ended->at("channelId").get<long long>());
    if (status == 1) {
        QCOMPARE(int(callerRecords[0].type), 2);
        QVERIFY(callerRecords[0].durationOf(caller.toStdString()).has_value());
        QVERIFY(callerRecords[0].durationOf(callee.toStdString()).has_value());
    } else {
        QVERIFY(callerRecords[0].durations.empty());
    }
}

void TestCli::answerCountsCallsAndAnswersBusyMeanwhile()
{
    // The fifth outcome: a second caller finds the callee in a call.
    registerAccount(QStringLiteral("bz1"));
    registerAccount(QStringLiteral("bz2"));
    registerAccount(QStringLiteral("bz3"));
    auto answer =
        run(QStringLiteral("bz2"),
            {QStringLiteral("answer"), kNoMedia, QStringLiteral("--count"), QStringLiteral("2"),
             QStringLiteral("--hangup-after"), QStringLiteral("1.5")});
    QVERIFY(answer->waitFor("waiting"));
    auto first =
        run(QStringLiteral("bz1"), {QStringLiteral("call"), QStringLiteral("bz2"), kNoMedia});
    QVERIFY(first->waitFor("peerJoined"));
    auto second =
        run(QStringLiteral("bz3"), {QStringLiteral("call"), QStringLiteral("bz2"), kNoMedia});
    QCOMPARE(second->finish(), 0);
    QVERIFY(second->find("busy"));
    QCOMPARE(second->find("record")->at("record").at("status").get<int>(), 5);
    QCOMPARE(first->finish(), 0);
    QCOMPARE(first->find("record")->at("record").at("status").get<int>(), 1);

    // answer still waits for its second call.
    QTest::qWait(300);
    QVERIFY(answer->finish(100) == -1);
    auto third =
        run(QStringLiteral("bz1"), {QStringLiteral("call"), QStringLiteral("bz2"), kNoMedia});
    QCOMPARE(third->finish(), 0);
    QCOMPARE(answer->finish(), 0);
    QCOMPARE(answer->count("incoming"), 2);
    QCOMPARE(records(QStringLiteral("bz2"), QStringLiteral("bz3")).front().status,
             softphone::protocol::CallStatus::Busy);
    QCOMPARE(records(QStringLiteral("bz2"), QStringLiteral("bz1")).size(), 2u);
}

void TestCli::devicesListsTheCatalog()
{
    // no server, no account: the devices this machine has, then the synthetic ones
    auto cli = run({}, {QStringLiteral("devices")});
    QCOMPARE(cli->finish(), 0);
    QStringList synthetic;
    QStringList kinds;
    for (const json &line : cli->events()) {
        QCOMPARE(line.value("event", ""), std::string("device"));
        for (const char *field : {"kind", "id", "name", "default", "synthetic"})
            QVERIFY2(line.contains(field), field);
        const QString kind = QString::fromStdString(line["kind"].get<std::string>());
        if (kinds.isEmpty() || kinds.last() != kind)
            kinds << kind;
        if (line["synthetic"].get<bool>())
            synthetic << QString::fromStdString(line["id"].get<std::string>());
    }
    QCOMPARE(kinds, (QStringList{QStringLiteral("microphone"), QStringLiteral("speaker"),
                                 QStringLiteral("camera")}));
    QCOMPARE(
        synthetic,
        (QStringList{QStringLiteral("synthetic:tone:440"), QStringLiteral("synthetic:tone:880"),
                     QStringLiteral("synthetic:silence"), QStringLiteral("synthetic:mute"),
                     QStringLiteral("synthetic:test-pattern")}));
    auto extra = run({}, {QStringLiteral("devices"), QStringLiteral("more")});
    QCOMPARE(extra->finish(), 2);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
