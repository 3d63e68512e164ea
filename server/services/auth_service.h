#pragma once

#include "net/client_connection.h"
#include "net/responder.h"
#include "protocol/messages.h"
#include "server_context.h"
#include "services/login_throttle.h"

#include <QObject>
#include <QThreadPool>

namespace softphone::server {

// register, login (password or token), logout. Password hashing runs on a worker pool so a
// burst of logins never stalls the event loop that carries calls.
class AuthService : public QObject
{
    Q_OBJECT

public:
    AuthService(ServerContext &context, LoginThrottleSettings throttle = {},
                QObject *parent = nullptr);
    ~AuthService() override;

    void registerAccount(ClientConnection &client, const protocol::Register &params,
                         Responder reply);
    void login(ClientConnection &client, const protocol::Login &params, Responder reply);
    void logout(ClientConnection &client, const protocol::Logout &params, Responder reply);

signals:
    void deviceOnline(softphone::server::ClientConnection *connection,
                      const std::optional<std::string> &heldCall);
    // A logged-in device is logging out; emitted while it is still registered.
    void loggingOut(softphone::server::ClientConnection *connection);

private:
    void finishLogin(ClientConnection &client, const protocol::Login &params,
                     const std::string &token, std::int64_t expiresAt, Responder reply);
    // Once the other nodes know the device: its login result, then what waited behind it.
    void answerLogin(ClientConnection *client, const protocol::LoginResult &result,
                     Responder &reply, const std::optional<std::string> &inCall);
    void store(const protocol::Register &params, const std::string &hash, Responder reply);
    void passwordChecked(ClientConnection *client, const protocol::Login &params, bool good,
                         Responder reply);

    ServerContext &m_context;
    LoginThrottle m_throttle;
    QThreadPool m_workers;
    std::string m_dummyHash;  // verified against for unknown accounts, so timing reveals nothing
};

}  // namespace softphone::server
