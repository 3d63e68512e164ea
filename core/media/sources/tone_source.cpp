#include "media/sources/tone_source.h"

#include "media/session/gst_runtime.h"

namespace softphone::media {

ToneSource::ToneSource(double frequency)
    : m_frequency(frequency)
{}

QString ToneSource::description() const
{
    return QStringLiteral("tone %1 Hz").arg(m_frequency);
}

GstElement *ToneSource::createElement(QString *error) const
{
    // 10 ms buffers: a live source hands out a buffer only once it is complete, so smaller
    // buffers mean less capture delay.
    return GstRuntime::parseBin(
        QStringLiteral("audiotestsrc is-live=true wave=sine volume=0.4 samplesperbuffer=480 "
                       "freq=%1 ! capsfilter caps=audio/x-raw,rate=48000,channels=1")
            .arg(m_frequency),
        error);
}

}  // namespace softphone::media
