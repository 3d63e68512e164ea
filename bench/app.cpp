// bench_app: the desktop app's figures.
//   - opening a conversation of N call records (default 100,000): the model's first page,
//     and the chat view laid out and painted;
//   - cold start of `softphone` to its first window (the sign-in dialog);
//   - resident memory of `softphone` signed in and idle, against a real server.
// It prints figures; it asserts nothing.

#include "chat/chat_view.h"
#include "chat/message_list_view.h"
#include "im/im_client.h"
#include "im/local_store.h"
#include "models/message_list_model.h"
#include "process_stats.h"
#include "protocol/call_record.h"
#include "shell/client_session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace softphone;

namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

// Waits (running the event loop) until `process` prints `line`, or `timeoutMs` passes.
bool waitForLine(QProcess &process, const QByteArray &line, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QByteArray seen;
    while (timer.elapsed() < timeoutMs) {
        if (process.waitForReadyRead(50)) {
            seen += process.readAllStandardOutput();
            if (seen.contains(line))
                return true;
        }
        if (process.state() == QProcess::NotRunning)
            return false;
    }
    return false;
}

QProcessEnvironment appEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SOFTPHONE_REPORT_STARTUP"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")) &&
        !env.contains(QStringLiteral("DISPLAY")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

void benchOpenConversation(int records)
{
    QTemporaryDir dir;
    im::LocalStore store(dir.filePath(QStringLiteral("alice.db")), QStringLiteral("alice"));
    if (const QString error = store.open(); !error.isEmpty()) {
        std::printf("cannot open the store: %s\n", qPrintable(error));
        return;
    }
    QElapsedTimer fill;
    fill.start();
    for (int i = 0; i < records; ++i) {
        protocol::CallRecord record;
        record.type = i % 2 ? protocol::CallType::Video : protocol::CallType::Audio;
        record.channelId = 1000 + i;
        record.status = protocol::CallStatus(1 + i % 5);
        if (record.status == protocol::CallStatus::Completed)
            record.durations = {{"alice", 60 + i % 300}, {"bob", 59 + i % 300}};
        protocol::Message m;
        const bool aliceCalled = i % 3 != 0;
        m.from = aliceCalled ? "alice" : "bob";
        m.to = aliceCalled ? "bob" : "alice";
        m.msgType = protocol::MsgType::CallRecord;
        m.attach = record.serialize();
        m.msgidClient = "r" + std::to_string(i);
        m.msgidServer = 1 + i;
        m.msgTimestamp = 1700000000000 + qint64(i) * 60000;
        store.addFromServer(m);
    }
    std::printf("store: %d call records written in %.1f s\n", records, msSince(fill) / 1000);

    std::vector<double> modelMs;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        records::MessageListModel model(&store, QStringLiteral("bob"));
        modelMs.push_back(msSince(timer));
    }

    im::WsImClient im(dir.path());  // never started: the view reads only the store
    ui::ClientSession session(&im, &store);
    ui::ChatView chat(&session);
    chat.resize(700, 800);
    chat.show();
    QCoreApplication::processEvents();
    std::vector<double> viewMs;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        chat.openConversation(QStringLiteral("bob"));
        chat.grab();  // lays out and paints every visible row
        viewMs.push_back(msSince(timer));
    }
    std::printf("open a conversation of %d records: model %.2f ms, chat view laid out and "
                "painted %.2f ms (median of 5); %d rows in memory\n",
                records, median(modelMs), median(viewMs), chat.model()->rowCount());
}

void benchColdStart(const QString &app, int runs)
{
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        QTemporaryDir home;
        QProcess process;
        process.setProcessEnvironment(appEnvironment(home.path()));
        process.setProgram(app);
        process.setArguments({QStringLiteral("--profile"), QStringLiteral("bench")});
        QElapsedTimer timer;
        timer.start();
        process.start();
        const bool shown = waitForLine(process, "window-shown", 10000);
        const double ms = msSince(timer);
        process.kill();
        process.waitForFinished();
        if (!shown) {
            std::printf("cold start: no window within 10 s\n");
            return;
        }
        times.push_back(ms);
    }
    std::printf("cold start to the first window (sign-in dialog): median %.0f ms, best %.0f ms "
                "over %d runs\n",
                median(times), *std::min_element(times.begin(), times.end()), runs);
}

