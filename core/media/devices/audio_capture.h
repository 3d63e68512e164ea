#pragma once

#include <QAudioDevice>
#include <QAudioFormat>
#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <memory>

class QAudioSource;
class QIODevice;

namespace softphone::media {

class AudioCaptureHub;

// A QAudioSource feeding the microphone path's appsrc. Lives on its owner's thread.
class AudioCapture : public QObject
{
    Q_OBJECT

public:
    AudioCapture(std::shared_ptr<AudioCaptureHub> hub, QObject *parent = nullptr);
    ~AudioCapture() override;
    void start(const QAudioDevice &device);
    void stop();
    QAudioDevice device() const { return m_device; }
    QAudioFormat format() const { return m_format; }
    // Whether its data goes into the pipelines; until then it only reports started().
    void setLive(bool live) { m_live = live; }

signals:
    // The first data: the device really works.
    void started(const QByteArray &pcm);
    void failed();

private:
    std::shared_ptr<AudioCaptureHub> m_hub;
    std::unique_ptr<QAudioSource> m_source;
    QIODevice *m_io = nullptr;  // owned by m_source
    QAudioDevice m_device;
    QAudioFormat m_format;
    QElapsedTimer m_opened;
    bool m_delivered = false;
    bool m_live = false;
};

}  // namespace softphone::media
