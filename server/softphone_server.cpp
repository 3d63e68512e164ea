#include "softphone_server.h"

#include "cluster/cluster_node.h"
#include "cluster/lease_keeper.h"
#include "logging.h"
#include "net/http_endpoint.h"
#include "net/websocket_listener.h"
#include "services/password_hasher.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace softphone::server {

using protocol::ErrorCode;

namespace {

DatabaseSettings databaseSettings(const ServerConfig &config)
{
    DatabaseSettings settings = config.database;
    if (settings.driver == QLatin1String("QSQLITE") && settings.path.isEmpty())
        settings.path = QDir(config.dataDir).filePath(QStringLiteral("softphone.db"));
    return settings;
}

}  // namespace

SoftphoneServer::SoftphoneServer(ServerConfig config, platform::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_ownClock(clock ? nullptr : std::make_unique<platform::SystemClock>())
    , m_clock(clock ? *clock : *m_ownClock)
    , m_db(databaseSettings(m_config))
    , m_accounts(m_db)
    , m_messages(m_db)
    , m_callStore(m_db)
    , m_callClaims(m_db)
    , m_nodeLeases(m_db)
    , m_sessions(this)
    , m_context{m_config, m_db, m_accounts, m_messages, m_sessions, m_clock}
    , m_auth(m_context, m_config.logins, this)
    , m_messaging(m_context, this)
    , m_directory(m_context, this)
    , m_calls(m_context, m_callStore, m_messaging, this)
    , m_turn(m_config.turn)
    , m_webhooks(m_context, this)
{
    m_messaging.setRecordAdmission(&m_calls);
    connect(&m_auth, &AuthService::deviceOnline, &m_calls, &CallManager::deviceOnline);
    connect(&m_auth, &AuthService::loggingOut, this, [this](ClientConnection *client) {
        m_calls.deviceOffline(client, CallManager::Departure::LoggedOut);
    });
    connect(&m_messaging, &MessageService::messageStored, &m_webhooks,
            &WebhookDispatcher::enqueueMessage);
    connect(&m_calls, &CallManager::roomEnded, &m_webhooks, &WebhookDispatcher::enqueueRoom);
    buildRoutes();
    m_acceptRetry.setSingleShot(true);
    m_acceptRetry.setInterval(1000);
    connect(&m_acceptRetry, &QTimer::timeout, this, [this] {
        if (m_wsServer && !m_stopped && !m_budgetPaused)
            m_wsServer->resumeAccepting();
    });
}

SoftphoneServer::~SoftphoneServer()
{
    stop();
    m_db.flush();  // before the services its callbacks refer to are destroyed
}

template<class Req, class Service>
void SoftphoneServer::route(Service *service,
                            void (Service::*method)(ClientConnection &, const Req &, Responder),
                            bool needsLogin)
{
    Handler handler = [service, method](ClientConnection &client, const protocol::json &params,
                                        Responder reply) {
        auto decoded = protocol::decodeParams<Req>(params);
        if (!decoded) {
            const auto &error = decoded.error();
            // A broken record inside a message is the record's fault, not the envelope's.
            const bool badRecord =
                error.path == "params.attach" && error.detail.starts_with("is not a call record");
            reply.error(badRecord ? ErrorCode::InvalidRecord : ErrorCode::InvalidParams,
                        error.message());
            return;
        }
        (service->*method)(client, *decoded, std::move(reply));
    };
    m_routes.emplace(std::string(Req::kMethod), Route{std::move(handler), needsLogin});
}

void SoftphoneServer::buildRoutes()
{
    route(&m_auth, &AuthService::registerAccount, false);
    route(&m_auth, &AuthService::login, false);
    route(&m_auth, &AuthService::logout);
    m_routes.emplace("ping",
                     Route{[this](ClientConnection &, const protocol::json &, Responder reply) {
                               reply.result(protocol::PingResult{m_context.now()});
                           },
                           false});
    route(&m_directory, &DirectoryService::getUser);
    route(&m_directory, &DirectoryService::listContacts);
    route(&m_directory, &DirectoryService::addContact);
    route(&m_directory, &DirectoryService::removeContact);
    route(&m_messaging, &MessageService::send);
    route(&m_messaging, &MessageService::history);
    route(&m_messaging, &MessageService::sync);
    route(&m_messaging, &MessageService::receipt);
    route(&m_calls, &CallManager::invite);
    route(&m_calls, &CallManager::respond);
    route(&m_calls, &CallManager::cancel);
    route(&m_calls, &CallManager::hangup);
    route(&m_calls, &CallManager::current);
    route(&m_calls, &CallManager::joinRoom);
    route(&m_calls, &CallManager::leaveRoom);
    route(&m_calls, &CallManager::relaySdp);
    route(&m_calls, &CallManager::relayIce);
    m_routes.emplace(
        "turn.credentials",
        Route{[this](ClientConnection &client, const protocol::json &, Responder reply) {
                  reply.result(m_turn.credentialsFor(client.account(), m_context.now()));
              },
              true});
}

QString SoftphoneServer::start()
{
    if (!PasswordHasher::initialize())
        return QStringLiteral("libsodium could not be initialised");
    if (m_config.database.driver == QLatin1String("QSQLITE") && !QDir().mkpath(m_config.dataDir)) {
        return QStringLiteral("cannot create the data directory %1").arg(m_config.dataDir);
    }
    if (QString error = m_db.open(); !error.isEmpty())
        return error;
    if (!m_messages.load() || !m_callStore.load() || !m_webhooks.start())
        return QStringLiteral("cannot read the database: %1").arg(m_db.lastError());
    m_db.setGroupCommit(m_config.commitIntervalMs);
    connect(&m_db, &Database::groupRolledBack, this, [this] {
        // Ids handed out for the lost writes are given out again; nothing refers to them.
        m_messages.load();
        m_callStore.load();
    });
    m_accounts.removeExpiredSessions(m_context.now());
    if (m_config.cluster.enabled()) {
        if (QString error = joinCluster(); !error.isEmpty())
            return error;
    } else {
        m_calls.recover(std::nullopt);
    }
    return listen();
}

QString SoftphoneServer::joinCluster()
{
    m_cluster = std::make_unique<ClusterNode>(m_config.cluster, m_sessions, m_clock, m_outputGate);
    if (QString error = m_cluster->start(); !error.isEmpty())
        return error;
    connect(m_cluster.get(), &ClusterNode::nodeJoined, this,
            [](const QString &node) { qCInfo(lcServer) << "cluster node" << node << "joined"; });
    connect(m_cluster.get(), &ClusterNode::nodeLost, this, [](const QString &node) {
        qCWarning(lcServer) << "cluster node" << node << "is gone";
    });
    m_callStore.setOwnerNode(m_cluster->name());
    m_calls.joinCluster(*m_cluster, m_callClaims);
    // With the lease taken, no survivor takes this node's calls over while it recovers those
    // its previous run left (the ones no survivor took over already).
    m_leaseKeeper = std::make_unique<LeaseKeeper>(m_config.cluster, m_nodeLeases, m_clock,
                                                  [this] { return m_cluster->otherNodes(); });
    const auto lastAlive = m_leaseKeeper->start();
    m_db.flush();
    m_calls.recover(lastAlive);
    m_callClaims.releaseOrphans(m_cluster->name());
    connect(m_leaseKeeper.get(), &LeaseKeeper::takenOver, &m_calls, &CallManager::adopt);
    connect(m_leaseKeeper.get(), &LeaseKeeper::leaseLost, &m_calls, &CallManager::abandon);
    connect(m_cluster.get(), &ClusterNode::callRequestReceived, &m_calls,
            &CallManager::onForwardedRequest);
    connect(m_cluster.get(), &ClusterNode::deviceChangeReceived, &m_calls,
            &CallManager::onDeviceChange);
    connect(m_cluster.get(), &ClusterNode::nodeLost, &m_calls, &CallManager::onNodeLost);
    connect(m_cluster.get(), &ClusterNode::callOwnerTold, &m_calls, &CallManager::onCallOwnerTold);
    return {};
}

QString SoftphoneServer::listen()
{
    const bool secure = !m_config.tlsCertificate.isEmpty();
    // Frames a little over the limit still get a polite error; far larger ones close the
    // connection on their header, before their payload is buffered.
    m_wsServer = new WebSocketListener(m_config.limits.maxFrameBytes * 4, this);
    if (secure) {
        QFile certFile(m_config.tlsCertificate);
        QFile keyFile(m_config.tlsPrivateKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read the TLS certificate or key");
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        const auto chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty() || key.isNull())
            return QStringLiteral("the TLS certificate or key is not valid PEM");
        ssl.setLocalCertificateChain(chain);
        ssl.setPrivateKey(key);
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_wsServer->setSslConfiguration(ssl);
    }
    m_wsServer->setOriginCheck([this](const QByteArray &utf8) {
        // Native clients send no Origin. A browser sends the page's, and only pages the
        // operator lists may talk to the server: otherwise any web page the user opens could
        // reach a server on the user's own machine.
        const QString origin = QString::fromUtf8(utf8);
        return origin.isEmpty() || m_config.allowedOrigins.contains(origin) ||
               m_config.allowedOrigins.contains(QStringLiteral("*"));
    });
    connect(m_wsServer, &WebSocketListener::connectionOpened, this,
            &SoftphoneServer::onNewConnection);
    connect(m_wsServer, &QTcpServer::acceptError, this, &SoftphoneServer::onAcceptError);
    if (!m_wsServer->listen(m_config.listen.host, m_config.listen.port)) {
        return QStringLiteral("cannot listen on %1: %2")
            .arg(m_config.listen.toString(), m_wsServer->errorString());
    }
    if (m_config.http) {
        m_http =
            new HttpEndpoint([this] { return metricsText(); }, [this] { return !m_stopped; }, this);
        if (!m_http->listen(m_config.http->host, m_config.http->port)) {
            return QStringLiteral("cannot listen for HTTP on %1: %2")
                .arg(m_config.http->toString(), m_http->errorString());
        }
    }
    qCInfo(lcServer).noquote() << "listening on" << (secure ? "wss://" : "ws://")
                               << m_config.listen.host.toString() << port();
    return {};
}

quint16 SoftphoneServer::port() const
{
    return m_wsServer ? m_wsServer->serverPort() : 0;
}

quint16 SoftphoneServer::httpPort() const
{
    return m_http ? m_http->port() : 0;
}

void SoftphoneServer::onNewConnection(WebSocketConnection *socket)
{
    if (m_stopped) {
        refuse(socket, protocol::CloseCode::GoingAway, "server stopping");
        return;
    }
    const QHostAddress address = socket->peerAddress();
    int &fromAddress = m_perAddress[address];
    if (m_config.connectionsPerAddress > 0 && fromAddress >= m_config.connectionsPerAddress) {
        if (fromAddress == m_config.connectionsPerAddress)
            qCWarning(lcServer) << "refusing connections from" << address.toString()
                                << "over its limit of" << m_config.connectionsPerAddress;
        refuse(socket, protocol::CloseCode::PolicyViolation,
               "too many connections from your address");
        return;
    }
    ++fromAddress;
    auto *client = new ClientConnection(socket, m_config.limits, m_clock, this);
    client->setOutputGate(&m_outputGate);
    connect(client, &ClientConnection::requestReceived, this, &SoftphoneServer::onRequest);
    connect(client, &ClientConnection::disconnected, this, &SoftphoneServer::onDisconnected);
    connect(client, &QObject::destroyed, this, [this, address] { onConnectionGone(address); });
    m_budget.take();
    if (m_budget.isSpent() && !m_budgetPaused && !m_stopped) {
        m_budgetPaused = true;
        m_wsServer->pauseAccepting();
        qCWarning(lcServer) << "holding" << m_budget.used()
                            << "connections, all the descriptor limit allows; new ones wait";
    }
}

void SoftphoneServer::refuse(WebSocketConnection *socket, protocol::CloseCode code,
                             const char *reason)
{
    // Gone when the peer has answered the close frame, or soon after if it never does: a
    // connection without a receiver deletes itself when it ends.
    socket->close(int(code), reason);
}

void SoftphoneServer::onConnectionGone(const QHostAddress &address)
{
    if (auto it = m_perAddress.find(address); it != m_perAddress.end() && --*it <= 0)
        m_perAddress.erase(it);
    m_budget.giveBack();
    if (m_budgetPaused && !m_budget.isSpent() && !m_stopped) {
        m_budgetPaused = false;
        m_wsServer->resumeAccepting();
    }
}

void SoftphoneServer::onAcceptError(QAbstractSocket::SocketError error)
{
    // Out of a resource: stop accepting for a while, or the listening socket, still readable,
    // would spin the event loop. Newcomers wait in the listen backlog.
    m_wsServer->pauseAccepting();
    if (m_stopped || m_acceptRetry.isActive())
        return;
    qCWarning(lcServer).noquote()
        << "cannot accept connections:" << m_wsServer->errorString()
        << QStringLiteral("(error %1); open connections: %2").arg(int(error)).arg(m_budget.used());
    m_acceptRetry.start();
}

void SoftphoneServer::onRequest(ClientConnection *client, const protocol::Request &request)
{
    ++m_requests;
    Responder reply(client, request.id);
    const auto found = m_routes.find(request.method);
    if (found == m_routes.end()) {
        reply.error(ErrorCode::UnknownMethod, "no method \"" + request.method + "\"");
        return;
    }
    if (found->second.needsLogin && !client->isAuthenticated()) {
        reply.error(ErrorCode::NotAuthenticated, "log in first");
        return;
    }
    if (m_stopped) {
        reply.error(ErrorCode::Unavailable, "the server is shutting down");
        return;
    }
    found->second.handler(*client, request.params, std::move(reply));
}

void SoftphoneServer::onDisconnected(ClientConnection *client)
{
    if (client->isAuthenticated()) {
        m_calls.deviceOffline(client, CallManager::Departure::Dropped);
        m_sessions.remove(client);
        qCDebug(lcSession) << "offline" << client->account().c_str() << client->deviceId().c_str();
    }
    client->deleteLater();
}

void SoftphoneServer::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    // Whether this is the last node to stop, which ends the calls the others handed over,
    // is judged on every beat NATS holds for it: the others' "leaving" may still be on its way.
    if (m_cluster)
        m_cluster->catchUp();
    if (m_cluster && !m_cluster->otherNodes().empty()) {
        // A node of a running cluster (a rolling upgrade, say) does not end its calls: a
        // survivor takes them over within a lease renewal, and their parties carry on.
        qCInfo(lcServer) << "stopping: handing calls over to the other nodes, flushing the CC "
                            "queue";
        m_db.flush();
        m_calls.abandon();
        m_leaseKeeper->release();
        m_db.flush();
        m_cluster->leave();
    } else {
        qCInfo(lcServer) << "stopping: ending calls, sending records, flushing the CC queue";
        // The last node of a cluster to stop also ends the calls the others handed over.
        if (m_leaseKeeper)
            m_leaseKeeper->takeOverExpired();
        m_calls.shutdown();
    }
    m_db.flush();  // acknowledgements and deliveries waiting for durability go out now
    if (!m_webhooks.flush(5000))
        qCWarning(lcServer) << "some CC events are still queued; they go out after the restart";
    m_acceptRetry.stop();
    if (m_wsServer)
        m_wsServer->close();
    for (ClientConnection *client : findChildren<ClientConnection *>())
        client->close(int(protocol::CloseCode::GoingAway), QStringLiteral("server stopping"));
}

