#include "media/devices/audio_capture_hub.h"

#include "media/devices/device_audio_format.h"
#include "media/devices/selector_entries.h"
#include "media/session/gst_runtime.h"

#include <gst/app/gstappsrc.h>
#include <gst/audio/audio.h>
#include <gst/gst.h>

namespace softphone::media {

namespace {

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

}  // namespace

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
            .arg(QLatin1String(kDeviceAudioCaps)),
        error);
    if (!bin)
        return nullptr;
    GstElement *feed = byName(bin, "feed");
    setCapsString(feed, kDeviceAudioCaps);
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
    const bool audible = !m_choice.deviceChosen() && m_frequency > 0;
    g_object_set(tone.element, "freq", m_frequency > 0 ? m_frequency : 440.0, "volume",
                 audible ? 0.4 : 0.0, nullptr);
    selectPad(selector.element, m_choice.selectorPad());
}

void AudioCaptureHub::selectTone(double frequency)
{
    std::lock_guard lock(m_mutex);
    m_choice.chooseSynthetic();
    m_frequency = frequency;
    for (auto &entry : m_entries)
        applyLocked(*entry);
}

void AudioCaptureHub::selectDevice()
{
    std::lock_guard lock(m_mutex);
    m_choice.chooseDevice();
    for (auto &entry : m_entries)
        applyLocked(*entry);
}

bool AudioCaptureHub::deviceSelected() const
{
    std::lock_guard lock(m_mutex);
    return m_choice.deviceChosen();
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
    if (!m_choice.deviceChosen())
        return;  // late data of a device no longer chosen
    const bool takeOver = m_choice.deviceDelivered();
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

}  // namespace softphone::media
