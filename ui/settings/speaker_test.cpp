#include "settings/speaker_test.h"

#include "settings/qt_device_lookup.h"
#include "settings/tone_generator.h"

#include <QAudioSink>

namespace softphone::ui {

SpeakerTest::SpeakerTest(QObject *parent)
    : QObject(parent)
{
    m_end.setSingleShot(true);
    // A little after the tone: the sink's buffer drains after the last byte is written.
    m_end.setInterval(kDurationMs + 300);
    connect(&m_end, &QTimer::timeout, this, &SpeakerTest::stop);
}

SpeakerTest::~SpeakerTest()
{
    m_end.stop();
    if (m_sink)
        m_sink->stop();
}

void SpeakerTest::play(const media::MediaDevice &speaker)
{
    if (m_playing)
        stop();
    m_error.clear();
    if (!speaker.synthetic && !openSink(speaker.id))
        return;
    m_playing = true;
    m_end.start();
    emit started();
}

bool SpeakerTest::openSink(const QByteArray &id)
{
    const QAudioDevice device = QtDeviceLookup::speaker(id);
    if (device.isNull()) {
        m_error = tr("The speaker is not connected.");
        return false;
    }
    QAudioFormat format = ToneGenerator::format(device.preferredFormat().sampleRate());
    format.setChannelCount(device.preferredFormat().channelCount());
    if (!device.isFormatSupported(format)) {
        m_error = tr("The speaker cannot play the test tone.");
        return false;
    }
    ToneGenerator tone(kFrequency, 0.5, format);
    const int frames = format.sampleRate() * kDurationMs / 1000;
    m_buffer.close();
    m_buffer.setData(tone.burst(frames, format.sampleRate() / 50));
    m_buffer.open(QIODevice::ReadOnly);
    m_sink = std::make_unique<QAudioSink>(device, format);
    m_sink->start(&m_buffer);
    return true;
}

void SpeakerTest::stop()
{
    m_end.stop();
    if (m_sink) {
        m_sink->stop();
        m_sink.reset();
    }
    m_buffer.close();
    if (std::exchange(m_playing, false))
        emit finished();
}

}  // namespace softphone::ui
