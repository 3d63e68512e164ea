#pragma once

#include "media/sources/media_source.h"

namespace softphone::media {

// Moving SMPTE colour bars in real time: the synthetic camera.
class TestPatternSource : public MediaSource
{
public:
    TestPatternSource(int width, int height, int fps);
    MediaKind kind() const override { return MediaKind::Video; }
    QString description() const override;
    GstElement *createElement(QString *error) const override;

private:
    int m_width;
    int m_height;
    int m_fps;
};

}  // namespace softphone::media
