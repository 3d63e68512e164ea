#include "media_call_controls.h"

#include "media/call_media.h"

#include <QVideoWidget>

namespace softphone::ui {

MediaCallControls::MediaCallControls(media::CallMedia *media)
    : m_media(media)
    , m_remoteVideo(std::make_unique<QVideoWidget>())
    , m_localPreview(std::make_unique<QVideoWidget>())
{
    m_remoteVideo->setAspectRatioMode(Qt::KeepAspectRatio);
    m_localPreview->setAspectRatioMode(Qt::KeepAspectRatioByExpanding);
    m_media->setRemoteVideoSink(m_remoteVideo->videoSink());
    m_media->setLocalVideoSink(m_localPreview->videoSink());
}

MediaCallControls::~MediaCallControls()
{
    m_media->setRemoteVideoSink(nullptr);
    m_media->setLocalVideoSink(nullptr);
}

void MediaCallControls::setMicrophoneMuted(bool muted)
{
    m_media->setMuted(muted);
}

void MediaCallControls::setCameraEnabled(bool enabled)
{
    m_media->setVideoEnabled(enabled);
}

QWidget *MediaCallControls::remoteVideoWidget()
{
    return m_remoteVideo.get();
}

QWidget *MediaCallControls::localPreviewWidget()
{
    return m_localPreview.get();
}

void MediaCallControls::setDevices(const media::DeviceSelection &devices)
{
    m_media->setDevices(devices);
}

media::DeviceSelection MediaCallControls::devices() const
{
    return m_media->devices();
}

}  // namespace softphone::ui
