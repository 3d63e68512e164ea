#include "server_load/file_limits.h"

#include <QFile>
#include <QRegularExpression>
#include <algorithm>

namespace softphone::bench::load {

rlim_t raiseFileLimit(rlim_t wanted)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    const rlimit raised{std::max(limit.rlim_max, wanted), std::max(limit.rlim_max, wanted)};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
        return raised.rlim_cur;
    // Raising the hard limit needs CAP_SYS_RESOURCE.
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
    return limit.rlim_cur;
}

long openFileLimit(qint64 pid)
{
    QFile limits(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!limits.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression files(QStringLiteral("Max open files\\s+(\\d+)"));
    const auto match = files.match(QString::fromLatin1(limits.readAll()));
    return match.hasMatch() ? match.captured(1).toLong() : -1;
}

}  // namespace softphone::bench::load
