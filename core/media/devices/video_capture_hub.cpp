#include "media/devices/video_capture_hub.h"

#include "media/devices/device_video_format.h"
#include "media/devices/frame_tap.h"
#include "media/devices/selector_entries.h"
#include "media/devices/video_frames.h"
#include "media/devices/video_output.h"
#include "media/session/gst_runtime.h"

#include <gst/app/gstappsrc.h>
#include <gst/gst.h>

namespace softphone::media {

struct VideoCaptureHub::Entry
{
    Entry(GstElement *selector, GstElement *feed)
        : selector(selector)
        , feed(feed)
    {}
    ~Entry()
    {
        if (caps)
            gst_caps_unref(caps);
    }
    WeakElement selector;
    WeakElement feed;
    GstCaps *caps = nullptr;  // what the feed's caps say
};

VideoCaptureHub::VideoCaptureHub(std::shared_ptr<FrameMailbox> preview)
    : m_preview(std::move(preview))
{}

VideoCaptureHub::~VideoCaptureHub() = default;

GstElement *VideoCaptureHub::createBin(int width, int height, int fps, QString *error)
{
    const QString caps =
        rawVideoCaps(width, height, fps) + QLatin1String(",pixel-aspect-ratio=1/1");
    // videorate: a camera's frames come when they come; no burst of duplicates after a pause.
    GstElement *bin = GstRuntime::parseBin(
        QStringLiteral(
            "input-selector name=select sync-streams=false "
            "videotestsrc name=pattern is-live=true pattern=smpte horizontal-speed=4 ! "
            "capsfilter caps=%1 ! tee name=split ! select.sink_0 "
            "split. ! queue max-size-buffers=1 max-size-bytes=0 max-size-time=0 "
            "leaky=downstream ! appsink name=preview sync=false async=false max-buffers=1 "
            "drop=true enable-last-sample=false "
            "appsrc name=feed is-live=true format=time do-timestamp=true block=false "
            "max-buffers=2 leaky-type=downstream min-latency=%2 max-latency=100000000 ! "
            "videoconvert ! videoscale ! "
            "videorate max-duplication-time=100000000 ! capsfilter caps=%1 ! select.sink_1")
            .arg(caps)
            .arg(GST_SECOND / std::max(1, fps)),
        error);
    if (!bin)
        return nullptr;
    // The test pattern's preview branch: shown while the pattern is what we send.
    tapFrames(byName(bin, "preview"), m_preview, m_patternShowing);
    auto entry = std::make_unique<Entry>(byName(bin, "select"), byName(bin, "feed"));
    std::lock_guard lock(m_mutex);
    addEntry(m_entries, std::move(entry), [this](Entry &added) { applyLocked(added); });
    return bin;
}

void VideoCaptureHub::applyLocked(Entry &entry)
{
    m_patternShowing->store(!m_choice.deviceChosen() && m_sending.load());
    ElementRef selector(entry.selector.get());
    if (selector)
        selectPad(selector.element, m_choice.selectorPad());
}

void VideoCaptureHub::selectPattern()
{
    std::lock_guard lock(m_mutex);
    m_choice.chooseSynthetic();
    for (auto &entry : m_entries)
        applyLocked(*entry);
    m_patternShowing->store(m_sending.load());
}

void VideoCaptureHub::selectCamera()
{
    std::lock_guard lock(m_mutex);
    m_choice.chooseDevice();
    for (auto &entry : m_entries)
        applyLocked(*entry);
    m_patternShowing->store(false);
}

bool VideoCaptureHub::cameraSelected() const
{
    std::lock_guard lock(m_mutex);
    return m_choice.deviceChosen();
}

void VideoCaptureHub::setSending(bool sending)
{
    std::lock_guard lock(m_mutex);
    m_sending = sending;
    m_patternShowing->store(!m_choice.deviceChosen() && sending);
}

void VideoCaptureHub::push(const QVideoFrame &frame)
{
    if (!cameraSelected())
        return;
    if (m_sending.load() && m_preview->wanted())
        m_preview->put(frame);
    GstBuffer *buffer = nullptr;
    GstCaps *caps = nullptr;
    if (!video_frames::toGst(frame, &buffer, &caps))
        return;
    std::lock_guard lock(m_mutex);
    if (!m_choice.deviceChosen())
        return;
    const bool takeOver = m_choice.deviceDelivered();
    for (auto &entry : m_entries) {
        if (takeOver)
            applyLocked(*entry);
        ElementRef feed(entry->feed.get());
        if (!feed)
            continue;
        if (!entry->caps || !gst_caps_is_equal(entry->caps, caps)) {
            g_object_set(feed.element, "caps", caps, nullptr);
            gst_caps_replace(&entry->caps, caps);
        }
        if (gst_app_src_push_buffer(GST_APP_SRC(feed.element), gst_buffer_ref(buffer)) ==
            GST_FLOW_OK)
            m_pushed.fetch_add(1);
    }
    gst_buffer_unref(buffer);
    gst_caps_unref(caps);
}

}  // namespace softphone::media
