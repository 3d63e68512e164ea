#pragma once

#include <QByteArray>
#include <QObject>
#include <atomic>
#include <mutex>

namespace softphone::media {

class PlaybackListener;

// The GStreamer side of the speaker a DeviceRouter chooses: an appsink, clock-synchronised like
// a device, whose PCM (S16LE, 48 kHz, mono) waits in a short ring for the QAudioSink that plays
// it. Without a listener (the synthetic "no sound" speaker) the audio is consumed at the
// device's pace and dropped. Thread-safe like AudioCaptureHub.
class PlaybackHub
{
public:
    static constexpr int kRate = 48000;
    static constexpr int kMaxBufferedMs = 80;  // more waiting than this: the oldest goes

    // Streaming thread.
    void write(const char *data, qsizetype size);
    // The listener's thread: up to `max` bytes of what waits.
    QByteArray read(qsizetype max);
    qsizetype available() const;
    quint64 writtenBytes() const { return m_written.load(); }

    void attach(PlaybackListener *listener);
    void detach();

private:
    mutable std::mutex m_mutex;
    QByteArray m_ring;
    PlaybackListener *m_listener = nullptr;
    bool m_pending = false;
    std::atomic<quint64> m_written{0};
};

// Told (queued, on its own thread) that a PlaybackHub has audio waiting.
class PlaybackListener : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    virtual void audioWaiting() = 0;
};

}  // namespace softphone::media
