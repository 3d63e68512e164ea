#pragma once

#include "media/devices/device_catalog.h"

class QWidget;

namespace softphone::ui {

// The seam between the call window and the media layer. The window calls these when the
// user toggles the microphone or the camera or picks another device, and asks for the widgets
// that show video; the media layer (a WebRTC session) implements it. Without one the buttons
// only change state.
class CallMediaControls
{
public:
    virtual ~CallMediaControls() = default;

    virtual void setMicrophoneMuted(bool muted) = 0;
    virtual void setCameraEnabled(bool enabled) = 0;
    // Widgets that render the remote video and the local preview, or null: the window shows
    // a placeholder. The window does not take ownership.
    virtual QWidget *remoteVideoWidget() { return nullptr; }
    virtual QWidget *localPreviewWidget() { return nullptr; }
    // Switches the call to these devices (an empty id: the system default).
    virtual void setDevices(const media::DeviceSelection &devices) { Q_UNUSED(devices) }
    // The devices in use, for the menus' check marks.
    virtual media::DeviceSelection devices() const { return {}; }
};

}  // namespace softphone::ui
