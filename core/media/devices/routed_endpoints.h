#pragma once

#include "media/devices/audio_capture_hub.h"
#include "media/devices/playback_hub.h"
#include "media/devices/video_capture_hub.h"
#include "media/sources/media_sink.h"
#include "media/sources/media_source.h"

#include <memory>

namespace softphone::media {

class FrameMailbox;

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
