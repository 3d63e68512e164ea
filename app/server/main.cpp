// softphone-server: the IM, call-signalling and call-record server.

#include "platform/stop_signals.h"
#include "protocol/limits.h"
#include "server_config.h"
#include "services/password_hasher.h"
#include "softphone_server.h"
#include "storage/account_store.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <cstdio>
#include <utility>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif
#ifdef Q_OS_LINUX
#include "net/epoll_event_dispatcher.h"
#endif

using namespace softphone::server;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "softphone-server: %s\n", qPrintable(message));
    return 1;
}

#ifdef Q_OS_UNIX
// Every connection is a descriptor: take all the hard limit allows.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}
#else
void raiseFileLimit()
{}
#endif

// The main thread holds every connection's socket; epoll keeps each wakeup's cost in
// proportion to the sockets that are ready rather than to all of them.
// SOFTPHONE_EVENT_DISPATCHER=qt keeps Qt's own, for comparison or as a way back.
void installEventDispatcher()
{
#ifdef Q_OS_LINUX
    if (qgetenv("SOFTPHONE_EVENT_DISPATCHER") == "qt")
        return;
    auto *dispatcher = new EpollEventDispatcher;
    if (dispatcher->isValid())
        QCoreApplication::setEventDispatcher(dispatcher);  // the application owns it
    else
        delete dispatcher;  // Qt's own dispatcher is used
#endif
}

int addAccount(const ServerConfig &config, const QStringList &args, const QString &name)
{
    if (args.size() != 4)
        return fail(QStringLiteral("usage: softphone-server account add ACCID PASSWORD"));
    const std::string accid = args[2].toStdString();
    const std::string password = args[3].toStdString();
    if (!softphone::protocol::isValidAccount(accid))
        return fail(QStringLiteral("\"%1\" is not a valid account id (1-64 of A-Z a-z 0-9 _ . - @)")
                        .arg(args[2]));
    if (password.size() < softphone::protocol::kMinPasswordLength)
        return fail(QStringLiteral("the password must be at least 8 bytes"));
    if (!PasswordHasher::initialize())
        return fail(QStringLiteral("libsodium could not be initialised"));
    DatabaseSettings settings = config.database;
    if (settings.path.isEmpty())
        settings.path = QDir(config.dataDir).filePath(QStringLiteral("softphone.db"));
    QDir().mkpath(config.dataDir);
    Database db(settings);
    if (QString error = db.open(); !error.isEmpty())
        return fail(error);
    AccountStore accounts(db);
    const std::string hash = PasswordHasher::hash(password);
    switch (accounts.create(accid, name.toStdString(), hash, QDateTime::currentMSecsSinceEpoch())) {
    case AccountStore::CreateResult::Created:
        std::printf("account %s added\n", accid.c_str());
        return 0;
    case AccountStore::CreateResult::Exists:
        return fail(QStringLiteral("the account %1 exists").arg(args[2]));
    case AccountStore::CreateResult::Failed:
        break;
    }
    return fail(QStringLiteral("the account could not be stored: %1").arg(db.lastError()));
}

}  // namespace

int main(int argc, char *argv[])
{
    // Qt's own event dispatcher is leaner than GLib's for the threads that are not the main one.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    raiseFileLimit();
    installEventDispatcher();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("softphone-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOFTPHONE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Softphone server: accounts, messaging, call signalling and call records.\n"
                       "Commands: serve (the default), account add ACCID PASSWORD"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("WebSocket address (default 127.0.0.1:8600)."),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption http(QStringLiteral("http"),
                                  QStringLiteral("Address for /healthz and /metrics."),
                                  QStringLiteral("HOST:PORT"));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("Data directory (holds the SQLite database)."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("JSON config file."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption name(QStringLiteral("name"),
                                  QStringLiteral("Display name, with account add."),
                                  QStringLiteral("NAME"));
    parser.addOptions({listen, http, data, config, name});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve | account add"));
    parser.process(app);

    ServerConfig settings;
    settings.dataDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                       QStringLiteral("/softphone-server");
    if (parser.isSet(config)) {
        if (QString error = settings.loadFile(parser.value(config)); !error.isEmpty())
            return fail(error);
    }
    if (parser.isSet(listen)) {
        auto endpoint = Endpoint::parse(parser.value(listen));
        if (!endpoint)
            return fail(QStringLiteral("--listen takes HOST:PORT"));
        settings.listen = *endpoint;
    }
    if (parser.isSet(http)) {
        settings.http = Endpoint::parse(parser.value(http));
        if (!settings.http)
            return fail(QStringLiteral("--http takes HOST:PORT"));
    }
    if (parser.isSet(data))
        settings.dataDir = parser.value(data);

    const QStringList args = parser.positionalArguments();
    if (args.size() >= 2 && args[0] == QLatin1String("account") && args[1] == QLatin1String("add"))
        return addAccount(settings, args, parser.value(name));
    if (!args.isEmpty() && args[0] != QLatin1String("serve"))
        return fail(QStringLiteral("unknown command \"%1\"; see --help").arg(args.join(u' ')));

    SoftphoneServer server(settings);
    if (QString error = server.start(); !error.isEmpty())
        return fail(error);
    // Tests and scripts read the bound ports from this line.
    std::printf("softphone-server listening ws=%u http=%u\n", server.port(), server.httpPort());
    std::fflush(stdout);
    // SIGTERM and SIGINT stop cleanly: calls end with their records, the CC queue is flushed.
    softphone::platform::StopSignals stopSignals;
    QObject::connect(&stopSignals, &softphone::platform::StopSignals::stopRequested, &server,
                     [&server, stopping = false]() mutable {
                         if (std::exchange(stopping, true))
                             return;
                         server.stop();
                         QCoreApplication::quit();
                     });
    return app.exec();
}
