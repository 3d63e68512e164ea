#pragma once

#include <QMetaType>
#include <QString>

namespace softphone::media {

// What the call panel shows: one snapshot per stats period.
struct MediaStats
{
    double rttMs = -1;       // round trip from RTCP receiver reports; -1 until known
    double lossPercent = 0;  // packets the peer lost of what we sent, or we lost of theirs
    double jitterMs = 0;     // receive jitter
    double bitrateInKbps = 0;
    double bitrateOutKbps = 0;
    int videoWidth = 0;  // received video; 0 when none
    int videoHeight = 0;
    double videoFps = 0;
    int quality = 0;  // 0 (no media) .. 4 (excellent): the signal bars
    // The network path in use: the ICE candidate types of its two ends (host, srflx, prflx,
    // relay; empty until known). Either end "relay": the call goes through the TURN server.
    QString localCandidateType;
    QString remoteCandidateType;
};

// Signal bars from round trip and loss; 0 when nothing is known yet.
int qualityLevel(double rttMs, double lossPercent, bool receiving);

}  // namespace softphone::media

Q_DECLARE_METATYPE(softphone::media::MediaStats)
