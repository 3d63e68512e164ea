#pragma once

#include "call/call_controller.h"
#include "cli/call_event_printer.h"
#include "cli/cli_command.h"
#include "cli/cli_session.h"

#include <QTimer>
#include <optional>

namespace softphone::cli {

struct CallCommandOptions
{
    QString peer;
    protocol::CallType type = protocol::CallType::Audio;
    std::optional<int> hangupAfterMs;  // after the call is up
    std::optional<int> cancelAfterMs;  // while it rings
    int ringTimeoutMs = 30000;
    int recordWaitMs = 20000;  // how long to wait for the call's record after the end
};

// `call PEER`: places one call, prints its events, waits for its record, exits.
class CallCommand : public CliCommand
{
    Q_OBJECT

public:
    CallCommand(CliOptions options, CallCommandOptions call, EventPrinter &printer,
                QObject *parent = nullptr);

    void run() override;
    void stop() override;

private:
    void onState(call::CallState state);
    void onEnded(const call::CallInfo &info);

    CallCommandOptions m_options;
    EventPrinter &m_printer;
    CliSession m_session;
    call::CallController m_controller;
    CallEventPrinter m_events;
    QTimer m_actionTimer;
    QTimer m_recordTimer;
    qint64 m_channelId = 0;
    bool m_stopRequested = false;
};

}  // namespace softphone::cli
