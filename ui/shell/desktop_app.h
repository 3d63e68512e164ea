#pragma once

#include "im/im_client.h"
#include "media/call_media.h"
#include "media/devices/device_catalog.h"
#include "shell/app_settings.h"
#include "shell/sign_in_flow.h"

#include <QObject>
#include <QUrl>
#include <memory>

namespace softphone::ui {

class CallCoordinator;
class CallNotifications;
class ClientSession;
class LoginDialog;
class MainWindow;
class TrayIcon;
class WebRtcCallControls;

struct DesktopOptions
{
    QString profile;      // a separate set of settings, keychain entries and local stores
    QList<QUrl> servers;  // override the remembered ones: a server, or a cluster's nodes
    QString account;      // with a password: signs in at once and remembers nothing
    QString password;
    QString language;  // overrides the setting: "en", "zh_CN"
    // A tone and a test pattern instead of the microphone and camera: demos, and machines
    // without devices.
    bool syntheticMedia = false;
};

// The desktop app's composition root: after the sign-in (SignInFlow), the session's objects
// (client, calls, media, main window, tray, notifications) made, wired and torn down again
// on sign-out; the settings applied to them.
class DesktopApp : public QObject
{
    Q_OBJECT

public:
    explicit DesktopApp(DesktopOptions options, QObject *parent = nullptr);
    ~DesktopApp() override;

    void start();
    void quit();

    AppSettings *settings() { return &m_settings; }
    media::DeviceCatalog *devices() { return &m_devices; }
    LoginDialog *loginDialog() const { return m_signIn.dialog(); }
    MainWindow *mainWindow() const { return m_window.get(); }
    ClientSession *session() const { return m_session.get(); }
    CallCoordinator *callCoordinator() const { return m_coordinator.get(); }
    TrayIcon *tray() const { return m_tray.get(); }
    CallNotifications *notifications() const { return m_notifications.get(); }
    // Null while signed out, and where GStreamer's WebRTC is missing.
    media::CallMedia *callMedia() const { return m_media.get(); }

signals:
    void windowShown();  // the login dialog or the main window was shown
    void signedIn();     // the main window is shown

private:
    void connectAs(const im::Credentials &credentials);
    void openSession();
    void closeSession();
    void signOut();
    void applySettings();
    void rememberDevice(media::DeviceKind kind, const QByteArray &id, const QString &name);
    void applyLanguage();
    void showSettings();
    void showMainWindow();
    void warnAboutMissingMedia();
    media::MediaConfig mediaConfig() const;
    media::DeviceSelection deviceSelection() const;

    DesktopOptions m_options;
    AppSettings m_settings;
    media::DeviceCatalog m_devices;  // the app's one: menus, settings and call media list it
    SignInFlow m_signIn;
    std::unique_ptr<im::WsImClient> m_im;
    std::unique_ptr<ClientSession> m_session;
    std::unique_ptr<CallCoordinator> m_coordinator;
    std::unique_ptr<media::CallMedia> m_media;
    std::unique_ptr<WebRtcCallControls> m_mediaControls;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<CallNotifications> m_notifications;
    QString m_appliedLanguage = QStringLiteral("?");
};

}  // namespace softphone::ui
