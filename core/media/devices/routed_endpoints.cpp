#include "media/devices/routed_endpoints.h"

#include "media/devices/device_audio_format.h"
#include "media/devices/frame_tap.h"
#include "media/session/gst_runtime.h"

#include <gst/app/gstappsink.h>
#include <gst/gst.h>

namespace softphone::media {

namespace {

GstFlowReturn playbackSample(GstAppSink *sink, gpointer data)
{
    GstSample *sample = gst_app_sink_pull_sample(sink);
    if (!sample)
        return GST_FLOW_ERROR;
    GstBuffer *buffer = gst_sample_get_buffer(sample);
    GstMapInfo map;
    if (buffer && gst_buffer_map(buffer, &map, GST_MAP_READ)) {
        sharedFrom<PlaybackHub>(data)->write(reinterpret_cast<const char *>(map.data),
                                             qsizetype(map.size));
        gst_buffer_unmap(buffer, &map);
    }
    gst_sample_unref(sample);
    return GST_FLOW_OK;
}

GstElement *makeAppSink(const char *caps, QString *error)
{
    GstElement *sink = gst_element_factory_make("appsink", nullptr);
    if (!sink) {
        if (error)
            *error = QStringLiteral("cannot create appsink");
        return nullptr;
    }
    setCapsString(sink, caps);
    // sync: rendered on the pipeline's clock like a device, after the jitter buffer; no async
    // preroll, since it joins a pipeline that is already playing.
    g_object_set(sink, "sync", TRUE, "async", FALSE, "max-buffers", 4, "drop", TRUE,
                 "enable-last-sample", FALSE, nullptr);
    return sink;
}

}  // namespace

GstElement *RoutedAudioSink::createElement(MediaKind kind, QString *error) const
{
    if (kind != MediaKind::Audio) {
        if (error)
            *error = QStringLiteral("the speaker takes audio only");
        return nullptr;
    }
    GstElement *sink = makeAppSink(kDeviceAudioCaps, error);
    if (!sink)
        return nullptr;
    GstAppSinkCallbacks callbacks = {};
    callbacks.new_sample = playbackSample;
    gst_app_sink_set_callbacks(GST_APP_SINK(sink), &callbacks,
                               new std::shared_ptr<PlaybackHub>(m_hub), deleteShared<PlaybackHub>);
    return sink;
}

GstElement *FrameSink::createElement(MediaKind kind, QString *error) const
{
    if (kind != MediaKind::Video) {
        if (error)
            *error = QStringLiteral("a frame sink takes video only");
        return nullptr;
    }
    GstElement *sink = makeAppSink("video/x-raw,format=I420", error);
    if (!sink)
        return nullptr;
    tapFrames(sink, m_mailbox);
    return sink;
}

}  // namespace softphone::media
