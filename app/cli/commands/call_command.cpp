#include "commands/call_command.h"

namespace softphone::cli {

using call::CallState;

CallCommand::CallCommand(CliOptions options, CallCommandOptions call, EventPrinter &printer,
                         QObject *parent)
    : CallSessionCommand(std::move(options), printer, call.recordWaitMs, call.media, parent)
    , m_options(std::move(call))
{
    m_controller.setRingTimeoutMs(m_options.ringTimeoutMs);
    m_actionTimer.setSingleShot(true);
    connect(&m_session, &CliSession::ready, this, [this] {
        if (!m_controller.call(m_options.peer, m_options.type)) {
            m_printer.error(tr("cannot place the call"));
            finish(ExitFailure);
        }
    });
    connect(&m_controller, &call::CallController::stateChanged, this, &CallCommand::onState);
    connect(&m_controller, &call::CallController::ended, this,
            [this](call::EndReason reason, const call::CallInfo &info) {
                m_failed = reason == call::EndReason::Failed;
                onEnded(info);
            });
    connect(&m_events, &CallEventPrinter::recordArrived, this, [this](qint64 channelId) {
        if (channelId == m_channelId)
            finish(exitCode());
    });
}

void CallCommand::onState(CallState state)
{
    m_actionTimer.disconnect();
    m_actionTimer.stop();
    if (state == CallState::Outgoing && m_options.cancelAfterMs) {
        connect(&m_actionTimer, &QTimer::timeout, &m_controller, &call::CallController::cancel);
        m_actionTimer.start(*m_options.cancelAfterMs);
    } else if (state == CallState::InCall && m_options.hangupAfterMs) {
        connect(&m_actionTimer, &QTimer::timeout, &m_controller, &call::CallController::hangup);
        m_actionTimer.start(*m_options.hangupAfterMs);
    }
}

void CallCommand::onEnded(const call::CallInfo &info)
{
    m_channelId = info.channelId;
    if (m_channelId == 0) {
        finish(ExitRefused);  // the server never made the call; the error is printed
        return;
    }
    if (m_events.hasRecord(m_channelId)) {
        finish(exitCode());
        return;
    }
    waitForRecords();
}

}  // namespace softphone::cli
