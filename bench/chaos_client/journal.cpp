#include "chaos_client/journal.h"

#include <QFile>
#include <fcntl.h>
#include <unistd.h>

namespace softphone::bench::chaos {

Journal::Journal(const QString &path)
    : m_fd(::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_APPEND, 0644))
{
    if (m_fd < 0)
        qFatal("cannot open journal %s", qPrintable(path));
}

Journal::~Journal()
{
    ::close(m_fd);
}

void Journal::write(const protocol::json &entry)
{
    const std::string line = entry.dump() + '\n';
    if (::write(m_fd, line.data(), line.size()) != ssize_t(line.size()))
        qFatal("cannot write the journal");
}

}  // namespace softphone::bench::chaos
