#pragma once

#include "commands/call_session_command.h"

#include <QTimer>
#include <optional>
#include <set>

namespace softphone::cli {

struct AnswerCommandOptions
{
    enum class Action { Accept, Reject, Ignore };
    Action action = Action::Accept;
    std::optional<int> hangupAfterMs;
    int count = 1;  // calls to handle before exiting
    std::optional<media::MediaConfig> media = media::MediaConfig{};  // nullopt: no media
    int recordWaitMs = 20000;  // how long to wait for the last call's record
};

// `answer`: waits for incoming calls and accepts, rejects or ignores each; while a call is
// on, further invites are answered busy by the controller. Exits after `count` calls have
// ended and their records arrived, with ExitCallFailed if any of them failed.
class AnswerCommand : public CallSessionCommand
{
    Q_OBJECT

public:
    AnswerCommand(CliOptions options, AnswerCommandOptions answer, EventPrinter &printer,
                  QObject *parent = nullptr);

protected:
    int exitCodeWhenStopped() const override { return m_ended > 0 ? exitCode() : ExitFailure; }

private:
    void onIncoming();
    void onState(call::CallState state);
    void onEnded(const call::CallInfo &info);
    void finishIfDone();
    int exitCode() const { return m_failed ? ExitCallFailed : ExitOk; }

    AnswerCommandOptions m_options;
    QTimer m_hangupTimer;
    int m_ended = 0;
    bool m_failed = false;  // one of the calls ended as failed
    std::set<qint64> m_awaitingRecords;
};

}  // namespace softphone::cli
