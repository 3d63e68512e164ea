#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <initializer_list>
#include <optional>

namespace softphone::server {

struct DatabaseSettings
{
    QString driver = QStringLiteral("QSQLITE");  // or QPSQL
    QString path;                                // SQLite file
    QString host;
    int port = 5432;
    QString name;
    QString user;
    QString password;
};

// One connection to the server's database, with its schema brought up to date.
class Database
{
public:
    explicit Database(DatabaseSettings settings);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the connection and applies pending migrations. Returns an error text or empty.
    QString open();
    bool isPostgres() const;
    int schemaVersion();

    // Runs one statement with positional bindings; nullopt (and a logged warning) on failure.
    std::optional<QSqlQuery> exec(const QString &sql,
                                  std::initializer_list<QVariant> bindings = {});
    bool transaction();
    bool commit();
    void rollback();

    QString lastError() const { return m_lastError; }

private:
    QString migrate();

    DatabaseSettings m_settings;
    QString m_connectionName;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_prepared;
    QString m_lastError;
};

}  // namespace softphone::server
