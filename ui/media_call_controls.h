#pragma once

#include "call_media_controls.h"

namespace softphone::media {
class CallMedia;
}

namespace softphone::ui {

// The call window's microphone and camera buttons acting on the calls' WebRTC media.
// Remote video and the local preview are drawn by GStreamer's own video sink for now, so
// the window keeps its placeholders.
class MediaCallControls : public CallMediaControls
{
public:
    explicit MediaCallControls(media::CallMedia *media)
        : m_media(media)
    {}

    void setMicrophoneMuted(bool muted) override;
    void setCameraEnabled(bool enabled) override;

private:
    media::CallMedia *m_media;
};

}  // namespace softphone::ui
