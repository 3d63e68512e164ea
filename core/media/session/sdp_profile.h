#pragma once

#include <gst/sdp/sdp.h>

namespace softphone::media {

// Adds to a description of ours what GStreamer 1.22's webrtcbin leaves out of the WebRTC
// profile (docs/protocol.md §9): a=ice-options:trickle in answers, and the media-level
// a=msid:<stream> <track> (RFC 8830) that browsers read, taken from webrtcbin's
// "a=ssrc:<ssrc> msid:<stream> <track>" of the same section.
void completeLocalDescription(GstSDPMessage *sdp);

}  // namespace softphone::media
