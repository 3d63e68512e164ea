#include "media/devices/audio_playback.h"

#include "media/devices/device_audio_format.h"
#include "media/devices/devices_log.h"

#include <QAudioSink>
#include <cstring>

namespace softphone::media {

namespace {

// A small device buffer keeps playback delay low: 40 ms of speaker (less makes PulseAudio
// underrun on a loaded machine).
constexpr int kPlaybackBufferUs = 40000;

}  // namespace

AudioPlayback::AudioPlayback(std::shared_ptr<PlaybackHub> hub, QObject *parent)
    : PlaybackListener(parent)
    , m_hub(std::move(hub))
{}

AudioPlayback::~AudioPlayback()
{
    stop();
}

void AudioPlayback::start(const QAudioDevice &device)
{
    stop();
    m_device = device;
    // 48 kHz like the call; mono or stereo, integer or float, whatever the device takes.
    m_format = deviceAudioFormat(1, QAudioFormat::Int16);
    for (const QAudioFormat &candidate :
         {deviceAudioFormat(1, QAudioFormat::Int16), deviceAudioFormat(2, QAudioFormat::Int16),
          deviceAudioFormat(1, QAudioFormat::Float), deviceAudioFormat(2, QAudioFormat::Float)}) {
        if (device.isFormatSupported(candidate)) {
            m_format = candidate;
            break;
        }
    }
    m_sink = std::make_unique<QAudioSink>(device, m_format);
    m_sink->setBufferSize(m_format.bytesForDuration(kPlaybackBufferUs));
    m_io = m_sink->start();
    if (!m_io) {
        qCWarning(lcDevices) << "cannot play on" << device.description();
        m_sink.reset();
        return;
    }
    m_hub->attach(this);
}

void AudioPlayback::stop()
{
    m_hub->detach();
    m_io = nullptr;
    if (m_sink)
        m_sink->stop();
    m_sink.reset();
    m_device = {};
}

void AudioPlayback::audioWaiting()
{
    if (!m_io || !m_sink)
        return;
    const int frameBytes = m_format.bytesPerFrame();
    const qsizetype frames = m_sink->bytesFree() / frameBytes;
    const QByteArray pcm = m_hub->read(frames * 2);
    if (pcm.isEmpty())
        return;
    m_io->write(convert(pcm));
}

QByteArray AudioPlayback::convert(const QByteArray &pcm) const
{
    const int channels = m_format.channelCount();
    if (channels == 1 && m_format.sampleFormat() == QAudioFormat::Int16)
        return pcm;
    const qsizetype samples = pcm.size() / 2;
    QByteArray out(samples * m_format.bytesPerFrame(), Qt::Uninitialized);
    char *to = out.data();
    for (qsizetype i = 0; i < samples; ++i) {
        qint16 sample;
        std::memcpy(&sample, pcm.constData() + 2 * i, 2);
        for (int c = 0; c < channels; ++c) {
            if (m_format.sampleFormat() == QAudioFormat::Float) {
                const float value = float(sample) / 32768.0f;
                std::memcpy(to, &value, sizeof value);
                to += sizeof value;
            } else {
                std::memcpy(to, &sample, sizeof sample);
                to += sizeof sample;
            }
        }
    }
    return out;
}

}  // namespace softphone::media
