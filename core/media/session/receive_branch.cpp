#include "media/session/receive_branch.h"

#include "media/session/gst_runtime.h"
#include "media/session/session_bridge.h"
#include "media/sources/media_sink.h"

#include <chrono>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/video/video.h>

namespace softphone::media {

namespace {

constexpr int kTapRate = 48000;
// How long a sink allows for the work between a live source and itself, added to the
// pipeline's latency. GStreamer's default is 20 ms; decoding a 10 ms Opus frame takes well
// under one, so half of that is plenty and is 10 ms off every call's mouth-to-ear delay.
constexpr GstClockTime kProcessingDeadline = 10 * GST_MSECOND;

void shortenProcessingDeadline(GstElement *element)
{
    if (GST_IS_BIN(element)) {
        GstIterator *sinks = gst_bin_iterate_sinks(GST_BIN(element));
        gst_iterator_foreach(
            sinks,
            [](const GValue *value, gpointer) {
                shortenProcessingDeadline(GST_ELEMENT(g_value_get_object(value)));
            },
            nullptr);
        gst_iterator_free(sinks);
    } else if (g_object_class_find_property(G_OBJECT_GET_CLASS(element), "processing-deadline")) {
        g_object_set(element, "processing-deadline", guint64(kProcessingDeadline), nullptr);
    }
}

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

GstPadProbeReturn countAudio(GstPad *, GstPadProbeInfo *, gpointer data)
{
    SessionBridge *bridge = SessionBridge::from(data);
    if (bridge->audioBuffers.fetch_add(1) == 0)
        bridge->firstMediaReceived(MediaKind::Audio);
    return GST_PAD_PROBE_OK;
}

GstPadProbeReturn countVideo(GstPad *, GstPadProbeInfo *info, gpointer data)
{
    SessionBridge *bridge = SessionBridge::from(data);
    if (GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM) {
        GstEvent *event = GST_PAD_PROBE_INFO_EVENT(info);
        if (GST_EVENT_TYPE(event) == GST_EVENT_CAPS) {
            GstCaps *caps = nullptr;
            gst_event_parse_caps(event, &caps);
            GstVideoInfo videoInfo;
            if (caps && gst_video_info_from_caps(&videoInfo, caps)) {
                bridge->videoWidth = GST_VIDEO_INFO_WIDTH(&videoInfo);
                bridge->videoHeight = GST_VIDEO_INFO_HEIGHT(&videoInfo);
            }
        }
        return GST_PAD_PROBE_OK;
    }
    if (bridge->videoFrames.fetch_add(1) == 0)
        bridge->firstMediaReceived(MediaKind::Video);
    return GST_PAD_PROBE_OK;
}

// The PCM tap: an appsink that renders on the clock like a device, so the time it sees a
// buffer is the time a speaker would play it.
GstFlowReturn tapSample(GstAppSink *sink, gpointer data)
{
    GstSample *sample = gst_app_sink_pull_sample(sink);
    if (!sample)
        return GST_FLOW_ERROR;
    const qint64 now = monotonicNs();
    GstBuffer *buffer = gst_sample_get_buffer(sample);
    GstMapInfo map;
    if (buffer && gst_buffer_map(buffer, &map, GST_MAP_READ)) {
        QByteArray pcm(reinterpret_cast<const char *>(map.data), qsizetype(map.size));
        gst_buffer_unmap(buffer, &map);
        SessionBridge::from(data)->audioTapped(std::move(pcm), kTapRate, now);
    }
    gst_sample_unref(sample);
    return GST_FLOW_OK;
}

GstElement *makeTap(const std::shared_ptr<SessionBridge> &bridge)
{
    GstElement *sink = gst_element_factory_make("appsink", nullptr);
    if (!sink)
        return nullptr;
    g_object_set(sink, "sync", TRUE, "async", FALSE, "max-buffers", 100, "drop", TRUE,
                 "enable-last-sample", FALSE, nullptr);
    GstAppSinkCallbacks callbacks = {};
    callbacks.new_sample = tapSample;
    gst_app_sink_set_callbacks(GST_APP_SINK(sink), &callbacks, SessionBridge::ref(bridge),
                               SessionBridge::unref);
    return sink;
}

QString encodingOf(GstPad *pad, QString *media)
{
    GstCaps *caps = gst_pad_get_current_caps(pad);
    if (!caps)
        caps = gst_pad_query_caps(pad, nullptr);
    QString encoding;
    if (caps && gst_caps_get_size(caps) > 0) {
        const GstStructure *structure = gst_caps_get_structure(caps, 0);
        *media = QString::fromUtf8(gst_structure_get_string(structure, "media"));
        encoding = QString::fromUtf8(gst_structure_get_string(structure, "encoding-name"));
    }
    if (caps)
        gst_caps_unref(caps);
    return encoding.toUpper();
}

// Anything we cannot decode is drained, so webrtcbin never sees "not linked".
void drain(GstElement *pipeline, GstPad *webrtcSrc)
{
    GstElement *sink = gst_element_factory_make("fakesink", nullptr);
    g_object_set(sink, "async", FALSE, "sync", FALSE, nullptr);
    gst_bin_add(GST_BIN(pipeline), sink);
    gst_element_sync_state_with_parent(sink);
    GstPad *sinkPad = gst_element_get_static_pad(sink, "sink");
    gst_pad_link(webrtcSrc, sinkPad);
    gst_object_unref(sinkPad);
}

}  // namespace

void ReceiveBranch::attach(GstElement *pipeline, GstPad *webrtcSrc,
                           const std::shared_ptr<SessionBridge> &bridge)
{
    if (GST_PAD_DIRECTION(webrtcSrc) != GST_PAD_SRC)
        return;
    const MediaConfig &config = bridge->config();
    QString media;
    const QString encoding = encodingOf(webrtcSrc, &media);

    QString description;
    MediaKind kind = MediaKind::Audio;
    if (encoding == QLatin1String("OPUS")) {
        description = QStringLiteral(
            "queue ! rtpopusdepay ! opusdec plc=true use-inband-fec=false ! audioconvert ! "
            "audioresample ! capsfilter caps=audio/x-raw,format=S16LE,rate=48000,channels=1");
    } else if (encoding == QLatin1String("VP8")) {
        kind = MediaKind::Video;
        // On loss the depayloader waits for a keyframe and asks for one (PLI upstream).
        description =
            QStringLiteral("queue ! rtpvp8depay request-keyframe=true wait-for-keyframe=true ! "
                           "vp8dec threads=2 ! videoconvert");
    } else {
        bridge->pipelineError(
            QStringLiteral("received an unsupported stream: %1 %2").arg(media, encoding));
        drain(pipeline, webrtcSrc);
        return;
    }

    QString error;
    GstElement *chain = GstRuntime::parseBin(description, &error);
    GstElement *sink = nullptr;
    if (chain) {
        if (kind == MediaKind::Audio && config.audioTap) {
            sink = makeTap(bridge);
        } else {
            const auto target = kind == MediaKind::Audio ? MediaSink::forAudio(config)
                                                         : MediaSink::forVideo(config);
            sink = target->createElement(kind, &error);
        }
    }
    if (!chain || !sink) {
        if (chain)
            gst_object_unref(gst_object_ref_sink(chain));
        bridge->pipelineError(error.isEmpty() ? QStringLiteral("cannot build a receiver") : error);
        drain(pipeline, webrtcSrc);
        return;
    }

    if (kind == MediaKind::Audio)
        shortenProcessingDeadline(sink);
    gst_bin_add_many(GST_BIN(pipeline), chain, sink, nullptr);
    if (!gst_element_link(chain, sink)) {
        bridge->pipelineError(QStringLiteral("cannot link the receiver to its sink"));
        return;
    }
    GstPad *sinkPad = gst_element_get_static_pad(sink, "sink");
    if (kind == MediaKind::Audio)
        gst_pad_add_probe(sinkPad, GST_PAD_PROBE_TYPE_BUFFER, countAudio,
                          SessionBridge::ref(bridge), SessionBridge::unref);
    else
        gst_pad_add_probe(
            sinkPad,
            GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM),
            countVideo, SessionBridge::ref(bridge), SessionBridge::unref);
    gst_object_unref(sinkPad);

    gst_element_sync_state_with_parent(sink);
    gst_element_sync_state_with_parent(chain);
    bridge->gate.hold(webrtcSrc);
    GstPad *chainSink = gst_element_get_static_pad(chain, "sink");
    if (gst_pad_link(webrtcSrc, chainSink) != GST_PAD_LINK_OK)
        bridge->pipelineError(QStringLiteral("cannot link webrtcbin's %1 stream").arg(media));
    gst_object_unref(chainSink);
}

}  // namespace softphone::media
