#pragma once

#include <memory>

typedef struct _GstElement GstElement;
typedef struct _GstPad GstPad;

namespace softphone::media {

class SessionBridge;

// One incoming stream: webrtcbin's new src pad → depayload → decode → convert → sink.
// Runs on the GStreamer thread that announced the pad; it touches no Qt object and reports
// through the bridge (first audio or video, the PCM tap, frame counters, errors).
class ReceiveBranch
{
public:
    static void attach(GstElement *pipeline, GstPad *webrtcSrc,
                       const std::shared_ptr<SessionBridge> &bridge);
};

}  // namespace softphone::media
