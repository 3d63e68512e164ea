#include "media/session/sdp.h"

#include <QByteArray>
#include <QHash>
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

QString iceUfragOf(const GstSDPMessage *message)
{
    if (const char *ufrag = gst_sdp_message_get_attribute_val(message, "ice-ufrag"))
        return QString::fromUtf8(ufrag);
    for (guint i = 0; i < gst_sdp_message_medias_len(message); ++i) {
        const GstSDPMedia *media = gst_sdp_message_get_media(message, i);
        if (const char *ufrag = gst_sdp_media_get_attribute_val(media, "ice-ufrag"))
            return QString::fromUtf8(ufrag);
    }
    return {};
}

void replaceFingerprints(GstSDPMessage *sdp, const QByteArray &fingerprint)
{
    if (fingerprint.isEmpty())
        return;
    GstSDPAttribute attribute;
    for (guint i = 0; i < gst_sdp_message_attributes_len(sdp); ++i) {
        if (g_strcmp0(gst_sdp_message_get_attribute(sdp, i)->key, "fingerprint") == 0) {
            gst_sdp_attribute_set(&attribute, "fingerprint", fingerprint.constData());
            gst_sdp_message_replace_attribute(sdp, i, &attribute);
        }
    }
    for (guint m = 0; m < gst_sdp_message_medias_len(sdp); ++m) {
        auto *media = const_cast<GstSDPMedia *>(gst_sdp_message_get_media(sdp, m));
        for (guint i = 0; i < gst_sdp_media_attributes_len(media); ++i) {
            if (g_strcmp0(gst_sdp_media_get_attribute(media, i)->key, "fingerprint") == 0) {
                gst_sdp_attribute_set(&attribute, "fingerprint", fingerprint.constData());
                gst_sdp_media_replace_attribute(media, i, &attribute);
            }
        }
    }
}

}  // namespace

SdpMessage::SdpMessage(const QString &text)
{
    if (gst_sdp_message_new_from_text(text.toUtf8().constData(), &m_message) != GST_SDP_OK)
        m_message = nullptr;
}

SdpMessage::~SdpMessage()
{
    if (m_message)
        gst_sdp_message_free(m_message);
}

RemoteSdp readRemoteSdp(const SdpMessage &sdp)
{
    RemoteSdp remote;
    const GstSDPMessage *message = sdp.get();
    if (!message)
        return remote;
    remote.valid = gst_sdp_message_medias_len(message) > 0;
    remote.iceUfrag = iceUfragOf(message);
    for (guint i = 0; i < gst_sdp_message_medias_len(message); ++i) {
        const GstSDPMedia *media = gst_sdp_message_get_media(message, i);
        // port 0 rejects an m-line, unless it is "bundle-only" (max-bundle offers)
        if (gst_sdp_media_get_port(media) == 0 && !hasAttribute(media, "bundle-only"))
            continue;
        const char *kind = gst_sdp_media_get_media(media);
        if (g_strcmp0(kind, "audio") == 0 && !remote.hasAudio) {
            remote.hasAudio = true;
            remote.opusPayload = findPayload(media, "OPUS", 48000);
        } else if (g_strcmp0(kind, "video") == 0 && !remote.hasVideo) {
            remote.hasVideo = true;
            remote.vp8Payload = findPayload(media, "VP8", 90000);
        }
    }
    return remote;
}

RemoteSdp readRemoteSdp(const QString &sdp)
{
    return readRemoteSdp(SdpMessage(sdp));
}

void completeLocalDescription(GstSDPMessage *sdp, const QByteArray &fingerprint)
{
    if (!gst_sdp_message_get_attribute_val(sdp, "ice-options"))
        gst_sdp_message_add_attribute(sdp, "ice-options", "trickle");
    replaceFingerprints(sdp, fingerprint);
    for (guint i = 0; i < gst_sdp_message_medias_len(sdp); ++i) {
        auto *media = const_cast<GstSDPMedia *>(gst_sdp_message_get_media(sdp, i));
        if (hasAttribute(media, "msid"))
            continue;
        const QByteArray msid = msidOfSsrc(media);
        if (!msid.isEmpty())
            gst_sdp_media_add_attribute(media, "msid", msid.constData());
    }
}

void keepNegotiatedMids(GstSDPMessage *sdp, const QStringList &negotiated)
{
    QHash<QString, QString> renamed;
    GstSDPAttribute attribute;
    for (guint m = 0; m < gst_sdp_message_medias_len(sdp) && m < guint(negotiated.size()); ++m) {
        auto *media = const_cast<GstSDPMedia *>(gst_sdp_message_get_media(sdp, m));
        for (guint i = 0; i < gst_sdp_media_attributes_len(media); ++i) {
            const GstSDPAttribute *mid = gst_sdp_media_get_attribute(media, i);
            if (g_strcmp0(mid->key, "mid") != 0 || !mid->value || negotiated[m].isEmpty())
                continue;
            renamed.insert(QString::fromUtf8(mid->value), negotiated[m]);
            gst_sdp_attribute_set(&attribute, "mid", negotiated[m].toUtf8().constData());
            gst_sdp_media_replace_attribute(media, i, &attribute);
        }
    }
    for (guint i = 0; i < gst_sdp_message_attributes_len(sdp); ++i) {
        const GstSDPAttribute *group = gst_sdp_message_get_attribute(sdp, i);
        if (g_strcmp0(group->key, "group") != 0 || !group->value)
            continue;
        QStringList words = QString::fromUtf8(group->value).split(QLatin1Char(' '));
        for (qsizetype w = 1; w < words.size(); ++w)  // words[0] is the semantics ("BUNDLE")
            words[w] = renamed.value(words[w], words[w]);
        gst_sdp_attribute_set(&attribute, "group",
                              words.join(QLatin1Char(' ')).toUtf8().constData());
        gst_sdp_message_replace_attribute(sdp, i, &attribute);
    }
}

QString sdpText(const GstSDPMessage *sdp)
{
    gchar *text = gst_sdp_message_as_text(sdp);
    const QString result = QString::fromUtf8(text);
    g_free(text);
    return result;
}

QStringList midsOf(const GstSDPMessage *sdp)
{
    QStringList mids;
    for (guint i = 0; i < gst_sdp_message_medias_len(sdp); ++i)
        mids << QString::fromUtf8(
            gst_sdp_media_get_attribute_val(gst_sdp_message_get_media(sdp, i), "mid"));
    return mids;
}

bool isMdnsCandidate(const QString &candidate)
{
    const QStringList fields = candidate.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return fields.size() > 4 && fields[4].endsWith(QLatin1String(".local"), Qt::CaseInsensitive);
}

}  // namespace softphone::media
