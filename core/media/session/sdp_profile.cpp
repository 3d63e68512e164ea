#include "media/session/sdp_profile.h"

#include <QByteArray>
#include <gst/sdp/sdp.h>

namespace softphone::media {

namespace {

bool hasAttribute(const GstSDPMedia *media, const char *key)
{
    return gst_sdp_media_get_attribute_val(media, key) != nullptr;
}

// "<stream> <track>" from "a=ssrc:<ssrc> msid:<stream> <track>", or empty.
QByteArray msidOfSsrc(const GstSDPMedia *media)
{
    for (guint i = 0; i < gst_sdp_media_attributes_len(media); ++i) {
        const GstSDPAttribute *attribute = gst_sdp_media_get_attribute(media, i);
        if (g_strcmp0(attribute->key, "ssrc") != 0 || !attribute->value)
            continue;
        const QByteArray value(attribute->value);
        const qsizetype at = value.indexOf(" msid:");
        if (at > 0)
            return value.mid(at + 6).trimmed();
    }
    return {};
}

}  // namespace

void completeLocalDescription(GstSDPMessage *sdp)
{
    if (!gst_sdp_message_get_attribute_val(sdp, "ice-options"))
        gst_sdp_message_add_attribute(sdp, "ice-options", "trickle");
    for (guint i = 0; i < gst_sdp_message_medias_len(sdp); ++i) {
        auto *media = const_cast<GstSDPMedia *>(gst_sdp_message_get_media(sdp, i));
        if (hasAttribute(media, "msid"))
            continue;
        const QByteArray msid = msidOfSsrc(media);
        if (!msid.isEmpty())
            gst_sdp_media_add_attribute(media, "msid", msid.constData());
    }
}

}  // namespace softphone::media
