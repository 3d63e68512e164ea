#pragma once

#include <QString>

namespace softphone::media {

// The raw video a call's pipeline encodes: I420 at the configured size and rate, whatever the
// camera or the test pattern makes.
inline QString rawVideoCaps(int width, int height, int fps)
{
    return QStringLiteral("video/x-raw,format=I420,width=%1,height=%2,framerate=%3/1")
        .arg(width)
        .arg(height)
        .arg(fps);
}

}  // namespace softphone::media
