#include "im/account_registrar.h"

#include "protocol/messages.h"

namespace softphone::im {

AccountRegistrar::AccountRegistrar(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (!m_active)
            return;
        finish();
        emit unreachable(tr("no answer from the server"));
    });
    connect(&m_channel, &RpcChannel::closed, this, [this](int, const QString &reason) {
        if (!m_active)
            return;
        finish();
        emit unreachable(reason);
    });
    connect(&m_channel, &RpcChannel::opened, this, [this] {
        protocol::Register request;
        request.account = m_account.toStdString();
        request.password = m_password.toStdString();
        request.name = m_name.toStdString();
        m_channel.call(request, [this](std::optional<protocol::RegisterResult> result,
                                       const protocol::ErrorBody &error) {
            if (!m_active)
                return;
            finish();
            if (result)
                emit registered(QString::fromStdString(result->account));
            else
                emit refused(error.code, QString::fromStdString(error.message));
        });
    });
}

void AccountRegistrar::registerAccount(const QUrl &server, const QString &account,
                                       const QString &password, const QString &name, int timeoutMs)
{
    m_account = account;
    m_password = password;
    m_name = name;
    m_active = true;
    m_timeout.start(timeoutMs);
    m_channel.open(server);
}

void AccountRegistrar::finish()
{
    m_active = false;
    m_timeout.stop();
    m_channel.close();
}

}  // namespace softphone::im
