// The server's database connection on a real SQLite file: kept (prepared) statements must
// behave as fresh ones would, and a read must hold nothing once its caller is done with it.
// On PostgreSQL too, if SOFTPHONE_TEST_POSTGRES names one: what a cluster's shared database adds.

#include "storage/call_claims.h"
#include "storage/database.h"
#include "storage/message_store.h"
#include "storage/postgres_literal.h"
#include "storage/wal_write_gatherer.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <limits>
#include <memory>
#include <pwd.h>
#include <unistd.h>

using namespace softphone::server;

class TestServerDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aFinishedReadLetsTheWalBeTruncated();
    void aReadInsideTheSameReadGetsItsOwnRows();
    void aWriteStoresWhatQtsDriverWouldHave();
    void aFailedWriteSaysWhyAndTheNextOneRuns();
    void aLargeTransactionIsThereForTheNextConnection();
    void aTransactionsWalFramesGoOutInOneWrite();
    void aSequenceValueIsTakenInsideTheOpenWriteGroup();
    void aRefusedClaimOrMessageLosesNothingElseOfItsGroup();
    void claimsTakenAtCommitAreKnownOnceCommitted();
    void aLiteralIsWhatQtsPostgresDriverWrites();
    void writesNothingWaitsOnGoWithTheCommitInOneQuery();
    void aQueuedWriteThatFailsFailsItsGroup();
    void aFunctionGoesInOneQueryWithTheWritesQueuedBeforeIt();

private:
    // True if another connection can checkpoint the whole WAL and truncate it now: it cannot
    // while a read transaction of the server's connection is open.
    bool walCanBeTruncated();

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

void TestServerDatabase::init()
{
    DatabaseSettings settings;
    settings.path = m_dir.filePath(QStringLiteral("test.db"));
    QFile::remove(settings.path);
    m_db = std::make_unique<Database>(settings);
    QCOMPARE(m_db->open(), QString());
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE numbers (n INTEGER NOT NULL)")));
    for (int n = 1; n <= 3; ++n)
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO numbers (n) VALUES (?)"), {n}));
}

void TestServerDatabase::cleanup()
{
    m_db.reset();
}

