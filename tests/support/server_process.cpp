#include "server_process.h"

#include "nats_server_process.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <atomic>
#include <pwd.h>
#include <unistd.h>

namespace softphone::test {

ServerProcess::ServerProcess(nlohmann::json config)
{
    // A test may name the address to listen on (another namespace's peers reach it there).
    if (config.contains("listenHost"))
        m_host = QString::fromStdString(config["listenHost"].get<std::string>());
    config.erase("listenHost");
    config["listen"] = m_host.toStdString() + ":0";
    config["http"] = "127.0.0.1:0";
    config["dataDir"] = m_dataDir.path().toStdString();
    // The suites place calls back to back from one account; the invite limit is the hostile
    // suite's to test, and it sets it.
    if (!config.contains("invitesPerMinute"))
        config["invitesPerMinute"] = 0;
    m_secure = config.contains("tls");
    // A config that names its database shares another server's (the nodes of a cluster).
    if (!postgresSocket().isEmpty() && !config.contains("database") &&
        !createPostgresDatabase(config))
        qFatal("cannot create a PostgreSQL database for the test server");
    m_config = std::move(config);
    // A config may set the cluster's lease times; the nodes and their NATS come from here.
    if (clusterSize() > 1 && !m_config.value("cluster", nlohmann::json::object()).contains("nats"))
        formCluster();
}

int ServerProcess::clusterSize()
{
    if (postgresSocket().isEmpty())
        return 1;
    return std::max(1, qEnvironmentVariableIntValue("SOFTPHONE_TEST_CLUSTER"));
}

void ServerProcess::formCluster()
{
    m_nats = std::make_unique<NatsServerProcess>();
    if (!m_nats->start())
        qFatal("cannot start nats-server for the test cluster");
    m_config["cluster"]["nats"] = {m_nats->url().toStdString()};
    m_config["cluster"]["node"] = "node-1";
    for (int node = 2; node <= clusterSize(); ++node) {
        nlohmann::json config = m_config;
        config["cluster"]["node"] = "node-" + std::to_string(node);
        config.erase("listen");
        config.erase("http");
        config.erase("dataDir");
        config["listenHost"] = m_host.toStdString();
        m_otherNodes.push_back(std::make_unique<ServerProcess>(std::move(config)));
    }
}

ServerProcess::~ServerProcess()
{
    m_otherNodes.clear();  // before the first node drops the database they share
    if (m_process && m_process->state() != QProcess::NotRunning)
        kill();
    dropPostgresDatabase();
}

QString ServerProcess::postgresSocket()
{
    return qEnvironmentVariable("SOFTPHONE_TEST_POSTGRES");
}

namespace {

// Peer authentication maps the OS user to the PostgreSQL role of the same name.
QString currentUserName()
{
    const passwd *entry = getpwuid(geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QStringLiteral("root");
}

// Runs one statement on a database of the cluster, by default its maintenance database.
bool runOnCluster(const QString &statement, const QString &database = QStringLiteral("postgres"))
{
    static std::atomic<int> connections{0};
    const QString name = QStringLiteral("test-admin-%1").arg(++connections);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(ServerProcess::postgresSocket().section(QLatin1Char(':'), 0, 0));
        db.setPort(ServerProcess::postgresSocket().section(QLatin1Char(':'), 1, 1).toInt());
        db.setDatabaseName(database);
        db.setUserName(currentUserName());
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(statement);
            if (!ok)
                qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
        } else {
            qWarning("cannot reach PostgreSQL: %s", qPrintable(db.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

}  // namespace

bool ServerProcess::createPostgresDatabase(nlohmann::json &config)
{
    static std::atomic<int> counter{0};
    m_pgDatabase =
        QStringLiteral("sptest_%1_%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    if (!runOnCluster(QStringLiteral("CREATE DATABASE ") + m_pgDatabase)) {
        m_pgDatabase.clear();
        return false;
    }
    config["database"] = {{"driver", "postgres"},
                          {"host", postgresSocket().section(QLatin1Char(':'), 0, 0).toStdString()},
                          {"port", postgresSocket().section(QLatin1Char(':'), 1, 1).toInt()},
                          {"name", m_pgDatabase.toStdString()},
                          {"user", currentUserName().toStdString()}};
    return true;
}

bool ServerProcess::runSql(const QString &statement) const
{
    return !m_pgDatabase.isEmpty() && runOnCluster(statement, m_pgDatabase);
}

void ServerProcess::dropPostgresDatabase()
{
    if (!m_pgDatabase.isEmpty())
        runOnCluster(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgDatabase));
}

qint64 ServerProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

qint64 ServerProcess::residentKiB() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString ServerProcess::binary()
{
    // Another build's server, to show that a test fails on it (e.g. before a fix).
    const QString other = qEnvironmentVariable("SOFTPHONE_TEST_SERVER_BINARY");
    return other.isEmpty() ? QStringLiteral(SOFTPHONE_SERVER_BINARY) : other;
}

bool ServerProcess::start(quint16 port)
{
    std::vector<int> nodes;
    std::vector<qsizetype> outputFrom;
    for (int node = 0; node < nodeCount(); ++node) {
        nodes.push_back(node);
        outputFrom.push_back(nodeProcess(node).m_output.size());
    }
    if (!launch(port))
        return false;
    for (const auto &node : m_otherNodes) {
        if (!node->launch(node->port()))
            return false;
    }
    return waitUntilJoined(nodes, outputFrom);
}

bool ServerProcess::startNode(int node)
{
    ServerProcess &process = nodeProcess(node);
    const qsizetype outputFrom = process.m_output.size();
    return process.launch(process.port()) && waitUntilJoined({node}, {outputFrom});
}

bool ServerProcess::stopNode(int node)
{
    return nodeProcess(node).stopProcess();
}

void ServerProcess::killNode(int node)
{
    nodeProcess(node).killProcess();
}

QUrl ServerProcess::nodeUrl(int node) const
{
    return nodeProcess(node).processUrl();
}

ServerProcess &ServerProcess::nodeProcess(int node)
{
    return node == 0 ? *this : *m_otherNodes.at(std::size_t(node - 1));
}

const ServerProcess &ServerProcess::nodeProcess(int node) const
{
    return node == 0 ? *this : *m_otherNodes.at(std::size_t(node - 1));
}

bool ServerProcess::waitUntilJoined(const std::vector<int> &nodes,
                                    const std::vector<qsizetype> &outputFrom)
{
    if (m_otherNodes.empty())
        return true;
    const auto joinedAll = [&] {
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const QString since = nodeProcess(nodes[i]).m_output.mid(outputFrom[i]);
            if (since.count(QStringLiteral(" joined")) < qsizetype(m_otherNodes.size()))
                return false;
        }
        return true;
    };
    if (QTest::qWaitFor(joinedAll, 10000))
        return true;
    qWarning("the cluster's nodes did not all hear each other: %s", qPrintable(output()));
    return false;
}

bool ServerProcess::launch(quint16 port)
{
    m_config["listen"] = m_host.toStdString() + ":" + std::to_string(port);
    QFile file(m_dataDir.filePath(QStringLiteral("server.json")));
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QByteArray::fromStdString(m_config.dump(2))) < 0)
        return false;
    file.close();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setProgram(binary());
    m_process->setArguments(
        {QStringLiteral("--config"), m_dataDir.filePath(QStringLiteral("server.json"))});
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError,
                     [this] { m_output += QString::fromUtf8(m_process->readAllStandardError()); });
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        qWarning("cannot start %s", qPrintable(binary()));
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening ws=(\\d+) http=(\\d+)"));
    QString stdoutText;
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(100) && m_process->state() == QProcess::NotRunning)
            break;
        stdoutText += QString::fromUtf8(m_process->readAllStandardOutput());
        const auto match = listening.match(stdoutText);
        if (match.hasMatch()) {
            m_port = static_cast<quint16>(match.captured(1).toUInt());
            m_httpPort = static_cast<quint16>(match.captured(2).toUInt());
            return true;
        }
    }
    m_output += QString::fromUtf8(m_process->readAllStandardError());
    qWarning("the server did not start: %s %s", qPrintable(stdoutText), qPrintable(m_output));
    return false;
}

