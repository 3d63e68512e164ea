#include "media_call_controls.h"

#include "media/call_media.h"

namespace softphone::ui {

void MediaCallControls::setMicrophoneMuted(bool muted)
{
    m_media->setMuted(muted);
}

void MediaCallControls::setCameraEnabled(bool enabled)
{
    m_media->setVideoEnabled(enabled);
}

}  // namespace softphone::ui
