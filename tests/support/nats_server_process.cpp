#include "nats_server_process.h"

#include "server_process.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QStandardPaths>

namespace softphone::test {

namespace {

QString natsServerBinary()
{
    return QStandardPaths::findExecutable(QStringLiteral("nats-server"));
}

}  // namespace

NatsServerProcess::~NatsServerProcess()
{
    kill();
}

bool NatsServerProcess::isInstalled()
{
    return !natsServerBinary().isEmpty();
}

bool NatsServerProcess::start()
{
    m_port = freeLoopbackPort();
    return run({QStringLiteral("-a"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                QString::number(m_port), QStringLiteral("--no_advertise")});
}

bool NatsServerProcess::start(const QByteArray &config, quint16 port)
{
    QFile file(m_dir.filePath(QStringLiteral("nats-server.conf")));
    if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
        return false;
    file.close();
    m_port = port;
    return run({QStringLiteral("-c"), file.fileName()});
}

bool NatsServerProcess::run(const QStringList &arguments)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(natsServerBinary(), arguments);
    if (!m_process->waitForStarted(10000))
        return false;
    QByteArray output;
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(100);
        output += m_process->readAll();
        if (output.contains("Server is ready"))
            return true;
    }
    qWarning("nats-server did not start: %s", output.constData());
    return false;
}

void NatsServerProcess::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString NatsServerProcess::url() const
{
    return QStringLiteral("nats://127.0.0.1:%1").arg(m_port);
}

}  // namespace softphone::test