bool TestServerDatabase::walCanBeTruncated()
{
    bool truncated = false;
    {
        QSqlDatabase other =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(m_dir.filePath(QStringLiteral("test.db")));
        other.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=300"));
        if (other.open()) {
            QSqlQuery query(other);
            query.exec(QStringLiteral("INSERT INTO numbers (n) VALUES (4)"));
            truncated = query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) &&
                        query.next() && query.value(0).toInt() == 0;
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    return truncated;
}

void TestServerDatabase::aFinishedReadLetsTheWalBeTruncated()
{
    const QString read = QStringLiteral("SELECT n FROM numbers WHERE n > ? ORDER BY n");
    {
        auto rows = m_db->exec(read, {0});
        QVERIFY(rows && rows->next());  // two rows left unread
        QCOMPARE(rows->value(0).toInt(), 1);
        QVERIFY(!walCanBeTruncated());  // the check can fail: the open read blocks it
    }
    QVERIFY(walCanBeTruncated());
    auto again = m_db->exec(read, {1});  // the kept statement, run again
    QVERIFY(again && again->next());
    QCOMPARE(again->value(0).toInt(), 2);
}

void TestServerDatabase::aReadInsideTheSameReadGetsItsOwnRows()
{
    const QString read = QStringLiteral("SELECT n FROM numbers WHERE n >= ? ORDER BY n");
    auto outer = m_db->exec(read, {1});
    QVERIFY(outer && outer->next());
    QCOMPARE(outer->value(0).toInt(), 1);
    {
        auto inner = m_db->exec(read, {3});
        QVERIFY(inner && inner->next());
        QCOMPARE(inner->value(0).toInt(), 3);
        QVERIFY(!inner->next());
    }
    QVERIFY(outer->next());
    QCOMPARE(outer->value(0).toInt(), 2);
}

// SQLite's writes are bound in place through SQLite's own interface; what they store must be
// what Qt's driver stores for the same values (type and bytes), which the rest of the server
// and the migrations read back.
void TestServerDatabase::aWriteStoresWhatQtsDriverWouldHave()
{
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE kept (id INTEGER, v)")));
    const QString insert = QStringLiteral("INSERT INTO kept (id, v) VALUES (?, ?)");
    const QList<QVariant> values = {
        QVariant(),
        QVariant(QString()),
        QVariant(QStringLiteral("")),
        QVariant(QString::fromUtf8("话单 \xef\xbf\xbe \"'\\")),
        QVariant(QByteArray()),
        QVariant(QByteArray("")),
        QVariant(QByteArray("\xef\xbf\xbf\0tail", 9)),
        QVariant(std::numeric_limits<qint64>::max()),
        QVariant(std::numeric_limits<qint64>::min()),
        QVariant(true),
        QVariant(-7),
        QVariant(0.5),
    };
    {
        QSqlDatabase qt =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("qt"));
        qt.setDatabaseName(m_dir.filePath(QStringLiteral("test.db")));
        qt.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000"));
        QVERIFY(qt.open());
        for (qsizetype i = 0; i < values.size(); ++i) {
            QVERIFY(m_db->write(insert, {qint64(i), values[i]}));
            QSqlQuery byQt(qt);
            QVERIFY(byQt.prepare(insert));
            byQt.addBindValue(qint64(1000 + i));
            byQt.addBindValue(values[i]);
            QVERIFY2(byQt.exec(), qPrintable(byQt.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("qt"));
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QString read = QStringLiteral("SELECT typeof(v), quote(v) FROM kept WHERE id = ?");
        QString oursType, oursValue;
        {
            auto ours = m_db->exec(read, {qint64(i)});
            QVERIFY(ours && ours->next());
            oursType = ours->value(0).toString();
            oursValue = ours->value(1).toString();
        }
        auto theirs = m_db->exec(read, {qint64(1000 + i)});
        QVERIFY(theirs && theirs->next());
        QCOMPARE(oursType, theirs->value(0).toString());
        QCOMPARE(oursValue, theirs->value(1).toString());
    }
}

void TestServerDatabase::aFailedWriteSaysWhyAndTheNextOneRuns()
{
    const QString insert = QStringLiteral("INSERT INTO numbers (n) VALUES (?)");
    QVERIFY(!m_db->write(insert, {QVariant()}));
    QVERIFY2(m_db->lastError().contains(QStringLiteral("NOT NULL")), qPrintable(m_db->lastError()));
    QVERIFY(m_db->write(insert, {9}));
    auto count = m_db->exec(QStringLiteral("SELECT COUNT(*) FROM numbers WHERE n = ?"), {9});
    QVERIFY(count && count->next());
    QCOMPARE(count->value(0).toInt(), 1);
    QVERIFY(!m_db->write(QStringLiteral("INSERT INTO nowhere (n) VALUES (?)"), {1}));
    QVERIFY2(m_db->lastError().contains(QStringLiteral("nowhere")), qPrintable(m_db->lastError()));
}

// A transaction of many pages, its WAL frames gathered into few writes: all of it is there
// for a connection opened after this one closed (which checkpointed and removed the WAL).
void TestServerDatabase::aLargeTransactionIsThereForTheNextConnection()
{
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE notes (n INTEGER, body TEXT)")));
    constexpr int kRows = 3000;
    QVERIFY(m_db->transaction());
    for (int n = 0; n < kRows; ++n) {
        QVERIFY(m_db->write(QStringLiteral("INSERT INTO notes (n, body) VALUES (?, ?)"),
                            {n, QString(200, QLatin1Char('a' + n % 26))}));
    }
    QVERIFY(m_db->commit());
    m_db.reset();
    {
        QSqlDatabase other =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("after"));
        other.setDatabaseName(m_dir.filePath(QStringLiteral("test.db")));
        QVERIFY(other.open());
        QSqlQuery query(other);
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*), SUM(n) FROM notes")) && query.next());
        QCOMPARE(query.value(0).toInt(), kRows);
        QCOMPARE(query.value(1).toLongLong(), qint64(kRows) * (kRows - 1) / 2);
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("after"));
}

