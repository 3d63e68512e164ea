#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

namespace softphone::test {

class NatsServerProcess;

// The real softphone-server binary on loopback, with its own data directory and config.
//
// With SOFTPHONE_TEST_CLUSTER=N (N >= 2, beside SOFTPHONE_TEST_POSTGRES) it is a cluster of N
// such nodes on one PostgreSQL database and a real nats-server: url() names the nodes in turn,
// so a suite's clients spread over them, and start, stop and kill act on every node. pid(),
// residentKiB() and runCommand() are the first node's.
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

    // A cluster's nodes one by one (node 0 is the first; on one server, it is the only one).
    int nodeCount() const { return int(m_otherNodes.size()) + 1; }
    QUrl nodeUrl(int node) const;
    void killNode(int node);
    bool stopNode(int node);
    // Starts a stopped node again on its port; true once it has heard the others.
    bool startNode(int node);
    quint16 port() const { return m_port; }
    quint16 httpPort() const { return m_httpPort; }
    QString dataDir() const { return m_dataDir.path(); }
    QString output() const;
    const nlohmann::json &config() const { return m_config; }  // as passed to the server
    qint64 pid() const;
    qint64 residentKiB() const;  // VmRSS of the server process; -1 when unknown
    bool isRunning() const;
    int runCommand(const QStringList &arguments, QString *output = nullptr) const;

    // Runs one statement on the server's PostgreSQL database (false on SQLite): how a test
    // puts the database itself in a state the server must cope with.
    bool runSql(const QString &statement) const;

    static QString binary();
    // The nodes a suite's server has (SOFTPHONE_TEST_CLUSTER): 1 unless it runs as a cluster.
    static int clusterSize();
    // "SOCKET_DIR:PORT" of PostgreSQL when the suite runs against it, else empty.
    static QString postgresSocket();

private:
    bool createPostgresDatabase(nlohmann::json &config);
    void formCluster();
    ServerProcess &nodeProcess(int node);
    const ServerProcess &nodeProcess(int node) const;
    bool launch(quint16 port);  // this process only
    bool stopProcess();
    void killProcess();
    QUrl processUrl() const;
    // Each of `nodes` has heard the other nodes since its output was `outputFrom` long.
    bool waitUntilJoined(const std::vector<int> &nodes, const std::vector<qsizetype> &outputFrom);
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
    // As a cluster: the nats-server and the other nodes, and the node url() names next.
    std::unique_ptr<NatsServerProcess> m_nats;
    std::vector<std::unique_ptr<ServerProcess>> m_otherNodes;
    mutable std::size_t m_nextNode = 0;
};

// A TCP port on 127.0.0.1 that nothing listened on a moment ago; 0 if none could be found.
quint16 freeLoopbackPort();

// An HTTP GET on loopback; returns the status code (0 on failure) and fills `body`.
int httpGet(quint16 port, const QString &path, QByteArray *body = nullptr);

}  // namespace softphone::test
