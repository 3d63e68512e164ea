#include "server_config.h"

#include <QFile>
#include <QRegularExpression>
#include <nlohmann/json.hpp>

namespace softphone::server {

using nlohmann::json;

std::optional<Endpoint> Endpoint::parse(const QString &text)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    Endpoint endpoint;
    if (host == QLatin1String("localhost"))
        endpoint.host = QHostAddress::LocalHost;
    else if (host == QLatin1String("*") || host == QLatin1String("0.0.0.0"))
        endpoint.host = QHostAddress::Any;
    else if (!endpoint.host.setAddress(host))
        return std::nullopt;
    endpoint.port = static_cast<quint16>(port);
    return endpoint;
}

QString Endpoint::toString() const
{
    const QString address = host.protocol() == QAbstractSocket::IPv6Protocol
                                ? QLatin1Char('[') + host.toString() + QLatin1Char(']')
                                : host.toString();
    return address + QLatin1Char(':') + QString::number(port);
}

namespace {

QString str(const json &value)
{
    return QString::fromStdString(value.get<std::string>());
}

QStringList strings(const json &value)
{
    QStringList list;
    for (const auto &item : value)
        list << str(item);
    return list;
}

}  // namespace

QString ServerConfig::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read config file %1: %2").arg(path, file.errorString());
    const json root = json::parse(file.readAll().toStdString(), nullptr, false, true);
    if (root.is_discarded() || !root.is_object())
        return QStringLiteral("config file %1 is not a JSON object").arg(path);
    try {
        if (root.contains("listen")) {
            auto endpoint = Endpoint::parse(str(root["listen"]));
            if (!endpoint)
                return QStringLiteral("config: listen must be HOST:PORT");
            listen = *endpoint;
        }
        if (root.contains("http")) {
            http = Endpoint::parse(str(root["http"]));
            if (!http)
                return QStringLiteral("config: http must be HOST:PORT");
        }
        dataDir = root.contains("dataDir") ? str(root["dataDir"]) : dataDir;
        if (root.contains("database")) {
            const json &db = root["database"];
            const std::string driver = db.value("driver", std::string("sqlite"));
            if (driver == "postgres") {
                database.driver = QStringLiteral("QPSQL");
            } else if (driver != "sqlite") {
                return QStringLiteral("config: database.driver must be sqlite or postgres");
            }
            database.path = QString::fromStdString(db.value("path", std::string()));
            database.host = QString::fromStdString(db.value("host", std::string("localhost")));
            database.port = db.value("port", 5432);
            database.name = QString::fromStdString(db.value("name", std::string("softphone")));
            database.user = QString::fromStdString(db.value("user", std::string()));
            database.password = QString::fromStdString(db.value("password", std::string()));
        }
        callRecords = root.value("callRecords", callRecords);
        openRegistration = root.value("openRegistration", openRegistration);
        ringTimeoutSeconds = root.value("ringTimeoutSeconds", ringTimeoutSeconds);
        inviteBurst = root.value("inviteBurst", inviteBurst);
        invitesPerMinute = root.value("invitesPerMinute", invitesPerMinute);
        recordGraceSeconds = root.value("recordGraceSeconds", recordGraceSeconds);
        reconnectGraceSeconds = root.value("reconnectGraceSeconds", reconnectGraceSeconds);
        tokenLifetimeDays = root.value("tokenLifetimeDays", tokenLifetimeDays);
        commitIntervalMs = root.value("commitIntervalMs", commitIntervalMs);
        limits.maxFrameBytes = root.value("maxFrameBytes", limits.maxFrameBytes);
        limits.requestsPerSecond = root.value("rateLimitPerSecond", limits.requestsPerSecond);
        limits.burst = root.value("rateLimitBurst", limits.burst);
        limits.readBacklogBytes = root.value("readBacklogBytes", limits.readBacklogBytes);
        limits.dropBacklogBytes = root.value("dropBacklogBytes", limits.dropBacklogBytes);
        limits.loginTimeoutMs =
            root.value("loginTimeoutSeconds", limits.loginTimeoutMs / 1000.0) * 1000;
        connectionsPerAddress = root.value("connectionsPerAddress", connectionsPerAddress);
        if (root.contains("logins")) {
            const json &l = root["logins"];
            logins.waitingPerAddress = l.value("waitingPerAddress", logins.waitingPerAddress);
            logins.waiting = l.value("waiting", logins.waiting);
            logins.addressFailures = l.value("addressFailures", logins.addressFailures);
            logins.addressFailuresPerMinute =
                l.value("addressFailuresPerMinute", logins.addressFailuresPerMinute);
            logins.accountFailures = l.value("accountFailures", logins.accountFailures);
            logins.accountFailuresPerMinute =
                l.value("accountFailuresPerMinute", logins.accountFailuresPerMinute);
            logins.registrationsPerAddress =
                l.value("registrationsPerAddressPerHour", logins.registrationsPerAddress);
        }
        if (root.contains("allowedOrigins"))
            allowedOrigins = strings(root["allowedOrigins"]);
        if (root.contains("tls")) {
            tlsCertificate = str(root["tls"].at("certificate"));
            tlsPrivateKey = str(root["tls"].at("privateKey"));
        }
        if (root.contains("turn")) {
            const json &t = root["turn"];
            turn.urls = strings(t.value("urls", json::array()));
            turn.secret = QString::fromStdString(t.value("secret", std::string()));
            turn.ttlSeconds = t.value("ttlSeconds", turn.ttlSeconds);
        }
        if (root.contains("webhooks")) {
            const json &w = root["webhooks"];
            webhooks.urls = strings(w.value("urls", json::array()));
            webhooks.secret = QString::fromStdString(w.value("secret", std::string()));
            webhooks.maxBackoffSeconds = w.value("maxBackoffSeconds", webhooks.maxBackoffSeconds);
        }
        if (root.contains("cluster")) {
            const json &c = root["cluster"];
            cluster.natsUrls = strings(c.at("nats"));
            cluster.node = str(c.at("node"));
            cluster.leaseMs = c.value("leaseMs", cluster.leaseMs);
            cluster.leaseRenewMs = c.value("leaseRenewMs", cluster.leaseRenewMs);
            database.shared = cluster.enabled();
        }
    } catch (const json::exception &e) {
        return QStringLiteral("config file %1: %2").arg(path, QString::fromUtf8(e.what()));
    }
    return validate();
}