namespace {

// write(2)-family calls this process has made (/proc/self/io), -1 if unknown.
qint64 writeCalls()
{
    QFile io(QStringLiteral("/proc/self/io"));
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("syscw:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

}  // namespace

// SQLite writes each WAL frame as two writes, header and page; gathered, a transaction that
// changes eight tables' pages goes to the kernel in one (the fewest of three tries, in case the
// checkpoint thread wrote in between).
void TestServerDatabase::aTransactionsWalFramesGoOutInOneWrite()
{
    if (!WalWriteGatherer::isInstalled())
        QSKIP("the WAL-gathering VFS is not installed in this build");
    if (writeCalls() < 0)
        QSKIP("/proc/self/io is not readable here");
    constexpr int kTables = 8;
    for (int t = 0; t < kTables; ++t)
        QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE t%1 (n INTEGER)").arg(t)));
    qint64 fewest = std::numeric_limits<qint64>::max();
    for (int attempt = 0; attempt < 3; ++attempt) {
        const qint64 before = writeCalls();
        QVERIFY(m_db->transaction());
        for (int t = 0; t < kTables; ++t)
            QVERIFY(m_db->write(QStringLiteral("INSERT INTO t%1 (n) VALUES (?)").arg(t), {t}));
        QVERIFY(m_db->commit());
        fewest = std::min(fewest, writeCalls() - before);
    }
    QVERIFY2(fewest <= 2, qPrintable(QStringLiteral("%1 writes for one transaction").arg(fewest)));
    // Committed means in the WAL file: another connection reads it all while this one is open.
    {
        QSqlDatabase other =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        other.setDatabaseName(m_dir.filePath(QStringLiteral("test.db")));
        QVERIFY(other.open());
        QSqlQuery query(other);
        for (int t = 0; t < kTables; ++t) {
            QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM t%1").arg(t)) && query.next());
            QCOMPARE(query.value(0).toInt(), 3);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("reader"));
}

namespace {

// take_call_claims's answer in a round trip of its own, inside the open group: 0 both taken, 1
// the caller busy, 2 the callee busy.
int claimNow(Database &db, const char *cid, const char *caller, const char *callee)
{
    const auto value = db.callFunction(QStringLiteral("take_call_claims"),
                                       {QString::fromUtf8(cid), QStringLiteral("node-a"),
                                        QString::fromUtf8(caller), QString::fromUtf8(callee)});
    return value && !value->isNull() ? value->toInt() : -1;
}

// A connection to the local PostgreSQL as the OS user (peer authentication), on `database`.
QSqlDatabase postgresConnection(const QString &name, const QString &database)
{
    const QString socket = qEnvironmentVariable("SOFTPHONE_TEST_POSTGRES");
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(socket.section(QLatin1Char(':'), 0, 0));
    db.setPort(socket.section(QLatin1Char(':'), 1, 1).toInt());
    db.setDatabaseName(database);
    const passwd *user = getpwuid(geteuid());
    db.setUserName(user ? QString::fromLocal8Bit(user->pw_name) : QStringLiteral("root"));
    return db;
}

// A database of its own on the local PostgreSQL for one test, dropped at the end.
class ScratchPostgres
{
public:
    ScratchPostgres()
        : m_name(QStringLiteral("sptest_database_%1").arg(QCoreApplication::applicationPid()))
    {
        m_admin = postgresConnection(QStringLiteral("admin"), QStringLiteral("postgres"));
        m_created =
            m_admin.open() && QSqlQuery(m_admin).exec(QStringLiteral("CREATE DATABASE ") + m_name);
    }
    ~ScratchPostgres()
    {
        QSqlDatabase::removeDatabase(QStringLiteral("reader"));
        if (m_created)
            QSqlQuery(m_admin).exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(m_name));
        m_admin.close();
        m_admin = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
    }

    bool created() const { return m_created; }
    QSqlDatabase &admin() { return m_admin; }

    // As a node of a cluster would have it.
    DatabaseSettings settings() const
    {
        const QSqlDatabase shape = postgresConnection(QStringLiteral("reader"), m_name);
        DatabaseSettings settings;
        settings.driver = QStringLiteral("QPSQL");
        settings.host = shape.hostName();
        settings.port = shape.port();
        settings.name = m_name;
        settings.user = shape.userName();
        settings.shared = true;
        return settings;
    }

    // The server process behind `db`'s connection, and a column of what PostgreSQL shows of
    // it (pg_stat_activity: its state, its last query).
    static int backendOf(Database &db)
    {
        auto backend = db.exec(QStringLiteral("SELECT pg_backend_pid()"));
        return backend && backend->next() ? backend->value(0).toInt() : -1;
    }
    QString activity(int pid, const QString &column)
    {
        QSqlQuery query(m_admin);
        const bool found = query.exec(QStringLiteral("SELECT %1 FROM pg_stat_activity WHERE "
                                                     "pid = %2")
                                          .arg(column)
                                          .arg(pid)) &&
                           query.next();
        return found ? query.value(0).toString() : QString();
    }

    // What another connection sees: what has been committed (the first row's first column).
    QVariant committed(const QString &sql)
    {
        QSqlDatabase reader = QSqlDatabase::database(QStringLiteral("reader"));
        QSqlQuery query(reader);
        return reader.isOpen() && query.exec(sql) && query.next() ? query.value(0) : QVariant();
    }
    int count(const QString &sql)
    {
        const QVariant value = committed(sql);
        return value.isValid() ? value.toInt() : -1;
    }

private:
    QString m_name;
    QSqlDatabase m_admin;
    bool m_created = false;
};

}  // namespace

// A sequence value is taken for a write, in that write's group. Taken on its own, it was a
// transaction of its own, and every 32nd one waited in the event loop for a WAL flush of its own.
void TestServerDatabase::aSequenceValueIsTakenInsideTheOpenWriteGroup()
{
    if (qEnvironmentVariableIsEmpty("SOFTPHONE_TEST_POSTGRES"))
        QSKIP("SOFTPHONE_TEST_POSTGRES is not set");
    ScratchPostgres postgres;
    QVERIFY(postgres.created());
    QString state;
    {
        Database db(postgres.settings());
        QCOMPARE(db.open(), QString());
        QVERIFY(db.prepareSequence(QStringLiteral("test_ids"), 0));
        db.setGroupCommit(1000);
        const int pid = postgres.backendOf(db);
        QVERIFY(db.nextInSequence(QStringLiteral("test_ids")));
        state = postgres.activity(pid, QStringLiteral("state"));
        QVERIFY(db.flush());
    }
    QCOMPARE(state, QStringLiteral("idle in transaction"));
}

// Queued writes carry their values as literals. Each must be the text Qt's PostgreSQL driver
// writes for it, and PostgreSQL must read it back as the same value.
void TestServerDatabase::aLiteralIsWhatQtsPostgresDriverWrites()
{
    if (qEnvironmentVariableIsEmpty("SOFTPHONE_TEST_POSTGRES"))
        QSKIP("SOFTPHONE_TEST_POSTGRES is not set");
    ScratchPostgres postgres;
    QVERIFY(postgres.created());
    QSqlDatabase &connection = postgres.admin();
    QSqlQuery conforming(connection);
    QVERIFY(conforming.exec(QStringLiteral("SHOW standard_conforming_strings")) &&
            conforming.next());
    QCOMPARE(conforming.value(0).toString(), QStringLiteral("on"));
    const QList<QVariant> values{
        QStringLiteral("plain"),
        QStringLiteral("it's 'quoted'"),
        QStringLiteral("''"),
        QStringLiteral("back\\slash \\' and \"double\""),
        QString::fromUtf8("\u4f60\u597d \u263a \xf0\x9f\x98\x80 \xef\xbf\xbf"),
        QStringLiteral("line\nbreak\ttab $1 ? ;"),
        QString(QLatin1String("")),
        QVariant(QMetaType(QMetaType::QString)),
        QVariant(QMetaType(QMetaType::Int)),
        QVariant(QMetaType(QMetaType::LongLong)),
        0,
        -7,
        std::numeric_limits<int>::max(),
        qint64(std::numeric_limits<qint64>::min()),
        qint64(std::numeric_limits<qint64>::max()),
        true,
        false,
    };
    for (const QVariant &value : values) {
        QByteArray ours;
        QVERIFY(appendPostgresLiteral(ours, value));
        QSqlField field(QString(), value.metaType());
        if (value.isNull())
            field.clear();
        else
            field.setValue(value);
        QCOMPARE(ours, connection.driver()->formatValue(field).toUtf8());
        QSqlQuery back(connection);
        QVERIFY2(back.exec(QStringLiteral("SELECT ") + QString::fromUtf8(ours)) && back.next(),
                 ours.constData());
        if (value.isNull())
            QVERIFY(back.value(0).isNull());
        else
            QCOMPARE(back.value(0).toString(), value.toString());
    }
    QByteArray unwritten;
    QVERIFY(!appendPostgresLiteral(unwritten, QByteArray("bytes")));
    QVERIFY(unwritten.isEmpty());
}

// Claims taken with the group's commit (no round trip of their own): their outcomes are known
// only once the group is committed, in the order they were taken, each as the function decided
// it inside the group; a group that fails gives each the outcome Failed.
void TestServerDatabase::claimsTakenAtCommitAreKnownOnceCommitted()
{
    if (qEnvironmentVariableIsEmpty("SOFTPHONE_TEST_POSTGRES"))
        QSKIP("SOFTPHONE_TEST_POSTGRES is not set");
    ScratchPostgres postgres;
    QVERIFY(postgres.created());
    Database db(postgres.settings());
    QCOMPARE(db.open(), QString());
    CallClaims claims(db);
    db.setGroupCommit(60'000);  // committed by flush()

    std::vector<CallClaims::Outcome> outcomes;
    const auto take = [&](const char *cid, const char *caller, const char *callee) {
        claims.takeAtCommit(cid, caller, callee, "node-a",
                            [&](CallClaims::Outcome outcome) { outcomes.push_back(outcome); });
    };
    take("c1", "alice", "bob");
    take("c2", "carol", "bob");
    QVERIFY(db.write(QStringLiteral("DELETE FROM call_claims WHERE cid = ?"),
                     {QStringLiteral("none")}));
    take("c3", "bob", "dave");
    QVERIFY(outcomes.empty());  // nothing is known before the commit
    QVERIFY(db.flush());
    const std::vector<CallClaims::Outcome> expected{CallClaims::Outcome::Taken,
                                                    CallClaims::Outcome::CalleeBusy,
                                                    CallClaims::Outcome::CallerBusy};
    QVERIFY(outcomes == expected);
    QCOMPARE(claims.ofAccount("bob")->cid, std::string("c1"));
    QVERIFY(!claims.ofAccount("carol") && !claims.ofAccount("dave"));

    // A statement queued before the take fails the group: the take never ran.
    outcomes.clear();
    QVERIFY(db.write(QStringLiteral("INSERT INTO call_claims (accid, cid, node) VALUES (?, ?, ?)"),
                     {QStringLiteral("alice"), QStringLiteral("c9"), QStringLiteral("node-a")}));
    take("c4", "erin", "frank");
    QVERIFY(!db.flush());
    QVERIFY(outcomes == std::vector<CallClaims::Outcome>{CallClaims::Outcome::Failed});
    QVERIFY(!claims.ofAccount("erin"));
}

// On PostgreSQL a failed statement aborts the whole transaction, and a write group is one
// transaction: a claim on a busy account and a message refused as a duplicate are units of
// their own (the schema's functions), which leave the rest of the group to be committed.
void TestServerDatabase::aRefusedClaimOrMessageLosesNothingElseOfItsGroup()
{
    if (qEnvironmentVariableIsEmpty("SOFTPHONE_TEST_POSTGRES"))
        QSKIP("SOFTPHONE_TEST_POSTGRES is not set");
    ScratchPostgres postgres;
    QVERIFY(postgres.created());
    {
        Database db(postgres.settings());
        QCOMPARE(db.open(), QString());
        MessageStore messages(db);
        QVERIFY(messages.load());
        CallClaims claims(db);
        db.setGroupCommit(60'000);  // one group for all that follows, committed by flush()

        QCOMPARE(claimNow(db, "c1", "alice", "bob"), 0);
        QCOMPARE(claimNow(db, "c2", "carol", "bob"), 2);  // the callee is busy
        QCOMPARE(claimNow(db, "c3", "bob", "dave"), 1);   // the caller is
        QVERIFY(!claims.ofAccount("carol"));  // the callee was busy: the caller is not held
        QVERIFY(!claims.ofAccount("dave"));

        softphone::protocol::Message first;
        first.from = "alice";
        first.to = "bob";
        first.body = "hello";
        first.msgidClient = "m1";
        first.msgTimestamp = 1;
        QVERIFY(messages.insert(first));
        softphone::protocol::Message again = first;
        QVERIFY(!messages.insert(again));  // the same client id from the same sender
        softphone::protocol::Message second = first;
        second.msgidClient = "m2";
        QVERIFY(messages.insert(second));
        QCOMPARE_GT(second.msgidServer, first.msgidServer);

        QVERIFY(db.hasUncommittedWrites());
        // All of it in the group, committed together by flush().
        QCOMPARE(postgres.count(QStringLiteral("SELECT COUNT(*) FROM call_claims")), 0);
        QCOMPARE(postgres.count(QStringLiteral("SELECT COUNT(*) FROM messages")), 0);
        QVERIFY(db.flush());
    }
    QCOMPARE(postgres.count(QStringLiteral("SELECT COUNT(*) FROM call_claims")), 2);
    QCOMPARE(postgres.count(QStringLiteral("SELECT COUNT(*) FROM messages")), 2);
    QCOMPARE(postgres.count(QStringLiteral("SELECT COUNT(*) FROM conversation_peers")), 2);
}

// Writes nothing waits on are queued in the open group and sent with its COMMIT, as one query;
// a read in the group still sees them (they go before it).
void TestServerDatabase::writesNothingWaitsOnGoWithTheCommitInOneQuery()
{
    if (qEnvironmentVariableIsEmpty("SOFTPHONE_TEST_POSTGRES"))
        QSKIP("SOFTPHONE_TEST_POSTGRES is not set");
    ScratchPostgres postgres;
    QVERIFY(postgres.created());
    QString lastQuery;
    {
        Database db(postgres.settings());
        QCOMPARE(db.open(), QString());
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE notes (n INTEGER NOT NULL, t TEXT)")));
        const int pid = postgres.backendOf(db);
        db.setGroupCommit(60'000);
        QVERIFY(db.write(QStringLiteral("INSERT INTO notes (n, t) VALUES (?, ?)"),
                         {1, QStringLiteral("it's")}));
        QVERIFY(db.write(QStringLiteral("INSERT INTO notes (n, t) VALUES (?, ?)"),
                         {2, QVariant(QMetaType(QMetaType::QString))}));
        auto seen = db.exec(QStringLiteral("SELECT COUNT(*) FROM notes"));
        QVERIFY(seen && seen->next());
        QCOMPARE(seen->value(0).toInt(), 2);
        QCOMPARE(postgres.count(QStringLiteral("SELECT COUNT(*) FROM notes")), 0);
        QVERIFY(db.write(QStringLiteral("UPDATE notes SET n = n + 10 WHERE n = ?"), {1}));
        QVERIFY(db.write(QStringLiteral("UPDATE notes SET t = ? WHERE n = ?"),
                         {QStringLiteral("two"), 2}));
        QVERIFY(db.flush());
        lastQuery = postgres.activity(pid, QStringLiteral("query"));
    }
    QCOMPARE(postgres.count(QStringLiteral("SELECT n FROM notes WHERE t = 'it''s'")), 11);
    QCOMPARE(postgres.count(QStringLiteral("SELECT n FROM notes WHERE t = 'two'")), 2);
    QCOMPARE(lastQuery.count(QStringLiteral("EXECUTE ")), 2);
    QVERIFY2(lastQuery.endsWith(QStringLiteral("COMMIT")), qPrintable(lastQuery));
}

// A queued write that fails fails its whole group, as a failed statement in a PostgreSQL
// transaction does: nothing of the group is kept, and those waiting for its commit learn it.
void TestServerDatabase::aQueuedWriteThatFailsFailsItsGroup()
{
    if (qEnvironmentVariableIsEmpty("SOFTPHONE_TEST_POSTGRES"))
        QSKIP("SOFTPHONE_TEST_POSTGRES is not set");
    ScratchPostgres postgres;
    QVERIFY(postgres.created());
    {
        Database db(postgres.settings());
        QCOMPARE(db.open(), QString());
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE notes (n INTEGER PRIMARY KEY)")));
        db.setGroupCommit(60'000);
        QSignalSpy rolledBack(&db, &Database::groupRolledBack);
        bool durable = true;
        QVERIFY(db.write(QStringLiteral("INSERT INTO notes (n) VALUES (?)"), {1}));
        QVERIFY(db.write(QStringLiteral("INSERT INTO notes (n) VALUES (?)"), {1}));  // the key
        db.afterCommit([&](bool committed) { durable = committed; });
        QVERIFY(!db.flush());
        QVERIFY(!durable);
        QCOMPARE(rolledBack.count(), 1);
        // The connection is usable again, for the next group.
        QVERIFY(db.write(QStringLiteral("INSERT INTO notes (n) VALUES (?)"), {2}));
        QVERIFY(db.flush());
    }
    QCOMPARE(postgres.count(QStringLiteral("SELECT COUNT(*) FROM notes")), 1);
    QCOMPARE(postgres.count(QStringLiteral("SELECT MAX(n) FROM notes")), 2);
}

// A function's call (a claim, a stored message) goes in the same query as the writes queued
// before it, the group's BEGIN among them: one round trip where there were two. Its arguments
// are written as literals, so a message body keeps every character.
void TestServerDatabase::aFunctionGoesInOneQueryWithTheWritesQueuedBeforeIt()
{
    if (qEnvironmentVariableIsEmpty("SOFTPHONE_TEST_POSTGRES"))
        QSKIP("SOFTPHONE_TEST_POSTGRES is not set");
    ScratchPostgres postgres;
    QVERIFY(postgres.created());
    const std::string body = "it's a \\ \"quote\" \u4f60\u597d\n\t\u263a $1 ?";
    QString claimQuery;
    QString messageQuery;
    {
        Database db(postgres.settings());
        QCOMPARE(db.open(), QString());
        MessageStore messages(db);
        QVERIFY(messages.load());
        const int pid = postgres.backendOf(db);
        db.setGroupCommit(60'000);

        QVERIFY(db.write(QStringLiteral("DELETE FROM call_claims WHERE cid = ?"),
                         {QStringLiteral("none")}));
        QCOMPARE(claimNow(db, "c1", "alice", "bob"), 0);
        claimQuery = postgres.activity(pid, QStringLiteral("query"));

        QVERIFY(db.write(QStringLiteral("DELETE FROM call_claims WHERE cid = ?"),
                         {QStringLiteral("none")}));
        softphone::protocol::Message message;
        message.from = "alice";
        message.to = "bob";
        message.body = body;
        message.msgidClient = "m1";
        message.msgTimestamp = 1;
        QVERIFY(messages.insert(message));
        messageQuery = postgres.activity(pid, QStringLiteral("query"));
        QVERIFY(db.flush());
    }
    QVERIFY2(claimQuery.startsWith(QStringLiteral("BEGIN;")), qPrintable(claimQuery));
    QCOMPARE(claimQuery.count(QStringLiteral("EXECUTE ")), 2);
    QVERIFY2(claimQuery.contains(QStringLiteral("'node-a'")), qPrintable(claimQuery));
    QCOMPARE(messageQuery.count(QStringLiteral("EXECUTE ")), 2);
    QVERIFY2(messageQuery.contains(QStringLiteral("'m1'")), qPrintable(messageQuery));
    QCOMPARE(postgres.count(QStringLiteral("SELECT COUNT(*) FROM call_claims")), 2);
    QCOMPARE(
        postgres.committed(QStringLiteral("SELECT body FROM messages WHERE msgid_client = 'm1'"))
            .toString(),
        QString::fromStdString(body));
}

QTEST_GUILESS_MAIN(TestServerDatabase)
#include "tst_server_database.moc"
