// bench_chaos_soak: the server's durability under chaos (issue 12). A real softphone-server
// (SQLite, or PostgreSQL with --postgres) carries many concurrent calls with random outcomes
// and texts between accounts run by bench_chaos_client workers, while this bench SIGKILLs
// workers, the workers drop their own sockets, and the server is SIGKILLed or stopped
// (SIGTERM) and restarted on its data directory at random moments. At the end (after a clean
// stop) it compares what the workers were told (their journals) with what the server stored,
// read from both parties' histories (msg.sync), call.current and the database:
//   every acknowledged call has exactly one record, with the status of what both parties
//   were told; every acknowledged text exists exactly once; no call is left open.
// Prints figures and exits non-zero when any check fails.
//
//   bench_chaos_soak [--calls N] [--duration S] [--workers W] [--accounts-per-worker A]
//                    [--server-kill-every S] [--server-term-every S] [--client-kill-every S]
//                    [--seed N] [--postgres SOCKET_DIR:PORT]

#include "command_line.h"
#include "server_process.h"
#include "test_client.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <vector>

using namespace softphone;
using bench::option;
using protocol::json;
using test::ServerProcess;
using test::TestClient;

namespace {

struct Options
{
    int calls = 10000;
    int durationSeconds = 0;  // 0: until `calls` invites were acknowledged
    int workers = 16;
    int accountsPerWorker = 4;
    double serverKillEvery = 60;
    double serverTermEvery = 150;
    double clientKillEvery = 1.0;
    unsigned seed = 1;
    QString postgres;
};

struct Account
{
    std::string name;
    std::string token;
};

// The status a record must have, from one thing a party was told (protocol.md §7, §10).
int statusOf(const std::string &what)
{
    static const std::map<std::string, int> statuses = {
        {"accepted", 1},       {"hangup", 1},           {"hungUp", 1},
        {"respond:accept", 1}, {"cancel:canceled", 2},  {"canceled:canceled", 2},
        {"rejected", 3},       {"respond:decline", 3},  {"timeout", 4},
        {"cancel:timeout", 4}, {"canceled:timeout", 4}, {"busy", 5},
        {"respond:busy", 5}};
    const auto found = statuses.find(what);
    return found == statuses.end() ? 0 : found->second;
}

// Everything the journals say.
struct Journals
{
    struct Call
    {
        std::string caller;
        std::string callee;
        std::int64_t channelId = 0;
        std::set<int> toldStatuses;
    };
    std::map<std::string, Call> calls;          // acknowledged invites, by cid
    std::map<std::string, std::set<int>> told;  // by cid, also for calls not acknowledged
    std::map<std::pair<std::string, std::string>, std::string> texts;  // (from, id) -> to
    int aborts = 0;
    int callerBusy = 0;
    int errors = 0;
    int unreadable = 0;
    std::vector<std::string> errorLines;

    void read(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const json entry = json::parse(line.toStdString(), nullptr, false);
            if (!entry.is_object()) {
                ++unreadable;
                continue;
            }
            take(entry);
        }
    }

    void take(const json &e)
    {
        const std::string kind = e.value("k", std::string());
        const std::string account = e.value("acc", std::string());
        if (kind == "invite") {
            Call &call = calls[e.value("cid", std::string())];
            call.caller = account;
            call.callee = e.value("callee", std::string());
            call.channelId = e.value("ch", std::int64_t(0));
        } else if (kind == "told") {
            told[e.value("cid", std::string())].insert(statusOf(e.value("what", std::string())));
        } else if (kind == "text") {
            texts[{account, e.value("id", std::string())}] = e.value("to", std::string());
        } else if (kind == "abort") {
            ++aborts;
        } else if (kind == "callerBusy") {
            ++callerBusy;
        } else if (kind == "error") {
            ++errors;
            if (errorLines.size() < 10)
                errorLines.push_back(e.dump());
        }
    }
};

