#include "storage/database.h"

#include "logging.h"
#include "storage/postgres_literal.h"
#include "storage/wal_checkpointer.h"
#include "storage/wal_write_gatherer.h"

#include <QAtomicInt>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <array>
#include <libpq-fe.h>

namespace softphone::server {

namespace {

// The value of an answer that is one row of one column (a function's: null, or its text), or
// nothing for any other answer.
std::optional<QVariant> oneValueOf(const PGresult *result)
{
    if (PQresultStatus(result) != PGRES_TUPLES_OK || PQntuples(result) != 1 ||
        PQnfields(result) != 1)
        return std::nullopt;
    return PQgetisnull(result, 0, 0) ? QVariant()
                                     : QVariant(QString::fromUtf8(PQgetvalue(result, 0, 0)));
}

QAtomicInt connectionCounter;

struct Migration
{
    int version;
    const char *sql;  // statements separated by ';'
    // Whole statements run on PostgreSQL only (a function's body holds ';' of its own).
    std::array<const char *, 2> postgresOnly{};
};

// Portable SQL for SQLite and PostgreSQL. Ids (msgid_server, channel_id) are assigned by the
// server, not by the database, so no dialect-specific sequences are needed.
const Migration kMigrations[] = {
    {1, R"(
CREATE TABLE accounts (
    accid TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    accid TEXT NOT NULL,
    device_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL);
CREATE INDEX sessions_accid ON sessions (accid);
CREATE TABLE contacts (
    owner TEXT NOT NULL,
    contact TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (owner, contact));
CREATE TABLE conversation_peers (
    owner TEXT NOT NULL,
    peer TEXT NOT NULL,
    PRIMARY KEY (owner, peer));
CREATE TABLE messages (
    msgid_server BIGINT PRIMARY KEY,
    conv_key TEXT NOT NULL,
    from_acc TEXT NOT NULL,
    to_acc TEXT NOT NULL,
    msg_type TEXT NOT NULL,
    body TEXT NOT NULL,
    attach TEXT NOT NULL,
    msgid_client TEXT NOT NULL,
    msg_timestamp BIGINT NOT NULL,
    from_client_type TEXT NOT NULL,
    UNIQUE (from_acc, msgid_client));
CREATE INDEX messages_conv ON messages (conv_key, msgid_server);
CREATE INDEX messages_to ON messages (to_acc, msgid_server);
CREATE INDEX messages_from ON messages (from_acc, msgid_server);
CREATE TABLE calls (
    cid TEXT PRIMARY KEY,
    channel_id BIGINT NOT NULL UNIQUE,
    caller TEXT NOT NULL,
    callee TEXT NOT NULL,
    call_type INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    answered_at BIGINT,
    ended_at BIGINT,
    end_status INTEGER,
    record_msgid BIGINT);
CREATE INDEX calls_open ON calls (ended_at);
CREATE TABLE room_members (
    cid TEXT NOT NULL,
    accid TEXT NOT NULL,
    uid BIGINT NOT NULL,
    join_time BIGINT NOT NULL,
    leave_time BIGINT);
CREATE INDEX room_members_cid ON room_members (cid);
CREATE TABLE webhook_queue (
    id BIGINT PRIMARY KEY,
    url TEXT NOT NULL,
    event_id TEXT NOT NULL,
    body TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL)
)"},
    // Account ids that differ only in case or in . - _ are one account (look-alikes).
    {2, R"(
ALTER TABLE accounts ADD COLUMN skeleton TEXT NOT NULL DEFAULT '';
UPDATE accounts SET skeleton = REPLACE(REPLACE(REPLACE(LOWER(accid), '.', ''), '-', ''), '_', '');
CREATE INDEX accounts_skeleton ON accounts (skeleton)
)"},
    {3, R"(
CREATE TABLE id_sequences (
    name TEXT PRIMARY KEY,
    next_value BIGINT NOT NULL,
    secret TEXT NOT NULL);
CREATE TABLE server_clock (
    name TEXT PRIMARY KEY,
    at BIGINT NOT NULL);
ALTER TABLE calls ADD COLUMN caller_device TEXT;
ALTER TABLE calls ADD COLUMN callee_device TEXT
)"},
    // msg.receipt: how far each reader has got with each sender's messages.
    {4, R"(
CREATE TABLE receipts (
    sender TEXT NOT NULL,
    reader TEXT NOT NULL,
    delivered BIGINT NOT NULL,
    read_upto BIGINT NOT NULL,
    PRIMARY KEY (sender, reader));
CREATE INDEX receipts_reader ON receipts (reader)
)"},
    // A cluster's claims on accounts in a call: one live call per account across the nodes.
    {5, R"(
CREATE TABLE call_claims (
    accid TEXT PRIMARY KEY,
    cid TEXT NOT NULL,
    node TEXT NOT NULL);
CREATE INDEX call_claims_cid ON call_claims (cid)
)"},
    // A cluster: each node's lease on its calls, and the node that owns each call.
    {6, R"(
CREATE TABLE node_leases (
    node TEXT PRIMARY KEY,
    boot TEXT NOT NULL,
    renewed_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL);
ALTER TABLE calls ADD COLUMN owner_node TEXT;
CREATE INDEX calls_owner ON calls (owner_node)
)"},
    // Writes that need a unit of their own inside a write group (a failure there would abort
    // the whole group), done in one round trip. take_call_claims: 0 both claims taken, 1 the
    // caller is busy, 2 the callee is, 3 the database failed (nothing taken either way).
    // store_message: the message's id, or NULL if it was not stored (a duplicate client id,
    // or a failure); with p_id NULL the id comes from the message_ids sequence (a cluster's).
    {7,
     "",
     {R"(
CREATE OR REPLACE FUNCTION take_call_claims(p_cid TEXT, p_node TEXT, p_caller TEXT, p_callee TEXT)
RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    taken TEXT[];
BEGIN
    WITH inserted AS (
        INSERT INTO call_claims (accid, cid, node)
        VALUES (p_caller, p_cid, p_node), (p_callee, p_cid, p_node)
        ON CONFLICT DO NOTHING RETURNING accid)
    SELECT array_agg(accid) INTO taken FROM inserted;
    IF p_caller = ANY(taken) AND p_callee = ANY(taken) THEN
        RETURN 0;
    END IF;
    DELETE FROM call_claims WHERE cid = p_cid;
    IF p_caller = ANY(taken) THEN
        RETURN 2;
    END IF;
    RETURN 1;
EXCEPTION WHEN OTHERS THEN
    RETURN 3;
END $$)",
      R"(
CREATE OR REPLACE FUNCTION store_message(p_id BIGINT, p_from TEXT, p_to TEXT, p_type TEXT,
    p_body TEXT, p_attach TEXT, p_client TEXT, p_timestamp BIGINT, p_client_type TEXT,
    p_conv TEXT, p_link BOOLEAN)
RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    id BIGINT := p_id;
BEGIN
    IF id IS NULL THEN
        id := nextval('message_ids');
    END IF;
    INSERT INTO messages (msgid_server, from_acc, to_acc, msg_type, body, attach, msgid_client,
                          msg_timestamp, from_client_type, conv_key)
    VALUES (id, p_from, p_to, p_type, p_body, p_attach, p_client, p_timestamp, p_client_type,
            p_conv);
    IF p_link THEN
        INSERT INTO conversation_peers (owner, peer) VALUES (p_from, p_to), (p_to, p_from)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN id;
EXCEPTION WHEN OTHERS THEN
    RETURN NULL;
END $$)"}},
};

}  // namespace

Database::Database(DatabaseSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_connectionName(QStringLiteral("softphone-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{
    m_groupTimer.setSingleShot(true);
    connect(&m_groupTimer, &QTimer::timeout, this, &Database::flush);
}

Database::~Database()
{
    flush();
    m_prepared.clear();
    m_sqlite.setConnection(nullptr);
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::isPostgres() const
{
    return m_settings.driver == QLatin1String("QPSQL");
}

QString Database::open()
{
    if (!QSqlDatabase::isDriverAvailable(m_settings.driver))
        return QStringLiteral("the Qt SQL driver %1 is not installed").arg(m_settings.driver);
    m_db = QSqlDatabase::addDatabase(m_settings.driver, m_connectionName);
    if (isPostgres()) {
        m_db.setHostName(m_settings.host);
        m_db.setPort(m_settings.port);
        m_db.setDatabaseName(m_settings.name);
        m_db.setUserName(m_settings.user);
        m_db.setPassword(m_settings.password);
    } else {
        m_db.setDatabaseName(m_settings.path);
#ifdef SOFTPHONE_SQLITE_SHARED_WITH_QT
        if (!WalWriteGatherer::install())
            qCWarning(lcStorage) << "SQLite refused the WAL-gathering VFS; WAL frames go out "
                                    "one write each";
#endif
    }
    if (!m_db.open())
        return QStringLiteral("cannot open the database: %1").arg(m_db.lastError().text());
    const QVariant handle = m_db.driver()->handle();
    if (isPostgres()) {
        if (handle.isValid() && (qstrcmp(handle.typeName(), "pg_conn*") == 0 ||
                                 qstrcmp(handle.typeName(), "PGconn*") == 0))
            m_postgres = *static_cast<PGconn *const *>(handle.constData());
        m_standardStrings =
            m_postgres &&
            qstrcmp(PQparameterStatus(m_postgres, "standard_conforming_strings"), "on") == 0;
    } else {
#ifdef SOFTPHONE_SQLITE_SHARED_WITH_QT
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_sqlite.setConnection(*static_cast<sqlite3 *const *>(handle.constData()));
#endif
    }

    if (!isPostgres()) {
        // WAL keeps readers and the single writer apart; NORMAL is durable across a crash of
        // the process (what the server promises) at a fraction of FULL's fsync cost.
        // Checkpoints are the WalCheckpointer's job, away from the event loop. Call ids are
        // random, so each call writes index pages all over the file: with SQLite's default
        // 2 MiB cache most of them were read again (7 preads per call lifecycle); 32 MiB
        // keeps them.
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                                   "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000",
                                   "PRAGMA wal_autocheckpoint=0", "PRAGMA cache_size=-32768"}) {
            if (!exec(QString::fromLatin1(pragma)))
                return m_lastError;
        }
    }
    if (!isPostgres()) {
        m_checkpointer = std::make_unique<WalCheckpointer>(m_settings.path);
        m_checkpointer->start();
    }
    return migrate();
}

int Database::schemaVersion()
{
    auto query = exec(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (!query || !query->next())
        return 0;
    return query->value(0).toInt();
}

QString Database::migrate()
{
    if (!exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")))
        return m_lastError;
    const int current = schemaVersion();
    for (const Migration &migration : kMigrations) {
        if (migration.version <= current)
            continue;
        if (!transaction())
            return m_lastError;
        auto statements = QString::fromUtf8(migration.sql).split(QLatin1Char(';'));
        for (const char *statement : migration.postgresOnly) {
            if (statement && isPostgres())
                statements.push_back(QString::fromUtf8(statement));
        }
        for (const QString &statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (!exec(statement)) {
                rollback();
                return QStringLiteral("migration %1 failed: %2")
                    .arg(migration.version)
                    .arg(m_lastError);
            }
        }
        if (!exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"),
                  {migration.version}) ||
            !commit()) {
            rollback();
            return m_lastError;
        }
        qCInfo(lcStorage) << "database schema migrated to version" << migration.version;
    }
    return {};
}

SqlResult::SqlResult(QSqlQuery own)
    : m_own(std::move(own))
    , m_query(&*m_own)
{}

SqlResult::SqlResult(QSqlQuery &kept, bool resetAtEnd)
    : m_query(&kept)
    , m_resetAtEnd(resetAtEnd)
{}

SqlResult::SqlResult(SqlResult &&other) noexcept
    : m_own(std::move(other.m_own))
    , m_query(m_own ? &*m_own : other.m_query)
    , m_resetAtEnd(other.m_resetAtEnd)
{
    other.m_query = nullptr;
    other.m_resetAtEnd = false;
}

SqlResult::~SqlResult()
{
    if (m_resetAtEnd)
        m_query->finish();
}

SqlResult Database::exec(const QString &sql, std::initializer_list<QVariant> bindings)
{
    return run(sql, bindings, sql.startsWith(QLatin1String("SELECT")));
}

std::optional<QVariant> Database::callFunction(const QString &name,
                                               std::initializer_list<QVariant> arguments)
{
    if (!m_postgres) {
        qCWarning(lcStorage) << "the function" << name << "is PostgreSQL's only";
        return std::nullopt;
    }
    joinGroup();
    const QByteArray *statement = functionStatement(name, arguments.size());
    if (!statement)
        return std::nullopt;
    // After the writes queued before it, in the same query: one round trip for all.
    PGresult *result = execAfterQueued(execution(*statement, arguments));
    const std::optional<QVariant> value = oneValueOf(result);
    if (!value) {
        m_lastError = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        qCWarning(lcStorage) << "the function" << name << "failed:" << m_lastError;
        if (m_groupOpen)
            m_groupFailed = true;  // PostgreSQL has failed the transaction
    }
    PQclear(result);
    return value;
}

void Database::callFunctionAtCommit(const QString &name, std::initializer_list<QVariant> arguments,
                                    std::function<void(std::optional<QVariant>)> done)
{
    joinGroup();
    if (!queuesWrites()) {
        done(callFunction(name, arguments));
        return;
    }
    const QByteArray *statement = functionStatement(name, arguments.size());
    if (!statement) {
        done(std::nullopt);
        return;
    }
    m_queued += execution(*statement, arguments);
    auto value = std::make_shared<std::optional<QVariant>>();
    m_awaited.push_back({name.toUtf8(), value});
    m_afterCommit.push_back(
        [value, done = std::move(done)](bool durable) { done(durable ? *value : std::nullopt); });
}

const QByteArray *Database::functionStatement(const QString &name, std::size_t arguments)
{
    QString sql = QStringLiteral("SELECT ") + name + QLatin1Char('(');
    for (std::size_t i = 0; i < arguments; ++i)
        sql += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return queuedStatementName(sql + QLatin1Char(')'));
}

SqlResult Database::run(const QString &sql, std::initializer_list<QVariant> bindings, bool read)
{
    const auto failed = [&](const QSqlQuery &query) {
        m_lastError = query.lastError().text();
        qCWarning(lcStorage) << "query failed:" << m_lastError << sql.left(120);
        return SqlResult();
    };
    const auto bindAndRun = [&](QSqlQuery &query) {
        int index = 0;
        for (const QVariant &value : bindings)
            query.bindValue(index++, value);
        return query.exec();
    };
    // Unbound statements (schema, pragmas, PostgreSQL's savepoints) run unprepared:
    // PostgreSQL cannot PREPARE some of them. SQLite's savepoints are kept prepared (runUnit).
    const bool unbound = bindings.size() == 0;
    if (!unbound && !read)
        joinGroup();
    // Every statement goes after the writes queued before it (and its group's BEGIN).
    if (!m_queued.isEmpty() && !sendQueued())
        return SqlResult();
    if (unbound) {
        QSqlQuery query(m_db);
        return query.exec(sql) ? SqlResult(std::move(query)) : failed(query);
    }
    auto cached = m_prepared.find(sql);
    if (cached == m_prepared.end()) {
        QSqlQuery query(m_db);
        if (!query.prepare(sql))
            return failed(query);
        cached = m_prepared.emplace(sql, std::move(query)).first;
    }
    QSqlQuery &kept = cached->second;
    if (read && kept.isActive()) {
        // The same read, still being stepped through by a caller further up: one of its own.
        QSqlQuery query(m_db);
        if (!query.prepare(sql) || !bindAndRun(query))
            return failed(query);
        return SqlResult(std::move(query));
    }
    if (!bindAndRun(kept))
        return failed(kept);
    return SqlResult(kept, read);
}

bool Database::write(const QString &sql, std::initializer_list<QVariant> bindings)
{
    joinGroup();
    if (m_sqlite.isOpen())
        return runOnSqlite(sql, bindings);
    if (!queuesWrites())
        return exec(sql, bindings).has_value();
    const QByteArray *name = queuedStatementName(sql);
    if (!name)
        return false;
    m_queued += execution(*name, bindings);
    return true;
}

bool Database::runOnSqlite(const QString &sql, std::initializer_list<QVariant> bindings)
{
    if (m_sqlite.run(sql, bindings))
        return true;
    m_lastError = m_sqlite.error();
    qCWarning(lcStorage) << "query failed:" << m_lastError << sql.left(120);
    return false;
}

bool Database::runUnit(const QString &sql)
{
    return m_sqlite.isOpen() ? runOnSqlite(sql, {}) : exec(sql).has_value();
}

QByteArray Database::execution(const QByteArray &statement,
                               std::initializer_list<QVariant> bindings) const
{
    QByteArray text;
    text.reserve(64 + statement.size());
    text += "EXECUTE ";
    text += statement;
    char separator = '(';
    for (const QVariant &value : bindings) {
        text += separator;
        if (!m_standardStrings || !appendPostgresLiteral(text, value))
            text += literal(value).toUtf8();
        separator = ',';
    }
    text += bindings.size() > 0 ? ");\n" : ";\n";
    return text;
}

// Prepared on the connection the first time, ahead of what is queued (a statement's plan does
// not depend on the rows): a prepared statement outlives the rollback of the transaction it was
// prepared in.
const QByteArray *Database::queuedStatementName(const QString &sql)
{
    if (auto found = m_queuedNames.find(sql); found != m_queuedNames.end())
        return &found->second;
    QString numbered;
    int parameter = 0;
    for (const QChar c : sql) {
        if (c == u'?')
            numbered += u'$' + QString::number(++parameter);
        else
            numbered += c;
    }
    const QByteArray name = "softphone_queued_" + QByteArray::number(m_queuedNames.size());
    PGresult *prepared =
        PQprepare(m_postgres, name.constData(), numbered.toUtf8().constData(), 0, nullptr);
    const bool ok = PQresultStatus(prepared) == PGRES_COMMAND_OK;
    if (!ok) {
        m_lastError = QString::fromUtf8(PQresultErrorMessage(prepared)).trimmed();
        qCWarning(lcStorage) << "cannot prepare" << sql.left(120) << ":" << m_lastError;
    }
    PQclear(prepared);
    if (!ok)
        return nullptr;
    return &m_queuedNames.emplace(sql, name).first->second;
}

// The value as the driver writes it into the EXECUTE of its own prepared statements.
QString Database::literal(const QVariant &value) const
{
    QSqlField field(QString(), value.metaType());
    if (value.isNull())
        field.clear();
    else
        field.setValue(value);
    return m_db.driver()->formatValue(field);
}

// Sends what is queued, then `last`, as one query string: PostgreSQL runs its statements in
// order and stops at the first that fails, whose error is then the answer. The answer is the
// caller's to clear.
PGresult *Database::execAfterQueued(const QByteArray &last)
{
    QByteArray batch = std::exchange(m_queued, {});
    batch += last;
    const std::vector<AwaitedValue> awaited = std::exchange(m_awaited, {});
    // What is left of an earlier answer goes first, as PQexec() would drop it.
    while (PGresult *left = PQgetResult(m_postgres))
        PQclear(left);
    if (!PQsendQuery(m_postgres, batch.constData()))
        return PQmakeEmptyPGresult(m_postgres, PGRES_FATAL_ERROR);
    // One result per statement, in order, up to the first that failed. A queued function's is
    // the next one-value row named after it.
    PGresult *answer = nullptr;
    std::size_t next = 0;
    while (PGresult *result = PQgetResult(m_postgres)) {
        if (next < awaited.size()) {
            if (auto value = oneValueOf(result);
                value && awaited[next].function == PQfname(result, 0)) {
                *awaited[next].value = std::move(*value);
                ++next;
            }
        }
        PQclear(answer);
        answer = result;
    }
    return answer ? answer : PQmakeEmptyPGresult(m_postgres, PGRES_FATAL_ERROR);
}

bool Database::sendQueued(const char *last)
{
    if (m_queued.isEmpty() && !last)
        return true;
    PGresult *result = execAfterQueued(last ? QByteArray(last) : QByteArray());
    const ExecStatusType status = PQresultStatus(result);
    bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok)
        m_lastError = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    // A transaction that failed earlier answers its COMMIT with ROLLBACK.
    if (ok && last && qstrcmp(PQcmdStatus(result), "ROLLBACK") == 0) {
        ok = false;
        m_lastError = QStringLiteral("the transaction had failed; it was rolled back");
    }
    PQclear(result);
    if (!ok) {
        m_groupFailed = true;
        qCWarning(lcStorage) << "queued writes failed:" << m_lastError;
    }
    return ok;
}

// Sends the queued writes with the COMMIT; if the group failed, ends what is left of it.
bool Database::commitGroup()
{
    const bool committed = !m_groupFailed && sendQueued("COMMIT");
    m_queued.clear();
    m_awaited.clear();  // what was not sent has no value: the commit failed
    m_groupFailed = false;
    if (!committed && PQtransactionStatus(m_postgres) != PQTRANS_IDLE)
        PQclear(PQexec(m_postgres, "ROLLBACK"));
    return committed;
}

void Database::setGroupCommit(int intervalMs)
{
    flush();
    m_groupIntervalMs = std::max(0, intervalMs);
}

void Database::joinGroup()
{
    if (m_groupIntervalMs == 0 || m_groupOpen || !m_db.isOpen())
        return;
    if (m_postgres) {
        // Sent with the group's first statement that needs an answer, or with its COMMIT.
        m_queued = "BEGIN;\n";
        m_groupOpen = true;
        m_groupTimer.start(m_groupIntervalMs);
        return;
    }
    if (!beginTransaction()) {
        qCWarning(lcStorage) << "cannot open a write group:" << m_lastError;
        return;
    }
    m_groupOpen = true;
    m_groupTimer.start(m_groupIntervalMs);
}

void Database::afterCommit(std::function<void(bool)> done)
{
    if (!m_groupOpen) {
        done(true);
        return;
    }
    m_afterCommit.push_back(std::move(done));
}

bool Database::flush()
{
    m_groupTimer.stop();
    if (!m_groupOpen)
        return true;
    m_groupOpen = false;
    const bool durable = m_postgres ? commitGroup() : commitTransaction();
    if (!durable) {
        if (!m_postgres)
            rollbackTransaction();
        qCCritical(lcStorage) << "group commit failed, its writes are lost:" << m_lastError;
        m_lastFailedGroup = m_group;
        emit groupRolledBack();
    }
    ++m_group;
    auto waiting = std::move(m_afterCommit);
    m_afterCommit.clear();
    for (auto &done : waiting)
        done(durable);
    return durable;
}

bool Database::transaction()
{
    joinGroup();
    if (m_groupOpen) {
        m_inUnit = runUnit(QStringLiteral("SAVEPOINT unit"));
        return m_inUnit;
    }
    return beginTransaction();
}

bool Database::commit()
{
    if (m_inUnit) {
        m_inUnit = false;
        return runUnit(QStringLiteral("RELEASE SAVEPOINT unit"));
    }
    return commitTransaction();
}

void Database::rollback()
{
    if (m_inUnit) {
        m_inUnit = false;
        runUnit(QStringLiteral("ROLLBACK TO SAVEPOINT unit"));
        runUnit(QStringLiteral("RELEASE SAVEPOINT unit"));
        return;
    }
    rollbackTransaction();
}

// On SQLite bound directly, BEGIN and COMMIT are kept prepared too: Qt's driver prepares them
// afresh for every transaction, and a busy server opens one every few milliseconds.
bool Database::controlTransaction(const QString &sql, bool (QSqlDatabase::*throughQt)())
{
    if (m_sqlite.isOpen())
        return runOnSqlite(sql, {});
    if ((m_db.*throughQt)())
        return true;
    m_lastError = m_db.lastError().text();
    return false;
}

bool Database::beginTransaction()
{
    return controlTransaction(QStringLiteral("BEGIN"), &QSqlDatabase::transaction);
}

bool Database::commitTransaction()
{
    return controlTransaction(QStringLiteral("COMMIT"), &QSqlDatabase::commit);
}

void Database::rollbackTransaction()
{
    if (!m_sqlite.isOpen())
        m_db.rollback();
    else if (m_sqlite.inTransaction())  // a failed COMMIT may have ended it already
        runOnSqlite(QStringLiteral("ROLLBACK"), {});
}

bool Database::prepareSequence(const QString &name, std::int64_t floor)
{
    if (!exec(QStringLiteral("CREATE SEQUENCE IF NOT EXISTS ") + name))
        return false;
    auto last = exec(QStringLiteral("SELECT last_value, is_called FROM ") + name);
    if (!last || !last->next())
        return false;
    const std::int64_t issued = last->value(1).toBool() ? last->value(0).toLongLong() : 0;
    if (issued >= floor)
        return true;
    return exec(QStringLiteral("SELECT setval('%1', ?)").arg(name), {qint64(floor)}).has_value();
}

std::optional<std::int64_t> Database::nextInSequence(const QString &name)
{
    // The id is for a write: taken inside that write's group. Taken on its own it was a
    // transaction of its own, and every 32nd one (PostgreSQL logs a sequence 32 values ahead)
    // waited for a WAL flush of its own, in the event loop, before the group's.
    joinGroup();
    auto query = exec(QStringLiteral("SELECT nextval('%1')").arg(name));
    if (!query || !query->next())
        return std::nullopt;
    return query->value(0).toLongLong();
}

}  // namespace softphone::server
