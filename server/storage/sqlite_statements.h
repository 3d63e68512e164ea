#pragma once

#include <QString>
#include <QVariant>
#include <initializer_list>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace softphone::server {

// Writes on SQLite through SQLite's own interface, on the connection Qt opened: each statement
// is prepared once and kept, and its values are bound in place. Qt SQL's positional binding
// names a placeholder for every value it binds (three allocations each), and a call's
// lifecycle binds some forty. Values are bound as Qt's SQLite driver binds them, so what is
// stored is the same either way.
class SqliteStatements
{
public:
    SqliteStatements() = default;
    ~SqliteStatements();
    SqliteStatements(const SqliteStatements &) = delete;
    SqliteStatements &operator=(const SqliteStatements &) = delete;

    // The connection to use; its statements go first (before it is closed).
    void setConnection(sqlite3 *connection);
    bool isOpen() const { return m_connection != nullptr; }

    // Runs a statement that returns no rows. False, with error() set, if it failed.
    bool run(const QString &sql, std::initializer_list<QVariant> bindings);
    // Rows changed by the last statement run.
    int changes() const;
    const QString &error() const { return m_error; }

private:
    sqlite3_stmt *prepared(const QString &sql);
    bool bind(sqlite3_stmt *statement, int index, const QVariant &value);
    void finalizeAll();

    sqlite3 *m_connection = nullptr;
    std::unordered_map<QString, sqlite3_stmt *> m_statements;
    QString m_error;
};

}  // namespace softphone::server
