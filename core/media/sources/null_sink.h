#pragma once

#include "media/sources/media_sink.h"

namespace softphone::media {

// Discards media at the pace a device would play it: headless calls, tests, benchmarks.
class NullSink : public MediaSink
{
public:
    QString description() const override { return QStringLiteral("null"); }
    GstElement *createElement(MediaKind kind, QString *error) const override;
};

}  // namespace softphone::media
