#pragma once

#include <QString>

namespace softphone::media {

// The payload types a remote SDP uses for the codecs we speak. Browsers number them freely
// (Chrome: Opus 111, VP8 96; Firefox: Opus 109, VP8 120), so they are read, never assumed.
struct SdpCodecs
{
    bool valid = false;     // the SDP parsed
    bool hasAudio = false;  // an audio m-line that is not rejected (port 0)
    bool hasVideo = false;
    int opusPayload = -1;  // -1: not offered
    int vp8Payload = -1;
};

SdpCodecs readSdpCodecs(const QString &sdp);

}  // namespace softphone::media