// Counts acknowledged invites in the journals as they grow, to know when to stop.
class InviteCounter
{
public:
    int count(const std::vector<QString> &paths)
    {
        for (const QString &path : paths) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            qint64 &offset = m_offsets[path];
            file.seek(offset);
            const QByteArray data = file.readAll();
            const qsizetype end = data.lastIndexOf('\n') + 1;
            m_count += int(data.left(end).count("\"k\":\"invite\""));
            offset += end;
        }
        return m_count;
    }

private:
    std::map<QString, qint64> m_offsets;
    int m_count = 0;
};

template<class F>
void runUntil(F done, qint64 ms)
{
    QElapsedTimer clock;
    clock.start();
    QTimer tick;
    tick.start(50);
    QEventLoop loop;
    while (!done() && clock.elapsed() < ms)
        loop.processEvents(QEventLoop::WaitForMoreEvents);
}

class Soak
{
public:
    explicit Soak(Options options)
        : m_options(std::move(options))
        , m_random(m_options.seed)
        , m_server(serverConfig())
    {}

    int run()
    {
        if (!m_server.start())
            return fail("the server did not start");
        m_port = m_server.port();
        if (!createAccounts())
            return fail("cannot create the accounts");
        std::printf("chaos soak: %d workers x %d accounts, seed %u, %s\n", m_options.workers,
                    m_options.accountsPerWorker, m_options.seed,
                    m_options.postgres.isEmpty() ? "SQLite" : "PostgreSQL");
        std::fflush(stdout);
        for (int slot = 0; slot < m_options.workers; ++slot)
            startWorker(slot);
        chaos();
        drain();
        if (!m_server.stop())
            ++m_failedStops;
        return check();
    }

private:
    static json serverConfig()
    {
        return {{"ringTimeoutSeconds", 3},
                {"recordGraceSeconds", 1},
                {"reconnectGraceSeconds", 3},
                {"rateLimitPerSecond", 100000},
                {"rateLimitBurst", 100000},
                {"invitesPerMinute", 0},
                {"connectionsPerAddress", 0},
                {"logins", {{"waitingPerAddress", 100000}, {"waiting", 100000}}}};
    }

    int fail(const char *why)
    {
        std::fprintf(stderr, "chaos soak: %s\n%s\n", why, qPrintable(m_server.output()));
        return 2;
    }

    double uniform(double low, double high)
    {
        return std::uniform_real_distribution(low, high)(m_random);
    }
    // When an event with a mean interval of `every` seconds next happens, `from` ms on: spread
    // evenly around the mean, so that a short run still sees its share.
    qint64 nextAt(double every, qint64 from)
    {
        return every > 0 ? from + qint64(every * 1000 * uniform(0.5, 1.5))
                         : std::numeric_limits<qint64>::max();
    }

    bool createAccounts()
    {
        const int total = m_options.workers * m_options.accountsPerWorker;
        for (int i = 0; i < total; ++i) {
            const std::string name = "soak" + std::to_string(i);
            TestClient client(m_server.url(), "soak-" + name, "cli");
            if (!client.open())
                return false;
            client.registerAccount(name, "soak-password");
            if (!client.login(name, "soak-password").ok())
                return false;
            m_accounts.push_back({name, client.token()});
        }
        return true;
    }

    QString journalPath(int slot) const
    {
        return m_work.filePath(QStringLiteral("worker-%1.journal").arg(slot));
    }
    QString drainPath() const { return m_work.filePath(QStringLiteral("drain")); }

    void startWorker(int slot)
    {
        if (m_workers.size() <= std::size_t(slot))
            m_workers.resize(std::size_t(slot) + 1);
        QStringList peers;
        for (const Account &account : m_accounts)
            peers << QString::fromStdString(account.name);
        QStringList arguments = {
            QStringLiteral("--url"),     m_server.url().toString(),
            QStringLiteral("--journal"), journalPath(slot),
            QStringLiteral("--tag"),     QStringLiteral("w%1g%2").arg(slot).arg(++m_generation),
            QStringLiteral("--seed"),    QString::number(m_random()),
            QStringLiteral("--drain"),   drainPath(),
            QStringLiteral("--peers"),   peers.join(QLatin1Char(','))};
        for (int i = 0; i < m_options.accountsPerWorker; ++i) {
            const Account &account =
                m_accounts[std::size_t(slot * m_options.accountsPerWorker + i)];
            arguments << QString::fromStdString(account.name + ":" + account.token);
        }
        auto process = std::make_unique<QProcess>();
        process->setProgram(QStringLiteral(SOFTPHONE_CHAOS_CLIENT_BINARY));
        process->setArguments(arguments);
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->setStandardOutputFile(QProcess::nullDevice());
        process->start();
        m_workers[std::size_t(slot)] = std::move(process);
    }

