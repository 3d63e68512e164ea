#include "chaos_soak/journals.h"

#include <QFile>

namespace softphone::bench::chaos {

using protocol::json;

namespace {

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

}  // namespace

void Journals::read(const QString &path)
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

void Journals::take(const json &e)
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

}  // namespace softphone::bench::chaos