bool ServerProcess::stop()
{
    bool others = true;
    for (const auto &node : m_otherNodes)
        others = node->stopProcess() && others;
    return stopProcess() && others;
}

bool ServerProcess::stopProcess()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return true;
    m_process->terminate();
    const bool finished = m_process->waitForFinished(20000);
    m_output += QString::fromUtf8(m_process->readAllStandardError());
    return finished && m_process->exitStatus() == QProcess::NormalExit &&
           m_process->exitCode() == 0;
}

void ServerProcess::kill()
{
    for (const auto &node : m_otherNodes)
        node->killProcess();
    killProcess();
}

void ServerProcess::killProcess()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
}

QString ServerProcess::output() const
{
    QString all = m_output;
    for (const auto &node : m_otherNodes)
        all += node->output();
    return all;
}

QUrl ServerProcess::url() const
{
    return nodeUrl(int(m_nextNode++ % std::size_t(nodeCount())));
}

QUrl ServerProcess::processUrl() const
{
    return QUrl(QStringLiteral("%1://%2:%3")
                    .arg(m_secure ? QStringLiteral("wss") : QStringLiteral("ws"), m_host)
                    .arg(m_port));
}

int ServerProcess::runCommand(const QStringList &arguments, QString *output) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(binary(), QStringList{QStringLiteral("--config"),
                                        m_dataDir.filePath(QStringLiteral("server.json"))} +
                                arguments);
    process.waitForFinished(30000);
    if (output)
        *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

int httpGet(quint16 port, const QString &path, QByteArray *body)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(
        QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path))));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (body)
        *body = reply->readAll();
    reply->deleteLater();
    return status;
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

}  // namespace softphone::test