    void killWorker(int slot)
    {
        QProcess *process = m_workers[std::size_t(slot)].get();
        if (!process || process->state() == QProcess::NotRunning)
            return;
        process->kill();
        process->waitForFinished(5000);
        ++m_clientKills;
        m_workers[std::size_t(slot)].reset();
        QTimer::singleShot(int(uniform(100, 1500)), [this, slot] {
            if (!m_draining)
                startWorker(slot);
        });
    }

    // A worker that exited by itself crashed or gave up: that is a finding, and it restarts.
    void reviveExitedWorkers()
    {
        for (std::size_t slot = 0; slot < m_workers.size(); ++slot) {
            QProcess *process = m_workers[slot].get();
            if (process && process->state() == QProcess::NotRunning) {
                ++m_workerExits;
                startWorker(int(slot));
            }
        }
    }

    void restartServer(bool crash)
    {
        if (crash) {
            m_server.kill();
            ++m_serverKills;
        } else {
            if (!m_server.stop())
                ++m_failedStops;
            ++m_serverTerms;
        }
        runUntil([] { return false; }, qint64(uniform(100, 2000)));  // the outage
        if (!m_server.start(m_port))
            qFatal("the server did not restart: %s", qPrintable(m_server.output()));
    }

    bool finished(InviteCounter &counter, const QElapsedTimer &clock)
    {
        if (m_options.durationSeconds > 0)
            return clock.elapsed() >= m_options.durationSeconds * 1000LL;
        return counter.count(journals()) >= m_options.calls;
    }

    void chaos()
    {
        const int tickMs = 100;
        InviteCounter counter;
        QElapsedTimer clock, lastReport;
        clock.start();
        lastReport.start();
        qint64 nextKill = nextAt(m_options.serverKillEvery, 0);
        qint64 nextTerm = nextAt(m_options.serverTermEvery, 0);
        qint64 nextClientKill = nextAt(m_options.clientKillEvery, 0);
        while (!finished(counter, clock)) {
            runUntil([] { return false; }, tickMs);
            if (clock.elapsed() >= nextKill) {
                restartServer(true);
                nextKill = nextAt(m_options.serverKillEvery, clock.elapsed());
            } else if (clock.elapsed() >= nextTerm) {
                restartServer(false);
                nextTerm = nextAt(m_options.serverTermEvery, clock.elapsed());
            }
            while (clock.elapsed() >= nextClientKill) {
                killWorker(int(uniform(0, m_options.workers)));
                nextClientKill = nextAt(m_options.clientKillEvery, nextClientKill);
            }
            reviveExitedWorkers();
            if (lastReport.elapsed() > 30000) {
                lastReport.restart();
                std::printf("  %.0f s: %d calls, %d server SIGKILLs, %d SIGTERMs, %d client "
                            "kills\n",
                            clock.elapsed() / 1000.0, counter.count(journals()), m_serverKills,
                            m_serverTerms, m_clientKills);
                std::fflush(stdout);
            }
        }
        m_seconds = clock.elapsed() / 1000.0;
    }

    // The workers end their calls and flush their texts, then exit.
    void drain()
    {
        m_draining = true;
        QFile(drainPath()).open(QIODevice::WriteOnly);
        for (auto &process : m_workers) {
            if (!process)
                continue;
            if (process->state() != QProcess::NotRunning)
                process->waitForFinished(30000);
            if (process->state() != QProcess::NotRunning) {
                process->kill();
                process->waitForFinished(5000);
                ++m_unsettledWorkers;
            } else if (process->exitCode() != 0) {
                ++m_unsettledWorkers;
            }
        }
        // Workers that were between a kill and their restart ran nothing to drain.
    }

