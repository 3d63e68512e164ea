// bench_chaos_client: one worker process of the chaos soak (bench/chaos_soak/). It runs a
// few accounts against a softphone-server, places and answers calls with random outcomes,
// sends texts, drops its own sockets now and then, and writes to its journal every
// acknowledgement and every call outcome the server told it. The soak SIGKILLs it at random;
// the journal is written line by line with write(2), so what the server told a killed worker
// is on disk, and the soak compares it with what the server stored.
//
//   bench_chaos_client --url ws://127.0.0.1:PORT[,ws://...] --journal FILE --tag GEN --seed N
//                      --drain FILE --peers a,b,c ACCOUNT:TOKEN...

#include "chaos_client/journal.h"
#include "chaos_client/party.h"
#include "chaos_client/worker_settings.h"
#include "command_line.h"
#include "im/server_list.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTimer>
#include <algorithm>
#include <memory>
#include <random>
#include <vector>

using namespace softphone::bench::chaos;
using softphone::bench::option;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {option("url", "Server URL, or the nodes of a cluster separated by commas.", "url"),
         option("journal", "Journal file (appended to).", "file"),
         option("tag", "Unique generation tag of this process.", "tag"),
         option("seed", "Random seed.", "n", "1"),
         option("drain", "When this file exists: end calls, flush texts, exit.", "file"),
         option("peers", "Comma-separated accounts to call and text.", "list")});
    parser.addPositionalArgument(QStringLiteral("accounts"),
                                 QStringLiteral("ACCOUNT:TOKEN pairs run by this worker."));
    parser.process(app);
    const auto value = [&](const char *name) { return parser.value(QString::fromLatin1(name)); };

    Settings settings;
    const auto servers = softphone::im::parseServerList(value("url"));
    if (!servers)
        qFatal("%s", qPrintable(softphone::im::serverListUsage()));
    settings.servers = *servers;
    settings.tag = value("tag").toStdString();
    for (const QString &peer : value("peers").split(QLatin1Char(',')))
        settings.peers.push_back(peer.toStdString());
    Journal journal(value("journal"));
    std::mt19937_64 random(value("seed").toULongLong());

    std::vector<std::unique_ptr<Party>> parties;
    for (const QString &pair : parser.positionalArguments())
        parties.push_back(std::make_unique<Party>(
            pair.section(QLatin1Char(':'), 0, 0).toStdString(),
            pair.section(QLatin1Char(':'), 1).toStdString(), settings, journal, random));
    for (auto &party : parties)
        party->start();

    const QString drainFile = value("drain");
    QTimer drainCheck;
    qint64 drainStarted = 0;
    QObject::connect(&drainCheck, &QTimer::timeout, [&] {
        if (drainStarted == 0 && QFile::exists(drainFile)) {
            drainStarted = QDateTime::currentMSecsSinceEpoch();
            for (auto &party : parties)
                party->drain();
        }
        if (drainStarted == 0)
            return;
        const bool settled = std::all_of(parties.begin(), parties.end(),
                                         [](const auto &party) { return party->settled(); });
        if (settled || QDateTime::currentMSecsSinceEpoch() - drainStarted > 20000)
            app.exit(settled ? 0 : 3);
    });
    drainCheck.start(200);
    return app.exec();
}