void benchIdleMemory(const QString &app, const QString &server, int idleSeconds)
{
    QTemporaryDir home;
    const QString data = home.filePath(QStringLiteral("server"));
    QDir().mkpath(data);
    for (const char *account : {"alice", "bob"}) {
        QProcess add;
        add.start(server,
                  {QStringLiteral("--data"), data, QStringLiteral("account"), QStringLiteral("add"),
                   QString::fromLatin1(account), QStringLiteral("bench-password")});
        add.waitForFinished(30000);
    }
    QProcess serverProcess;
    serverProcess.start(server, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                 QStringLiteral("--data"), data});
    if (!serverProcess.waitForStarted() || !serverProcess.waitForReadyRead(30000)) {
        std::printf("idle memory: the server did not start\n");
        return;
    }
    static const QRegularExpression portPattern(QStringLiteral("ws=(\\d+)"));
    const auto match = portPattern.match(QString::fromUtf8(serverProcess.readAllStandardOutput()));
    if (!match.hasMatch()) {
        std::printf("idle memory: the server did not say its port\n");
        return;
    }
    const QString url = QStringLiteral("ws://127.0.0.1:%1").arg(match.captured(1));

    QProcess process;
    process.setProcessEnvironment(appEnvironment(home.path()));
    QElapsedTimer timer;
    timer.start();
    process.start(app, {QStringLiteral("--server"), url, QStringLiteral("--user"),
                        QStringLiteral("alice"), QStringLiteral("--password"),
                        QStringLiteral("bench-password"), QStringLiteral("--profile"),
                        QStringLiteral("bench")});
    if (!waitForLine(process, "signed-in", 15000)) {
        std::printf("idle memory: softphone did not sign in\n");
    } else {
        const double signIn = msSince(timer);
        QEventLoop idle;
        QTimer::singleShot(idleSeconds * 1000, &idle, &QEventLoop::quit);
        idle.exec();
        std::printf("softphone signed in after %.0f ms; resident memory after %d s idle: "
                    "%.1f MiB\n",
                    signIn, idleSeconds, double(bench::residentKiB(process.processId())) / 1024);
    }
    process.kill();
    process.waitForFinished();
    serverProcess.terminate();
    serverProcess.waitForFinished(30000);
}

}  // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The desktop app's benchmarks."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("records"), QStringLiteral("Call records in the conversation."),
         QStringLiteral("n"), QStringLiteral("100000")},
        {QStringLiteral("runs"), QStringLiteral("Cold starts to time."), QStringLiteral("n"),
         QStringLiteral("7")},
        {QStringLiteral("idle"), QStringLiteral("Seconds idle before measuring memory."),
         QStringLiteral("s"), QStringLiteral("5")},
        {QStringLiteral("app"), QStringLiteral("The softphone binary."), QStringLiteral("path"),
         QStringLiteral(SOFTPHONE_DESKTOP_BINARY)},
        {QStringLiteral("server"), QStringLiteral("The softphone-server binary."),
         QStringLiteral("path"), QStringLiteral(SOFTPHONE_SERVER_BINARY)},
    });
    parser.process(application);
    benchOpenConversation(parser.value(QStringLiteral("records")).toInt());
    benchColdStart(parser.value(QStringLiteral("app")),
                   std::max(1, parser.value(QStringLiteral("runs")).toInt()));
    benchIdleMemory(parser.value(QStringLiteral("app")), parser.value(QStringLiteral("server")),
                    std::max(0, parser.value(QStringLiteral("idle")).toInt()));
    return 0;
}
