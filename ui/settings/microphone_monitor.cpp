#include "settings/microphone_monitor.h"

#include "settings/qt_device_lookup.h"

#include <QAudioSource>

namespace softphone::ui {

namespace {
constexpr int kIntervalMs = 50;
}

MicrophoneMonitor::MicrophoneMonitor(QObject *parent)
    : QObject(parent)
{
    m_toneTimer.setInterval(kIntervalMs);
    connect(&m_toneTimer, &QTimer::timeout, this, &MicrophoneMonitor::generateTone);
}

MicrophoneMonitor::~MicrophoneMonitor()
{
    stop();
}

void MicrophoneMonitor::start(const media::MediaDevice &microphone)
{
    stop();
    m_running = true;
    m_error.clear();
    if (!microphone.synthetic)
        startDevice(microphone.id);
    else if (const double hz = media::synthetic::toneFrequency(microphone.id); hz > 0.0)
        startTone(hz);
    else
        emit levelChanged({});  // silence
}

void MicrophoneMonitor::stop()
{
    m_running = false;
    m_toneTimer.stop();
    m_tone.reset();
    if (m_source) {
        m_source->stop();
        m_source.reset();
    }
    m_input = nullptr;
}

void MicrophoneMonitor::startTone(double frequency)
{
    m_tone = std::make_unique<ToneGenerator>(frequency, kToneAmplitude, ToneGenerator::format());
    m_toneTimer.start();
    generateTone();
}

void MicrophoneMonitor::generateTone()
{
    const QAudioFormat &format = m_tone->audioFormat();
    const QByteArray pcm = m_tone->next(format.sampleRate() * kIntervalMs / 1000);
    emit levelChanged(LevelMeter::measure(format, pcm));
}

void MicrophoneMonitor::startDevice(const QByteArray &id)
{
    const QAudioDevice device = QtDeviceLookup::microphone(id);
    if (device.isNull()) {
        m_error = tr("The microphone is not connected.");
        emit levelChanged({});
        return;
    }
    m_source = std::make_unique<QAudioSource>(device, device.preferredFormat());
    m_source->setBufferSize(device.preferredFormat().bytesForDuration(kIntervalMs * 1000));
    m_input = m_source->start();
    if (!m_input) {
        m_error = tr("The microphone cannot be opened.");
        emit levelChanged({});
        return;
    }
    connect(m_input, &QIODevice::readyRead, this, &MicrophoneMonitor::readDevice);
}

void MicrophoneMonitor::readDevice()
{
    const QByteArray pcm = m_input->readAll();
    if (!pcm.isEmpty())
        emit levelChanged(LevelMeter::measure(m_source->format(), pcm));
}

}  // namespace softphone::ui
