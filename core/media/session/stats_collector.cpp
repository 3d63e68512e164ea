#include "media/session/stats_collector.h"

#include <algorithm>
#include <gst/gst.h>
#include <gst/webrtc/webrtc.h>

namespace softphone::media {

namespace {

double number(const GstStructure *s, const char *field, double fallback = 0)
{
    const GValue *value = gst_structure_get_value(s, field);
    if (!value)
        return fallback;
    switch (G_VALUE_TYPE(value)) {
    case G_TYPE_DOUBLE:
        return g_value_get_double(value);
    case G_TYPE_INT:
        return g_value_get_int(value);
    case G_TYPE_UINT:
        return g_value_get_uint(value);
    case G_TYPE_INT64:
        return double(g_value_get_int64(value));
    case G_TYPE_UINT64:
        return double(g_value_get_uint64(value));
    default:
        return fallback;
    }
}

gboolean readEntry(GQuark, const GValue *value, gpointer data)
{
    auto *raw = static_cast<RawStats *>(data);
    if (!GST_VALUE_HOLDS_STRUCTURE(value))
        return TRUE;
    const GstStructure *s = gst_value_get_structure(value);
    GstWebRTCStatsType type;
    if (!gst_structure_get(s, "type", GST_TYPE_WEBRTC_STATS_TYPE, &type, nullptr))
        return TRUE;
    switch (type) {
    case GST_WEBRTC_STATS_INBOUND_RTP:
        raw->bytesReceived += quint64(number(s, "bytes-received"));
        raw->packetsReceived += quint64(number(s, "packets-received"));
        raw->packetsLost += std::max<qint64>(0, qint64(number(s, "packets-lost")));
        raw->jitterSeconds = std::max(raw->jitterSeconds, number(s, "jitter"));
        break;
    case GST_WEBRTC_STATS_OUTBOUND_RTP:
        raw->bytesSent += quint64(number(s, "bytes-sent"));
        break;
    case GST_WEBRTC_STATS_LOCAL_CANDIDATE:
    case GST_WEBRTC_STATS_REMOTE_CANDIDATE:
        if (const gchar *kind = gst_structure_get_string(s, "candidate-type"))
            (type == GST_WEBRTC_STATS_LOCAL_CANDIDATE ? raw->localCandidateType
                                                      : raw->remoteCandidateType) =
                QString::fromUtf8(kind);
        break;
    case GST_WEBRTC_STATS_REMOTE_INBOUND_RTP:
        raw->rttSeconds = std::max(raw->rttSeconds, number(s, "round-trip-time", -1));
        raw->peerFractionLost = std::max(raw->peerFractionLost, number(s, "fraction-lost"));
        break;
    default:
        break;
    }
    return TRUE;
}

}  // namespace

RawStats StatsCollector::parse(const GstStructure *reply)
{
    RawStats raw;
    if (reply)
        gst_structure_foreach(reply, readEntry, &raw);
    return raw;
}

MediaStats StatsCollector::update(const RawStats &raw, qint64 elapsedNs, quint64 videoFrames,
                                  int videoWidth, int videoHeight)
{
    MediaStats stats;
    stats.rttMs = raw.rttSeconds < 0 ? -1 : raw.rttSeconds * 1000;
    stats.jitterMs = raw.jitterSeconds * 1000;
    stats.videoWidth = videoWidth;
    stats.videoHeight = videoHeight;
    stats.localCandidateType = raw.localCandidateType;
    stats.remoteCandidateType = raw.remoteCandidateType;
    const double seconds = elapsedNs / 1e9;
    double ourLoss = 0;
    if (m_hasPrevious && seconds > 0) {
        // counters can restart (a new pipeline); never report negative rates
        auto delta = [](quint64 now, quint64 before) { return now >= before ? now - before : 0; };
        stats.bitrateInKbps =
            delta(raw.bytesReceived, m_previous.bytesReceived) * 8 / seconds / 1000;
        stats.bitrateOutKbps = delta(raw.bytesSent, m_previous.bytesSent) * 8 / seconds / 1000;
        stats.videoFps = delta(videoFrames, m_previousFrames) / seconds;
        const double received = double(delta(raw.packetsReceived, m_previous.packetsReceived));
        const double lost = double(std::max<qint64>(0, raw.packetsLost - m_previous.packetsLost));
        if (received + lost > 0)
            ourLoss = lost / (received + lost);
    }
    // Peers report fraction-lost either as 0..1 or as the RTCP 0..255 byte.
    double peerLoss = raw.peerFractionLost;
    if (peerLoss > 1)
        peerLoss /= 256.0;
    stats.lossPercent = std::max(ourLoss, peerLoss) * 100;
    const bool receiving = m_hasPrevious && stats.bitrateInKbps > 0;
    stats.quality = qualityLevel(stats.rttMs, stats.lossPercent, receiving);
    m_previous = raw;
    m_previousFrames = videoFrames;
    m_hasPrevious = true;
    return stats;
}

}  // namespace softphone::media
