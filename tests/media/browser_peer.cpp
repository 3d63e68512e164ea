#include "browser_peer.h"

#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

namespace {

QString chromium()
{
    const QString configured = qEnvironmentVariable("SOFTPHONE_CHROMIUM");
    if (!configured.isEmpty())
        return configured;
    return QStandardPaths::findExecutable(QStringLiteral("chromium"));
}

QStringList chromiumArguments(const QString &profile, const QString &wav, bool grantDevices)
{
    QStringList arguments{
        QStringLiteral("--headless=new"),
        // the suite runs as root, in a network namespace of its own
        QStringLiteral("--no-sandbox"),
        QStringLiteral("--disable-gpu"),
        QStringLiteral("--user-data-dir=") + profile,
        QStringLiteral("--no-first-run"),
        QStringLiteral("--no-default-browser-check"),
        QStringLiteral("--disable-background-networking"),
        QStringLiteral("--disable-component-update"),
        QStringLiteral("--disable-sync"),
        QStringLiteral("--disable-dev-shm-usage"),
        QStringLiteral("--use-fake-device-for-media-stream"),
        QStringLiteral("--use-file-for-fake-audio-capture=") + wav,
        QStringLiteral("--autoplay-policy=no-user-gesture-required"),
        QStringLiteral("--allow-file-access-from-files"),
        QStringLiteral("--enable-logging=stderr"),
        QStringLiteral("--v=0"),
    };
    // For a look inside Chromium's WebRTC, e.g. "dtls_transport=2,jsep_transport=2"; its log
    // lines are then printed too.
    if (qEnvironmentVariableIsSet("SOFTPHONE_BROWSER_VMODULE"))
        arguments << QStringLiteral("--vmodule=") +
                         qEnvironmentVariable("SOFTPHONE_BROWSER_VMODULE");
    // Granting the devices also shows the page the host's addresses; without the grant its
    // candidates carry mDNS names (the default WebRtcHideLocalIpsWithMdns feature).
    if (grantDevices)
        arguments << QStringLiteral("--use-fake-ui-for-media-stream");
    return arguments;
}

}  // namespace

BrowserPeer::~BrowserPeer()
{
    stop();
}

QString BrowserPeer::unavailableReason()
{
    const QString binary = chromium();
    if (binary.isEmpty())
        return QStringLiteral("Chromium is not installed (Debian package \"chromium\"; "
                              "scripts/install-deps.sh installs it)");
    QProcess probe;
    probe.start(binary, {QStringLiteral("--headless=new"), QStringLiteral("--no-sandbox"),
                         QStringLiteral("--disable-gpu"), QStringLiteral("--dump-dom"),
                         QStringLiteral("about:blank")});
    if (!probe.waitForFinished(30000) || probe.exitCode() != 0) {
        probe.kill();
        probe.waitForFinished();
        return QStringLiteral("Chromium does not start here: %1")
            .arg(QString::fromLocal8Bit(probe.readAllStandardError().right(400)));
    }
    return {};
}

bool BrowserPeer::start(const Options &options)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("server"), options.server.toString());
    query.addQueryItem(QStringLiteral("account"), options.account);
    query.addQueryItem(QStringLiteral("password"), options.password);
    query.addQueryItem(QStringLiteral("role"), options.role);
    query.addQueryItem(QStringLiteral("peer"), options.peer);
    query.addQueryItem(QStringLiteral("type"), QString::number(options.type));
    if (options.syntheticTone > 0) {
        query.addQueryItem(QStringLiteral("synthetic"), QStringLiteral("1"));
        query.addQueryItem(QStringLiteral("tone"), QString::number(options.syntheticTone));
    }
    QUrl page = QUrl::fromLocalFile(QStringLiteral(SOFTPHONE_BROWSER_PAGE));
    page.setQuery(query);

    const QStringList command =
        options.commandPrefix + QStringList{chromium()} +
        chromiumArguments(m_profile.path(), options.microphoneWav, options.syntheticTone <= 0) +
        QStringList{page.toString(QUrl::FullyEncoded)};
    m_process.setProgram(command.first());
    m_process.setArguments(command.mid(1));
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(&m_process, &QProcess::readyRead, &m_process, [this] { readLog(); });
    m_process.start();
    return m_process.waitForStarted(10000);
}

void BrowserPeer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

// Console lines look like:
//   [1201/153000.123456:INFO:CONSOLE(42)] "PEER {...}", source: file:///.../peer.html (42)
void BrowserPeer::readLog()
{
    m_pending += m_process.readAll();
    qsizetype end = 0;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        const QByteArray line = m_pending.left(end);
        m_pending.remove(0, end + 1);
        if (qEnvironmentVariableIsSet("SOFTPHONE_BROWSER_VMODULE") && !line.contains("PEER"))
            qInfo().noquote() << "chromium:" << QString::fromUtf8(line.left(400));
        const qsizetype start = line.indexOf("\"PEER ");
        const qsizetype stop = line.lastIndexOf("\", source:");
        if (start < 0 || stop <= start)
            continue;
        const QByteArray text = line.mid(start + 6, stop - start - 6);
        auto report = nlohmann::json::parse(text.toStdString(), nullptr, false);
        if (!report.is_object())
            continue;
        const std::string event = report.value("event", "");
        if (event != "stats")
            m_transcript += QString::fromUtf8(text.left(300)) + QLatin1Char('\n');
        m_reports.push_back(std::move(report));
    }
}

std::vector<nlohmann::json> BrowserPeer::reports(const char *event)
{
    readLog();
    std::vector<nlohmann::json> matching;
    for (const nlohmann::json &report : m_reports) {
        if (report.value("event", "") == event)
            matching.push_back(report);
    }
    return matching;
}

bool BrowserPeer::waitFor(const char *event, int timeoutMs)
{
    return QTest::qWaitFor([&] { return !reports(event).empty(); }, timeoutMs);
}

nlohmann::json BrowserPeer::last(const char *event)
{
    const auto matching = reports(event);
    return matching.empty() ? nlohmann::json() : matching.back();
}

double BrowserPeer::statOf(const nlohmann::json &report, const char *kind, const char *field)
{
    if (!report.is_object() || !report.contains(kind) || !report[kind].is_object())
        return 0;
    const nlohmann::json &figures = report[kind];
    return figures.contains(field) && figures[field].is_number() ? figures[field].get<double>() : 0;
}
