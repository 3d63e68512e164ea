#include "chaos_soak/invite_counter.h"

#include <QFile>

namespace softphone::bench::chaos {

int InviteCounter::count(const std::vector<QString> &paths)
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

}  // namespace softphone::bench::chaos
