#pragma once

#include "media/devices/device_catalog.h"
#include "settings/level_meter.h"
#include "settings/tone_generator.h"

#include <QObject>
#include <QTimer>
#include <memory>

class QAudioSource;
class QIODevice;

namespace softphone::ui {

// The live level of one microphone: a QAudioSource on a system microphone, or for a synthetic
// one the sound it would send (its tone made here, or silence).
class MicrophoneMonitor : public QObject
{
    Q_OBJECT

public:
    explicit MicrophoneMonitor(QObject *parent = nullptr);
    ~MicrophoneMonitor() override;

    // The media layer's test tone is this loud (audiotestsrc volume=0.4).
    static constexpr double kToneAmplitude = 0.4;

    void start(const media::MediaDevice &microphone);
    void stop();
    bool isRunning() const { return m_running; }
    // Why the last start could not listen, or empty.
    QString error() const { return m_error; }

signals:
    void levelChanged(const softphone::ui::AudioLevel &level);

private:
    void startTone(double frequency);
    void startDevice(const QByteArray &id);
    void readDevice();
    void generateTone();

    bool m_running = false;
    QString m_error;
    QTimer m_toneTimer;
    std::unique_ptr<ToneGenerator> m_tone;
    std::unique_ptr<QAudioSource> m_source;
    QIODevice *m_input = nullptr;
};

}  // namespace softphone::ui
