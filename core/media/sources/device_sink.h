#pragma once

#include "media/sources/media_sink.h"

namespace softphone::media {

// The system's default speaker, or a video window, through GStreamer's auto-detecting sinks.
class DeviceSink : public MediaSink
{
public:
    QString description() const override { return QStringLiteral("default device"); }
    GstElement *createElement(MediaKind kind, QString *error) const override;
};

}  // namespace softphone::media
