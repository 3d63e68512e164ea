#include "media/sources/test_pattern_source.h"

#include "media/devices/device_video_format.h"
#include "media/session/gst_runtime.h"

namespace softphone::media {

TestPatternSource::TestPatternSource(int width, int height, int fps)
    : m_width(width)
    , m_height(height)
    , m_fps(fps)
{}

QString TestPatternSource::description() const
{
    return QStringLiteral("test pattern %1x%2@%3").arg(m_width).arg(m_height).arg(m_fps);
}

GstElement *TestPatternSource::createElement(QString *error) const
{
    // Moving bars, so the encoder works as it would on a camera picture rather than on a
    // still image it compresses to nothing.
    return GstRuntime::parseBin(
        QStringLiteral("videotestsrc is-live=true pattern=smpte horizontal-speed=4 ! "
                       "capsfilter caps=%1")
            .arg(rawVideoCaps(m_width, m_height, m_fps)),
        error);
}

}  // namespace softphone::media
