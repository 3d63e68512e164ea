#pragma once

#include <QString>
#include <QStringList>

// The rules of the WebRTC SDP profile that can be checked by reading one description: RFC 8866
// (syntax), RFC 8829 (JSEP: what an offer and an answer must carry), RFC 8843 (BUNDLE), RFC 8839
// (ICE attributes), RFC 8842 (DTLS setup), RFC 7587 (Opus), RFC 7741 (VP8), RFC 8830 (msid),
// and this project's media baseline (docs/protocol.md §9). Returns one line per violation.
enum class SdpKind { Offer, Answer };

QStringList sdpViolations(const QString &sdp, SdpKind kind);