    std::vector<QString> journals() const
    {
        std::vector<QString> paths;
        for (int slot = 0; slot < m_options.workers; ++slot)
            paths.push_back(journalPath(slot));
        return paths;
    }

    struct Stored
    {
        // account -> channelId -> (msgidServer, status) of each record in its history
        std::map<std::string, std::map<std::int64_t, std::vector<std::pair<std::int64_t, int>>>>
            records;
        // (from, msgidClient) -> times seen, in the sender's and the recipient's history
        std::map<std::pair<std::string, std::string>, int> textsSeenBySender;
        std::map<std::pair<std::string, std::string>, int> textsSeenByRecipient;
        int openCalls = 0;  // call.current not {}
        int unreadableHistories = 0;
    };

    Stored readHistories()
    {
        Stored stored;
        for (const Account &account : m_accounts) {
            TestClient client(m_server.url(), "soak-" + account.name, "cli");
            if (!client.open() || !client.loginWithToken(account.name, account.token).ok()) {
                ++stored.unreadableHistories;
                continue;
            }
            const auto current = client.call("call.current", json::object());
            if (!current.ok() || !current.result->empty())
                ++stored.openCalls;
            std::int64_t since = 0;
            for (bool more = true; more;) {
                const auto page = client.call("msg.sync", {{"since", since}, {"limit", 500}});
                if (!page.ok()) {
                    ++stored.unreadableHistories;
                    break;
                }
                for (const json &message : (*page.result)["messages"])
                    take(stored, account.name, message);
                since = (*page.result)["cursor"].get<std::int64_t>();
                more = (*page.result)["hasMore"].get<bool>();
            }
        }
        return stored;
    }

    static void take(Stored &stored, const std::string &reader, const json &message)
    {
        const std::string from = message.value("from", std::string());
        const std::string type = message.value("msgType", std::string());
        if (type == "NRTC_NETCALL") {
            const json record = json::parse(message.value("attach", std::string()), nullptr, false);
            if (!record.is_object())
                return;
            stored.records[reader][record.value("channelId", std::int64_t(0))].push_back(
                {message.value("msgidServer", std::int64_t(0)), record.value("status", 0)});
        } else if (type == "TEXT") {
            const auto key = std::make_pair(from, message.value("msgidClient", std::string()));
            if (reader == from)
                ++stored.textsSeenBySender[key];
            else
                ++stored.textsSeenByRecipient[key];
        }
    }

    // Rows of the calls table left open or without a record, and acknowledged calls without
    // a row, read straight from the database after the clean stop.
    struct TableFigures
    {
        int rows = -1;
        int open = -1;
        int unrecorded = -1;
        std::set<std::string> cids;
    };

