#pragma once

#include "media/devices/device_hubs.h"

#include <QAudioFormat>

namespace softphone::media {

// A Qt Multimedia format at the call's rate.
inline QAudioFormat deviceAudioFormat(int channels, QAudioFormat::SampleFormat sample)
{
    QAudioFormat format;
    format.setSampleRate(PlaybackHub::kRate);
    format.setChannelCount(channels);
    format.setSampleFormat(sample);
    return format;
}

}  // namespace softphone::media
