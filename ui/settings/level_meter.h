#pragma once

#include <QAudioFormat>
#include <QByteArrayView>

namespace softphone::ui {

// How loud a block of sound is, as fractions of full scale (0 silence, 1 the loudest).
struct AudioLevel
{
    float peak = 0.0f;
    float rms = 0.0f;
};

// Measures blocks of PCM in any of Qt's sample formats, all channels together.
class LevelMeter
{
public:
    static AudioLevel measure(const QAudioFormat &format, QByteArrayView pcm);
};

}  // namespace softphone::ui
