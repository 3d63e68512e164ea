#pragma once

#include "media/sources/media_source.h"

namespace softphone::media {

// The system's default microphone or camera through GStreamer's auto-detecting elements.
class DeviceSource : public MediaSource
{
public:
    DeviceSource(MediaKind kind, const MediaConfig &config);
    MediaKind kind() const override { return m_kind; }
    QString description() const override;
    GstElement *createElement(QString *error) const override;

private:
    MediaKind m_kind;
    int m_width;
    int m_height;
    int m_fps;
};

}  // namespace softphone::media
