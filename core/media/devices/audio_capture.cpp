#include "media/devices/audio_capture.h"

#include "media/devices/audio_capture_hub.h"
#include "media/devices/device_audio_format.h"
#include "media/devices/devices_log.h"

#include <QAudioSource>

namespace softphone::media {

namespace {

// A small device buffer keeps capture delay low: 20 ms of microphone.
constexpr int kCaptureBufferUs = 20000;

}  // namespace

AudioCapture::AudioCapture(std::shared_ptr<AudioCaptureHub> hub, QObject *parent)
    : QObject(parent)
    , m_hub(std::move(hub))
{}

AudioCapture::~AudioCapture()
{
    stop();
}

void AudioCapture::start(const QAudioDevice &device)
{
    stop();
    m_device = device;
    // The call's format if the device takes it; else the device's own, which the pipeline
    // converts.
    m_format = deviceAudioFormat(1, QAudioFormat::Int16);
    if (!device.isFormatSupported(m_format))
        m_format = device.preferredFormat();
    m_source = std::make_unique<QAudioSource>(device, m_format);
    m_source->setBufferSize(m_format.bytesForDuration(kCaptureBufferUs));
    connect(m_source.get(), &QAudioSource::stateChanged, this, [this](QAudio::State state) {
        if (state == QAudio::StoppedState && m_source && m_source->error() != QAudio::NoError) {
            qCWarning(lcDevices) << "microphone" << m_device.description() << "failed, error"
                                 << m_source->error();
            emit failed();
        }
    });
    m_io = m_source->start();
    if (!m_io) {
        qCWarning(lcDevices) << "cannot open the microphone" << device.description();
        emit failed();
        return;
    }
    m_opened.start();
    m_delivered = false;
    connect(m_io, &QIODevice::readyRead, this, [this] {
        if (!m_io)
            return;
        const QByteArray pcm = m_io->readAll();
        if (pcm.isEmpty())
            return;
        if (m_live)
            m_hub->push(pcm, m_format);
        if (!m_delivered) {
            m_delivered = true;
            qCDebug(lcDevices) << "first microphone data after" << m_opened.elapsed() << "ms";
            emit started(pcm);
        }
    });
}

void AudioCapture::stop()
{
    m_io = nullptr;
    if (m_source) {
        m_source->disconnect(this);
        m_source->stop();
    }
    m_source.reset();
    m_device = {};
}

}  // namespace softphone::media
