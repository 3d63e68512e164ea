// softphone-cli: the headless client, for scripts, tests and benchmarks.

#include "commands/answer_command.h"
#include "commands/call_command.h"
#include "commands/devices_command.h"
#include "commands/message_commands.h"
#include "commands/register_command.h"
#include "i18n/translations.h"
#include "im/server_list.h"
#include "platform/stop_signals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <memory>

using namespace softphone::cli;

namespace {

struct Parsed
{
    std::unique_ptr<CliCommand> command;
    QString error;
};

std::optional<int> milliseconds(const QCommandLineParser &parser, const QString &name,
                                QString &error)
{
    if (!parser.isSet(name))
        return std::nullopt;
    bool ok = false;
    const double seconds = parser.value(name).toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 86400) {
        error = QCoreApplication::translate("main", "--%1 takes a number of seconds").arg(name);
        return std::nullopt;
    }
    return int(seconds * 1000);
}

// The media a call or answer carries: synthetic devices unless told otherwise.
std::optional<softphone::media::MediaConfig> mediaOptions(const QCommandLineParser &parser,
                                                          double defaultTone, QString &error)
{
    using namespace softphone::media;
    if (parser.isSet(QStringLiteral("no-media")))
        return std::nullopt;
    MediaConfig config;
    config.toneFrequency = defaultTone;
    if (parser.isSet(QStringLiteral("tone"))) {
        bool ok = false;
        config.toneFrequency = parser.value(QStringLiteral("tone")).toDouble(&ok);
        if (!ok || config.toneFrequency < 20 || config.toneFrequency > 20000)
            error = QCoreApplication::translate("main", "--tone takes a frequency of 20-20000 Hz");
    }
    if (parser.isSet(QStringLiteral("devices"))) {
        config.audioSource = AudioSourceKind::Device;
        config.videoSource = VideoSourceKind::Device;
        config.audioSink = SinkKind::Device;
        config.videoSink = SinkKind::Device;
    }
    // Devices by id (see the devices command); the ones not given follow the system default.
    const QString microphone = QStringLiteral("microphone");
    const QString speaker = QStringLiteral("speaker");
    const QString camera = QStringLiteral("camera");
    if (parser.isSet(microphone) || parser.isSet(speaker) || parser.isSet(camera)) {
        DeviceSelection devices;
        devices.microphone = parser.value(microphone).toUtf8();
        devices.speaker = parser.value(speaker).toUtf8();
        devices.camera = parser.value(camera).toUtf8();
        config.switchableDevices = devices;
    }
    return config;
}

