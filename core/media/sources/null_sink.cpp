#include "media/sources/null_sink.h"

#include <gst/gst.h>

namespace softphone::media {

GstElement *NullSink::createElement(MediaKind, QString *error) const
{
    GstElement *sink = gst_element_factory_make("fakesink", nullptr);
    if (!sink) {
        if (error)
            *error = QStringLiteral("cannot create fakesink");
        return nullptr;
    }
    // sync: consume at the clock's pace like a device; no async preroll, since the sink is
    // added to a pipeline that is already playing.
    g_object_set(sink, "sync", TRUE, "async", FALSE, "enable-last-sample", FALSE, nullptr);
    return sink;
}

}  // namespace softphone::media
