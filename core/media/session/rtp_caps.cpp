#include "media/session/rtp_caps.h"

namespace softphone::media {

QString rtpCaps(MediaKind kind, int payload, quint32 ssrc, bool offering)
{
    QString caps =
        kind == MediaKind::Audio
            ? QStringLiteral("application/x-rtp,media=audio,encoding-name=OPUS,clock-rate=48000,"
                             "encoding-params=(string)2,payload=%1%2")
                  .arg(payload)
                  .arg(offering ? QStringLiteral(",minptime=(string)10,useinbandfec=(string)0")
                                : QString())
            : QStringLiteral("application/x-rtp,media=video,encoding-name=VP8,clock-rate=90000,"
                             "payload=%1,rtcp-fb-nack-pli=(boolean)true,"
                             "rtcp-fb-ccm-fir=(boolean)true,rtcp-fb-nack=(boolean)true")
                  .arg(payload);
    if (ssrc != 0)
        caps += QStringLiteral(",ssrc=(uint)%1").arg(ssrc);
    return caps;
}

}  // namespace softphone::media
