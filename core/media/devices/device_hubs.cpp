#include "media/devices/device_hubs.h"

#include "media/devices/video_frames.h"
#include "media/devices/video_output.h"
#include "media/session/gst_runtime.h"

#include <QMetaObject>
#include <cstdlib>
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <gst/audio/audio.h>
#include <gst/gst.h>

namespace softphone::media {

namespace {

// What every microphone input is converted to before the selector, so that switching inputs
// never changes the caps downstream (no encoder reconfiguration).
const char kAudioCaps[] = "audio/x-raw,format=S16LE,layout=interleaved,rate=48000,channels=1";
// A captured buffer's timestamp follows on from the previous one unless the two clocks have
// drifted further apart than this.
constexpr GstClockTime kResyncThreshold = 40 * GST_MSECOND;

GstCaps *audioCaps(const QAudioFormat &format)
{
    GstAudioFormat sample = GST_AUDIO_FORMAT_UNKNOWN;
    switch (format.sampleFormat()) {
    case QAudioFormat::UInt8:
        sample = GST_AUDIO_FORMAT_U8;
        break;
    case QAudioFormat::Int16:
        sample = GST_AUDIO_FORMAT_S16;
        break;
    case QAudioFormat::Int32:
        sample = GST_AUDIO_FORMAT_S32;
        break;
    case QAudioFormat::Float:
        sample = GST_AUDIO_FORMAT_F32;
        break;
    default:
        return nullptr;
    }
    if (format.sampleRate() <= 0 || format.channelCount() <= 0)
        return nullptr;
    GstAudioInfo info;
    gst_audio_info_set_format(&info, sample, format.sampleRate(), format.channelCount(), nullptr);
    return gst_audio_info_to_caps(&info);
}

// Adds a new pipeline's entry to its hub, set to the hub's current choice, and drops the
// entries whose pipelines are gone. The hub's mutex is held.
template<class Entry, class Apply>
void addEntry(std::vector<std::unique_ptr<Entry>> &entries, std::unique_ptr<Entry> entry,
              Apply apply)
{
    std::erase_if(entries, [](const std::unique_ptr<Entry> &e) {
        ElementRef alive(e->selector.get());
        return !alive;
    });
    apply(*entry);
    entries.push_back(std::move(entry));
}

}  // namespace

// ---- microphone ----------------------------------------------------------------------------

struct AudioCaptureHub::Entry
{
    Entry(GstElement *selector, GstElement *tone, GstElement *feed)
        : selector(selector)
        , tone(tone)
        , feed(feed)
    {}
    WeakElement selector;
    WeakElement tone;
    WeakElement feed;
    QAudioFormat format;  // what the feed's caps say
    GstClockTime next = GST_CLOCK_TIME_NONE;
};

AudioCaptureHub::AudioCaptureHub() = default;
AudioCaptureHub::~AudioCaptureHub() = default;

// The appsrcs state their latency (one capture period; at most what they queue): without it
// input-selector finds the inputs' latencies inconsistent and the latency query fails.
GstElement *AudioCaptureHub::createBin(QString *error)
{
    GstElement *bin = GstRuntime::parseBin(
        QStringLiteral("input-selector name=select sync-streams=false "
                       "audiotestsrc name=tone is-live=true wave=sine samplesperbuffer=480 ! "
                       "capsfilter caps=%1 ! select.sink_0 "
                       "appsrc name=feed is-live=true format=time block=false "
                       "max-time=100000000 leaky-type=downstream min-latency=20000000 "
                       "max-latency=100000000 ! "
                       "audioconvert ! audioresample ! capsfilter caps=%1 ! select.sink_1")
            .arg(QLatin1String(kAudioCaps)),
        error);
    if (!bin)
        return nullptr;
    GstElement *feed = byName(bin, "feed");
    setCapsString(feed, kAudioCaps);
    auto entry = std::make_unique<Entry>(byName(bin, "select"), byName(bin, "tone"), feed);
    std::lock_guard lock(m_mutex);
    addEntry(m_entries, std::move(entry), [this](Entry &added) { applyLocked(added); });
    return bin;
}

void AudioCaptureHub::applyLocked(Entry &entry)
{
    ElementRef selector(entry.selector.get());
    ElementRef tone(entry.tone.get());
    if (!selector || !tone)
        return;
    // The tone runs on, silent, while a device is chosen: switching back is then only a pad
    // change. A newly chosen device takes over at its first buffer; until then, silence.
    const bool audible = !m_device && m_frequency > 0;
    g_object_set(tone.element, "freq", m_frequency > 0 ? m_frequency : 440.0, "volume",
                 audible ? 0.4 : 0.0, nullptr);
    selectPad(selector.element, m_device && m_deviceFlowing ? "sink_1" : "sink_0");
}

void AudioCaptureHub::selectTone(double frequency)
{
    std::lock_guard lock(m_mutex);
    m_device = false;
    m_deviceFlowing = false;
    m_frequency = frequency;
    for (auto &entry : m_entries)
        applyLocked(*entry);
}

void AudioCaptureHub::selectDevice()
{
    std::lock_guard lock(m_mutex);
    m_device = true;
    m_deviceFlowing = false;
    for (auto &entry : m_entries)
        applyLocked(*entry);
}

bool AudioCaptureHub::deviceSelected() const
{
    std::lock_guard lock(m_mutex);
    return m_device;
}

void AudioCaptureHub::push(const QByteArray &pcm, const QAudioFormat &format)
{
    const int frameBytes = format.bytesPerFrame();
    if (pcm.isEmpty() || frameBytes <= 0 || format.sampleRate() <= 0)
        return;
    const qsizetype frames = pcm.size() / frameBytes;
    const GstClockTime duration =
        gst_util_uint64_scale(guint64(frames), GST_SECOND, guint64(format.sampleRate()));
    std::lock_guard lock(m_mutex);
    if (!m_device)
        return;  // late data of a device no longer chosen
    const bool takeOver = !m_deviceFlowing;
    m_deviceFlowing = true;
    for (auto &entry : m_entries) {
        if (takeOver) {
            entry->next = GST_CLOCK_TIME_NONE;
            applyLocked(*entry);
        }
        ElementRef feed(entry->feed.get());
        if (!feed)
            continue;
        if (entry->format != format) {
            GstCaps *caps = audioCaps(format);
            if (!caps)
                continue;
            g_object_set(feed.element, "caps", caps, nullptr);
            gst_caps_unref(caps);
            entry->format = format;
            entry->next = GST_CLOCK_TIME_NONE;
        }
        // The running time now is when the last sample was captured (give or take Qt's
        // delivery); the buffer began `duration` earlier. Consecutive buffers follow on
        // exactly, so the encoder sees a gapless stream, until the device's clock and the
        // pipeline's drift apart.
        const GstClockTime now = gst_element_get_current_running_time(feed.element);
        if (!GST_CLOCK_TIME_IS_VALID(now))
            continue;  // not playing yet
        GstClockTime start = now > duration ? now - duration : 0;
        bool discont = true;
        if (GST_CLOCK_TIME_IS_VALID(entry->next) &&
            GST_CLOCK_DIFF(start, entry->next) < GstClockTimeDiff(kResyncThreshold) &&
            GST_CLOCK_DIFF(entry->next, start) < GstClockTimeDiff(kResyncThreshold)) {
            start = entry->next;
            discont = false;
        }
        entry->next = start + duration;
        GstBuffer *buffer = gst_buffer_new_allocate(nullptr, gsize(frames * frameBytes), nullptr);
        gst_buffer_fill(buffer, 0, pcm.constData(), gsize(frames * frameBytes));
        GST_BUFFER_PTS(buffer) = start;
        GST_BUFFER_DURATION(buffer) = duration;
        if (discont)
            GST_BUFFER_FLAG_SET(buffer, GST_BUFFER_FLAG_DISCONT);
        if (gst_app_src_push_buffer(GST_APP_SRC(feed.element), buffer) == GST_FLOW_OK)
            m_pushed.fetch_add(1);
    }
}

// ---- camera --------------------------------------------------------------------------------

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

// The test pattern's preview branch: shown while the pattern is what we send.
struct PreviewTap
{
    std::shared_ptr<FrameMailbox> mailbox;
    std::shared_ptr<std::atomic<bool>> showing;
};

struct VideoCaptureCallbacks
{
    static GstFlowReturn previewSample(GstAppSink *sink, gpointer data)
    {
        GstSample *sample = gst_app_sink_pull_sample(sink);
        if (!sample)
            return GST_FLOW_ERROR;
        auto *tap = sharedFrom<PreviewTap>(data);
        if (tap->showing->load() && tap->mailbox->wanted()) {
            const QVideoFrame frame =
                video_frames::fromI420(gst_sample_get_buffer(sample), gst_sample_get_caps(sample));
            if (frame.isValid())
                tap->mailbox->put(frame);
        }
        gst_sample_unref(sample);
        return GST_FLOW_OK;
    }
};

VideoCaptureHub::VideoCaptureHub(std::shared_ptr<FrameMailbox> preview)
    : m_preview(std::move(preview))
{}

VideoCaptureHub::~VideoCaptureHub() = default;

GstElement *VideoCaptureHub::createBin(int width, int height, int fps, QString *error)
{
    const QString caps = QStringLiteral("video/x-raw,format=I420,width=%1,height=%2,"
                                        "framerate=%3/1,pixel-aspect-ratio=1/1")
                             .arg(width)
                             .arg(height)
                             .arg(fps);
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
    GstElement *preview = byName(bin, "preview");
    GstAppSinkCallbacks callbacks = {};
    callbacks.new_sample = VideoCaptureCallbacks::previewSample;
    gst_app_sink_set_callbacks(GST_APP_SINK(preview), &callbacks,
                               new std::shared_ptr<PreviewTap>(std::make_shared<PreviewTap>(
                                   PreviewTap{m_preview, m_patternShowing})),
                               deleteShared<PreviewTap>);
    auto entry = std::make_unique<Entry>(byName(bin, "select"), byName(bin, "feed"));
    std::lock_guard lock(m_mutex);
    addEntry(m_entries, std::move(entry), [this](Entry &added) { applyLocked(added); });
    return bin;
}

void VideoCaptureHub::applyLocked(Entry &entry)
{
    m_patternShowing->store(!m_camera && m_sending.load());
    ElementRef selector(entry.selector.get());
    if (selector)
        selectPad(selector.element, m_camera && m_cameraFlowing ? "sink_1" : "sink_0");
}

void VideoCaptureHub::selectPattern()
{
    std::lock_guard lock(m_mutex);
    m_camera = false;
    m_cameraFlowing = false;
    for (auto &entry : m_entries)
        applyLocked(*entry);
    m_patternShowing->store(m_sending.load());
}

void VideoCaptureHub::selectCamera()
{
    std::lock_guard lock(m_mutex);
    m_camera = true;
    m_cameraFlowing = false;
    for (auto &entry : m_entries)
        applyLocked(*entry);
    m_patternShowing->store(false);
}

bool VideoCaptureHub::cameraSelected() const
{
    std::lock_guard lock(m_mutex);
    return m_camera;
}

void VideoCaptureHub::setSending(bool sending)
{
    std::lock_guard lock(m_mutex);
    m_sending = sending;
    m_patternShowing->store(!m_camera && sending);
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
    if (!m_camera)
        return;
    const bool takeOver = !m_cameraFlowing;
    m_cameraFlowing = true;
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

// ---- speaker -------------------------------------------------------------------------------

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

GstFlowReturn frameSample(GstAppSink *sink, gpointer data)
{
    GstSample *sample = gst_app_sink_pull_sample(sink);
    if (!sample)
        return GST_FLOW_ERROR;
    FrameMailbox *mailbox = sharedFrom<FrameMailbox>(data);
    if (mailbox->wanted()) {
        const QVideoFrame frame =
            video_frames::fromI420(gst_sample_get_buffer(sample), gst_sample_get_caps(sample));
        if (frame.isValid())
            mailbox->put(frame);
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

void PlaybackHub::write(const char *data, qsizetype size)
{
    m_written.fetch_add(quint64(size));
    std::lock_guard lock(m_mutex);
    if (!m_listener)
        return;  // nobody plays it: consumed at the device's pace, like a fakesink
    m_ring.append(data, size);
    constexpr qsizetype kMaxBytes = qsizetype(kRate) * 2 * kMaxBufferedMs / 1000;
    if (m_ring.size() > kMaxBytes)
        m_ring.remove(0, m_ring.size() - kMaxBytes);
    if (m_pending)
        return;
    m_pending = true;
    QMetaObject::invokeMethod(m_listener, &PlaybackListener::audioWaiting, Qt::QueuedConnection);
}

QByteArray PlaybackHub::read(qsizetype max)
{
    std::lock_guard lock(m_mutex);
    m_pending = false;
    const qsizetype n = std::min(max, m_ring.size()) & ~qsizetype(1);
    QByteArray out = m_ring.left(n);
    m_ring.remove(0, n);
    return out;
}

qsizetype PlaybackHub::available() const
{
    std::lock_guard lock(m_mutex);
    return m_ring.size();
}

void PlaybackHub::attach(PlaybackListener *listener)
{
    std::lock_guard lock(m_mutex);
    m_listener = listener;
    m_ring.clear();
    m_pending = false;
}

void PlaybackHub::detach()
{
    std::lock_guard lock(m_mutex);
    m_listener = nullptr;
    m_ring.clear();
    m_pending = false;
}

GstElement *RoutedAudioSink::createElement(MediaKind kind, QString *error) const
{
    if (kind != MediaKind::Audio) {
        if (error)
            *error = QStringLiteral("the speaker takes audio only");
        return nullptr;
    }
    GstElement *sink = makeAppSink(kAudioCaps, error);
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
    GstAppSinkCallbacks callbacks = {};
    callbacks.new_sample = frameSample;
    gst_app_sink_set_callbacks(GST_APP_SINK(sink), &callbacks,
                               new std::shared_ptr<FrameMailbox>(m_mailbox),
                               deleteShared<FrameMailbox>);
    return sink;
}

}  // namespace softphone::media
