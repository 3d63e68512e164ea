#include "cli/call_session_command.h"

namespace softphone::cli {

CallSessionCommand::CallSessionCommand(CliOptions options, EventPrinter &printer, int recordWaitMs,
                                       QObject *parent)
    : CliCommand(parent)
    , m_printer(printer)
    , m_session(std::move(options), printer)
    , m_controller(&m_session.im())
    , m_events(m_controller, m_session.im(), printer)
{
    m_recordTimer.setSingleShot(true);
    m_recordTimer.setInterval(recordWaitMs);
    connect(&m_recordTimer, &QTimer::timeout, this, [this] {
        m_printer.error(tr("the record of a call did not arrive"));
        finish(ExitTimedOut);
    });
    connect(&m_session, &CliSession::failed, this, [this](int code, const QString &message) {
        m_printer.error(message);
        finish(code);
    });
}

void CallSessionCommand::run()
{
    m_session.start();
}

void CallSessionCommand::stop()
{
    if (std::exchange(m_stopRequested, true) || !m_controller.hangup())
        finish(exitCodeWhenStopped());
}

}  // namespace softphone::cli
