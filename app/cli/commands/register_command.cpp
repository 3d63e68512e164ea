#include "commands/register_command.h"

#include "commands/cli_options.h"

namespace softphone::cli {

RegisterCommand::RegisterCommand(QUrl server, QString account, QString password, QString name,
                                 int timeoutMs, EventPrinter &printer, QObject *parent)
    : CliCommand(parent)
    , m_server(std::move(server))
    , m_account(std::move(account))
    , m_password(std::move(password))
    , m_name(std::move(name))
    , m_timeoutMs(timeoutMs)
    , m_printer(printer)
{
    connect(&m_registrar, &im::AccountRegistrar::registered, this, [this](const QString &account) {
        m_printer.print("registered", {{"account", account.toStdString()}});
        finish(ExitOk);
    });
    connect(&m_registrar, &im::AccountRegistrar::refused, this,
            [this](int code, const QString &message) {
                m_printer.error(tr("registration refused (%1): %2").arg(code).arg(message));
                finish(ExitRefused);
            });
    connect(&m_registrar, &im::AccountRegistrar::unreachable, this, [this](const QString &reason) {
        m_printer.error(
            reason.isEmpty()
                ? tr("cannot reach the server at %1").arg(m_server.toString())
                : tr("cannot reach the server at %1: %2").arg(m_server.toString(), reason));
        finish(ExitUnreachable);
    });
}

void RegisterCommand::run()
{
    m_registrar.registerAccount(m_server, m_account, m_password, m_name, m_timeoutMs);
}

}  // namespace softphone::cli
