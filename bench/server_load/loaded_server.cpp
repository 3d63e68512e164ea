#include "server_load/loaded_server.h"

#include "protocol/json_fields.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace softphone::bench::load {

using protocol::json;

json loadSettings(int commitMs)
{
    return {{"rateLimitPerSecond", 100000},
            {"rateLimitBurst", 100000},
            {"invitesPerMinute", 0},
            {"connectionsPerAddress", 0},
            {"logins", {{"waitingPerAddress", 100000}, {"waiting", 100000}}},
            {"recordGraceSeconds", 10},
            {"commitIntervalMs", commitMs}};
}

bool LoadedServer::start(const QString &dataDir)
{
    QFile config(QDir(dataDir).filePath(QStringLiteral("bench.json")));
    config.open(QIODevice::WriteOnly);
    config.write(loadSettings(m_commitMs).dump().c_str());
    config.close();
    m_server.setProgram(m_binary);
    m_server.setArguments({QStringLiteral("--listen"), m_listen, QStringLiteral("--data"), dataDir,
                           QStringLiteral("--config"), config.fileName()});
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server.start();
    if (!m_server.waitForStarted() || !m_server.waitForReadyRead(30000))
        return false;
    const QString line = QString::fromUtf8(m_server.readAllStandardOutput());
    static const QRegularExpression port(QStringLiteral("ws=(\\d+)"));
    const auto match = port.match(line);
    m_port = match.hasMatch() ? match.captured(1).toUShort() : 0;
    return m_port != 0;
}

void LoadedServer::stop()
{
    m_server.terminate();
    m_server.waitForFinished(30000);
}

}  // namespace softphone::bench::load