QString ServerConfig::validate() const
{
    if (ringTimeoutSeconds < 1 || recordGraceSeconds < 0 || reconnectGraceSeconds < 0)
        return QStringLiteral("config: timeouts must not be negative, ringTimeoutSeconds >= 1");
    if (commitIntervalMs < 0 || commitIntervalMs > 1000)
        return QStringLiteral("config: commitIntervalMs must be between 0 and 1000");
    if (tokenLifetimeDays < 1)
        return QStringLiteral("config: tokenLifetimeDays must be at least 1");
    if (limits.maxFrameBytes < 1024)
        return QStringLiteral("config: maxFrameBytes must be at least 1024");
    if (limits.requestsPerSecond <= 0 || limits.burst < 1)
        return QStringLiteral("config: the rate limit must be positive");
    if (turn.ttlSeconds < 60 || turn.ttlSeconds > 86400)
        return QStringLiteral("config: turn.ttlSeconds must be between 60 and 86400");
    if (tlsCertificate.isEmpty() != tlsPrivateKey.isEmpty())
        return QStringLiteral("config: tls needs both certificate and privateKey");
    return validateCluster();
}

QString ServerConfig::validateCluster() const
{
    if (!cluster.enabled() && cluster.node.isEmpty())
        return {};
    if (cluster.natsUrls.isEmpty())
        return QStringLiteral("config: cluster.nats must list at least one NATS URL");
    static const QRegularExpression nodeName(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!nodeName.match(cluster.node).hasMatch())
        return QStringLiteral("config: cluster.node must be 1-64 letters, digits, '-' or '_'");
    // The nodes share what they store; a SQLite file belongs to one process.
    if (database.driver != QStringLiteral("QPSQL"))
        return QStringLiteral("config: a cluster needs the postgres database driver; SQLite "
                              "serves a single node");
    // One late renewal must not cost a node its calls.
    if (cluster.leaseRenewMs < 50 || cluster.leaseMs < 2 * cluster.leaseRenewMs)
        return QStringLiteral("config: cluster.leaseRenewMs must be at least 50 and "
                              "cluster.leaseMs at least twice as long");
    return {};
}

}  // namespace softphone::server
