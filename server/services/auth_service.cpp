#include "services/auth_service.h"

#include "logging.h"
#include "net/session_registry.h"
#include "protocol/close_code.h"
#include "server_config.h"
#include "services/password_hasher.h"
#include "storage/account_store.h"

#include <QPointer>
#include <memory>

namespace softphone::server {

using protocol::ErrorCode;

AuthService::AuthService(ServerContext &context, LoginThrottleSettings throttle, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_throttle(context.clock, std::max(1, QThread::idealThreadCount()), throttle)
    , m_dummyHash(PasswordHasher::hash("not a password of anyone"))
{
    m_workers.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
}

AuthService::~AuthService()
{
    m_workers.waitForDone();
}

void AuthService::registerAccount(ClientConnection &client, const protocol::Register &params,
                                  Responder reply)
{
    if (!m_context.config.openRegistration) {
        reply.error(ErrorCode::RegistrationClosed, "accounts are created by the server operator");
        return;
    }
    if (auto existing = m_context.accounts.lookAlike(params.account)) {
        reply.error(ErrorCode::AccountExists, "the account \"" + *existing + "\" exists");
        return;
    }
    if (client.isPasswordCheckPending()) {
        reply.error(ErrorCode::RateLimited,
                    "a password is already being checked on this connection");
        return;
    }
    const QHostAddress address = client.peerHostAddress();
    auto shared = std::make_shared<Responder>(std::move(reply));
    QPointer<ClientConnection> connection(&client);
    const auto alive = [connection] { return connection && connection->isOpen(); };
    const auto check = [this, params, shared, address, connection] {
        m_workers.start([this, params, shared, address, connection] {
            std::string hash = PasswordHasher::hash(params.password);
            QMetaObject::invokeMethod(
                this,
                [this, params, shared, address, connection, hash = std::move(hash)] {
                    m_throttle.finished(address, params.account, false);
                    if (connection)
                        connection->setPasswordCheckPending(false);
                    store(params, hash, std::move(*shared));
                },
                Qt::QueuedConnection);
        });
    };
    if (auto refused = m_throttle.submitRegistration(address, alive, check)) {
        shared->error(ErrorCode::RateLimited, *refused);
        return;
    }
    client.setPasswordCheckPending(true);
}

void AuthService::store(const protocol::Register &params, const std::string &hash, Responder reply)
{
    if (hash.empty()) {
        reply.error(ErrorCode::Internal, "the password could not be hashed");
        return;
    }
    switch (m_context.accounts.create(params.account, params.name, hash, m_context.now())) {
    case AccountStore::CreateResult::Created:
        qCInfo(lcSession) << "registered" << params.account.c_str();
        reply.result(protocol::RegisterResult{params.account});
        return;
    case AccountStore::CreateResult::Exists:
        reply.error(ErrorCode::AccountExists, "the account \"" + params.account + "\" exists");
        return;
    case AccountStore::CreateResult::Failed:
        reply.error(ErrorCode::Internal, "the account could not be stored");
        return;
    }
}

void AuthService::login(ClientConnection &client, const protocol::Login &params, Responder reply)
{
    if (client.isAuthenticated()) {
        reply.error(ErrorCode::AlreadyAuthenticated, "this connection is logged in already");
        return;
    }
    if (params.protocol != protocol::kProtocolVersion) {
        reply.error(ErrorCode::UnsupportedVersion, "this server speaks protocol version " +
                                                       std::to_string(protocol::kProtocolVersion));
        return;
    }
    if (params.token) {
        const std::string tokenHash = PasswordHasher::tokenHash(*params.token);
        const auto session = m_context.accounts.session(tokenHash);
        if (!session || session->accid != params.account || session->deviceId != params.deviceId ||
            session->expiresAt <= m_context.now()) {
            reply.error(ErrorCode::InvalidToken, "the session token is unknown or has expired");
            return;
        }
        finishLogin(client, params, *params.token, session->expiresAt, std::move(reply));
        return;
    }
    if (client.isPasswordCheckPending()) {
        reply.error(ErrorCode::RateLimited,
                    "a password is already being checked on this connection");
        return;
    }
    const QHostAddress address = client.peerHostAddress();
    auto shared = std::make_shared<Responder>(std::move(reply));
    QPointer<ClientConnection> connection(&client);
    const auto alive = [connection] { return connection && connection->isOpen(); };
    const auto check = [this, params, shared, address, connection] {
        // Read when the check starts: an account registered meanwhile is found.
        const auto stored = m_context.accounts.passwordHash(params.account);
        const std::string hash = stored.value_or(m_dummyHash);
        const bool known = stored.has_value();
        m_workers.start([=, this] {
            const bool good = PasswordHasher::verify(hash, *params.password) && known;
            QMetaObject::invokeMethod(
                this,
                [=, this] {
                    m_throttle.finished(address, params.account, !good);
                    passwordChecked(connection.data(), params, good, std::move(*shared));
                },
                Qt::QueuedConnection);
        });
    };
    if (auto refused = m_throttle.submitLogin(address, params.account, alive, check)) {
        shared->error(ErrorCode::RateLimited, *refused);
        return;
    }
    client.setPasswordCheckPending(true);
}

void AuthService::passwordChecked(ClientConnection *client, const protocol::Login &params,
                                  bool good, Responder reply)
{
    // A connection that closed while its password was checked still exists until its
    // deferred deletion; it must not become an online device.
    if (!client || !client->isOpen())
        return;
    client->setPasswordCheckPending(false);
    if (!good) {
        reply.error(ErrorCode::BadCredentials, "wrong account or password");
        return;
    }
    if (client->isAuthenticated()) {
        reply.error(ErrorCode::AlreadyAuthenticated, "this connection is logged in already");
        return;
    }
    const std::string token = PasswordHasher::newToken();
    const std::int64_t expiresAt =
        m_context.now() + std::int64_t{m_context.config.tokenLifetimeDays} * 86'400'000;
    const SessionRecord session{params.account, params.deviceId, expiresAt};
    if (!m_context.accounts.addSession(PasswordHasher::tokenHash(token), session,
                                       m_context.now())) {
        reply.error(ErrorCode::Internal, "the session could not be stored");
        return;
    }
    finishLogin(*client, params, token, expiresAt, std::move(reply));
}

void AuthService::finishLogin(ClientConnection &client, const protocol::Login &params,
                              const std::string &token, std::int64_t expiresAt, Responder reply)
{
    Q_ASSERT(client.isOpen());
    client.holdBack();
    client.authenticate(params.account, params.deviceId, params.clientType,
                        PasswordHasher::tokenHash(token));
    if (ClientConnection *older = m_context.sessions.add(&client)) {
        // The device's calls carry on over the new connection.
        older->forget();
        older->close(int(protocol::CloseCode::Replaced),
                     QStringLiteral("replaced by a newer login of this device"));
    }
    qCDebug(lcSession) << "login" << params.account.c_str() << params.deviceId.c_str()
                       << params.clientType.c_str();
    protocol::LoginResult result{params.account,
                                 m_context.accounts.name(params.account).value_or(""),
                                 token,
                                 expiresAt,
                                 m_context.now(),
                                 protocol::kProtocolVersion,
                                 m_context.config.callRecords,
                                 m_context.config.reconnectGraceSeconds};
    // In a cluster the device is online once every node would reach it: a message or a call
    // sent to it by anyone after it holds its login result finds it, whichever node takes it.
    m_context.sessions.whenPeersKnow([this, connection = QPointer<ClientConnection>(&client),
                                      result = std::move(result), inCall = params.inCall,
                                      reply = std::make_shared<Responder>(std::move(reply))] {
        answerLogin(connection, result, *reply, inCall);
    });
}

void AuthService::answerLogin(ClientConnection *client, const protocol::LoginResult &result,
                              Responder &reply, const std::optional<std::string> &inCall)
{
    if (!client || !client->isOpen())
        return;
    // What was said to the device meanwhile follows its login result.
    std::vector<std::string> heldBack = client->release();
    reply.result(result);
    for (std::string &text : heldBack)
        client->send(std::move(text));
    emit deviceOnline(client, inCall);
}

void AuthService::logout(ClientConnection &client, const protocol::Logout &, Responder reply)
{
    m_context.accounts.removeSession(client.tokenHash());
    emit loggingOut(&client);
    m_context.sessions.remove(&client);
    client.forget();
    reply.result(protocol::Empty{});
}

}  // namespace softphone::server
