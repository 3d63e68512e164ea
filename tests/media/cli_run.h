#pragma once

#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <vector>

// One softphone-cli process and the JSON events it printed, each with the time it arrived
// (milliseconds since start()).
class CliRun
{
public:
    struct Event
    {
        qint64 atMs;
        nlohmann::json fields;
    };

    CliRun() = default;
    ~CliRun();
    CliRun(const CliRun &) = delete;
    CliRun &operator=(const CliRun &) = delete;

    // `prefix` runs the CLI elsewhere (e.g. nsenter into a namespace); may be empty.
    void start(const QStringList &prefix, const QStringList &arguments);
    bool waitForFinished(int timeoutMs);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    int exitCode() const { return m_process.exitCode(); }

    const std::vector<Event> &events();
    // The first event named `name`, or null.
    const Event *first(const char *name);
    // The first event named `name` that arrived at `atMs` or later, or null.
    const Event *firstSince(const char *name, qint64 atMs);
    // Milliseconds since start(), on the clock of the events' atMs.
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    // The first "state" event entering `state` ("connecting": the call was answered), or null.
    const Event *firstState(const char *state);
    // Milliseconds from the answer (state "connecting") to the first `event`; -1 if missing.
    qint64 sinceAnswer(const char *event);
    // Every "stats" event's fields.
    std::vector<nlohmann::json> stats();
    QString output() const { return QString::fromUtf8(m_all); }

private:
    void read();

    QElapsedTimer m_clock;
    QByteArray m_pending;
    QByteArray m_all;
    std::vector<Event> m_events;
    QProcess m_process;  // last: destroyed first, while what it reads into still exists
};