    TableFigures readCallsTable()
    {
        TableFigures figures;
        const json config = m_server.config();
        const QString connection = QStringLiteral("soak-check");
        {
            QSqlDatabase db;
            if (config.contains("database")) {
                const json &pg = config["database"];
                db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
                db.setHostName(QString::fromStdString(pg["host"].get<std::string>()));
                db.setPort(pg["port"].get<int>());
                db.setDatabaseName(QString::fromStdString(pg["name"].get<std::string>()));
                db.setUserName(QString::fromStdString(pg["user"].get<std::string>()));
            } else {
                db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(
                    QDir(m_server.dataDir()).filePath(QStringLiteral("softphone.db")));
            }
            if (db.open()) {
                QSqlQuery query(db);
                query.exec(QStringLiteral("SELECT cid, ended_at IS NULL, record_msgid IS NULL "
                                          "FROM calls"));
                figures.rows = figures.open = figures.unrecorded = 0;
                while (query.next()) {
                    ++figures.rows;
                    figures.cids.insert(query.value(0).toString().toStdString());
                    figures.open += query.value(1).toBool();
                    figures.unrecorded += query.value(2).toBool();
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        return figures;
    }

    int check()
    {
        const TableFigures table = readCallsTable();
        if (!m_server.start(m_port))
            return fail("the server did not start for the check");
        const Stored stored = readHistories();
        m_server.stop();

        Journals journals;
        for (const QString &path : this->journals())
            journals.read(path);

        int missing = 0, duplicated = 0, wrongStatus = 0, noRow = 0, answered = 0;
        std::map<int, int> byStatus;
        std::vector<std::string> examples;
        auto example = [&](const std::string &text) {
            if (examples.size() < 12)
                examples.push_back(text);
        };
        auto recordsOf = [&](const std::string &account, std::int64_t channelId) {
            static const std::vector<std::pair<std::int64_t, int>> none;
            const auto a = stored.records.find(account);
            if (a == stored.records.end())
                return none;
            const auto c = a->second.find(channelId);
            return c == a->second.end() ? none : c->second;
        };
        for (const auto &[cid, call] : journals.calls) {
            if (!table.cids.count(cid))
                ++noRow;
            const auto callerRecords = recordsOf(call.caller, call.channelId);
            const auto calleeRecords = recordsOf(call.callee, call.channelId);
            if (callerRecords.empty() || calleeRecords.empty()) {
                ++missing;
                example("missing record: " + cid);
                continue;
            }
            if (callerRecords.size() > 1 || calleeRecords.size() > 1) {
                ++duplicated;
                example("duplicated record: " + cid);
            }
            const int status = callerRecords.front().second;
            ++byStatus[status];
            answered += status == 1;
            const auto told = journals.told.find(cid);
            if (told == journals.told.end())
                continue;
            std::set<int> statuses = told->second;
            statuses.erase(0);
            if (statuses.size() > 1 || (statuses.size() == 1 && *statuses.begin() != status)) {
                ++wrongStatus;
                std::string toldText;
                for (int s : statuses)
                    toldText += std::to_string(s) + " ";
                example("wrong status: " + cid + " recorded " + std::to_string(status) + ", told " +
                        toldText);
            }
        }
        // A record twice for one channelId, for any call, acknowledged or not.
        for (const auto &[account, channels] : stored.records) {
            for (const auto &[channelId, records] : channels) {
                std::set<std::int64_t> ids;
                for (const auto &record : records)
                    ids.insert(record.first);
                if (ids.size() > 1 && !journals.calls.empty()) {
                    ++duplicated;
                    example("two records for channel " + std::to_string(channelId) + " seen by " +
                            account);
                }
            }
        }
        int textsLost = 0, textsDuplicated = 0;
        for (const auto &[key, to] : journals.texts) {
            const auto sender = stored.textsSeenBySender.find(key);
            const auto recipient = stored.textsSeenByRecipient.find(key);
            const int bySender = sender == stored.textsSeenBySender.end() ? 0 : sender->second;
            const int byRecipient =
                recipient == stored.textsSeenByRecipient.end() ? 0 : recipient->second;
            if (bySender == 0 || byRecipient == 0) {
                ++textsLost;
                example("lost text: " + key.first + " " + key.second);
            } else if (bySender > 1 || byRecipient > 1) {
                ++textsDuplicated;
            }
        }
        const int openCalls = stored.openCalls + std::max(table.open, 0);

        std::printf("\nchaos soak, %.0f s, seed %u, %s\n", m_seconds, m_options.seed,
                    m_options.postgres.isEmpty() ? "SQLite" : "PostgreSQL");
        std::printf("  calls acknowledged:         %zu (answered %d; records by status:",
                    journals.calls.size(), answered);
        for (const auto &[status, count] : byStatus)
            std::printf(" %d:%d", status, count);
        std::printf(")\n");
        std::printf("  calls refused caller-busy:  %d\n", journals.callerBusy);
        std::printf("  texts acknowledged:         %zu\n", journals.texts.size());
        std::printf("  server SIGKILL restarts:    %d\n", m_serverKills);
        std::printf("  server SIGTERM restarts:    %d\n", m_serverTerms);
        std::printf("  client kills (SIGKILL):     %d\n", m_clientKills);
        std::printf("  dropped sockets:            %d\n", journals.aborts);
        std::printf("  calls table rows:           %d\n", table.rows);
        std::printf("checks (all must be 0):\n");
        std::printf("  records missing:            %d\n", missing);
        std::printf("  calls without a row:        %d\n", noRow);
        std::printf("  records duplicated:         %d\n", duplicated);
        std::printf("  records with wrong status:  %d\n", wrongStatus);
        std::printf("  texts lost:                 %d\n", textsLost);
        std::printf("  texts duplicated:           %d\n", textsDuplicated);
        std::printf("  calls left open:            %d\n", openCalls);
        std::printf("  ended calls without record: %d\n", std::max(table.unrecorded, 0));
        std::printf("  client errors:              %d\n", journals.errors);
        std::printf("  worker exits, unsettled:    %d, %d\n", m_workerExits, m_unsettledWorkers);
        std::printf("  unreadable (db, histories): %d, %d\n", table.rows < 0 ? 1 : 0,
                    stored.unreadableHistories);
        std::printf("  failed clean stops:         %d\n", m_failedStops);
        for (const std::string &line : examples)
            std::printf("  e.g. %s\n", line.c_str());
        for (const std::string &line : journals.errorLines)
            std::printf("  client error: %s\n", line.c_str());
        std::fflush(stdout);
        const int faults = missing + noRow + duplicated + wrongStatus + textsLost +
                           textsDuplicated + openCalls + std::max(table.unrecorded, 0) +
                           journals.errors + m_workerExits + m_unsettledWorkers + (table.rows < 0) +
                           stored.unreadableHistories + m_failedStops;
        return faults == 0 ? 0 : 1;
    }

    Options m_options;
    std::mt19937 m_random;
    QTemporaryDir m_work;
    ServerProcess m_server;
    quint16 m_port = 0;
    std::vector<Account> m_accounts;
    std::vector<std::unique_ptr<QProcess>> m_workers;
    int m_generation = 0;
    bool m_draining = false;
    int m_serverKills = 0;
    int m_serverTerms = 0;
    int m_clientKills = 0;
    int m_workerExits = 0;
    int m_unsettledWorkers = 0;
    int m_failedStops = 0;
    double m_seconds = 0;
};

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        option("calls", "Stop after this many acknowledged invites (default 10000).", "n", "10000"),
        option("duration", "Stop after this many seconds instead.", "s", "0"),
        option("workers", "Worker processes (default 16).", "n", "16"),
        option("accounts-per-worker", "Accounts each worker runs (default 4).", "n", "4"),
        option("server-kill-every", "Mean seconds between server SIGKILLs (0: never).", "s", "60"),
        option("server-term-every", "Mean seconds between server SIGTERMs (0: never).", "s", "150"),
        option("client-kill-every", "Mean seconds between worker SIGKILLs (0: never).", "s", "1"),
        option("seed", "Random seed.", "n", "1"),
        option("postgres", "Run on PostgreSQL at SOCKET_DIR:PORT (scripts/start-postgres.sh).",
               "socket"),
    });
    parser.process(app);
    const auto value = [&](const char *name) { return parser.value(QString::fromLatin1(name)); };
    Options options;
    options.calls = value("calls").toInt();
    options.durationSeconds = value("duration").toInt();
    options.workers = std::max(1, value("workers").toInt());
    options.accountsPerWorker = std::max(1, value("accounts-per-worker").toInt());
    options.serverKillEvery = value("server-kill-every").toDouble();
    options.serverTermEvery = value("server-term-every").toDouble();
    options.clientKillEvery = value("client-kill-every").toDouble();
    options.seed = value("seed").toUInt();
    options.postgres = value("postgres");
    if (options.workers * options.accountsPerWorker < 2)
        qFatal("the soak needs at least two accounts");
    // ServerProcess creates its own PostgreSQL database when this is set.
    if (!options.postgres.isEmpty())
        qputenv("SOFTPHONE_TEST_POSTGRES", options.postgres.toUtf8());
    else
        qunsetenv("SOFTPHONE_TEST_POSTGRES");
    return Soak(options).run();
}
