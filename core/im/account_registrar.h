#pragma once

#include "im/rpc_channel.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

namespace softphone::im {

// Creates an account on a server over a connection of its own (the seeds' "register"), and
// reports the outcome once: registered, refused (with the server's code), or unreachable.
class AccountRegistrar : public QObject
{
    Q_OBJECT

public:
    explicit AccountRegistrar(QObject *parent = nullptr);

    void registerAccount(const QUrl &server, const QString &account, const QString &password,
                         const QString &name = {}, int timeoutMs = 8000);

signals:
    void registered(const QString &account);
    void refused(int code, const QString &message);
    void unreachable(const QString &reason);

private:
    void finish();

    RpcChannel m_channel;
    QTimer m_timeout;
    QString m_account;
    QString m_password;
    QString m_name;
    bool m_active = false;
};

}  // namespace softphone::im
