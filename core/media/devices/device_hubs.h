#pragma once

#include "media/sources/media_sink.h"
#include "media/sources/media_source.h"

#include <QAudioFormat>
#include <QByteArray>
#include <QObject>
#include <QVideoFrame>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

typedef struct _GstElement GstElement;

namespace softphone::media {

class FrameMailbox;

// The GStreamer side of the devices a DeviceRouter chooses. Each hub makes the bins a call's
// pipeline uses and keeps weak references to them, so that the router can switch what they
// carry while the call runs. Every function is safe on any thread: bins are made on the
// session's thread (sources) or a streaming thread (sinks), fed from Qt's threads.

// The microphone: an input-selector choosing between a sine tone (audiotestsrc: the synthetic
// microphones) and an appsrc fed from a QAudioSource.
class AudioCaptureHub
{
public:
    AudioCaptureHub();
    ~AudioCaptureHub();
    // frequency 0: silence.
    void selectTone(double frequency);
    void selectDevice();
    bool deviceSelected() const;
    // A QAudioSource's data, in `format`. Dropped unless the device input is selected; its
    // first buffer makes the selector pass the device (until then, silence).
    void push(const QByteArray &pcm, const QAudioFormat &format);
    // Buffers pushed into a pipeline so far (tests).
    quint64 pushedBuffers() const { return m_pushed.load(); }

    GstElement *createBin(QString *error);

private:
    struct Entry;
    void applyLocked(Entry &entry);

    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<Entry>> m_entries;
    bool m_device = false;         // the device input is chosen
    bool m_deviceFlowing = false;  // and has delivered: it is what the selector passes
    double m_frequency = 0.0;      // silence until told otherwise
    std::atomic<quint64> m_pushed{0};
};

// The camera: an input-selector choosing between the test pattern (videotestsrc) and an
// appsrc fed with the frames of a QCamera; both scaled to the call's size and rate. The test
// pattern is teed off to the local preview; a camera's frames go to it as they arrive.
class VideoCaptureHub
{
public:
    explicit VideoCaptureHub(std::shared_ptr<FrameMailbox> preview);
    ~VideoCaptureHub();
    void selectPattern();
    void selectCamera();
    bool cameraSelected() const;
    // Whether video is being sent (the camera is on): the preview shows only then.
    void setSending(bool sending);
    // A camera frame, from any thread. Dropped unless the camera input is selected; the first
    // one makes the selector pass the camera (until then the test pattern goes on).
    void push(const QVideoFrame &frame);
    quint64 pushedFrames() const { return m_pushed.load(); }

    GstElement *createBin(int width, int height, int fps, QString *error);

private:
    struct Entry;
    void applyLocked(Entry &entry);

    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<Entry>> m_entries;
    bool m_camera = false;
    bool m_cameraFlowing = false;
    std::atomic<bool> m_sending{false};
    std::shared_ptr<FrameMailbox> m_preview;
    // the test pattern is previewed: read by the preview branches' streaming threads
    std::shared_ptr<std::atomic<bool>> m_patternShowing = std::make_shared<std::atomic<bool>>();
    std::atomic<quint64> m_pushed{0};
};

class PlaybackListener;

// The speaker: an appsink, clock-synchronised like a device, whose PCM (S16LE, 48 kHz, mono)
// waits in a short ring for the QAudioSink that plays it. Without a listener (the synthetic
// "no sound" speaker) the audio is consumed at the device's pace and dropped.
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

// The MediaSource and MediaSink faces of the hubs, for MediaConfig's custom fields.
class RoutedAudioSource : public MediaSource
{
public:
    explicit RoutedAudioSource(std::shared_ptr<AudioCaptureHub> hub)
        : m_hub(std::move(hub))
    {}
    MediaKind kind() const override { return MediaKind::Audio; }
    QString description() const override { return QStringLiteral("routed microphone"); }
    GstElement *createElement(QString *error) const override { return m_hub->createBin(error); }

private:
    std::shared_ptr<AudioCaptureHub> m_hub;
};

class RoutedVideoSource : public MediaSource
{
public:
    RoutedVideoSource(std::shared_ptr<VideoCaptureHub> hub, int width, int height, int fps)
        : m_hub(std::move(hub))
        , m_width(width)
        , m_height(height)
        , m_fps(fps)
    {}
    MediaKind kind() const override { return MediaKind::Video; }
    QString description() const override { return QStringLiteral("routed camera"); }
    GstElement *createElement(QString *error) const override
    {
        return m_hub->createBin(m_width, m_height, m_fps, error);
    }

private:
    std::shared_ptr<VideoCaptureHub> m_hub;
    int m_width;
    int m_height;
    int m_fps;
};

class RoutedAudioSink : public MediaSink
{
public:
    explicit RoutedAudioSink(std::shared_ptr<PlaybackHub> hub)
        : m_hub(std::move(hub))
    {}
    QString description() const override { return QStringLiteral("routed speaker"); }
    GstElement *createElement(MediaKind kind, QString *error) const override;

private:
    std::shared_ptr<PlaybackHub> m_hub;
};

// Decoded video as I420 QVideoFrames into a mailbox, at render time.
class FrameSink : public MediaSink
{
public:
    explicit FrameSink(std::shared_ptr<FrameMailbox> mailbox)
        : m_mailbox(std::move(mailbox))
    {}
    QString description() const override { return QStringLiteral("video frames"); }
    GstElement *createElement(MediaKind kind, QString *error) const override;

private:
    std::shared_ptr<FrameMailbox> m_mailbox;
};

}  // namespace softphone::media
