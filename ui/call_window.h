#pragma once

#include "call/call_controller.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QStackedLayout;

namespace softphone::ui {

class CallMediaControls;

// The window of a call being placed or held: the peer, what is happening (Calling…,
// Ringing…, Connecting…, the running time, then why it ended, for a moment), video areas
// for a video call, and the microphone, camera and hang-up buttons. Ctrl+Shift+H hangs up
// from any of the app's windows.
class CallWindow : public QWidget
{
    Q_OBJECT

public:
    CallWindow(call::CallController *calls, CallMediaControls *media, QWidget *parent = nullptr);

    void setMediaControls(CallMediaControls *media);
    // How to name the peer when the server gave no name (the contacts' display names).
    void setNameResolver(std::function<QString(const QString &account)> nameOf);
    void setCameraOn(bool on);
    QString statusText() const;
    QPushButton *hangupButton() const { return m_hangup; }
    QPushButton *muteButton() const { return m_mute; }
    QPushButton *cameraButton() const { return m_camera; }

    static QString endText(call::EndReason reason);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void retranslate();
    void onState(call::CallState state);
    void updateStatus();
    void updateVideo();

    call::CallController *m_calls;
    CallMediaControls *m_media;
    std::function<QString(const QString &)> m_nameOf;
    bool m_ringing = false;
    QElapsedTimer m_running;
    QTimer m_tick;
    QLabel *m_peer;
    QLabel *m_status;
    QWidget *m_videoArea;
    QLabel *m_remotePlaceholder;
    QLabel *m_previewPlaceholder;
    QPushButton *m_mute;
    QPushButton *m_camera;
    QPushButton *m_hangup;
};

}  // namespace softphone::ui
