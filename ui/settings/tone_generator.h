#pragma once

#include <QAudioFormat>
#include <QByteArray>

namespace softphone::ui {

// A sine wave as 16-bit PCM, the same in every channel, continuing from one block to the next.
class ToneGenerator
{
public:
    ToneGenerator(double frequency, double amplitude, const QAudioFormat &format);

    // Mono 16-bit PCM at this rate.
    static QAudioFormat format(int sampleRate = 48000);

    const QAudioFormat &audioFormat() const { return m_format; }
    QByteArray next(int frames);
    // A burst of this many frames that fades in and out over fadeFrames, so that it does not
    // click.
    QByteArray burst(int frames, int fadeFrames);

private:
    QByteArray generate(int frames, int fadeFrames);

    double m_step;
    double m_amplitude;
    QAudioFormat m_format;
    double m_phase = 0.0;
};

}  // namespace softphone::ui
