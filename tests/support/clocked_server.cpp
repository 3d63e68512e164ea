#include "clocked_server.h"

#include "softphone_server.h"

#include <QTest>

namespace softphone::test {

ClockedServer::ClockedServer()
{
    m_config.listen = {QHostAddress::LocalHost, 0};
    m_config.dataDir = m_dir.path();
    m_config.commitIntervalMs = 0;
}

ClockedServer::~ClockedServer() = default;

QString ClockedServer::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder for the data");
    m_server = std::make_unique<server::SoftphoneServer>(m_config, &m_clock);
    return m_server->start();
}

QUrl ClockedServer::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_server->port()));
}

bool ClockedServer::waitForConnections(int count)
{
    const QByteArray line = "\nsoftphone_connections " + QByteArray::number(count) + "\n";
    return QTest::qWaitFor([&] { return m_server->metricsText().contains(line); });
}

}  // namespace softphone::test
