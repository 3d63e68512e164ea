#pragma once

#include "commands/cli_command.h"
#include "commands/cli_session.h"

namespace softphone::cli {

// `send PEER TEXT`: sends one text message and waits for the server's acknowledgement.
class SendCommand : public CliCommand
{
    Q_OBJECT

public:
    SendCommand(CliOptions options, QString peer, QString text, EventPrinter &printer,
                QObject *parent = nullptr);
    void run() override;

private:
    QString m_peer;
    QString m_text;
    QString m_msgidClient;
    EventPrinter &m_printer;
    CliSession m_session;
};

// `history PEER` and `records PEER`: what the local store holds for a conversation once it
// has caught up with the server, oldest first.
class ConversationCommand : public CliCommand
{
    Q_OBJECT

public:
    enum class What { Messages, Records };
    ConversationCommand(CliOptions options, What what, QString peer, int limit,
                        EventPrinter &printer, QObject *parent = nullptr);
    void run() override;

private:
    void print();

    What m_what;
    QString m_peer;
    int m_limit;
    EventPrinter &m_printer;
    CliSession m_session;
};

}  // namespace softphone::cli
