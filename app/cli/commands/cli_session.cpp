#include "commands/cli_session.h"

#include <QDir>
#include <QFile>
#include <QUuid>

namespace softphone::cli {

CliSession::CliSession(CliOptions options, EventPrinter &printer, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_printer(printer)
    , m_im(m_options.dataDir)
{
    m_connectTimeout.setSingleShot(true);
    connect(&m_connectTimeout, &QTimer::timeout, this, [this] {
        emit failed(ExitUnreachable,
                    tr("cannot reach the server at %1").arg(m_options.server.toString()));
    });
    connect(&m_im, &im::ImClient::stateChanged, this, [this](im::ConnectionState state) {
        static constexpr const char *kNames[] = {"offline", "connecting", "online", "waiting"};
        m_printer.print("connection", {{"state", kNames[int(state)]}});
        if (state != im::ConnectionState::Online)
            return;
        m_connectTimeout.stop();
        if (!std::exchange(m_ready, true)) {
            m_printer.print("online", {{"account", m_im.account().toStdString()},
                                       {"device", m_im.credentials().deviceId.toStdString()}});
            emit ready();
        }
    });
    connect(&m_im, &im::ImClient::loginFailed, this, [this](int code, const QString &message) {
        m_connectTimeout.stop();
        emit failed(ExitUnreachable, tr("login refused (%1): %2").arg(code).arg(message));
    });
}

void CliSession::start()
{
    if (!QDir().mkpath(m_options.dataDir)) {
        emit failed(ExitFailure, tr("cannot create the data directory %1").arg(m_options.dataDir));
        return;
    }
    im::Credentials credentials;
    credentials.server = m_options.server;
    credentials.moreServers = m_options.moreServers;
    credentials.account = m_options.user;
    credentials.password = m_options.password;
    credentials.token = m_options.token;
    credentials.deviceId = deviceId();
    credentials.clientType = QStringLiteral("cli");
    m_connectTimeout.start(m_options.connectTimeoutMs);
    m_im.start(credentials);
}

// One device id per account and data directory, kept across runs, so that the server sees
// the same device come back (and rings it again, or lets it resume a call).
QString CliSession::deviceId() const
{
    if (!m_options.deviceId.isEmpty())
        return m_options.deviceId;
    QFile file(QDir(m_options.dataDir).filePath(m_options.user + QStringLiteral(".device")));
    if (file.open(QIODevice::ReadOnly)) {
        const QString stored = QString::fromUtf8(file.readAll()).trimmed();
        if (!stored.isEmpty())
            return stored;
        file.close();
    }
    const QString fresh =
        QStringLiteral("cli-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(fresh.toUtf8());
    return fresh;
}

}  // namespace softphone::cli
