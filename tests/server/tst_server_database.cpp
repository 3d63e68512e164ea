// The server's database connection on a real SQLite file: kept (prepared) statements must
// behave as fresh ones would, and a read must hold nothing once its caller is done with it.

#include "storage/database.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace softphone::server;

class TestServerDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aFinishedReadLetsTheWalBeTruncated();
    void aReadInsideTheSameReadGetsItsOwnRows();

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

QTEST_GUILESS_MAIN(TestServerDatabase)
#include "tst_server_database.moc"
