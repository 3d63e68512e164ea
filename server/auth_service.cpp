#include "auth_service.h"

#include "account_store.h"
#include "logging.h"
#include "password_hasher.h"
#include "server_config.h"
#include "session_registry.h"

#include <QPointer>
#include <memory>

namespace softphone::server {

using protocol::ErrorCode;

AuthService::AuthService(ServerContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_dummyHash(PasswordHasher::hash("not a password of anyone"))
{
    m_workers.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
}

AuthService::~AuthService()
{
    m_workers.waitForDone();
}

void AuthService::registerAccount(ClientConnection &, const protocol::Register &params,
                                  Responder reply)
{
    if (!m_context.config.openRegistration) {
        reply.error(ErrorCode::RegistrationClosed, "accounts are created by the server operator");
        return;
    }
    if (m_context.accounts.exists(params.account)) {
        reply.error(ErrorCode::AccountExists, "the account \"" + params.account + "\" exists");
        return;
    }
    auto shared = std::make_shared<Responder>(std::move(reply));
    QPointer<AuthService> self(this);
    m_workers.start([self, params, shared] {
        std::string hash = PasswordHasher::hash(params.password);
        QMetaObject::invokeMethod(
            self.data(),
            [self, params, shared, hash = std::move(hash)] {
                if (hash.empty()) {
                    shared->error(ErrorCode::Internal, "the password could not be hashed");
                    return;
                }
                switch (self->m_context.accounts.create(params.account, params.name, hash,
                                                        ServerContext::now())) {
                case AccountStore::CreateResult::Created:
                    qCInfo(lcSession) << "registered" << params.account.c_str();
                    shared->result(protocol::RegisterResult{params.account});
                    return;
                case AccountStore::CreateResult::Exists:
                    shared->error(ErrorCode::AccountExists,
                                  "the account \"" + params.account + "\" exists");
                    return;
                case AccountStore::CreateResult::Failed:
                    shared->error(ErrorCode::Internal, "the account could not be stored");
                    return;
                }
            },
            Qt::QueuedConnection);
    });
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
            session->expiresAt <= ServerContext::now()) {
            reply.error(ErrorCode::InvalidToken, "the session token is unknown or has expired");
            return;
        }
        finishLogin(client, params, *params.token, session->expiresAt, std::move(reply));
        return;
    }

    const auto stored = m_context.accounts.passwordHash(params.account);
    const std::string hash = stored.value_or(m_dummyHash);
    const bool known = stored.has_value();
    auto shared = std::make_shared<Responder>(std::move(reply));
    QPointer<AuthService> self(this);
    QPointer<ClientConnection> connection(&client);
    m_workers.start([=] {
        const bool good = PasswordHasher::verify(hash, *params.password) && known;
        QMetaObject::invokeMethod(
            self.data(),
            [=] {
                if (!connection)
                    return;  // gone while its password was checked; the responder is void
                if (!good) {
                    shared->error(ErrorCode::BadCredentials, "wrong account or password");
                    return;
                }
                if (connection->isAuthenticated()) {
                    shared->error(ErrorCode::AlreadyAuthenticated,
                                  "this connection is logged in already");
                    return;
                }
                const std::string token = PasswordHasher::newToken();
                const std::int64_t expiresAt =
                    ServerContext::now() +
                    std::int64_t{self->m_context.config.tokenLifetimeDays} * 86'400'000;
                const SessionRecord session{params.account, params.deviceId, expiresAt};
                if (!self->m_context.accounts.addSession(PasswordHasher::tokenHash(token), session,
                                                         ServerContext::now())) {
                    shared->error(ErrorCode::Internal, "the session could not be stored");
                    return;
                }
                self->finishLogin(*connection, params, token, expiresAt, std::move(*shared));
            },
            Qt::QueuedConnection);
    });
}

void AuthService::finishLogin(ClientConnection &client, const protocol::Login &params,
                              const std::string &token, std::int64_t expiresAt, Responder reply)
{
    client.authenticate(params.account, params.deviceId, params.clientType,
                        PasswordHasher::tokenHash(token));
    if (ClientConnection *older = m_context.sessions.add(&client)) {
        // The device's calls carry on over the new connection.
        older->forget();
        older->close(4000, QStringLiteral("replaced by a newer login of this device"));
    }
    reply.result(protocol::LoginResult{
        params.account, m_context.accounts.name(params.account).value_or(""), token, expiresAt,
        ServerContext::now(), protocol::kProtocolVersion, m_context.config.callRecords});
    qCDebug(lcSession) << "login" << params.account.c_str() << params.deviceId.c_str()
                       << params.clientType.c_str();
    emit deviceOnline(&client, params.inCall);
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
