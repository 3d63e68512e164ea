#include "commands/call_session_command.h"

namespace softphone::cli {

CallSessionCommand::CallSessionCommand(CliOptions options, EventPrinter &printer, int recordWaitMs,
                                       std::optional<media::MediaConfig> media, QObject *parent)
    : CliCommand(parent)
    , m_printer(printer)
    , m_session(options, printer)
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
    if (media) {
        m_media = std::make_unique<media::CallMedia>(&m_controller, &m_session.im(), *media);
        m_media->setConnectTimeoutMs(options.mediaTimeoutMs);
        printMediaEvents();
    }
}

void CallSessionCommand::printMediaEvents()
{
    using media::CallMedia;
    connect(m_media.get(), &CallMedia::connected, this,
            [this] { m_printer.print("mediaConnected"); });
    connect(m_media.get(), &CallMedia::firstAudio, this, [this] { m_printer.print("firstAudio"); });
    connect(m_media.get(), &CallMedia::firstVideo, this, [this] { m_printer.print("firstVideo"); });
    connect(m_media.get(), &CallMedia::statsUpdated, this, [this](const media::MediaStats &s) {
        protocol::json fields = {
            {"rttMs", s.rttMs},          {"lossPercent", s.lossPercent}, {"jitterMs", s.jitterMs},
            {"kbpsIn", s.bitrateInKbps}, {"kbpsOut", s.bitrateOutKbps},  {"quality", s.quality}};
        if (!s.localCandidateType.isEmpty()) {
            fields["localCandidate"] = s.localCandidateType.toStdString();
            fields["remoteCandidate"] = s.remoteCandidateType.toStdString();
        }
        if (s.videoWidth > 0) {
            fields["width"] = s.videoWidth;
            fields["height"] = s.videoHeight;
            fields["fps"] = s.videoFps;
        }
        m_printer.print("stats", fields);
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
