#pragma once

#include "media/devices/capture_choice.h"

#include <QAudioFormat>
#include <QByteArray>
#include <QString>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

typedef struct _GstElement GstElement;

namespace softphone::media {

// The GStreamer side of the microphone a DeviceRouter chooses: an input-selector choosing
// between a sine tone (audiotestsrc: the synthetic microphones) and an appsrc fed from a
// QAudioSource. Like every hub, it makes the bins a call's pipeline uses and keeps weak
// references to them, so that the router can switch what they carry while the call runs.
// Every function is safe on any thread: bins are made on the session's thread, fed from Qt's
// threads.
class AudioCaptureHub
{
public:
    AudioCaptureHub();
    ~AudioCaptureHub();
    // frequency 0: silence.
    void selectTone(double frequency);
    void selectDevice();
    bool deviceSelected() const;
    // A QAudioSource's data, in `format`. Dropped unless the device input is selected; its
    // first buffer makes the selector pass the device (until then, silence).
    void push(const QByteArray &pcm, const QAudioFormat &format);
    // Buffers pushed into a pipeline so far (tests).
    quint64 pushedBuffers() const { return m_pushed.load(); }

    GstElement *createBin(QString *error);

private:
    struct Entry;
    void applyLocked(Entry &entry);

    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<Entry>> m_entries;
    CaptureChoice m_choice;
    double m_frequency = 0.0;  // silence until told otherwise
    std::atomic<quint64> m_pushed{0};
};

}  // namespace softphone::media
