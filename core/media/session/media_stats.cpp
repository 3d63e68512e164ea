#include "media/session/media_stats.h"

namespace softphone::media {

int qualityLevel(double rttMs, double lossPercent, bool receiving)
{
    if (!receiving)
        return 0;
    // Thresholds in the spirit of the E-model: loss hurts Opus and VP8 more than delay.
    const double rtt = rttMs < 0 ? 0 : rttMs;
    if (lossPercent < 1 && rtt < 150)
        return 4;
    if (lossPercent < 3 && rtt < 300)
        return 3;
    if (lossPercent < 8 && rtt < 500)
        return 2;
    return 1;
}

}  // namespace softphone::media
