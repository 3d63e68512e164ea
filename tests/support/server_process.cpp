#include "server_process.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

namespace softphone::test {

ServerProcess::ServerProcess(nlohmann::json config)
{
    config["listen"] = "127.0.0.1:0";
    config["http"] = "127.0.0.1:0";
    config["dataDir"] = m_dataDir.path().toStdString();
    QFile file(m_dataDir.filePath(QStringLiteral("server.json")));
    if (file.open(QIODevice::WriteOnly))
        file.write(QByteArray::fromStdString(config.dump(2)));
}

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        kill();
}

QString ServerProcess::binary()
{
    return QStringLiteral(SOFTPHONE_SERVER_BINARY);
}

bool ServerProcess::start()
{
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
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
}

QUrl ServerProcess::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_port));
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

}  // namespace softphone::test
