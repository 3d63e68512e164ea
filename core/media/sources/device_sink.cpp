#include "media/sources/device_sink.h"

#include <gst/gst.h>

namespace softphone::media {

GstElement *DeviceSink::createElement(MediaKind kind, QString *error) const
{
    const char *factory = kind == MediaKind::Audio ? "autoaudiosink" : "autovideosink";
    GstElement *sink = gst_element_factory_make(factory, nullptr);
    if (!sink && error)
        *error = QStringLiteral("cannot create %1").arg(QLatin1String(factory));
    return sink;
}

}  // namespace softphone::media
