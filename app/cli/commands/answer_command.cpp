#include "commands/answer_command.h"

namespace softphone::cli {

using call::CallState;

AnswerCommand::AnswerCommand(CliOptions options, AnswerCommandOptions answer, EventPrinter &printer,
                             QObject *parent)
    : CallSessionCommand(std::move(options), printer, answer.recordWaitMs, answer.media, parent)
    , m_options(answer)
{
    m_hangupTimer.setSingleShot(true);
    connect(&m_session, &CliSession::ready, this, [this] { m_printer.print("waiting"); });
    connect(&m_controller, &call::CallController::incoming, this, &AnswerCommand::onIncoming);
    connect(&m_controller, &call::CallController::stateChanged, this, &AnswerCommand::onState);
    connect(&m_controller, &call::CallController::ended, this,
            [this](call::EndReason reason, const call::CallInfo &info) {
                m_failed = m_failed || reason == call::EndReason::Failed;
                onEnded(info);
            });
    connect(&m_hangupTimer, &QTimer::timeout, &m_controller, &call::CallController::hangup);
    connect(&m_events, &CallEventPrinter::recordArrived, this, [this](qint64 channelId) {
        m_awaitingRecords.erase(channelId);
        finishIfDone();
    });
}

void AnswerCommand::onIncoming()
{
    switch (m_options.action) {
    case AnswerCommandOptions::Action::Accept:
        m_controller.accept();
        break;
    case AnswerCommandOptions::Action::Reject:
        m_controller.reject();
        break;
    case AnswerCommandOptions::Action::Ignore:
        break;  // let it ring until the caller gives up
    }
}

void AnswerCommand::onState(CallState state)
{
    if (state == CallState::InCall && m_options.hangupAfterMs)
        m_hangupTimer.start(*m_options.hangupAfterMs);
    else if (state != CallState::InCall)
        m_hangupTimer.stop();
}

void AnswerCommand::onEnded(const call::CallInfo &info)
{
    ++m_ended;
    if (!m_events.hasRecord(info.channelId))
        m_awaitingRecords.insert(info.channelId);
    m_controller.dismiss();  // ready for the next call at once
    finishIfDone();
}

void AnswerCommand::finishIfDone()
{
    if (m_ended < m_options.count && !stopRequested())
        return;
    if (m_awaitingRecords.empty()) {
        finish(exitCode());
        return;
    }
    waitForRecords();
}

}  // namespace softphone::cli
