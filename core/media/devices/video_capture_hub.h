#pragma once

#include "media/devices/capture_choice.h"

#include <QString>
#include <QVideoFrame>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

typedef struct _GstElement GstElement;

namespace softphone::media {

class FrameMailbox;

// The GStreamer side of the camera a DeviceRouter chooses: an input-selector choosing between
// the test pattern (videotestsrc) and an appsrc fed with the frames of a QCamera; both scaled
// to the call's size and rate. The test pattern is teed off to the local preview; a camera's
// frames go to it as they arrive. Thread-safe like AudioCaptureHub.
class VideoCaptureHub
{
public:
    explicit VideoCaptureHub(std::shared_ptr<FrameMailbox> preview);
    ~VideoCaptureHub();
    void selectPattern();
    void selectCamera();
    bool cameraSelected() const;
    // Whether video is being sent (the camera is on): the preview shows only then.
    void setSending(bool sending);
    // A camera frame, from any thread. Dropped unless the camera input is selected; the first
    // one makes the selector pass the camera (until then the test pattern goes on).
    void push(const QVideoFrame &frame);
    quint64 pushedFrames() const { return m_pushed.load(); }

    GstElement *createBin(int width, int height, int fps, QString *error);

private:
    struct Entry;
    void applyLocked(Entry &entry);

    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<Entry>> m_entries;
    CaptureChoice m_choice;
    std::atomic<bool> m_sending{false};
    std::shared_ptr<FrameMailbox> m_preview;
    // the test pattern is previewed: read by the preview branches' streaming threads
    std::shared_ptr<std::atomic<bool>> m_patternShowing = std::make_shared<std::atomic<bool>>();
    std::atomic<quint64> m_pushed{0};
};

}  // namespace softphone::media
