#pragma once

#include "commands/cli_command.h"
#include "commands/event_printer.h"
#include "im/account_registrar.h"

namespace softphone::cli {

// `register ACCID PASSWORD`: creates an account on the server, as the app's sign-up does.
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
    int m_timeoutMs;
    EventPrinter &m_printer;
    im::AccountRegistrar m_registrar;
};

}  // namespace softphone::cli
