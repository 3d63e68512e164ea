#pragma once

#include "media/sources/media_source.h"

namespace softphone::media {

// A sine tone, 48 kHz mono, produced in real time: the synthetic microphone.
class ToneSource : public MediaSource
{
public:
    explicit ToneSource(double frequency);
    MediaKind kind() const override { return MediaKind::Audio; }
    QString description() const override;
    GstElement *createElement(QString *error) const override;

private:
    double m_frequency;
};

}  // namespace softphone::media
