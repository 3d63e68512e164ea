#include "shell/desktop_app.h"

#include "calls/call_coordinator.h"
#include "calls/call_notifications.h"
#include "calls/call_stats_text.h"
#include "calls/call_window.h"
#include "calls/media_call_controls.h"
#include "i18n/translations.h"
#include "media/call_media.h"
#include "media/gst_runtime.h"
#include "protocol/error_code.h"
#include "settings/settings_dialog.h"
#include "shell/client_session.h"
#include "shell/login_dialog.h"
#include "shell/main_window.h"
#include "shell/tray_icon.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace softphone::ui {

using im::ConnectionState;

namespace {

// A video call runs a dozen threads (codecs, converters, GStreamer's streaming threads, Qt
// Multimedia) that allocate tens of MiB. glibc gives threads malloc arenas of their own, up
// to eight per core, and keeps what they free there: every video call left the app 15-20 MB
// bigger (bench_app_calls). One arena is reused by every call; the media threads' few
// allocations per frame do not contend on it.
void useOneMallocArena()
{
#if defined(__GLIBC__)
    mallopt(M_ARENA_MAX, 1);
#endif
}

// What a call freed goes back to the system once its threads are gone.
void returnFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

}  // namespace
using protocol::ErrorCode;

DesktopApp::DesktopApp(DesktopOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_settings(m_options.profile)
    , m_credentials(m_options.profile)
{
    useOneMallocArena();
    // A language picked in the settings applies at once, wherever it was set from.
    connect(&m_settings, &AppSettings::changed, this, &DesktopApp::applyLanguage);
    connect(&m_registrar, &im::AccountRegistrar::registered, this, [this](const QString &) {
        signIn(m_login->server(), m_login->account(), m_login->password(), {}, m_login->remember());
    });
    connect(&m_registrar, &im::AccountRegistrar::refused, this,
            [this](int code, const QString &message) {
                m_login->setBusy(false);
                if (code == int(ErrorCode::AccountExists))
                    m_login->showError(tr("That account id is taken. Choose another one."));
                else if (code == int(ErrorCode::RegistrationClosed))
                    m_login->showError(tr("This server does not let you register; ask its "
                                          "operator for an account."));
                else
                    m_login->showError(tr("Registration refused: %1").arg(message));
            });
    connect(&m_registrar, &im::AccountRegistrar::unreachable, this, [this](const QString &) {
        m_login->setBusy(false);
        m_login->showError(tr("Cannot reach the server at %1. Check the address and that the "
                              "server is running.")
                               .arg(m_login->server().toString()));
    });
}

DesktopApp::~DesktopApp()
{
    closeSession();
}

QString DesktopApp::keychainProblem()
{
    if (!CredentialStore::isCompiledIn())
        return tr("this build has no keychain support");
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return tr("no D-Bus session for the Secret Service");
#endif
    return {};
}

void DesktopApp::start()
{
    QApplication::setWindowIcon(TrayIcon::badgedIcon(0));  // every window and the task bar
    applyLanguage();
    warnAboutMissingMedia();
    m_login = std::make_unique<LoginDialog>();
    updateRememberNote();
    const QString problem = keychainProblem();
    connect(m_login.get(), &LoginDialog::signInRequested, this,
            [this](const QUrl &server, const QString &account, const QString &password,
                   bool remember) { signIn(server, account, password, {}, remember); });
    connect(m_login.get(), &LoginDialog::registerRequested, this, &DesktopApp::registerAccount);
    connect(m_login.get(), &QDialog::rejected, this, [this] {
        if (!m_window)
            quit();
    });
    const QUrl server = m_options.server.isValid() && !m_options.server.isEmpty()
                            ? m_options.server
                            : m_settings.lastServer();
    m_login->setServer(server);
    m_login->setAccount(m_options.account.isEmpty() ? m_settings.lastAccount() : m_options.account);
    m_login->setRemember(m_settings.rememberSignIn());

    if (!m_options.account.isEmpty() && !m_options.password.isEmpty()) {
        signIn(server, m_options.account, m_options.password, {}, false);
        return;
    }
    const QString account = m_settings.lastAccount();
    if (m_settings.rememberSignIn() && !account.isEmpty() && problem.isEmpty() &&
        (m_options.account.isEmpty() || m_options.account == account)) {
        m_credentials.load(
            server, account,
            [this, server, account](std::optional<QString> token, const QString &error) {
                if (token && !token->isEmpty()) {
                    signIn(server, account, {}, *token, true);
                    return;
                }
                if (!error.isEmpty()) {
                    m_keychainError = error;
                    updateRememberNote();
                }
                showLogin();
            });
        return;
    }
    showLogin();
}

void DesktopApp::quit()
{
    if (m_session && m_session->calls()->isBusy())
        m_session->calls()->hangup();
    QApplication::quit();
}

void DesktopApp::showLogin(const QString &error)
{
    m_login->setBusy(false);
    if (!error.isEmpty())
        m_login->showError(error);
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
    emit windowShown();
}

void DesktopApp::signIn(const QUrl &server, const QString &account, const QString &password,
                        const QString &token, bool remember)
{
    closeSession();
    m_server = server;
    m_account = account;
    m_remember = remember;
    m_byToken = !token.isEmpty();
    m_signingIn = true;
    if (m_login->isVisible())
        m_login->setBusy(true, tr("Signing in…"));

    const QString storeDirectory = m_settings.dataDirectory();
    QDir().mkpath(storeDirectory);
    m_im = std::make_unique<im::WsImClient>(storeDirectory);
    connect(m_im.get(), &im::ImClient::stateChanged, this, &DesktopApp::onConnection);
    connect(m_im.get(), &im::ImClient::loginFailed, this, &DesktopApp::onLoginFailed);
    im::Credentials credentials;
    credentials.server = server;
    credentials.account = account;
    credentials.password = password;
    credentials.token = token;
    credentials.deviceId = m_settings.deviceId(account);
    m_im->start(credentials);
}

void DesktopApp::registerAccount(const QUrl &server, const QString &account,
                                 const QString &password)
{
    m_login->setBusy(true, tr("Creating the account…"));
    m_registrar.registerAccount(server, account, password);
}

void DesktopApp::onConnection(ConnectionState state)
{
    if (!m_signingIn)
        return;
    if (state == ConnectionState::Online) {
        m_signingIn = false;
        openSession();
    } else if (state == ConnectionState::Waiting) {
        // The first connection failed: say so rather than retry behind the dialog.
        m_signingIn = false;
        m_im->stop();
        showLogin(tr("Cannot reach the server at %1. Check the address and that the server is "
                     "running.")
                      .arg(m_server.toString()));
    }
}

void DesktopApp::onLoginFailed(int code, const QString &message)
{
    QString text;
    if (code == int(ErrorCode::BadCredentials)) {
        text = tr("Wrong account or password.");
    } else if (code == int(ErrorCode::InvalidToken)) {
        m_credentials.forget(m_server, m_account);
        text = tr("Your saved sign-in has expired. Enter your password.");
    } else if (code == int(ErrorCode::UnsupportedVersion)) {
        text = tr("This server speaks another version of the protocol. Update the app.");
    } else {
        text = tr("Sign-in refused: %1").arg(message);
    }
    const bool wasSignedIn = !m_signingIn;
    m_signingIn = false;
    closeSession();
    showLogin(wasSignedIn ? tr("You were signed out. %1").arg(text) : text);
}

void DesktopApp::openSession()
{
    m_session = std::make_unique<ClientSession>(m_im.get(), m_im->store());
    m_calls = std::make_unique<CallCoordinator>(m_session->calls());
    m_calls->setDeviceCatalog(&m_devices, &m_settings);
    if (media::GstRuntime::ensure().isEmpty()) {
        m_media = std::make_unique<media::CallMedia>(m_session->calls(), m_im.get(), mediaConfig());
        m_mediaControls = std::make_unique<MediaCallControls>(m_media.get());
        m_calls->setMediaControls(m_mediaControls.get());
        CallWindow *window = m_calls->callWindow();
        connect(m_media.get(), &media::CallMedia::statsUpdated, window,
                [window](const media::MediaStats &stats) {
                    window->setQuality(stats.quality, CallStatsText::describe(stats));
                });
        connect(m_media.get(), &media::CallMedia::remoteVideoActiveChanged, window,
                &CallWindow::setRemoteVideoActive);
    }
    connect(m_session->calls(), &call::CallController::stateChanged, this,
            [](call::CallState state) {
                if (state == call::CallState::Idle)
                    QTimer::singleShot(2000, [] { returnFreedMemory(); });
            });
    m_window = std::make_unique<MainWindow>(m_session.get(), m_calls.get());
    m_window->rememberGeometryIn(&m_settings);
    m_tray = std::make_unique<TrayIcon>();
    m_notifications = std::make_unique<CallNotifications>(m_session.get(), m_tray.get());
    m_notifications->setWindow(m_window.get());

    connect(m_window.get(), &MainWindow::settingsRequested, this, &DesktopApp::showSettings);
    connect(m_window.get(), &MainWindow::signOutRequested, this, &DesktopApp::signOut);
    connect(m_window.get(), &MainWindow::quitRequested, this, &DesktopApp::quit);
    const auto setDnd = [this](bool on) {
        m_settings.setDoNotDisturb(on);
        applySettings();
    };
    connect(m_window.get(), &MainWindow::doNotDisturbToggled, this, setDnd);
    connect(m_tray.get(), &TrayIcon::doNotDisturbToggled, this, setDnd);
    connect(m_window.get(), &MainWindow::acceptCallsToggled, this, [this](bool on) {
        m_settings.setAcceptCalls(on);
        applySettings();
    });
    connect(m_tray.get(), &TrayIcon::showRequested, this, &DesktopApp::showMainWindow);
    connect(m_tray.get(), &TrayIcon::quitRequested, this, &DesktopApp::quit);
    connect(m_notifications.get(), &CallNotifications::callBackRequested, m_calls.get(),
            &CallCoordinator::placeCall);
    connect(m_session.get(), &ClientSession::countsChanged, this,
            [this] { m_tray->setCount(m_session->unreadCount()); });

    applySettings();
    rememberToken();
    m_tray->setCount(m_session->unreadCount());
    m_login->hide();
    m_login->showNotice({});
    showMainWindow();
    emit signedIn();
}

void DesktopApp::rememberToken()
{
    m_settings.setLastSignIn(m_server, m_account, m_remember);
    if (!m_remember || m_byToken)
        return;
    m_credentials.save(m_server, m_account, m_im->credentials().token,
                       [this](const QString &error) {
                           if (error.isEmpty())
                               return;
                           m_settings.setLastSignIn(m_server, m_account, false);
                           if (m_window)
                               m_window->statusBar()->showMessage(
                                   tr("Your sign-in is not remembered: the system keychain is "
                                      "unavailable (%1).")
                                       .arg(error),
                                   15000);
                       });
}

void DesktopApp::closeSession()
{
    m_notifications.reset();
    m_window.reset();
    m_tray.reset();
    if (m_calls)
        m_calls->setMediaControls(nullptr);
    m_mediaControls.reset();
    m_media.reset();
    m_calls.reset();
    m_session.reset();
    if (m_im) {
        // This may run inside one of the client's own signals (a refused login): delete it
        // once that has returned.
        m_im->disconnect(this);
        m_im->stop();
        m_im.release()->deleteLater();
    }
}

void DesktopApp::signOut()
{
    if (m_session && m_session->calls()->isBusy())
        m_session->calls()->hangup();
    m_credentials.forget(m_server, m_account);
    m_settings.setLastSignIn(m_server, m_account, false);
    // Let the hangup leave before the connection closes.
    QMetaObject::invokeMethod(
        this,
        [this] {
            closeSession();
            m_login->setAccount(m_account);
            showLogin();
        },
        Qt::QueuedConnection);
}

void DesktopApp::applyLanguage()
{
    const QString language =
        m_options.language.isEmpty() ? m_settings.language() : m_options.language;
    if (language == m_appliedLanguage)
        return;
    m_appliedLanguage = language;
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    i18n::useLanguage(locale);
    if (m_login)
        updateRememberNote();  // worded here, not by the dialog
}

void DesktopApp::updateRememberNote()
{
    const QString problem = m_keychainError.isEmpty() ? keychainProblem() : m_keychainError;
    m_login->setRememberAvailable(problem.isEmpty(), problem);
}

void DesktopApp::applySettings()
{
    applyLanguage();
    if (!m_session)
        return;
    call::CallController *calls = m_session->calls();
    calls->setRingTimeoutMs(m_settings.ringTimeoutSeconds() * 1000);
    calls->setBuiltInRecords(m_settings.callRecords());
    calls->setAcceptCalls(m_settings.acceptCalls());
    const bool dnd = m_settings.doNotDisturb();
    m_calls->setDoNotDisturb(dnd);
    m_calls->sounds()->setRingtone(m_settings.ringtone());
    if (m_media)
        m_media->setDevices(deviceSelection());
    m_notifications->setDoNotDisturb(dnd);
    m_tray->setDoNotDisturb(dnd);
    m_window->setDoNotDisturb(dnd);
    m_window->setAcceptCalls(m_settings.acceptCalls());
}

void DesktopApp::showSettings()
{
    SettingsDialog dialog(&m_settings, &m_devices, m_window.get());
    if (dialog.exec() == QDialog::Accepted) {
        m_options.language.clear();  // a language chosen in the dialog wins over --language
        applySettings();
    }
}

void DesktopApp::showMainWindow()
{
    if (!m_window)
        return;
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    emit windowShown();
}

// Calls need GStreamer's WebRTC, codec and device plugins; a missing one is the first thing
// users of other Qt softphones run into. Say which, and go on: chat works without them.
void DesktopApp::warnAboutMissingMedia()
{
    const QString problem = media::GstRuntime::ensure();
    if (problem.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Calls will not work"),
                                tr("Calls need GStreamer plugins that are not installed here; "
                                   "chat works without them.\n\n%1")
                                    .arg(problem));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

media::MediaConfig DesktopApp::mediaConfig() const
{
    media::MediaConfig config;
    config.devices = deviceSelection();
    return config;
}

// The remembered devices, or with --synthetic-media a tone and the test pattern (played on the
// chosen speaker, so that a demo on one machine is heard).
media::DeviceSelection DesktopApp::deviceSelection() const
{
    media::DeviceSelection devices = m_settings.devices();
    if (m_options.syntheticMedia) {
        devices.microphone = media::synthetic::toneLow;
        devices.camera = media::synthetic::testPattern;
    }
    return devices;
}

}  // namespace softphone::ui
