#include "settings/level_meter.h"

#include <algorithm>
#include <cmath>

namespace softphone::ui {

AudioLevel LevelMeter::measure(const QAudioFormat &format, QByteArrayView pcm)
{
    const int bytes = format.bytesPerSample();
    if (bytes <= 0 || pcm.size() < bytes)
        return {};
    const qsizetype count = pcm.size() / bytes;
    float peak = 0.0f;
    double squares = 0.0;
    for (qsizetype i = 0; i < count; ++i) {
        const float sample = std::abs(format.normalizedSampleValue(pcm.data() + i * bytes));
        peak = std::max(peak, sample);
        squares += double(sample) * sample;
    }
    return {std::min(peak, 1.0f), std::min(float(std::sqrt(squares / double(count))), 1.0f)};
}

}  // namespace softphone::ui
