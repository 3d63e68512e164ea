#include "commands/message_commands.h"

#include "protocol/call_record.h"

#include <cstdio>

namespace softphone::cli {

SendCommand::SendCommand(CliOptions options, QString peer, QString text, EventPrinter &printer,
                         QObject *parent)
    : CliCommand(parent)
    , m_peer(std::move(peer))
    , m_text(std::move(text))
    , m_printer(printer)
    , m_session(std::move(options), printer)
{
    connect(&m_session, &CliSession::failed, this, [this](int code, const QString &message) {
        m_printer.error(message);
        finish(code);
    });
    connect(&m_session, &CliSession::ready, this, [this] {
        m_msgidClient = m_session.im().sendMessage(m_peer, protocol::MsgType::Text, m_text, {});
        if (m_msgidClient.isEmpty()) {
            m_printer.error(tr("the message could not be stored locally"));
            finish(ExitFailure);
        }
    });
    connect(&m_session.im(), &im::ImClient::messageSent, this, [this](const QString &id) {
        if (id != m_msgidClient)
            return;
        if (auto sent = m_session.im().store()->findOwn(id.toStdString()))
            m_printer.print("sent", EventPrinter::messageFields(*sent));
        finish(ExitOk);
    });
    connect(&m_session.im(), &im::ImClient::messageFailed, this,
            [this](const QString &id, int code, const QString &reason) {
                if (id != m_msgidClient)
                    return;
                m_printer.error(
                    tr("the server refused the message (%1): %2").arg(code).arg(reason));
                finish(ExitRefused);
            });
}

void SendCommand::run()
{
    m_session.start();
}

ConversationCommand::ConversationCommand(CliOptions options, What what, QString peer, int limit,
                                         EventPrinter &printer, QObject *parent)
    : CliCommand(parent)
    , m_what(what)
    , m_peer(std::move(peer))
    , m_limit(limit)
    , m_printer(printer)
    , m_session(std::move(options), printer)
{
    connect(&m_session, &CliSession::failed, this, [this](int code, const QString &message) {
        m_printer.error(message);
        finish(code);
    });
    connect(&m_session, &CliSession::ready, this, &ConversationCommand::print);
}

void ConversationCommand::run()
{
    m_session.start();
}

void ConversationCommand::print()
{
    im::LocalStore *store = m_session.im().store();
    if (m_what == What::Messages) {
        for (const im::StoredMessage &message : store->page(m_peer, std::nullopt, m_limit))
            m_printer.print("message", EventPrinter::messageFields(message));
    } else {
        // The seeds' record JSON, one per line, as a script would feed it on.
        for (const im::StoredMessage &message : store->callRecordsWith(m_peer, m_limit)) {
            if (auto record = protocol::CallRecord::parse(message.message.attach))
                std::printf("%s\n", record->serialize().c_str());
        }
        std::fflush(stdout);
    }
    finish(ExitOk);
}

}  // namespace softphone::cli
