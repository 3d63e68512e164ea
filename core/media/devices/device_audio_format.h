#pragma once

#include "media/devices/playback_hub.h"

#include <QAudioFormat>

namespace softphone::media {

// The raw audio between the devices and a call's pipeline. Every microphone input is converted
// to it before the selector, so that switching inputs never changes the caps downstream (no
// encoder reconfiguration); the speaker's appsink takes it.
inline constexpr char kDeviceAudioCaps[] =
    "audio/x-raw,format=S16LE,layout=interleaved,rate=48000,channels=1";

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
