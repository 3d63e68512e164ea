#pragma once

#include <QString>
#include <QVariant>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace softphone::server {

// Writes on SQLite through SQLite's own interface, on the connection Qt opened: each statement
// is prepared once and kept, and its values are bound in place. Qt SQL's positional binding
// names a placeholder for every value it binds (three allocations each), and a call's
// lifecycle binds some forty. Values are stored as Qt's SQLite driver stores them (its text
// goes in as UTF-16, which SQLite converts in an allocation of its own; here as UTF-8), so
// what is stored is the same either way.
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
    bool inTransaction() const;
    const QString &error() const { return m_error; }

private:
    sqlite3_stmt *prepared(const QString &sql);
    bool bind(sqlite3_stmt *statement, int index, const QVariant &value, std::size_t textAt);
    void writeTexts(std::initializer_list<QVariant> bindings);
    void finalizeAll();

    sqlite3 *m_connection = nullptr;
    std::unordered_map<QString, sqlite3_stmt *> m_statements;
    QString m_error;
    // The text values of the statement being run, as UTF-8, one after another, and where each
    // starts: kept from run to run.
    std::string m_texts;
    std::vector<std::size_t> m_textStarts;
};

}  // namespace softphone::server
