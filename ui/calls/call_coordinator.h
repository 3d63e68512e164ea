#pragma once

#include "call/call_controller.h"
#include "calls/call_sounds.h"
#include "media/devices/device_catalog.h"

#include <QObject>
#include <memory>

namespace softphone::ui {

class AppSettings;
class CallMediaControls;
class CallWindow;
class IncomingCallWindow;
class MiniCallWindow;

// Shows the right call window for the controller's state (the incoming window while a call
// rings here, the call window otherwise, or its small version on top), raises it, and plays
// the tones. The incoming window
// is shown without taking the keyboard from the window the user is typing in.
class CallCoordinator : public QObject
{
    Q_OBJECT

public:
    explicit CallCoordinator(call::CallController *calls, QObject *parent = nullptr);
    ~CallCoordinator() override;

    // Places a call; false (and the current call's window is raised) if one is on.
    bool placeCall(const QString &peer, protocol::CallType type);
    void setMediaControls(CallMediaControls *media);
    // The devices the call window's menus offer, and the settings that name unplugged ones.
    void setDeviceCatalog(media::DeviceCatalog *catalog, const AppSettings *settings);
    void setDoNotDisturb(bool on);

    CallWindow *callWindow() const { return m_callWindow.get(); }
    IncomingCallWindow *incomingWindow() const { return m_incomingWindow.get(); }
    MiniCallWindow *miniWindow() const { return m_miniWindow.get(); }
    // The call in the small window on top instead of its full window; off after each call.
    void setMiniMode(bool on);
    bool isMiniMode() const { return m_miniMode; }
    CallSounds *sounds() { return &m_sounds; }

signals:
    // A device picked in the call window, already in use by the call: for the settings' owner
    // to remember.
    void devicePicked(softphone::media::DeviceKind kind, const QByteArray &id, const QString &name);

private:
    void onState(call::CallState state);
    static void present(QWidget *window);
    void presentCall();
    void showRinging();

    call::CallController *m_calls;
    CallMediaControls *m_media = nullptr;
    std::unique_ptr<CallWindow> m_callWindow;
    std::unique_ptr<IncomingCallWindow> m_incomingWindow;
    std::unique_ptr<MiniCallWindow> m_miniWindow;
    CallSounds m_sounds;
    call::CallState m_previous = call::CallState::Idle;
    bool m_doNotDisturb = false;
    bool m_miniMode = false;
};

}  // namespace softphone::ui
