#pragma once

#include "media/devices/playback_hub.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QByteArray>
#include <memory>

class QAudioSink;
class QIODevice;

namespace softphone::media {

// A QAudioSink in push mode, written whenever the hub has decoded audio waiting (every 10 ms
// while a call runs): what does not fit waits in the hub's short ring.
class AudioPlayback : public PlaybackListener
{
public:
    AudioPlayback(std::shared_ptr<PlaybackHub> hub, QObject *parent);
    ~AudioPlayback() override;

    QAudioDevice device() const { return m_device; }
    void start(const QAudioDevice &device);
    void stop();
    void audioWaiting() override;

private:
    // S16 mono to the sink's format.
    QByteArray convert(const QByteArray &pcm) const;

    std::shared_ptr<PlaybackHub> m_hub;
    std::unique_ptr<QAudioSink> m_sink;
    QIODevice *m_io = nullptr;  // owned by m_sink
    QAudioDevice m_device;
    QAudioFormat m_format;
};

}  // namespace softphone::media
