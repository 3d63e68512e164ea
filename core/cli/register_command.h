#pragma once

#include "cli/cli_command.h"
#include "cli/event_printer.h"
#include "im/rpc_channel.h"

#include <QTimer>

namespace softphone::cli {

// `register ACCID PASSWORD`: creates an account on the server.
class RegisterCommand : public CliCommand
{
    Q_OBJECT

public:
    RegisterCommand(QUrl server, QString account, QString password, QString name, int timeoutMs,
                    EventPrinter &printer, QObject *parent = nullptr);
    void run() override;

private:
    QUrl m_server;
    QString m_account;
    QString m_password;
    QString m_name;
    EventPrinter &m_printer;
    im::RpcChannel m_channel;
    QTimer m_timeout;
};

}  // namespace softphone::cli
