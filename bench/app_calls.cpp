// bench_app_calls: the desktop app's resident memory over many calls. The app (DesktopApp,
// as `softphone` runs it, offscreen, with synthetic media) signs in to a real server and
// calls a `softphone-cli answer` process that accepts each call and hangs up after a few
// seconds: first --calls video calls, then as many voice calls. After every tenth call it
// prints the process's resident memory. It prints figures; it asserts nothing.

#include "calls/call_coordinator.h"
#include "process_stats.h"
#include "shell/client_session.h"
#include "shell/desktop_app.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace softphone;
using call::CallState;

namespace {

const QString kPassword = QStringLiteral("bench-password");

double residentMiB()
{
    return double(bench::residentKiB(QCoreApplication::applicationPid())) / 1024;
}

// Runs the event loop for `ms`, or until `done` holds.
template<class Done>
bool waitFor(Done done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return done();
}

void settle(int ms)
{
    waitFor([] { return false; }, ms);
}

// The real server on a free loopback port, with the two accounts.
class BenchServer
{
public:
    explicit BenchServer(const QString &binary, const QString &dataDir)
        : m_binary(binary)
        , m_data(dataDir)
    {}
    ~BenchServer()
    {
        m_process.terminate();
        m_process.waitForFinished(30000);
    }

    bool start()
    {
        QDir().mkpath(m_data);
        for (const char *account : {"alice", "bob"}) {
            QProcess add;
            add.start(m_binary, {QStringLiteral("--data"), m_data, QStringLiteral("account"),
                                 QStringLiteral("add"), QString::fromLatin1(account), kPassword});
            add.waitForFinished(30000);
        }
        m_process.start(m_binary, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                   QStringLiteral("--data"), m_data});
        if (!m_process.waitForStarted() || !m_process.waitForReadyRead(30000))
            return false;
        static const QRegularExpression port(QStringLiteral("ws=(\\d+)"));
        const auto match = port.match(QString::fromUtf8(m_process.readAllStandardOutput()));
        if (!match.hasMatch())
            return false;
        m_url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(match.captured(1)));
        return true;
    }
    QUrl url() const { return m_url; }

private:
    QString m_binary;
    QString m_data;
    QProcess m_process;
    QUrl m_url;
};

// One call from the app to bob; true if it was answered and has ended.
bool callOnce(call::CallController *calls, ui::CallCoordinator *windows, protocol::CallType type)
{
    bool answered = false;
    const auto connection =
        QObject::connect(calls, &call::CallController::stateChanged, [&answered](CallState state) {
            answered = answered || state == CallState::InCall;
        });
    const bool placed = windows->placeCall(QStringLiteral("bob"), type);
    const bool ended =
        placed && waitFor([calls] { return calls->state() == CallState::Idle; }, 60000);
    QObject::disconnect(connection);
    return answered && ended;
}

void runCalls(ui::DesktopApp &app, protocol::CallType type, int count)
{
    const char *kind = type == protocol::CallType::Video ? "video" : "voice";
    std::printf("%s calls: resident memory after 0: %.1f MiB\n", kind, residentMiB());
    std::fflush(stdout);
    int failed = 0;
    QElapsedTimer timer;
    timer.start();
    for (int call = 1; call <= count; ++call) {
        if (!callOnce(app.session()->callController(), app.callCoordinator(), type))
            ++failed;
        if (call % 10 == 0 || call == count) {
            settle(1000);  // deferred deletions and the media threads' exits
            std::printf("%s calls: resident memory after %d: %.1f MiB (%d not completed, "
                        "%.0f s)\n",
                        kind, call, residentMiB(), failed, double(timer.elapsed()) / 1000);
            std::fflush(stdout);
        }
    }
}

}  // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The desktop app's memory over many calls."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("calls"), QStringLiteral("Video calls, then voice calls, to make."),
         QStringLiteral("n"), QStringLiteral("50")},
        {QStringLiteral("only"), QStringLiteral("Make only \"video\" or only \"voice\" calls."),
         QStringLiteral("kind")},
        {QStringLiteral("seconds"), QStringLiteral("How long each call lasts."),
         QStringLiteral("s"), QStringLiteral("3")},
        {QStringLiteral("server"), QStringLiteral("The softphone-server binary."),
         QStringLiteral("path"), QStringLiteral(SOFTPHONE_SERVER_BINARY)},
        {QStringLiteral("cli"), QStringLiteral("The softphone-cli binary."), QStringLiteral("path"),
         QStringLiteral(SOFTPHONE_CLI_BINARY)},
    });
    parser.process(application);
    const int calls = std::max(1, parser.value(QStringLiteral("calls")).toInt());

    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");  // no keychain
    BenchServer server(parser.value(QStringLiteral("server")), home.filePath(QStringLiteral("s")));
    if (!server.start()) {
        std::printf("the server did not start\n");
        return 1;
    }

    QProcess bob;
    bob.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    bob.start(parser.value(QStringLiteral("cli")),
              {QStringLiteral("--server"), server.url().toString(), QStringLiteral("--user"),
               QStringLiteral("bob"), QStringLiteral("--password"), kPassword,
               QStringLiteral("--data"), home.filePath(QStringLiteral("bob")),
               QStringLiteral("answer"), QStringLiteral("--accept"), QStringLiteral("--count"),
               QString::number(2 * calls), QStringLiteral("--hangup-after"),
               parser.value(QStringLiteral("seconds"))});

    ui::DesktopOptions options;
    options.profile = QStringLiteral("bench");
    options.servers = {server.url()};
    options.account = QStringLiteral("alice");
    options.password = kPassword;
    options.language = QStringLiteral("en");
    options.syntheticMedia = true;
    ui::DesktopApp app(options);
    app.start();
    if (!waitFor([&app] { return app.session() != nullptr; }, 20000)) {
        std::printf("the app did not sign in\n");
        return 1;
    }
    settle(2000);  // bob's answerer logs in
    const QString only = parser.value(QStringLiteral("only"));
    if (only != QLatin1String("voice"))
        runCalls(app, protocol::CallType::Video, calls);
    if (only != QLatin1String("video"))
        runCalls(app, protocol::CallType::Audio, calls);
    bob.kill();
    bob.waitForFinished();
    return 0;
}
