#pragma once

#include "media/media_config.h"

#include <QString>
#include <memory>

typedef struct _GstElement GstElement;

namespace softphone::media {

class MediaSource;
class SessionBridge;

// One outgoing stream: source → convert → encode → RTP → webrtcbin. Audio is Opus with
// in-band FEC; video is VP8 tuned for real time, with NACK and PLI feedback so a lost packet
// costs a retransmission or a keyframe, not a frozen picture.
class SendBranch
{
public:
    // Builds the stream into `pipeline` and links it to a new sink pad of `webrtc`, payload
    // type `payload`. Returns an empty branch and sets `error` on failure.
    // `offering`: the stream goes into our offer (else into the answer to a peer's offer).
    static SendBranch create(MediaKind kind, GstElement *pipeline, GstElement *webrtc,
                             const MediaSource &source, int payload, bool offering,
                             const std::shared_ptr<SessionBridge> &bridge, QString *error);

    bool isValid() const { return m_control != nullptr; }
    // Audio: mute (keeps sending silence, so the peer's jitter buffer stays primed).
    // Video: stop or resume the source and sending; resuming asks for a keyframe at once.
    void setMuted(bool muted);
    void setVideoEnabled(bool enabled);
    void forceKeyframe();

private:
    void restartSource();

    MediaKind m_kind = MediaKind::Audio;
    GstElement *m_source = nullptr;   // owned by the pipeline
    GstElement *m_control = nullptr;  // volume (audio) or valve (video); owned by the pipeline
    GstElement *m_encoder = nullptr;  // owned by the pipeline
};

}  // namespace softphone::media