QByteArray SoftphoneServer::metricsText()
{
    const CallCounters &calls = m_calls.counters();
    QByteArray text;
    const auto metric = [&text](const char *name, const char *type, const char *help,
                                double value) {
        text += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
        text += QByteArray(name) + ' ' + QByteArray::number(value, 'g', 15) + '\n';
    };
    metric("softphone_connections", "gauge", "Logged-in WebSocket connections.",
           double(m_sessions.connectionCount()));
    metric("softphone_online_accounts", "gauge", "Accounts with at least one device online.",
           double(m_sessions.accountCount()));
    metric("softphone_requests_total", "counter", "Requests received.", double(m_requests));
    metric("softphone_live_calls", "gauge", "Calls ringing, answered or awaiting their record.",
           double(m_calls.liveCalls()));
    metric("softphone_call_invites_total", "counter", "Calls placed.", double(calls.invites));
    metric("softphone_calls_answered_total", "counter", "Calls answered.", double(calls.answered));
    metric("softphone_calls_completed_total", "counter", "Answered calls hung up.",
           double(calls.completed));
    metric("softphone_calls_unanswered_total", "counter",
           "Calls canceled, declined, busy or timed out.", double(calls.unanswered));
    metric("softphone_records_server_total", "counter", "Status 1 records sent by the server.",
           double(calls.serverRecords));
    metric("softphone_records_client_total", "counter", "Records 2-5 accepted from callers.",
           double(calls.clientRecords));
    metric("softphone_records_fallback_total", "counter",
           "Records 2-5 the server sent because the caller did not.",
           double(calls.fallbackRecords));
    metric("softphone_webhook_delivered_total", "counter", "CC deliveries answered 2xx.",
           double(m_webhooks.delivered()));
    metric("softphone_webhook_failed_attempts_total", "counter", "CC deliveries that failed.",
           double(m_webhooks.failedAttempts()));
    metric("softphone_webhook_queued", "gauge", "CC deliveries waiting.",
           double(m_webhooks.queued()));
    return text;
}

}  // namespace softphone::server
