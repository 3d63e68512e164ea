#pragma once

#include "media/session/media_stats.h"

#include <QString>
#include <QtGlobal>

typedef struct _GstStructure GstStructure;

namespace softphone::media {

// Totals read from one webrtcbin get-stats reply.
struct RawStats
{
    double rttSeconds = -1;       // worst remote-inbound-rtp round trip; -1 unknown
    double peerFractionLost = 0;  // worst loss the peer reported for our streams, 0..1
    double jitterSeconds = 0;     // worst inbound jitter
    quint64 bytesReceived = 0;
    quint64 bytesSent = 0;
    quint64 packetsReceived = 0;
    qint64 packetsLost = 0;
    QString localCandidateType;  // of the selected pair: host, srflx, prflx, relay
    QString remoteCandidateType;
};

// Turns successive get-stats replies into per-period figures (bitrates, loss, fps).
class StatsCollector
{
public:
    // Any thread: reads a get-stats reply.
    static RawStats parse(const GstStructure *reply);

    // Session thread: the figures for the period since the previous update.
    MediaStats update(const RawStats &raw, qint64 elapsedNs, quint64 videoFrames, int videoWidth,
                      int videoHeight);

private:
    RawStats m_previous;
    quint64 m_previousFrames = 0;
    bool m_hasPrevious = false;
};

}  // namespace softphone::media
