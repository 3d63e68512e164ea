// softphone: the desktop app.

#include "im/server_list.h"
#include "shell/desktop_app.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("softphone"));
    QApplication::setOrganizationName(QStringLiteral("softphone"));
    QApplication::setApplicationVersion(QStringLiteral(SOFTPHONE_VERSION));
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Softphone: chat, voice and video calls."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("server"),
         QApplication::translate("main", "The server, ws:// or wss://; the nodes of a cluster "
                                         "separated by commas, tried in turn."),
         QStringLiteral("url")},
        {QStringLiteral("user"), QApplication::translate("main", "The account to sign in with."),
         QStringLiteral("account")},
        {QStringLiteral("password"),
         QApplication::translate("main", "Its password (or $SOFTPHONE_PASSWORD); with --user, "
                                         "signs in at once and remembers nothing."),
         QStringLiteral("password")},
        {QStringLiteral("profile"),
         QApplication::translate("main", "Keeps settings, remembered sign-in and messages apart "
                                         "under this name."),
         QStringLiteral("name")},
        {QStringLiteral("language"),
         QApplication::translate("main", "The language of the interface: en or zh_CN."),
         QStringLiteral("code")},
        {QStringLiteral("synthetic-media"),
         QApplication::translate("main", "Calls send a tone and a test pattern instead of the "
                                         "microphone and camera.")},
    });
    parser.process(app);

    softphone::ui::DesktopOptions options;
    options.profile = parser.value(QStringLiteral("profile"));
    if (parser.isSet(QStringLiteral("server"))) {
        const auto servers = softphone::im::parseServerList(parser.value(QStringLiteral("server")));
        if (!servers) {
            std::fprintf(stderr, "%s\n", qPrintable(softphone::im::serverListUsage()));
            return 2;
        }
        options.servers = *servers;
    }
    options.account = parser.value(QStringLiteral("user"));
    options.password = parser.isSet(QStringLiteral("password"))
                           ? parser.value(QStringLiteral("password"))
                           : qEnvironmentVariable("SOFTPHONE_PASSWORD");
    options.language = parser.value(QStringLiteral("language"));
    options.syntheticMedia = parser.isSet(QStringLiteral("synthetic-media"));

    softphone::ui::DesktopApp desktop(options);
    // For bench_app: tells on stdout when the first window is up and when signed in.
    if (qEnvironmentVariableIsSet("SOFTPHONE_REPORT_STARTUP")) {
        const auto report = [](const char *what) {
            QTimer::singleShot(0, [what] {
                std::printf("%s\n", what);
                std::fflush(stdout);
            });
        };
        QObject::connect(&desktop, &softphone::ui::DesktopApp::windowShown,
                         [report] { report("window-shown"); });
        QObject::connect(&desktop, &softphone::ui::DesktopApp::signedIn,
                         [report] { report("signed-in"); });
    }
    desktop.start();
    return QApplication::exec();
}
