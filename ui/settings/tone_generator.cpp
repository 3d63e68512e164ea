#include "settings/tone_generator.h"

#include <QtMath>
#include <algorithm>
#include <cmath>

namespace softphone::ui {

ToneGenerator::ToneGenerator(double frequency, double amplitude, const QAudioFormat &format)
    : m_step(2.0 * M_PI * frequency / std::max(1, format.sampleRate()))
    , m_amplitude(std::clamp(amplitude, 0.0, 1.0))
    , m_format(format)
{}

QAudioFormat ToneGenerator::format(int sampleRate)
{
    QAudioFormat format;
    format.setSampleRate(sampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

QByteArray ToneGenerator::next(int frames)
{
    return generate(frames, 0);
}

QByteArray ToneGenerator::burst(int frames, int fadeFrames)
{
    m_phase = 0.0;
    return generate(frames, std::clamp(fadeFrames, 0, frames / 2));
}

QByteArray ToneGenerator::generate(int frames, int fadeFrames)
{
    const int channels = std::max(1, m_format.channelCount());
    QByteArray pcm(qsizetype(frames) * channels * qsizetype(sizeof(qint16)), Qt::Uninitialized);
    auto *out = reinterpret_cast<qint16 *>(pcm.data());
    for (int frame = 0; frame < frames; ++frame) {
        double gain = m_amplitude;
        if (fadeFrames > 0)
            gain *=
                std::min({1.0, double(frame) / fadeFrames, double(frames - frame) / fadeFrames});
        const auto sample = qint16(std::lround(std::sin(m_phase) * gain * 32767.0));
        std::fill_n(out + qsizetype(frame) * channels, channels, sample);
        m_phase = std::fmod(m_phase + m_step, 2.0 * M_PI);
    }
    return pcm;
}

}  // namespace softphone::ui
