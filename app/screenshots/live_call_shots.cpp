#include "live_call_shots.h"

#include "calls/call_coordinator.h"
#include "calls/call_window.h"
#include "calls/incoming_call_window.h"
#include "calls/mini_call_window.h"
#include "calls/peer_card.h"
#include "calls/video_stage.h"
#include "server_run.h"
#include "settings/camera_preview.h"
#include "shell/client_session.h"
#include "shell/desktop_app.h"
#include "shell/main_window.h"
#include "shot_file.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QPushButton>
#include <QScreen>
#include <QTemporaryDir>
#include <QThread>
#include <QWindow>
#include <cstdio>
#include <functional>

using namespace softphone;

namespace {

const QString kPassword = QStringLiteral("screenshot-password");

bool waitFor(const std::function<bool()> &done, int timeoutMs, const char *what)
{
    for (QDeadlineTimer deadline(timeoutMs); !deadline.hasExpired();) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        if (done())
            return true;
        QThread::msleep(10);
    }
    std::fprintf(stderr, "gave up waiting: %s\n", what);
    return false;
}

void settle(int ms)
{
    waitFor([] { return false; }, ms, "");
}

// What the screen shows of the window: video is drawn in native child windows that a widget's
// own grab() leaves out; offscreen there is no screen to ask.
bool saveWindowShot(QWidget *widget, const QDir &out, const char *name)
{
    QPixmap pixmap;
    if (QGuiApplication::platformName() == QLatin1String("xcb") && widget->screen())
        pixmap = widget->screen()->grabWindow(widget->winId());
    if (pixmap.isNull())
        return saveWidgetShot(widget, out, name);
    return saveShot(pixmap, out, name);
}

ui::DesktopOptions optionsFor(const QString &account, const QUrl &server, const QString &language)
{
    ui::DesktopOptions options;
    options.profile = QStringLiteral("screenshots-") + account;
    options.servers = {server};
    options.account = account;
    options.password = kPassword;
    options.language = language;
    options.syntheticMedia = true;
    return options;
}

bool signedIn(const ui::DesktopApp &app)
{
    return app.mainWindow() && app.mainWindow()->isVisible() &&
           app.session()->im()->state() == im::ConnectionState::Online;
}

}  // namespace

bool renderLiveCalls(const QDir &out, const QString &serverBinary, const QString &language)
{
    ServerRun server(serverBinary);
    if (!server.start() ||
        !server.addAccount(QStringLiteral("alice"), kPassword, QStringLiteral("Alice Chen")) ||
        !server.addAccount(QStringLiteral("bob"), kPassword, QStringLiteral("Bob Lee"))) {
        std::fprintf(stderr, "cannot run %s\n", qPrintable(serverBinary));
        return false;
    }
    QTemporaryDir home;  // the apps' settings and local stores
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    const bool chinese = language.startsWith(QLatin1String("zh"));

    ui::DesktopApp alice(optionsFor(QStringLiteral("alice"), server.url(), language));
    ui::DesktopApp bob(optionsFor(QStringLiteral("bob"), server.url(), language));
    alice.start();
    bob.start();
    if (!waitFor([&] { return signedIn(alice) && signedIn(bob); }, 20000, "sign-in"))
        return false;
    alice.mainWindow()->resize(1040, 720);
    // Off the grabbed screen, still shown (it reads the message): there is no window manager
    // to minimise it.
    bob.mainWindow()->move(1400, 0);

    // A message Bob reads (its marks turn blue), and his answer.
    alice.session()->sendText(QStringLiteral("bob"),
                              chinese ? QStringLiteral("有空视频通话吗？我想一起看看发布说明。")
                                      : QStringLiteral("Free for a video call? Release notes."));
    if (!waitFor([&] { return bob.session()->store()->lastIncoming(QStringLiteral("alice")) > 0; },
                 10000, "the message"))
        return false;
    bob.mainWindow()->openConversation(QStringLiteral("alice"));
    bob.session()->sendText(QStringLiteral("alice"), chinese
                                                         ? QStringLiteral("好的，现在打给我吧。")
                                                         : QStringLiteral("Sure, call me now."));
    alice.mainWindow()->openConversation(QStringLiteral("bob"));
    settle(1500);

    // Alice calls Bob on video: his incoming window, her call window ringing with her camera.
    alice.callCoordinator()->placeCall(QStringLiteral("bob"), protocol::CallType::Video);
    ui::CallWindow *window = alice.callCoordinator()->callWindow();
    window->resize(560, 460);
    window->move(0, 0);
    ui::IncomingCallWindow *incoming = bob.callCoordinator()->incomingWindow();
    if (!waitFor([&] { return incoming->isVisible(); }, 10000, "the incoming window"))
        return false;
    incoming->resize(380, 240);
    // Apart from the call window: the screen is grabbed, and each shot shows one window.
    incoming->move(720, 600);
    settle(800);
    bool ok = saveWindowShot(incoming, out, "incoming-call.png");
    ok = waitFor([&] { return window->ringingPreview()->isVisible(); }, 5000, "self-view") && ok;
    settle(500);
    ok = saveWindowShot(window, out, "call-ringing.png") && ok;

    // Bob answers with video: the call connects over WebRTC and his picture arrives.
    incoming->acceptVideoButton()->click();
    ok = waitFor([&] { return window->videoStage()->mainWidget() != window->peerCard(); }, 30000,
                 "the remote video") &&
         ok;
    settle(2500);
    ok = saveWindowShot(window, out, "call-window.png") && ok;
    alice.callCoordinator()->setMiniMode(true);
    settle(1200);
    ok = saveWindowShot(alice.callCoordinator()->miniWindow(), out, "mini-call.png") && ok;

    alice.session()->callController()->hangup();
    waitFor([&] { return alice.session()->callController()->state() == call::CallState::Idle; },
            10000, "the end of the call");
    settle(1000);
    ok = saveWindowShot(alice.mainWindow(), out, "conversation.png") && ok;
    return ok;
}
