#include "media/session/sdp_codecs.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <gst/sdp/sdp.h>

namespace softphone::media {

namespace {

// The first payload type of `media` whose rtpmap names `encoding` at `clockRate`.
int findPayload(const GstSDPMedia *media, const char *encoding, int clockRate)
{
    for (guint i = 0; i < gst_sdp_media_attributes_len(media); ++i) {
        const GstSDPAttribute *attribute = gst_sdp_media_get_attribute(media, i);
        if (g_strcmp0(attribute->key, "rtpmap") != 0 || !attribute->value)
            continue;
        // "<payload> <encoding>/<clock rate>[/<channels>]"
        const QString value = QString::fromUtf8(attribute->value).trimmed();
        const qsizetype space = value.indexOf(QLatin1Char(' '));
        if (space <= 0)
            continue;
        bool ok = false;
        const int payload = value.left(space).toInt(&ok);
        if (!ok || payload < 0 || payload > 127)
            continue;
        const QStringList parts = value.mid(space + 1).split(QLatin1Char('/'));
        if (parts.size() < 2)
            continue;
        if (parts[0].compare(QLatin1String(encoding), Qt::CaseInsensitive) == 0 &&
            parts[1].toInt() == clockRate) {
            // the format must also be listed on the m-line
            for (guint f = 0; f < gst_sdp_media_formats_len(media); ++f) {
                if (QString::fromUtf8(gst_sdp_media_get_format(media, f)).toInt() == payload)
                    return payload;
            }
        }
    }
    return -1;
}

bool hasAttribute(const GstSDPMedia *media, const char *key)
{
    for (guint i = 0; i < gst_sdp_media_attributes_len(media); ++i) {
        if (g_strcmp0(gst_sdp_media_get_attribute(media, i)->key, key) == 0)
            return true;
    }
    return false;
}

}  // namespace

SdpCodecs readSdpCodecs(const QString &sdp)
{
    SdpCodecs codecs;
    GstSDPMessage *message = nullptr;
    const QByteArray text = sdp.toUtf8();
    if (gst_sdp_message_new_from_text(text.constData(), &message) != GST_SDP_OK)
        return codecs;
    codecs.valid = gst_sdp_message_medias_len(message) > 0;
    for (guint i = 0; i < gst_sdp_message_medias_len(message); ++i) {
        const GstSDPMedia *media = gst_sdp_message_get_media(message, i);
        // port 0 rejects an m-line, unless it is "bundle-only" (max-bundle offers)
        if (gst_sdp_media_get_port(media) == 0 && !hasAttribute(media, "bundle-only"))
            continue;
        const char *kind = gst_sdp_media_get_media(media);
        if (g_strcmp0(kind, "audio") == 0 && !codecs.hasAudio) {
            codecs.hasAudio = true;
            codecs.opusPayload = findPayload(media, "OPUS", 48000);
        } else if (g_strcmp0(kind, "video") == 0 && !codecs.hasVideo) {
            codecs.hasVideo = true;
            codecs.vp8Payload = findPayload(media, "VP8", 90000);
        }
    }
    gst_sdp_message_free(message);
    return codecs;
}

}  // namespace softphone::media