Parsed buildCommand(const QCommandLineParser &parser, EventPrinter &printer)
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return {nullptr, QCoreApplication::translate("main", "no command given; see --help")};
    const QString command = args[0];
    if (command == QLatin1String("devices")) {
        if (args.size() != 1)
            return {nullptr, QCoreApplication::translate("main", "usage: softphone-cli devices")};
        return {std::make_unique<DevicesCommand>(printer), {}};
    }

    CliOptions options;
    const auto servers = softphone::im::parseServerList(parser.value(QStringLiteral("server")));
    if (!servers)
        return {nullptr, softphone::im::serverListUsage()};
    options.server = servers->first();
    options.moreServers = servers->mid(1);
    options.user = parser.value(QStringLiteral("user"));
    options.password = parser.isSet(QStringLiteral("password"))
                           ? parser.value(QStringLiteral("password"))
                           : qEnvironmentVariable("SOFTPHONE_PASSWORD");
    options.token = parser.value(QStringLiteral("token"));
    options.deviceId = parser.value(QStringLiteral("device"));
    options.dataDir = parser.isSet(QStringLiteral("data"))
                          ? parser.value(QStringLiteral("data"))
                          : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QString error;
    if (auto timeout = milliseconds(parser, QStringLiteral("connect-timeout"), error))
        options.connectTimeoutMs = *timeout;
    if (auto timeout = milliseconds(parser, QStringLiteral("media-timeout"), error))
        options.mediaTimeoutMs = *timeout;
    if (!error.isEmpty())
        return {nullptr, error};

    auto expect = [&](int count, const char *usage) -> QString {
        if (args.size() != count)
            return QCoreApplication::translate("main", "usage: softphone-cli %1")
                .arg(QLatin1String(usage));
        return {};
    };
    if (command == QLatin1String("register")) {
        if (QString e = expect(3, "register ACCID PASSWORD [--name NAME]"); !e.isEmpty())
            return {nullptr, e};
        return {std::make_unique<RegisterCommand>(options.server, args[1], args[2],
                                                  parser.value(QStringLiteral("name")),
                                                  options.connectTimeoutMs, printer),
                {}};
    }
    if (options.user.isEmpty() || (options.password.isEmpty() && options.token.isEmpty()))
        return {nullptr, QCoreApplication::translate(
                             "main", "--user and --password (or --token) are needed for %1")
                             .arg(command)};

    int limit = 50;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit <= 0)
            return {nullptr,
                    QCoreApplication::translate("main", "--limit takes a positive number")};
    }

    if (command == QLatin1String("send")) {
        if (QString e = expect(3, "send PEER TEXT"); !e.isEmpty())
            return {nullptr, e};
        return {std::make_unique<SendCommand>(options, args[1], args[2], printer), {}};
    }
    if (command == QLatin1String("history") || command == QLatin1String("records")) {
        if (QString e = expect(2, "history|records PEER [--limit N]"); !e.isEmpty())
            return {nullptr, e};
        const auto what = command == QLatin1String("history") ? ConversationCommand::What::Messages
                                                              : ConversationCommand::What::Records;
        return {std::make_unique<ConversationCommand>(options, what, args[1], limit, printer), {}};
    }
    if (command == QLatin1String("call")) {
        if (QString e = expect(2, "call PEER [--video] [--hangup-after S] [--cancel-after S] "
                                  "[--timeout S]");
            !e.isEmpty())
            return {nullptr, e};
        CallCommandOptions call;
        call.peer = args[1];
        call.type = parser.isSet(QStringLiteral("video")) ? softphone::protocol::CallType::Video
                                                          : softphone::protocol::CallType::Audio;
        call.hangupAfterMs = milliseconds(parser, QStringLiteral("hangup-after"), error);
        call.cancelAfterMs = milliseconds(parser, QStringLiteral("cancel-after"), error);
        if (auto timeout = milliseconds(parser, QStringLiteral("timeout"), error))
            call.ringTimeoutMs = *timeout;
        call.media = mediaOptions(parser, 440.0, error);
        if (!error.isEmpty())
            return {nullptr, error};
        return {std::make_unique<CallCommand>(options, call, printer), {}};
    }
    if (command == QLatin1String("answer")) {
        if (QString e = expect(1, "answer [--accept|--reject|--ignore] [--hangup-after S] "
                                  "[--count N]");
            !e.isEmpty())
            return {nullptr, e};
        AnswerCommandOptions answer;
        const int actions = int(parser.isSet(QStringLiteral("accept"))) +
                            int(parser.isSet(QStringLiteral("reject"))) +
                            int(parser.isSet(QStringLiteral("ignore")));
        if (actions > 1)
            return {nullptr, QCoreApplication::translate(
                                 "main", "choose one of --accept, --reject and --ignore")};
        if (parser.isSet(QStringLiteral("reject")))
            answer.action = AnswerCommandOptions::Action::Reject;
        else if (parser.isSet(QStringLiteral("ignore")))
            answer.action = AnswerCommandOptions::Action::Ignore;
        answer.hangupAfterMs = milliseconds(parser, QStringLiteral("hangup-after"), error);
        answer.media = mediaOptions(parser, 880.0, error);
        if (parser.isSet(QStringLiteral("count"))) {
            bool ok = false;
            answer.count = parser.value(QStringLiteral("count")).toInt(&ok);
            if (!ok || answer.count <= 0)
                return {nullptr,
                        QCoreApplication::translate("main", "--count takes a positive number")};
        }
        if (!error.isEmpty())
            return {nullptr, error};
        return {std::make_unique<AnswerCommand>(options, answer, printer), {}};
    }
    return {nullptr,
            QCoreApplication::translate("main", "unknown command \"%1\"; see --help").arg(command)};
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("softphone-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOFTPHONE_VERSION));
    softphone::i18n::useLanguage(QLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Softphone command-line client. Events are printed as JSON lines.\n"
                "Commands:\n"
                "  register ACCID PASSWORD [--name NAME]\n"
                "  send PEER TEXT\n"
                "  history PEER [--limit N]\n"
                "  records PEER [--limit N]\n"
                "  call PEER [--video] [--hangup-after S] [--cancel-after S] [--timeout S]\n"
                "  answer [--accept|--reject|--ignore] [--hangup-after S] [--count N]\n"
                "  devices\n"
                "Calls carry media from synthetic devices (a tone, a test pattern) unless\n"
                "--no-media, --devices or --microphone/--speaker/--camera is given."));
    parser.addHelpOption();
    parser.addVersionOption();
    auto option = [](const char *name, const char *help, const char *value = nullptr) {
        return value ? QCommandLineOption(QString::fromLatin1(name),
                                          QCoreApplication::translate("main", help),
                                          QString::fromLatin1(value))
                     : QCommandLineOption(QString::fromLatin1(name),
                                          QCoreApplication::translate("main", help));
    };
    QCommandLineOption server = option(
        "server",
        QT_TRANSLATE_NOOP("main",
                          "Server URL; the nodes of a cluster separated by commas, tried in turn."),
        "URL");
    server.setDefaultValue(QStringLiteral("ws://127.0.0.1:8600"));
    QCommandLineOption timeout =
        option("timeout", QT_TRANSLATE_NOOP("main", "Ring timeout of call, in seconds."), "S");
    parser.addOptions({
        server,
        option("user", QT_TRANSLATE_NOOP("main", "Account to log in as."), "ACCID"),
        option("password", QT_TRANSLATE_NOOP("main", "Password (or set SOFTPHONE_PASSWORD)."),
               "PW"),
        option("token", QT_TRANSLATE_NOOP("main", "Session token instead of a password."), "TOKEN"),
        option("data", QT_TRANSLATE_NOOP("main", "Directory of the local message stores."), "DIR"),
        option("device",
               QT_TRANSLATE_NOOP("main", "Device id (default: one remembered per account)."), "ID"),
        option("connect-timeout",
               QT_TRANSLATE_NOOP("main", "Seconds to wait for the server (default 10)."), "S"),
        option("media-timeout",
               QT_TRANSLATE_NOOP("main", "Seconds an answered call may wait for its media "
                                         "before it fails (default 30)."),
               "S"),
        option("name", QT_TRANSLATE_NOOP("main", "Display name, for register."), "NAME"),
        option("limit", QT_TRANSLATE_NOOP("main", "How many messages or records (default 50)."),
               "N"),
        option("video", QT_TRANSLATE_NOOP("main", "Place a video call.")),
        option("hangup-after", QT_TRANSLATE_NOOP("main", "Hang up S seconds after the call is up."),
               "S"),
        option("cancel-after",
               QT_TRANSLATE_NOOP("main", "Cancel S seconds after dialling, if still ringing."),
               "S"),
        timeout,
        option("accept", QT_TRANSLATE_NOOP("main", "Accept incoming calls (the default).")),
        option("reject", QT_TRANSLATE_NOOP("main", "Decline incoming calls.")),
        option("ignore", QT_TRANSLATE_NOOP("main", "Let incoming calls ring out.")),
        option("count",
               QT_TRANSLATE_NOOP("main", "Incoming calls to handle before exiting (default 1)."),
               "N"),
        option("no-media",
               QT_TRANSLATE_NOOP("main", "Calls without media: signalling and records only.")),
        option("tone",
               QT_TRANSLATE_NOOP(
                   "main", "Frequency of the synthetic microphone's tone (default 440 Hz for call, "
                           "880 Hz for answer)."),
               "HZ"),
        option("devices",
               QT_TRANSLATE_NOOP("main", "Use the real microphone, camera and speaker instead.")),
        option("microphone",
               QT_TRANSLATE_NOOP("main", "Microphone for calls, by id (see the devices command)."),
               "ID"),
        option("speaker",
               QT_TRANSLATE_NOOP("main", "Speaker for calls, by id (see the devices command)."),
               "ID"),
        option("camera",
               QT_TRANSLATE_NOOP("main", "Camera for calls, by id (see the devices command)."),
               "ID"),
        option("verbose", QT_TRANSLATE_NOOP("main", "Log what the client does on stderr.")),
    });
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("main", "What to do; see above."));
    parser.process(app);
    if (!parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("softphone.*.info=false"));

    EventPrinter printer;
    Parsed parsed = buildCommand(parser, printer);
    if (!parsed.command) {
        printer.error(parsed.error);
        return ExitUsage;
    }
    CliCommand *command = parsed.command.get();
    QObject::connect(
        command, &CliCommand::finished, &app, [](int code) { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
    softphone::platform::StopSignals stopSignals;
    QObject::connect(&stopSignals, &softphone::platform::StopSignals::stopRequested, command,
                     &CliCommand::stop);
    command->run();
    return app.exec();
}
