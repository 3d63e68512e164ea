#pragma once

#include "commands/call_session_command.h"

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
    std::optional<media::MediaConfig> media = media::MediaConfig{};  // nullopt: no media
    int recordWaitMs = 20000;  // how long to wait for the call's record after the end
};

// `call PEER`: places one call, prints its events, waits for its record, exits.
class CallCommand : public CallSessionCommand
{
    Q_OBJECT

public:
    CallCommand(CliOptions options, CallCommandOptions call, EventPrinter &printer,
                QObject *parent = nullptr);

private:
    void onState(call::CallState state);
    void onEnded(const call::CallInfo &info);
    int exitCode() const { return m_failed ? ExitCallFailed : ExitOk; }

    CallCommandOptions m_options;
    QTimer m_actionTimer;
    qint64 m_channelId = 0;
    bool m_failed = false;  // the call ended as failed
};

}  // namespace softphone::cli
