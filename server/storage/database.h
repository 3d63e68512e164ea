#pragma once

#include "storage/sqlite_statements.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QTimer>
#include <QVariant>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

struct pg_conn;    // libpq's connection
struct pg_result;  // and the answer to a query

namespace softphone::server {

class WalCheckpointer;

// What one statement gave: nothing if it failed, else its query, to read rows from. Statements
// are prepared once and kept; a kept read is reset when its result goes, so that it holds no
// SQLite read snapshot (which would stop WAL checkpoints) once its caller is done with it.
class SqlResult
{
public:
    SqlResult() = default;  // a failed statement
    explicit SqlResult(QSqlQuery own);
    SqlResult(QSqlQuery &kept, bool resetAtEnd);
    SqlResult(SqlResult &&other) noexcept;
    SqlResult &operator=(SqlResult &&other) = delete;
    SqlResult(const SqlResult &) = delete;
    ~SqlResult();

    explicit operator bool() const { return m_query != nullptr; }
    bool has_value() const { return m_query != nullptr; }
    QSqlQuery *operator->() { return m_query; }
    QSqlQuery &operator*() { return *m_query; }

private:
    std::optional<QSqlQuery> m_own;
    QSqlQuery *m_query = nullptr;
    bool m_resetAtEnd = false;
};

struct DatabaseSettings
{
    QString driver = QStringLiteral("QSQLITE");  // or QPSQL
    QString path;                                // SQLite file
    QString host;
    int port = 5432;
    QString name;
    QString user;
    QString password;
    bool shared = false;  // other servers (the nodes of a cluster) use it too: PostgreSQL only
};

// One connection to the server's database, with its schema brought up to date.
//
// With group commit on, writes join one transaction that is committed a few milliseconds
// later, together with every other write of that moment; work that must wait until its
// writes are durable is queued with afterCommit() (what the server says waits in OutputGate).
class Database : public QObject
{
    Q_OBJECT

public:
    explicit Database(DatabaseSettings settings, QObject *parent = nullptr);
    ~Database() override;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the connection and applies pending migrations. Returns an error text or empty.
    QString open();
    bool isPostgres() const;
    bool isShared() const { return m_settings.shared; }
    int schemaVersion();

    // Ids in a database other nodes write too come from sequences of the database, one at a
    // time: unique across the nodes. prepareSequence creates `name` if needed and moves it
    // above `floor` (ids this node gave out when it was not in a cluster).
    bool prepareSequence(const QString &name, std::int64_t floor);
    std::optional<std::int64_t> nextInSequence(const QString &name);

    // Runs one statement with positional bindings; an empty result (and a logged warning) on
    // failure.
    SqlResult exec(const QString &sql, std::initializer_list<QVariant> bindings = {});
    // Runs one of the schema's PostgreSQL functions that write (SELECT name(arguments)), in
    // the open write group, and gives its value (as text; null if it returned null), or
    // nothing if it failed. Such a function is a unit of its own on the server's side (its
    // exception block), and it goes in one query with the writes queued before it: one round
    // trip, where a savepoint around a statement took three and the queued writes one more.
    std::optional<QVariant> callFunction(const QString &name,
                                         std::initializer_list<QVariant> arguments);
    // The same, queued with the open group's writes instead of sent now: `done` has the
    // function's value once the group is committed, or nothing if the function or the commit
    // failed. Outside a PostgreSQL write group it runs at once.
    void callFunctionAtCommit(const QString &name, std::initializer_list<QVariant> arguments,
                              std::function<void(std::optional<QVariant>)> done);
    // A write whose outcome nothing waits for. On PostgreSQL, in an open write group, it is
    // queued and sent, in order, with the group's next statement or with its COMMIT: a group
    // of such writes is one round trip. A queued write that fails fails its group (as any
    // failed statement in a PostgreSQL transaction does), so what was to wait for the group's
    // commit learns it. Elsewhere it runs at once. False if it ran, or could not be queued,
    // and failed.
    bool write(const QString &sql, std::initializer_list<QVariant> bindings = {});
    // An atomic unit of writes: a transaction, or a savepoint inside the open group.
    bool transaction();
    bool commit();
    void rollback();

    // Group commit: 0 ms commits every write at once (the default), more batches them.
    void setGroupCommit(int intervalMs);
    // Runs `done(durable)` once the writes made so far are committed (at once if there are none).
    void afterCommit(std::function<void(bool durable)> done);
    bool flush();  // commits the open group now
    // True while writes are made that are not committed yet (an open write group).
    bool hasUncommittedWrites() const { return m_groupOpen; }
    // The write group that writes made now join: the open one, or the next to open. Groups
    // commit in this order.
    std::uint64_t writeGroup() const { return m_group; }
    // Whether a group from `group` on has failed its commit.
    bool failedSince(std::uint64_t group) const { return m_lastFailedGroup >= group; }

    QString lastError() const { return m_lastError; }

signals:
    void groupRolledBack();  // a group commit failed: counters derived from the data are stale

private:
    QString migrate();
    void joinGroup();
    SqlResult run(const QString &sql, std::initializer_list<QVariant> bindings, bool read);
    bool runOnSqlite(const QString &sql, std::initializer_list<QVariant> bindings);
    bool runUnit(const QString &sql);  // SAVEPOINT and its ends
    bool controlTransaction(const QString &sql, bool (QSqlDatabase::*throughQt)());
    bool beginTransaction();
    bool commitTransaction();
    void rollbackTransaction();
    bool queuesWrites() const { return m_postgres && m_groupOpen; }
    const QByteArray *queuedStatementName(const QString &sql);
    QString literal(const QVariant &value) const;
    // "EXECUTE statement(literals);" for a statement prepared by queuedStatementName().
    QByteArray execution(const QByteArray &statement,
                         std::initializer_list<QVariant> bindings) const;
    pg_result *execAfterQueued(const QByteArray &last);
    const QByteArray *functionStatement(const QString &name, std::size_t arguments);
    bool sendQueued(const char *last = nullptr);
    bool commitGroup();

    DatabaseSettings m_settings;
    QString m_connectionName;
    QSqlDatabase m_db;
    // A node map: a result refers to its query while other statements are prepared.
    std::unordered_map<QString, QSqlQuery> m_prepared;
    SqliteStatements m_sqlite;  // SQLite's writes and savepoints, on the same connection
    QString m_lastError;
    int m_groupIntervalMs = 0;
    bool m_groupOpen = false;
    std::uint64_t m_group = 1;
    std::uint64_t m_lastFailedGroup = 0;
    bool m_inUnit = false;
    // PostgreSQL: the driver's connection, the writes queued in the open group (starting with
    // its BEGIN), the names of the statements they execute, and whether one of them failed.
    pg_conn *m_postgres = nullptr;
    QByteArray m_queued;  // UTF-8, as it is sent
    std::unordered_map<QString, QByteArray> m_queuedNames;
    bool m_standardStrings = false;  // standard_conforming_strings: strings are written here
    bool m_groupFailed = false;
    // Queued functions (callFunctionAtCommit) whose values are read when the queue is sent.
    struct AwaitedValue
    {
        QByteArray function;
        std::shared_ptr<std::optional<QVariant>> value;
    };
    std::vector<AwaitedValue> m_awaited;
    QTimer m_groupTimer;
    std::vector<std::function<void(bool)>> m_afterCommit;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
};

}  // namespace softphone::server
