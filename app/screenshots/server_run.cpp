#include "server_run.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

ServerRun::ServerRun(QString binary)
    : m_binary(std::move(binary))
{}

ServerRun::~ServerRun()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000))
        m_process.kill();
}

QString ServerRun::configPath() const
{
    return m_dir.filePath(QStringLiteral("server.json"));
}

bool ServerRun::start()
{
    const QJsonObject config{{QStringLiteral("listen"), QStringLiteral("127.0.0.1:0")},
                             {QStringLiteral("http"), QStringLiteral("127.0.0.1:0")},
                             {QStringLiteral("dataDir"), m_dir.path()}};
    QFile file(configPath());
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(config).toJson()) < 0)
        return false;
    file.close();
    m_process.setProgram(m_binary);
    m_process.setArguments({QStringLiteral("--config"), configPath()});
    m_process.start();
    static const QRegularExpression listening(QStringLiteral("listening ws=(\\d+)"));
    QString output;
    for (QDeadlineTimer deadline(15000); !deadline.hasExpired();) {
        if (!m_process.waitForReadyRead(100) && m_process.state() == QProcess::NotRunning)
            return false;
        output += QString::fromUtf8(m_process.readAllStandardOutput());
        if (const auto match = listening.match(output); match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    return false;
}

bool ServerRun::addAccount(const QString &account, const QString &password, const QString &name)
{
    QProcess command;
    command.start(m_binary,
                  {QStringLiteral("--config"), configPath(), QStringLiteral("account"),
                   QStringLiteral("add"), account, password, QStringLiteral("--name"), name});
    return command.waitForFinished(30000) && command.exitStatus() == QProcess::NormalExit &&
           command.exitCode() == 0;
}

QUrl ServerRun::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_port));
}
