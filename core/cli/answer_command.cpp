#include "cli/answer_command.h"

namespace softphone::cli {

using call::CallState;

AnswerCommand::AnswerCommand(CliOptions options, AnswerCommandOptions answer, EventPrinter &printer,
                             QObject *parent)
    : CliCommand(parent)
    , m_options(answer)
    , m_printer(printer)
    , m_session(std::move(options), printer)
    , m_controller(&m_session.im())
    , m_events(m_controller, m_session.im(), printer)
{
    m_hangupTimer.setSingleShot(true);
    m_recordTimer.setSingleShot(true);
    connect(&m_session, &CliSession::failed, this, [this](int code, const QString &message) {
        m_printer.error(message);
        finish(code);
    });
    connect(&m_session, &CliSession::ready, this, [this] { m_printer.print("waiting"); });
    connect(&m_controller, &call::CallController::incoming, this, &AnswerCommand::onIncoming);
    connect(&m_controller, &call::CallController::stateChanged, this, &AnswerCommand::onState);
    connect(&m_controller, &call::CallController::ended, this,
            [this](call::EndReason, const call::CallInfo &info) { onEnded(info); });
    connect(&m_hangupTimer, &QTimer::timeout, &m_controller, &call::CallController::hangup);
    connect(&m_events, &CallEventPrinter::recordArrived, this, [this](qint64 channelId) {
        m_awaitingRecords.erase(channelId);
        finishIfDone();
    });
    connect(&m_recordTimer, &QTimer::timeout, this, [this] {
        m_printer.error(tr("a call's record did not arrive"));
        finish(ExitTimedOut);
    });
}

void AnswerCommand::run()
{
    m_session.start();
}

void AnswerCommand::stop()
{
    if (std::exchange(m_stopRequested, true) || !m_controller.hangup())
        finish(m_ended > 0 ? ExitOk : ExitFailure);
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
    if (m_ended < m_options.count && !m_stopRequested)
        return;
    if (m_awaitingRecords.empty()) {
        finish(ExitOk);
        return;
    }
    if (!m_recordTimer.isActive())
        m_recordTimer.start(m_options.recordWaitMs);
}

}  // namespace softphone::cli
