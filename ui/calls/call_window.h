#pragma once

#include "call/call_controller.h"
#include "im/presence_book.h"
#include "media/devices/device_catalog.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>
#include <memory>

class QLabel;
class QPushButton;
class QToolButton;

namespace softphone::ui {

class AppSettings;
class CallMediaControls;
class CameraPreview;
class DeviceMenu;
class PeerCard;
class QualityBars;
class VideoStage;

// The window of a call being placed or held: the peer, what is happening (Calling…,
// Ringing…, Connecting…, the running time, then why it ended, for a moment), the call's
// quality, the remote video with the local preview in a corner while there is video, and the
// microphone, camera and hang-up buttons with menus of devices. Ctrl+Shift+H hangs up from
// any of the app's windows.
class CallWindow : public QWidget
{
    Q_OBJECT

public:
    CallWindow(call::CallController *calls, CallMediaControls *media, QWidget *parent = nullptr);
    ~CallWindow() override;

    void setMediaControls(CallMediaControls *media);
    // The devices the menus offer, and the settings that name a remembered device while it is
    // unplugged (may be null). Without a catalog there are no menus.
    void setDeviceCatalog(media::DeviceCatalog *catalog, const AppSettings *settings);
    // Names the peer when the server gave no name, and tells whether the callee is online.
    void setPresenceBook(const im::PresenceBook *presence);
    void setCameraOn(bool on);
    // The peer sends video: shown even on an audio call.
    void setRemoteVideoActive(bool active);
    // 0 (bad) to 4 (good) bars; details (round trip, loss, bitrate) for the tooltip.
    void setQuality(int bars, const QString &details);
    QString statusText() const;
    call::CallController *callController() const { return m_calls; }
    QPushButton *hangupButton() const { return m_hangup; }
    // Puts the call in a small window on top (MiniCallWindow), for chatting meanwhile.
    QPushButton *miniModeButton() const { return m_miniMode; }
    QPushButton *callAgainButton() const { return m_callAgain; }
    QPushButton *muteButton() const { return m_mute; }
    QPushButton *cameraButton() const { return m_camera; }
    QToolButton *audioDevicesButton() const { return m_audioDevices; }
    QToolButton *cameraDevicesButton() const { return m_cameraDevices; }
    QualityBars *qualityBars() const { return m_quality; }
    VideoStage *videoStage() const { return m_video; }
    PeerCard *peerCard() const { return m_peerCard; }
    // Our camera while an outgoing video call rings: there is no call media yet to show it.
    CameraPreview *ringingPreview() const { return m_ringingPreview.get(); }

signals:
    void miniModeRequested();
    // The user picked a device in a menu; the call has switched to it. Remembering it is left
    // to the settings' owner.
    void devicePicked(softphone::media::DeviceKind kind, const QByteArray &id, const QString &name);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    void onState(call::CallState state);
    void updateStatus();
    void callAgain();
    QString outgoingText() const;
    void updateVideo();
    QWidget *localVideo();
    void updatePeer();
    QString peerCardCaption() const;
    void buildLayout();
    QToolButton *createDeviceButton(const QString &name);
    media::DeviceSelection currentDevices() const;
    void rebuildDeviceMenus();
    void pickDevice(media::DeviceKind kind, const QByteArray &id, const QString &name);

    call::CallController *m_calls;
    CallMediaControls *m_media;
    media::DeviceCatalog *m_catalog = nullptr;
    const AppSettings *m_settings = nullptr;
    const im::PresenceBook *m_presence = nullptr;
    QString m_failure;  // why the current call failed, when a request told
    bool m_ringing = false;
    bool m_remoteVideo = false;
    QElapsedTimer m_running;
    QTimer m_tick;
    QLabel *m_peer;
    QLabel *m_status;
    QualityBars *m_quality;
    VideoStage *m_video;
    PeerCard *m_peerCard;  // in place of the remote video while there is none
    QLabel *m_previewPlaceholder;
    std::unique_ptr<CameraPreview> m_ringingPreview;
    QPushButton *m_mute;
    QPushButton *m_camera;
    QPushButton *m_hangup;
    QPushButton *m_miniMode;
    QPushButton *m_callAgain;  // after a busy line, no answer or a failure
    DeviceMenu *m_audioMenu = nullptr;
    DeviceMenu *m_cameraMenu = nullptr;
    QToolButton *m_audioDevices = nullptr;
    QToolButton *m_cameraDevices = nullptr;
};

}  // namespace softphone::ui
