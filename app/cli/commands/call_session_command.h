#pragma once

#include "call/call_controller.h"
#include "commands/call_event_printer.h"
#include "commands/cli_command.h"
#include "commands/cli_session.h"
#include "media/call_media.h"

#include <QTimer>

namespace softphone::cli {

// What `call` and `answer` share: the account's session, a call controller on it whose
// events are printed, and a limit on how long to wait for the records of ended calls.
class CallSessionCommand : public CliCommand
{
    Q_OBJECT

public:
    // `media`: the synthetic devices (a tone, a test pattern) the calls carry; nullopt: calls
    // without media, connected as soon as both are in the room.
    CallSessionCommand(CliOptions options, EventPrinter &printer, int recordWaitMs,
                       std::optional<media::MediaConfig> media, QObject *parent = nullptr);

    void run() override;
    // A first stop request hangs up; a second one, or one with no call on, leaves.
    void stop() override;

protected:
    // Exit code for a stop request with no call to hang up.
    virtual int exitCodeWhenStopped() const { return ExitFailure; }
    bool stopRequested() const { return m_stopRequested; }
    void waitForRecords()
    {
        if (!m_recordTimer.isActive())
            m_recordTimer.start();
    }

    EventPrinter &m_printer;
    CliSession m_session;
    call::CallController m_controller;
    CallEventPrinter m_events;
    std::unique_ptr<media::CallMedia> m_media;

private:
    void printMediaEvents();

    QTimer m_recordTimer;
    bool m_stopRequested = false;
};

}  // namespace softphone::cli
