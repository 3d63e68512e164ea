#pragma once

#include "call/call_controller.h"
#include "cli/call_event_printer.h"
#include "cli/cli_command.h"
#include "cli/cli_session.h"

#include <QTimer>
#include <optional>
#include <set>

namespace softphone::cli {

struct AnswerCommandOptions
{
    enum class Action { Accept, Reject, Ignore };
    Action action = Action::Accept;
    std::optional<int> hangupAfterMs;
    int count = 1;             // calls to handle before exiting
    int recordWaitMs = 20000;  // how long to wait for the last call's record
};

// `answer`: waits for incoming calls and accepts, rejects or ignores each; while a call is
// on, further invites are answered busy by the controller. Exits after `count` calls have
// ended and their records arrived.
class AnswerCommand : public CliCommand
{
    Q_OBJECT

public:
    AnswerCommand(CliOptions options, AnswerCommandOptions answer, EventPrinter &printer,
                  QObject *parent = nullptr);

    void run() override;
    void stop() override;

private:
    void onIncoming();
    void onState(call::CallState state);
    void onEnded(const call::CallInfo &info);
    void finishIfDone();

    AnswerCommandOptions m_options;
    EventPrinter &m_printer;
    CliSession m_session;
    call::CallController m_controller;
    CallEventPrinter m_events;
    QTimer m_hangupTimer;
    QTimer m_recordTimer;
    int m_ended = 0;
    std::set<qint64> m_awaitingRecords;
    bool m_stopRequested = false;
};

}  // namespace softphone::cli
