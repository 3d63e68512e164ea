#include "shell/desktop_app.h"

#include "calls/call_coordinator.h"
#include "calls/call_notifications.h"
#include "calls/call_stats_text.h"
#include "calls/call_window.h"
#include "calls/webrtc_call_controls.h"
#include "i18n/translations.h"
#include "media/call_media.h"
#include "media/session/gst_runtime.h"
#include "settings/settings_dialog.h"
#include "shell/client_session.h"
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

DesktopApp::DesktopApp(DesktopOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_settings(m_options.profile)
    , m_signIn(&m_settings)
{
    useOneMallocArena();
    // A language picked in the settings applies at once, wherever it was set from.
    connect(&m_settings, &AppSettings::changed, this, &DesktopApp::applyLanguage);
    connect(&m_signIn, &SignInFlow::connectRequested, this, &DesktopApp::connectAs);
    connect(&m_signIn, &SignInFlow::connected, this, &DesktopApp::openSession);
    connect(&m_signIn, &SignInFlow::refused, this, &DesktopApp::closeSession);
    connect(&m_signIn, &SignInFlow::dismissed, this, [this] {
        if (!m_window)
            quit();
    });
    connect(&m_signIn, &SignInFlow::dialogShown, this, &DesktopApp::windowShown);
    connect(&m_signIn, &SignInFlow::notRemembered, this, [this](const QString &message) {
        if (m_window)
            m_window->statusBar()->showMessage(message, 15000);
    });
}

DesktopApp::~DesktopApp()
{
    closeSession();
}

void DesktopApp::start()
{
    QApplication::setWindowIcon(TrayIcon::badgedIcon(0));  // every window and the task bar
    applyLanguage();
    warnAboutMissingMedia();
    m_signIn.start(m_options.servers, m_options.account, m_options.password);
}

void DesktopApp::quit()
{
    if (m_session && m_session->callController()->isBusy())
        m_session->callController()->hangup();
    QApplication::quit();
}

// An attempt to sign in: a client of its own, followed by the sign-in flow.
void DesktopApp::connectAs(const im::Credentials &credentials)
{
    closeSession();
    const QString storeDirectory = m_settings.dataDirectory();
    QDir().mkpath(storeDirectory);
    m_im = std::make_unique<im::WsImClient>(storeDirectory);
    m_signIn.watch(m_im.get());
    m_im->start(credentials);
}

void DesktopApp::openSession()
{
    m_session = std::make_unique<ClientSession>(m_im.get(), m_im->store());
    m_coordinator = std::make_unique<CallCoordinator>(m_session->callController());
    m_coordinator->setDeviceCatalog(&m_devices, &m_settings);
    connect(m_coordinator.get(), &CallCoordinator::devicePicked, this, &DesktopApp::rememberDevice);
    if (media::GstRuntime::ensure().isEmpty()) {
        m_media = std::make_unique<media::CallMedia>(m_session->callController(), m_im.get(),
                                                     mediaConfig(), &m_devices);
        m_mediaControls = std::make_unique<WebRtcCallControls>(m_media.get());
        m_coordinator->setMediaControls(m_mediaControls.get());
        CallWindow *window = m_coordinator->callWindow();
        connect(m_media.get(), &media::CallMedia::statsUpdated, window,
                [window](const media::MediaStats &stats) {
                    window->setQuality(stats.quality, CallStatsText::describe(stats));
                });
        connect(m_media.get(), &media::CallMedia::remoteVideoActiveChanged, window,
                &CallWindow::setRemoteVideoActive);
    }
    connect(m_session->callController(), &call::CallController::stateChanged, this,
            [](call::CallState state) {
                if (state == call::CallState::Idle)
                    QTimer::singleShot(2000, [] { returnFreedMemory(); });
            });
    m_window = std::make_unique<MainWindow>(m_session.get(), m_coordinator.get());
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
    connect(m_notifications.get(), &CallNotifications::callBackRequested, m_coordinator.get(),
            &CallCoordinator::placeCall);
    connect(m_session.get(), &ClientSession::countsChanged, this,
            [this] { m_tray->setCount(m_session->unreadCount()); });

    applySettings();
    m_signIn.finish(m_im->credentials().token);
    m_tray->setCount(m_session->unreadCount());
    showMainWindow();
    emit signedIn();
}

void DesktopApp::closeSession()
{
    m_notifications.reset();
    m_window.reset();
    m_tray.reset();
    if (m_coordinator)
        m_coordinator->setMediaControls(nullptr);
    m_mediaControls.reset();
    m_media.reset();
    m_coordinator.reset();
    m_session.reset();
    if (m_im) {
        // This may run inside one of the client's own signals (a refused login): delete it
        // once that has returned.
        m_im->disconnect(this);
        m_im->disconnect(&m_signIn);
        m_im->stop();
        m_im.release()->deleteLater();
    }
}

void DesktopApp::signOut()
{
    if (m_session && m_session->callController()->isBusy())
        m_session->callController()->hangup();
    m_signIn.forget();
    // Let the hangup leave before the connection closes.
    QMetaObject::invokeMethod(
        this,
        [this] {
            closeSession();
            m_signIn.showAgain();
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
    m_signIn.updateRememberNote();  // worded by the flow, not by the dialog
}

void DesktopApp::applySettings()
{
    applyLanguage();
    if (!m_session)
        return;
    call::CallController *controller = m_session->callController();
    controller->setRingTimeoutMs(m_settings.ringTimeoutSeconds() * 1000);
    controller->setBuiltInRecords(m_settings.callRecords());
    controller->setAcceptCalls(m_settings.acceptCalls());
    const bool dnd = m_settings.doNotDisturb();
    m_coordinator->setDoNotDisturb(dnd);
    m_coordinator->sounds()->setRingtone(m_settings.ringtone());
    if (m_media)
        m_media->setDevices(deviceSelection());
    m_notifications->setDoNotDisturb(dnd);
    m_tray->setDoNotDisturb(dnd);
    m_window->setDoNotDisturb(dnd);
    m_window->setAcceptCalls(m_settings.acceptCalls());
}

// A device picked in the call window, which has switched the call to it already.
void DesktopApp::rememberDevice(media::DeviceKind kind, const QByteArray &id, const QString &name)
{
    m_settings.rememberDevice(kind, id, name);
    m_settings.sync();
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
    config.switchableDevices = deviceSelection();
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
