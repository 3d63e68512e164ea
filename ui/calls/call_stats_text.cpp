#include "calls/call_stats_text.h"

#include <QStringList>

namespace softphone::ui {

QString CallStatsText::describe(const media::MediaStats &stats)
{
    QStringList lines;
    lines << (stats.rttMs < 0 ? tr("Round trip: measuring…")
                              : tr("Round trip: %1 ms").arg(qRound(stats.rttMs)));
    lines << tr("Packet loss: %1 %").arg(stats.lossPercent, 0, 'f', 1);
    lines << tr("Jitter: %1 ms").arg(stats.jitterMs, 0, 'f', 1);
    lines << tr("Receiving %1 kbit/s, sending %2 kbit/s")
                 .arg(qRound(stats.bitrateInKbps))
                 .arg(qRound(stats.bitrateOutKbps));
    if (stats.videoWidth > 0)
        lines << tr("Video: %1×%2 at %3 fps")
                     .arg(stats.videoWidth)
                     .arg(stats.videoHeight)
                     .arg(qRound(stats.videoFps));
    return lines.join(QLatin1Char('\n'));
}

}  // namespace softphone::ui
