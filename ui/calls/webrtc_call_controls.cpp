#include "calls/webrtc_call_controls.h"

#include "media/call_media.h"

#include <QVideoWidget>

namespace softphone::ui {

WebRtcCallControls::WebRtcCallControls(media::CallMedia *media)
    : m_media(media)
{}

WebRtcCallControls::~WebRtcCallControls()
{
    if (m_remoteVideo)
        m_media->setRemoteVideoSink(nullptr);
    if (m_localPreview)
        m_media->setLocalVideoSink(nullptr);
}

// Made when first shown: a video widget brings up Qt Multimedia, which a session without
// video never needs.
void WebRtcCallControls::makeVideoWidgets()
{
    if (m_remoteVideo)
        return;
    m_remoteVideo = std::make_unique<QVideoWidget>();
    m_localPreview = std::make_unique<QVideoWidget>();
    m_remoteVideo->setAspectRatioMode(Qt::KeepAspectRatio);
    m_localPreview->setAspectRatioMode(Qt::KeepAspectRatioByExpanding);
    m_media->setRemoteVideoSink(m_remoteVideo->videoSink());
    m_media->setLocalVideoSink(m_localPreview->videoSink());
}

void WebRtcCallControls::setMicrophoneMuted(bool muted)
{
    m_media->setMuted(muted);
}

void WebRtcCallControls::setCameraEnabled(bool enabled)
{
    m_media->setVideoEnabled(enabled);
}

QWidget *WebRtcCallControls::remoteVideoWidget()
{
    makeVideoWidgets();
    return m_remoteVideo.get();
}

QWidget *WebRtcCallControls::localPreviewWidget()
{
    makeVideoWidgets();
    return m_localPreview.get();
}

void WebRtcCallControls::setDevices(const media::DeviceSelection &devices)
{
    m_media->setDevices(devices);
}

media::DeviceSelection WebRtcCallControls::devices() const
{
    return m_media->devices();
}

}  // namespace softphone::ui
