#include "media/sources/media_sink.h"

#include "media/sources/device_sink.h"
#include "media/sources/null_sink.h"

namespace softphone::media {

namespace {

std::shared_ptr<const MediaSink> forKind(SinkKind kind)
{
    if (kind == SinkKind::Device)
        return std::make_shared<DeviceSink>();
    return std::make_shared<NullSink>();
}

}  // namespace

std::shared_ptr<const MediaSink> MediaSink::forAudio(const MediaConfig &config)
{
    return config.customAudioSink ? config.customAudioSink : forKind(config.audioSink);
}

std::shared_ptr<const MediaSink> MediaSink::forVideo(const MediaConfig &config)
{
    return config.customVideoSink ? config.customVideoSink : forKind(config.videoSink);
}

}  // namespace softphone::media
