#pragma once

#include <QByteArray>
#include <QString>
#include <vector>

// Collects decoded PCM (S16LE mono) and measures how strong a frequency is in the most recent
// stretch of it, with a Goertzel filter.
class ToneMeter
{
public:
    void add(const QByteArray &pcm, int sampleRate);
    void clear() { m_samples.clear(); }
    qsizetype sampleCount() const { return qsizetype(m_samples.size()); }
    double seconds() const { return m_rate ? double(m_samples.size()) / m_rate : 0; }
    // Amplitude (full scale 1.0) of `frequency` in the last `window` seconds.
    double amplitude(double frequency, double window = 0.25) const;
    // Root mean square (full scale 1.0) of the last `window` seconds.
    double rms(double window = 0.1) const;
    // Empty if `expected` is clearly heard (amplitude over 0.1) and `other` is at most a tenth
    // of it; else what was heard instead.
    QString mismatch(double expected, double other) const;

private:
    std::vector<float> m_samples;
    int m_rate = 0;
};
