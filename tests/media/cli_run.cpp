#include "cli_run.h"

CliRun::~CliRun()
{
    // A process still running (a failed test) is killed without reading into this object.
    m_process.disconnect();
    m_process.kill();
    m_process.waitForFinished(5000);
}

void CliRun::start(const QStringList &prefix, const QStringList &arguments)
{
    const QStringList command =
        prefix + QStringList{QStringLiteral(SOFTPHONE_CLI_BINARY)} + arguments;
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                     [this] { read(); });
    if (qEnvironmentVariableIsSet("SOFTPHONE_NAT_TRACE"))  // the CLI's log, for debugging
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_clock.start();
    m_process.start(command.first(), command.mid(1));
}

bool CliRun::waitForFinished(int timeoutMs)
{
    const bool finished = m_process.waitForFinished(timeoutMs);
    read();
    return finished;
}

void CliRun::read()
{
    const QByteArray chunk = m_process.readAllStandardOutput();
    m_all += chunk;
    m_pending += chunk;
    qsizetype end = 0;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        auto fields = nlohmann::json::parse(m_pending.left(end).toStdString(), nullptr, false);
        m_pending.remove(0, end + 1);
        if (fields.is_object())
            m_events.push_back({m_clock.elapsed(), std::move(fields)});
    }
}

const std::vector<CliRun::Event> &CliRun::events()
{
    read();
    return m_events;
}

const CliRun::Event *CliRun::first(const char *name)
{
    for (const Event &event : events()) {
        if (event.fields.value("event", "") == name)
            return &event;
    }
    return nullptr;
}

const CliRun::Event *CliRun::firstSince(const char *name, qint64 atMs)
{
    for (const Event &event : events()) {
        if (event.atMs >= atMs && event.fields.value("event", "") == name)
            return &event;
    }
    return nullptr;
}

const CliRun::Event *CliRun::firstState(const char *state)
{
    for (const Event &event : events()) {
        if (event.fields.value("event", "") == "state" && event.fields.value("state", "") == state)
            return &event;
    }
    return nullptr;
}

qint64 CliRun::sinceAnswer(const char *event)
{
    const Event *answer = firstState("connecting");
    const qint64 answeredAt = answer ? answer->atMs : -1;  // `answer` may not outlive first()
    const Event *end = first(event);
    return answeredAt >= 0 && end ? end->atMs - answeredAt : -1;
}

std::vector<nlohmann::json> CliRun::stats()
{
    std::vector<nlohmann::json> all;
    for (const Event &event : events()) {
        if (event.fields.value("event", "") == "stats")
            all.push_back(event.fields);
    }
    return all;
}
