#include "tone_meter.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numbers>

void ToneMeter::add(const QByteArray &pcm, int sampleRate)
{
    m_rate = sampleRate;
    const qsizetype count = pcm.size() / qsizetype(sizeof(std::int16_t));
    for (qsizetype i = 0; i < count; ++i) {
        std::int16_t sample;
        std::memcpy(&sample, pcm.constData() + i * qsizetype(sizeof sample), sizeof sample);
        m_samples.push_back(float(sample) / 32768.0f);
    }
    constexpr std::size_t kKeep = 48000 * 5;  // the last five seconds are plenty
    if (m_samples.size() > 2 * kKeep)
        m_samples.erase(m_samples.begin(), m_samples.end() - std::ptrdiff_t(kKeep));
}

double ToneMeter::amplitude(double frequency, double window) const
{
    const std::size_t n = std::min(m_samples.size(), std::size_t(window * m_rate));
    if (n == 0 || m_rate == 0)
        return 0;
    const double omega = 2 * std::numbers::pi * frequency / m_rate;
    const double coefficient = 2 * std::cos(omega);
    double s1 = 0;
    double s2 = 0;
    for (std::size_t i = m_samples.size() - n; i < m_samples.size(); ++i) {
        const double s0 = m_samples[i] + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    return 2 * std::sqrt(std::max(0.0, power)) / double(n);
}

double ToneMeter::rms(double window) const
{
    const std::size_t n = std::min(m_samples.size(), std::size_t(window * m_rate));
    if (n == 0)
        return 0;
    double sum = 0;
    for (std::size_t i = m_samples.size() - n; i < m_samples.size(); ++i)
        sum += double(m_samples[i]) * m_samples[i];
    return std::sqrt(sum / double(n));
}

QString ToneMeter::mismatch(double expected, double other) const
{
    const double wanted = amplitude(expected);
    const double unwanted = amplitude(other);
    if (wanted <= 0.1)
        return QStringLiteral("%1 Hz at amplitude %2 only").arg(expected).arg(wanted);
    if (unwanted >= wanted / 10)
        return QStringLiteral("%1 Hz at %2, but %3 Hz at %4")
            .arg(expected)
            .arg(wanted)
            .arg(other)
            .arg(unwanted);
    return {};
}
