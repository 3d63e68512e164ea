#pragma once

#include "net/client_connection.h"
#include "services/login_throttle.h"
#include "storage/database.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <optional>

namespace softphone::server {

struct Endpoint
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 0;
    static std::optional<Endpoint> parse(const QString &text);  // "HOST:PORT", "[::1]:PORT"
    QString toString() const;
};

struct TurnSettings
{
    QStringList urls;
    QString secret;
    int ttlSeconds = 86400;
};

struct WebhookSettings
{
    QStringList urls;
    QString secret;
    int maxBackoffSeconds = 600;
};

// Several nodes behind one address: routing over NATS, PostgreSQL as the one shared store.
struct ClusterSettings
{
    QStringList natsUrls;  // empty: a single node, no NATS
    QString node;          // this node's name, unique in the cluster
    // The node's lease on its calls in the database, renewed every leaseRenewMs; a survivor
    // takes over the calls of a node whose lease ran out (docs/cluster.md, "Losing a node").
    int leaseMs = 5000;
    int leaseRenewMs = 1000;
    bool enabled() const { return !natsUrls.isEmpty(); }
};

// Everything the server can be told, from its config file and then its command line.
struct ServerConfig
{
    Endpoint listen{QHostAddress::LocalHost, 8600};
    std::optional<Endpoint> http;
    QString dataDir;
    DatabaseSettings database;  // path defaults to <dataDir>/softphone.db

    bool callRecords = true;         // the built-in records (enableOrder)
    bool openRegistration = true;    // `register` over the protocol
    int ringTimeoutSeconds = 60;     // the server's backstop; clients time out first (30 s)
    double inviteBurst = 10;         // calls one account may place in a row ...
    double invitesPerMinute = 20;    // ... and how fast it earns them back; 0: no limit
    int recordGraceSeconds = 10;     // how long the caller has to send records 2-5
    int reconnectGraceSeconds = 20;  // a device in a call that drops may come back within this
    int tokenLifetimeDays = 30;
    int commitIntervalMs = 2;  // group commit: writes of this many ms share one commit
    ConnectionLimits limits;
    int connectionsPerAddress = 64;  // open connections from one IP address; 0: no limit
    LoginThrottleSettings logins;
    QStringList allowedOrigins;  // browsers' Origins let in; native clients send none
    QString tlsCertificate;      // both set: wss://
    QString tlsPrivateKey;
    TurnSettings turn;
    WebhookSettings webhooks;
    ClusterSettings cluster;

    // Reads a JSON config file over the defaults. Returns an error text or empty.
    QString loadFile(const QString &path);
    QString validate() const;

private:
    QString validateCluster() const;
};

}  // namespace softphone::server
