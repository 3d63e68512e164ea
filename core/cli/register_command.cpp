#include "cli/register_command.h"

#include "cli/cli_options.h"
#include "protocol/messages.h"

namespace softphone::cli {

RegisterCommand::RegisterCommand(QUrl server, QString account, QString password, QString name,
                                 int timeoutMs, EventPrinter &printer, QObject *parent)
    : CliCommand(parent)
    , m_server(std::move(server))
    , m_account(std::move(account))
    , m_password(std::move(password))
    , m_name(std::move(name))
    , m_printer(printer)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_printer.error(tr("cannot reach the server at %1").arg(m_server.toString()));
        finish(ExitUnreachable);
    });
    connect(&m_channel, &im::RpcChannel::closed, this, [this](int, const QString &reason) {
        if (isFinished())
            return;
        m_printer.error(tr("cannot reach the server at %1: %2").arg(m_server.toString(), reason));
        finish(ExitUnreachable);
    });
    connect(&m_channel, &im::RpcChannel::opened, this, [this] {
        m_timeout.stop();
        protocol::Register request;
        request.account = m_account.toStdString();
        request.password = m_password.toStdString();
        request.name = m_name.toStdString();
        m_channel.call(request, [this](std::optional<protocol::RegisterResult> result,
                                       const protocol::ErrorBody &error) {
            if (!result) {
                m_printer.error(tr("registration refused (%1): %2")
                                    .arg(error.code)
                                    .arg(QString::fromStdString(error.message)));
                finish(ExitRefused);
                return;
            }
            m_printer.print("registered", {{"account", result->account}});
            finish(ExitOk);
        });
    });
}

void RegisterCommand::run()
{
    m_timeout.start();
    m_channel.open(m_server);
}

}  // namespace softphone::cli
