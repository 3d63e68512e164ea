#include "media/devices/frame_tap.h"

#include "media/devices/video_frames.h"
#include "media/devices/video_output.h"
#include "media/session/gst_runtime.h"

#include <gst/app/gstappsink.h>
#include <gst/gst.h>

namespace softphone::media {

namespace {

struct FrameTap
{
    std::shared_ptr<FrameMailbox> mailbox;
    std::shared_ptr<const std::atomic<bool>> open;  // null: always
};

GstFlowReturn tappedSample(GstAppSink *sink, gpointer data)
{
    GstSample *sample = gst_app_sink_pull_sample(sink);
    if (!sample)
        return GST_FLOW_ERROR;
    const FrameTap *tap = sharedFrom<FrameTap>(data);
    if ((!tap->open || tap->open->load()) && tap->mailbox->wanted()) {
        const QVideoFrame frame =
            video_frames::fromI420(gst_sample_get_buffer(sample), gst_sample_get_caps(sample));
        if (frame.isValid())
            tap->mailbox->put(frame);
    }
    gst_sample_unref(sample);
    return GST_FLOW_OK;
}

}  // namespace

void tapFrames(GstElement *appsink, std::shared_ptr<FrameMailbox> mailbox,
               std::shared_ptr<const std::atomic<bool>> open)
{
    GstAppSinkCallbacks callbacks = {};
    callbacks.new_sample = tappedSample;
    gst_app_sink_set_callbacks(GST_APP_SINK(appsink), &callbacks,
                               new std::shared_ptr<FrameTap>(std::make_shared<FrameTap>(
                                   FrameTap{std::move(mailbox), std::move(open)})),
                               deleteShared<FrameTap>);
}

}  // namespace softphone::media
