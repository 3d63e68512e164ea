#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>
#include <nlohmann/json.hpp>

namespace softphone::test {

// The real softphone-server binary on loopback, with its own data directory and config.
class ServerProcess
{
public:
    // `config` is written to a JSON file in the data directory and passed with --config.
    // "listenHost" in it: the address to listen on instead of 127.0.0.1.
    explicit ServerProcess(nlohmann::json config = nlohmann::json::object());
    ~ServerProcess();

    // Waits for the "listening" line; false (and qWarning) on failure. `port` 0 picks a free
    // one; a restart that clients must find again passes port().
    bool start(quint16 port = 0);
    bool stop();  // SIGTERM, then waits for a clean exit
    void kill();  // SIGKILL: a crash
    bool restart() { return stop() && start(); }

    QUrl url() const;
    quint16 port() const { return m_port; }
    quint16 httpPort() const { return m_httpPort; }
    QString dataDir() const { return m_dataDir.path(); }
    QString output() const { return m_output; }
    const nlohmann::json &config() const { return m_config; }  // as passed to the server
    qint64 pid() const;
    qint64 residentKiB() const;  // VmRSS of the server process; -1 when unknown
    bool isRunning() const;
    int runCommand(const QStringList &arguments, QString *output = nullptr) const;

    // Runs one statement on the server's PostgreSQL database (false on SQLite): how a test
    // puts the database itself in a state the server must cope with.
    bool runSql(const QString &statement) const;

    static QString binary();
    // "SOCKET_DIR:PORT" of PostgreSQL when the suite runs against it, else empty.
    static QString postgresSocket();

private:
    bool createPostgresDatabase(nlohmann::json &config);
    void dropPostgresDatabase();

    nlohmann::json m_config;
    QString m_pgDatabase;
    bool m_secure = false;
    QTemporaryDir m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QString m_output;
    QString m_host = QStringLiteral("127.0.0.1");
    quint16 m_port = 0;
    quint16 m_httpPort = 0;
};

// A TCP port on 127.0.0.1 that nothing listened on a moment ago; 0 if none could be found.
quint16 freeLoopbackPort();

// An HTTP GET on loopback; returns the status code (0 on failure) and fills `body`.
int httpGet(quint16 port, const QString &path, QByteArray *body = nullptr);

}  // namespace softphone::test
