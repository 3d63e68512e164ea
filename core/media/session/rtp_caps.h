#pragma once

#include "media/media_config.h"

#include <QString>

namespace softphone::media {

// The RTP caps of a stream we send or receive, written so that webrtcbin turns them into the
// SDP of docs/protocol.md §9: Opus as opus/48000/2 with minptime=10 and useinbandfec=0 (our
// decoder conceals loss; it does not use FEC), VP8 with its NACK, PLI and FIR feedback.
// The offer can be made from these caps alone, before any buffer has flowed (a camera that is
// off sends none), so they must be complete. `ssrc` 0: none named (a receive-only stream).
// When answering, the caps leave out the Opus format parameters: webrtcbin matches our
// transceivers to the offer's sections by caps, and the offer's own values (a browser's
// useinbandfec=1) must not keep them apart; the answer then takes the offer's.
QString rtpCaps(MediaKind kind, int payload, quint32 ssrc = 0, bool offering = true);

}  // namespace softphone::media
