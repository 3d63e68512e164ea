#include "media/sources/media_source.h"

#include "media/sources/device_source.h"
#include "media/sources/test_pattern_source.h"
#include "media/sources/tone_source.h"

namespace softphone::media {

std::shared_ptr<const MediaSource> MediaSource::forAudio(const MediaConfig &config)
{
    if (config.customAudioSource)
        return config.customAudioSource;
    switch (config.audioSource) {
    case AudioSourceKind::Tone:
        return std::make_shared<ToneSource>(config.toneFrequency);
    case AudioSourceKind::Device:
        break;
    }
    return std::make_shared<DeviceSource>(MediaKind::Audio, config);
}

std::shared_ptr<const MediaSource> MediaSource::forVideo(const MediaConfig &config)
{
    if (config.customVideoSource)
        return config.customVideoSource;
    switch (config.videoSource) {
    case VideoSourceKind::TestPattern:
        return std::make_shared<TestPatternSource>(config.videoWidth, config.videoHeight,
                                                   config.videoFps);
    case VideoSourceKind::Device:
        break;
    }
    return std::make_shared<DeviceSource>(MediaKind::Video, config);
}

}  // namespace softphone::media
