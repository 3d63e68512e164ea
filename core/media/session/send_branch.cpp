#include "media/session/send_branch.h"

#include "media/session/gst_runtime.h"
#include "media/session/rtp_caps.h"
#include "media/session/session_bridge.h"
#include "media/sources/media_source.h"

#include <QRandomGenerator>
#include <gst/gst.h>
#include <gst/video/video.h>
#include <gst/webrtc/webrtc.h>

namespace softphone::media {

namespace {

QString audioChain(const MediaConfig &config, int payload, quint32 ssrc, bool offering)
{
    // 10 ms frames: less waiting for a frame to fill. No in-band FEC: GStreamer 1.22's opusdec
    // then reports 120 ms of latency, which the whole pipeline would adopt; loss is concealed
    // (PLC) instead.
    return QStringLiteral("audioconvert ! audioresample ! volume name=control ! "
                          "queue max-size-buffers=0 max-size-bytes=0 max-size-time=200000000 "
                          "leaky=downstream ! "
                          "opusenc audio-type=voice frame-size=10 bitrate=%1 name=encoder ! "
                          "rtpopuspay pt=%2 ssrc=%3 ! capsfilter caps=\"%4\"")
        .arg(config.audioBitrate)
        .arg(payload)
        .arg(ssrc)
        .arg(rtpCaps(MediaKind::Audio, payload, ssrc, offering));
}

QString videoChain(const MediaConfig &config, int payload, quint32 ssrc)
{
    // deadline=1: realtime; cpu-used trades quality for speed; lag-in-frames=0: no look-ahead;
    // error-resilient partitions let the decoder go on after a lost partition; keyframes come
    // every 10 s, and on demand when the peer reports loss (PLI/FIR).
    return QStringLiteral(
               "videoconvert ! valve name=control drop=false ! "
               "queue max-size-buffers=2 max-size-bytes=0 max-size-time=0 leaky=downstream ! "
               "vp8enc name=encoder deadline=1 cpu-used=8 threads=2 lag-in-frames=0 "
               "error-resilient=partitions end-usage=cbr target-bitrate=%1 "
               "keyframe-max-dist=%3 undershoot=95 buffer-size=1000 buffer-initial-size=500 "
               "buffer-optimal-size=600 ! "
               "rtpvp8pay pt=%2 ssrc=%5 mtu=1200 picture-id-mode=15-bit ! "
               "capsfilter caps=\"%4\"")
        .arg(config.videoBitrate)
        .arg(payload)
        .arg(config.videoFps * 10)
        .arg(rtpCaps(MediaKind::Video, payload, ssrc))
        .arg(ssrc);
}

GstPadProbeReturn countKeyframeRequest(GstPad *, GstPadProbeInfo *info, gpointer data)
{
    GstEvent *event = GST_PAD_PROBE_INFO_EVENT(info);
    if (event && gst_video_event_is_force_key_unit(event))
        SessionBridge::from(data)->keyframeRequests.fetch_add(1);
    return GST_PAD_PROBE_OK;
}

}  // namespace

SendBranch SendBranch::create(MediaKind kind, GstElement *pipeline, GstElement *webrtc,
                              const MediaSource &source, int payload, bool offering,
                              const std::shared_ptr<SessionBridge> &bridge, QString *error)
{
    const MediaConfig &config = bridge->config();
    GstElement *input = source.createElement(error);
    if (!input)
        return {};
    // Named up front, so that the offer can announce it (a=ssrc) before the first packet.
    const quint32 ssrc = QRandomGenerator::global()->bounded(1u, 0xffffffffu);
    QString description = kind == MediaKind::Audio ? audioChain(config, payload, ssrc, offering)
                                                   : videoChain(config, payload, ssrc);
    GstElement *chain = GstRuntime::parseBin(description, error);
    if (!chain) {
        gst_object_unref(gst_object_ref_sink(input));
        return {};
    }
    gst_bin_add_many(GST_BIN(pipeline), input, chain, nullptr);

    GstPad *webrtcSink = gst_element_request_pad_simple(webrtc, "sink_%u");
    GstPad *chainSrc = gst_element_get_static_pad(chain, "src");
    const bool linked = gst_element_link(input, chain) && webrtcSink &&
                        gst_pad_link(chainSrc, webrtcSink) == GST_PAD_LINK_OK;
    gst_object_unref(chainSrc);
    if (!linked) {
        if (webrtcSink)
            gst_object_unref(webrtcSink);
        *error =
            QStringLiteral("cannot link the %1 source to webrtcbin")
                .arg(kind == MediaKind::Audio ? QStringLiteral("audio") : QStringLiteral("video"));
        return {};
    }
    GstWebRTCRTPTransceiver *transceiver = nullptr;
    g_object_get(webrtcSink, "transceiver", &transceiver, nullptr);
    if (transceiver) {
        // Known up front, so the offer need not wait for a first buffer: a camera that is off
        // sends none.
        GstCaps *caps =
            gst_caps_from_string(rtpCaps(kind, payload, ssrc, offering).toUtf8().constData());
        g_object_set(transceiver, "codec-preferences", caps, nullptr);
        gst_caps_unref(caps);
        // NACK and retransmission for video; audio relies on concealment.
        if (kind == MediaKind::Video)
            g_object_set(transceiver, "do-nack", TRUE, nullptr);
        gst_object_unref(transceiver);
    }
    gst_object_unref(webrtcSink);

    SendBranch branch;
    branch.m_kind = kind;
    branch.m_source = input;
    branch.m_control = gst_bin_get_by_name(GST_BIN(chain), "control");
    branch.m_encoder = gst_bin_get_by_name(GST_BIN(chain), "encoder");
    // the pipeline keeps them alive as long as we may use them
    gst_object_unref(branch.m_control);
    gst_object_unref(branch.m_encoder);
    if (kind == MediaKind::Video) {
        GstPad *encoderSrc = gst_element_get_static_pad(branch.m_encoder, "src");
        gst_pad_add_probe(encoderSrc, GST_PAD_PROBE_TYPE_EVENT_UPSTREAM, countKeyframeRequest,
                          SessionBridge::ref(bridge), SessionBridge::unref);
        gst_object_unref(encoderSrc);
    }
    return branch;
}

void SendBranch::setMuted(bool muted)
{
    if (m_control && m_kind == MediaKind::Audio)
        g_object_set(m_control, "mute", muted ? TRUE : FALSE, nullptr);
}

void SendBranch::setVideoEnabled(bool enabled)
{
    if (!m_control || m_kind != MediaKind::Video)
        return;
    g_object_set(m_control, "drop", enabled ? FALSE : TRUE, nullptr);
    // A stopped source costs nothing and, for a camera, leaves it closed (its light off). Its
    // state is locked so that the pipeline starting does not start it.
    gst_element_set_locked_state(m_source, enabled ? FALSE : TRUE);
    if (enabled) {
        restartSource();
        forceKeyframe();
    } else {
        gst_element_set_state(m_source, GST_STATE_NULL);
    }
}

// A source restarted inside a running pipeline counts its time from zero again. It is given
// "now" as its base time, so it paces itself from this moment, and its pad is offset by the
// pipeline's running time, so what it sends lines up with everything else.
void SendBranch::restartSource()
{
    GstObject *parent = gst_element_get_parent(m_source);
    GstClock *clock = parent ? gst_element_get_clock(GST_ELEMENT(parent)) : nullptr;
    if (clock) {
        const GstClockTime now = gst_clock_get_time(clock);
        const GstClockTime base = gst_element_get_base_time(GST_ELEMENT(parent));
        gst_element_set_base_time(m_source, now);
        GstPad *pad = gst_element_get_static_pad(m_source, "src");
        gst_pad_set_offset(pad, gint64(now - base));
        gst_object_unref(pad);
        gst_object_unref(clock);
    }
    if (parent)
        gst_object_unref(parent);
    gst_element_sync_state_with_parent(m_source);
}

void SendBranch::forceKeyframe()
{
    if (!m_encoder || m_kind != MediaKind::Video)
        return;
    GstPad *encoderSrc = gst_element_get_static_pad(m_encoder, "src");
    gst_pad_send_event(encoderSrc,
                       gst_video_event_new_upstream_force_key_unit(GST_CLOCK_TIME_NONE, TRUE, 0));
    gst_object_unref(encoderSrc);
}

}  // namespace softphone::media
