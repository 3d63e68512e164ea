#pragma once

#include "calls/call_manager.h"
#include "net/connection_budget.h"
#include "net/output_gate.h"
#include "net/responder.h"
#include "net/session_registry.h"
#include "protocol/close_code.h"
#include "server_config.h"
#include "server_context.h"
#include "services/auth_service.h"
#include "services/directory_service.h"
#include "services/message_service.h"
#include "services/turn_service.h"
#include "services/webhook_dispatcher.h"
#include "storage/account_store.h"
#include "storage/call_claims.h"
#include "storage/call_store.h"
#include "storage/database.h"
#include "storage/message_store.h"
#include "storage/node_leases.h"

#include <QAbstractSocket>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <unordered_map>

namespace softphone::server {

class ClusterNode;
class LeaseKeeper;
class HttpEndpoint;
class WebSocketConnection;
class WebSocketListener;

// The whole server: storage, services, the WebSocket listener and the HTTP endpoint,
// and the table that routes each method to its service.
class SoftphoneServer : public QObject
{
    Q_OBJECT

public:
    // `clock` may be null: the system clock is used. It is not owned.
    explicit SoftphoneServer(ServerConfig config, platform::Clock *clock = nullptr,
                             QObject *parent = nullptr);
    ~SoftphoneServer() override;

    QString start();  // error text, or empty once listening
    void stop();      // ends calls with their records, flushes the CC queue, closes connections

    quint16 port() const;
    quint16 httpPort() const;
    QByteArray metricsText();

private:
    using Handler = std::function<void(ClientConnection &, const protocol::json &, Responder)>;
    struct Route
    {
        Handler handler;
        bool needsLogin = true;
    };

    template<class Req, class Service>
    void route(Service *service,
               void (Service::*method)(ClientConnection &, const Req &, Responder),
               bool needsLogin = true);
    void buildRoutes();
    QString listen();
    QString joinCluster();

    void onNewConnection(WebSocketConnection *socket);
    void onAcceptError(QAbstractSocket::SocketError error);
    void onConnectionGone(const QHostAddress &address);
    void refuse(WebSocketConnection *socket, protocol::CloseCode code, const char *reason);
    void onRequest(ClientConnection *client, const protocol::Request &request);
    void onDisconnected(ClientConnection *client);

    ServerConfig m_config;
    std::unique_ptr<platform::SystemClock> m_ownClock;
    platform::Clock &m_clock;
    Database m_db;
    OutputGate m_outputGate{m_db};
    AccountStore m_accounts;
    MessageStore m_messages;
    CallStore m_callStore;
    CallClaims m_callClaims;  // used in cluster mode
    NodeLeases m_nodeLeases;  // used in cluster mode
    SessionRegistry m_sessions;
    ServerContext m_context;
    AuthService m_auth;
    MessageService m_messaging;
    DirectoryService m_directory;
    CallManager m_calls;
    TurnService m_turn;
    WebhookDispatcher m_webhooks;
    std::unique_ptr<ClusterNode> m_cluster;      // in cluster mode
    std::unique_ptr<LeaseKeeper> m_leaseKeeper;  // in cluster mode
    WebSocketListener *m_wsServer = nullptr;
    HttpEndpoint *m_http = nullptr;
    QTimer m_acceptRetry;  // resumes accepting after an accept error
    ConnectionBudget m_budget;
    QHash<QHostAddress, int> m_perAddress;  // open connections by peer address
    bool m_budgetPaused = false;            // accepting stopped because the budget is spent
    std::unordered_map<std::string, Route> m_routes;
    std::uint64_t m_requests = 0;
    std::uint64_t m_badFrames = 0;
    bool m_stopped = false;
};

}  // namespace softphone::server
