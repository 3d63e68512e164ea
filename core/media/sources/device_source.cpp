#include "media/sources/device_source.h"

#include "media/devices/device_video_format.h"
#include "media/session/gst_runtime.h"

namespace softphone::media {

DeviceSource::DeviceSource(MediaKind kind, const MediaConfig &config)
    : m_kind(kind)
    , m_width(config.videoWidth)
    , m_height(config.videoHeight)
    , m_fps(config.videoFps)
{}

QString DeviceSource::description() const
{
    return m_kind == MediaKind::Audio ? QStringLiteral("default microphone")
                                      : QStringLiteral("default camera");
}

GstElement *DeviceSource::createElement(QString *error) const
{
    if (m_kind == MediaKind::Audio)
        return GstRuntime::parseBin(
            QStringLiteral("autoaudiosrc ! audioconvert ! audioresample ! "
                           "capsfilter caps=audio/x-raw,rate=48000,channels=1"),
            error);
    // Cameras offer many modes; scale and pace to the configured one.
    return GstRuntime::parseBin(
        QStringLiteral("autovideosrc ! videoconvert ! videoscale ! videorate ! capsfilter caps=%1")
            .arg(rawVideoCaps(m_width, m_height, m_fps)),
        error);
}

}  // namespace softphone::media
