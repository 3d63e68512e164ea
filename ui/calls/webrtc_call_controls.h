#pragma once

#include "calls/call_media_controls.h"

#include <memory>

class QVideoWidget;

namespace softphone::media {
class CallMedia;
}

namespace softphone::ui {

// The call window's controls acting on the calls' WebRTC media: the microphone, the camera,
// the devices, and two video widgets (the peer's picture and our own preview) that every
// call draws into.
class WebRtcCallControls : public CallMediaControls
{
public:
    explicit WebRtcCallControls(media::CallMedia *media);
    ~WebRtcCallControls() override;

    void setMicrophoneMuted(bool muted) override;
    void setCameraEnabled(bool enabled) override;
    QWidget *remoteVideoWidget() override;
    QWidget *localPreviewWidget() override;
    void setDevices(const media::DeviceSelection &devices) override;
    media::DeviceSelection devices() const override;

private:
    void makeVideoWidgets();

    media::CallMedia *m_media;
    std::unique_ptr<QVideoWidget> m_remoteVideo;
    std::unique_ptr<QVideoWidget> m_localPreview;
};

}  // namespace softphone::ui
