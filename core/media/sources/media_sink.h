#pragma once

#include "media/media_config.h"

#include <QString>
#include <memory>

typedef struct _GstElement GstElement;

namespace softphone::media {

// Where a call's incoming audio or video goes. A sink makes a GStreamer element with one
// "sink" pad that takes raw media (the session converts to what it asks for).
class MediaSink
{
public:
    virtual ~MediaSink() = default;
    virtual QString description() const = 0;
    // A new floating element for `kind`, or nullptr with `error` set.
    virtual GstElement *createElement(MediaKind kind, QString *error) const = 0;

    static std::shared_ptr<const MediaSink> forAudio(const MediaConfig &config);
    static std::shared_ptr<const MediaSink> forVideo(const MediaConfig &config);
};

}  // namespace softphone::media
