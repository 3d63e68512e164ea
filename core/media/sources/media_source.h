#pragma once

#include "media/media_config.h"

#include <QString>
#include <memory>

typedef struct _GstElement GstElement;

namespace softphone::media {

// Where a call's outgoing audio or video comes from. A source makes a GStreamer element with
// one "src" pad of raw media; the session converts, encodes and sends it.
class MediaSource
{
public:
    virtual ~MediaSource() = default;
    virtual MediaKind kind() const = 0;
    virtual QString description() const = 0;
    // A new floating element, or nullptr with `error` set.
    virtual GstElement *createElement(QString *error) const = 0;

    // The source the config asks for: its custom source, else the one for its kind.
    static std::shared_ptr<const MediaSource> forAudio(const MediaConfig &config);
    static std::shared_ptr<const MediaSource> forVideo(const MediaConfig &config);
};

}  // namespace softphone::media
