#pragma once

#include "im/account_registrar.h"
#include "im/im_client.h"
#include "media/call_media.h"
#include "media/device_catalog.h"
#include "shell/app_settings.h"
#include "shell/credential_store.h"

#include <QObject>
#include <QUrl>
#include <memory>

namespace softphone::ui {

class CallCoordinator;
class CallNotifications;
class ClientSession;
class MediaCallControls;
class LoginDialog;
class MainWindow;
class TrayIcon;

struct DesktopOptions
{
    QString profile;  // a separate set of settings, keychain entries and local stores
    QUrl server;      // overrides the remembered server
    QString account;  // with a password: signs in at once and remembers nothing
    QString password;
    QString language;  // overrides the setting: "en", "zh_CN"
    // A tone and a test pattern instead of the microphone and camera: demos, and machines
    // without devices.
    bool syntheticMedia = false;
};

// The desktop app's flow: sign in (from the keychain, the command line or the dialog),
// then the main window with its calls, tray and settings; sign out back to the dialog.
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
    LoginDialog *loginDialog() const { return m_login.get(); }
    MainWindow *mainWindow() const { return m_window.get(); }
    ClientSession *session() const { return m_session.get(); }
    CallCoordinator *calls() const { return m_calls.get(); }
    TrayIcon *tray() const { return m_tray.get(); }
    CallNotifications *notifications() const { return m_notifications.get(); }

signals:
    void windowShown();  // the login dialog or the main window was shown
    void signedIn();     // the main window is shown

private:
    void showLogin(const QString &error = {});
    void signIn(const QUrl &server, const QString &account, const QString &password,
                const QString &token, bool remember);
    void registerAccount(const QUrl &server, const QString &account, const QString &password);
    void onConnection(im::ConnectionState state);
    void onLoginFailed(int code, const QString &message);
    void openSession();
    void closeSession();
    void signOut();
    void rememberToken();
    void applySettings();
    void applyLanguage();
    void updateRememberNote();
    void showSettings();
    void showMainWindow();
    static QString keychainProblem();
    void warnAboutMissingMedia();
    media::MediaConfig mediaConfig() const;
    media::DeviceSelection deviceSelection() const;

    DesktopOptions m_options;
    AppSettings m_settings;
    media::DeviceCatalog m_devices;
    CredentialStore m_credentials;
    im::AccountRegistrar m_registrar;
    std::unique_ptr<LoginDialog> m_login;
    std::unique_ptr<im::WsImClient> m_im;
    std::unique_ptr<ClientSession> m_session;
    std::unique_ptr<CallCoordinator> m_calls;
    std::unique_ptr<media::CallMedia> m_media;
    std::unique_ptr<MediaCallControls> m_mediaControls;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<CallNotifications> m_notifications;
    QUrl m_server;
    QString m_account;
    bool m_signingIn = false;
    bool m_byToken = false;
    bool m_remember = false;
    QString m_appliedLanguage = QStringLiteral("?");
    QString m_keychainError;  // the keychain's own words when reading the sign-in failed
};

}  // namespace softphone::ui
