#pragma once

#include "media/media_config.h"

#include <QString>

namespace softphone::media {

// WebRTC-style ICE server URIs (RFC 7064/7065: "stun:host:port", "turn:host:port?transport=tcp")
// in the form webrtcbin takes ("stun://host:port", "turn://user:pass@host:port?transport=tcp",
// user and password percent-encoded). An empty string means the URI is not usable.
QString webrtcbinStunUri(const QString &uri);
QString webrtcbinTurnUri(const TurnServer &server);

}  // namespace softphone::media
