#pragma once

#include <QString>
#include <QStringList>
#include <gst/sdp/sdp.h>
#include <utility>

namespace softphone::media {

// The session description types (RTCSessionDescription.type).
inline const QString kOffer = QStringLiteral("offer");
inline const QString kAnswer = QStringLiteral("answer");

// What a remote SDP says that we act on. Payload types are read, never assumed: browsers
// number them freely (Chrome: Opus 111, VP8 96; Firefox: Opus 109, VP8 120).
struct RemoteSdp
{
    bool valid = false;     // the SDP parsed
    bool hasAudio = false;  // an audio m-line that is not rejected (port 0)
    bool hasVideo = false;
    int opusPayload = -1;  // -1: not offered
    int vp8Payload = -1;
    // The first a=ice-ufrag (session level, else the first m-line's): a new one in an offer is
    // the peer restarting ICE.
    QString iceUfrag;
};

// An SDP message parsed from text, owned until released (to webrtcbin, which takes it).
class SdpMessage
{
public:
    explicit SdpMessage(const QString &text);  // null if the text does not parse
    ~SdpMessage();
    SdpMessage(const SdpMessage &) = delete;
    SdpMessage &operator=(const SdpMessage &) = delete;

    explicit operator bool() const { return m_message != nullptr; }
    const GstSDPMessage *get() const { return m_message; }
    GstSDPMessage *release() { return std::exchange(m_message, nullptr); }

private:
    GstSDPMessage *m_message = nullptr;
};

RemoteSdp readRemoteSdp(const SdpMessage &sdp);
RemoteSdp readRemoteSdp(const QString &sdp);

// Adds to a description of ours what GStreamer 1.22's webrtcbin leaves out of the WebRTC
// profile (docs/protocol.md §9): a=ice-options:trickle in answers, and the media-level
// a=msid:<stream> <track> (RFC 8830) that browsers read, taken from webrtcbin's
// "a=ssrc:<ssrc> msid:<stream> <track>" of the same section. And our certificate's
// `fingerprint` ("sha-256 AB:…") in place of webrtcbin's, which it computes wrongly for a
// certificate given with its private key (dtls_identity.h).
void completeLocalDescription(GstSDPMessage *sdp, const QByteArray &fingerprint);

// Gives the m-lines of our offer the mids an earlier exchange gave them, by m-line index, in
// a=mid and in the BUNDLE group. A rebuilt pipeline names its m-lines afresh ("audio0"), but a
// later offer must keep the negotiated ones (RFC 8829 §5.2.2); browsers refuse it otherwise.
void keepNegotiatedMids(GstSDPMessage *sdp, const QStringList &negotiated);

QString sdpText(const GstSDPMessage *sdp);
// The a=mid of each m-line, by m-line index.
QStringList midsOf(const GstSDPMessage *sdp);

// A candidate ("candidate:<foundation> <component> <transport> <priority> <address> ...") whose
// address is an mDNS name (".local").
bool isMdnsCandidate(const QString &candidate);

}  // namespace softphone::media
