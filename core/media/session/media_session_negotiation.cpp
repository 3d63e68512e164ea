// MediaSession, continued: the offer/answer exchange and ICE. Apart from media_session.cpp,
// which builds, runs and tears down the pipeline, so that each file keeps to one job.

#include "media/session/media_log.h"
#include "media/session/media_session.h"
#include "media/session/sdp.h"
#include "media/session/session_bridge.h"
#include "media/session/webrtc_callbacks.h"

#include <gst/gst.h>
#include <gst/sdp/sdp.h>
#include <gst/webrtc/webrtc.h>

namespace softphone::media {

namespace {

// The certificate the peer showed in the DTLS handshake (PEM), or empty. With max-bundle
// every transceiver shares one transport, so the first one's will do.
QByteArray remoteCertificate(GstElement *webrtc)
{
    GstWebRTCRTPTransceiver *transceiver = nullptr;
    g_signal_emit_by_name(webrtc, "get-transceiver", 0, &transceiver);
    GstWebRTCRTPSender *sender = nullptr;
    if (transceiver)
        g_object_get(transceiver, "sender", &sender, nullptr);
    GstWebRTCDTLSTransport *transport = nullptr;
    if (sender)
        g_object_get(sender, "transport", &transport, nullptr);
    gchar *pem = nullptr;
    if (transport)
        g_object_get(transport, "remote-certificate", &pem, nullptr);
    const QByteArray certificate(pem);
    g_free(pem);
    for (gpointer object : {gpointer(transport), gpointer(sender), gpointer(transceiver)}) {
        if (object)
            gst_object_unref(object);
    }
    return certificate;
}

}  // namespace

void MediaSession::setRemoteDescription(const QString &type, const QString &sdp)
{
    if (type != kOffer && type != kAnswer) {
        fail(QStringLiteral("unknown session description type \"%1\"").arg(type));
        return;
    }
    if (m_state == MediaState::Closed || m_state == MediaState::Failed)
        return;
    if (m_state == MediaState::New) {
        if (type == kOffer && m_role == MediaRole::Callee)
            m_pendingOffer = sdp;  // answered once start() gives us the config
        else
            qCWarning(lcMedia) << "ignoring a remote" << type << "before start()";
        return;
    }
    SdpMessage message(sdp);
    const RemoteSdp remote = readRemoteSdp(message);
    if (!remote.valid) {
        fail(QStringLiteral("the remote %1 is not valid SDP").arg(type));
        return;
    }
    const QString ufrag = remote.iceUfrag;
    if (type == kAnswer) {
        if (!m_webrtc) {
            qCWarning(lcMedia) << "ignoring an answer without an offer";
            return;
        }
        m_remoteUfrag = ufrag;
        m_remoteFingerprints = dtlsFingerprintsOf(sdp);
        m_offerOutstanding = false;
        m_restartOffered = false;
        m_restartTimer.stop();
        applyRemoteDescription(type, message);
        return;
    }
    // Glare: both ends offered at once. The caller's offer stands; the callee drops its own.
    const bool offering = m_offerOutstanding || m_makeOffer;
    if (offering && m_role == MediaRole::Caller) {
        qCInfo(lcMedia) << "glare: keeping our offer, ignoring the peer's";
        return;
    }
    m_makeOffer = false;  // we answer this one
    m_remoteFingerprints = dtlsFingerprintsOf(sdp);
    m_restartOffered = false;
    m_restartTimer.stop();
    // An offer: the first one, a renegotiation, or the peer restarting the connection. A
    // pipeline that made (or was about to make) its own offer is rebuilt as the answerer.
    if (m_webrtc && (offering || (!m_remoteUfrag.isEmpty() && ufrag != m_remoteUfrag))) {
        const QList<Candidate> early = m_pendingCandidates;  // may precede their offer
        teardown();
        m_pendingCandidates = early;
        setState(MediaState::Connecting);
    }
    if (!m_webrtc) {
        if (remote.hasAudio && remote.opusPayload < 0 && remote.vp8Payload < 0) {
            fail(QStringLiteral("the offer has neither Opus audio nor VP8 video"));
            return;
        }
        if (m_config.audio && remote.hasAudio && remote.opusPayload < 0) {
            fail(QStringLiteral("the offer's audio has no Opus"));
            return;
        }
        if (!buildPipeline(remote.opusPayload, remote.vp8Payload, m_config.audio, true))
            return;
    }
    m_remoteUfrag = ufrag;
    applyRemoteDescription(type, message);
}

// `sdp` has been read and found valid; webrtcbin takes it.
void MediaSession::applyRemoteDescription(const QString &type, SdpMessage &sdp)
{
    GstWebRTCSessionDescription *description = gst_webrtc_session_description_new(
        type == kOffer ? GST_WEBRTC_SDP_TYPE_OFFER : GST_WEBRTC_SDP_TYPE_ANSWER, sdp.release());
    GstPromise *promise =
        gst_promise_new_with_change_func(type == kOffer ? MediaSessionCallbacks::remoteOfferSet
                                                        : MediaSessionCallbacks::remoteAnswerSet,
                                         SessionBridge::ref(m_bridge), SessionBridge::unref);
    g_signal_emit_by_name(m_webrtc, "set-remote-description", description, promise);
    gst_webrtc_session_description_free(description);
}

void MediaSession::remoteDescriptionApplied(const QString &type)
{
    m_remoteSet = true;
    for (const Candidate &candidate : std::exchange(m_pendingCandidates, {}))
        g_signal_emit_by_name(m_webrtc, "add-ice-candidate", guint(candidate.mlineIndex),
                              candidate.candidate.toUtf8().constData());
    if (type == kOffer)
        createAnswer();
}

void MediaSession::createOffer()
{
    if (!m_makeOffer || !m_webrtc)
        return;
    m_makeOffer = false;
    // Outstanding from now, not from when webrtcbin hands it back: a peer's offer arriving
    // while ours is being made is glare too.
    m_offerOutstanding = true;
    GstPromise *promise = gst_promise_new_with_change_func(
        MediaSessionCallbacks::offerCreated, SessionBridge::ref(m_bridge), SessionBridge::unref);
    g_signal_emit_by_name(m_webrtc, "create-offer", nullptr, promise);
}

void MediaSession::createAnswer()
{
    GstPromise *promise = gst_promise_new_with_change_func(
        MediaSessionCallbacks::answerCreated, SessionBridge::ref(m_bridge), SessionBridge::unref);
    g_signal_emit_by_name(m_webrtc, "create-answer", nullptr, promise);
}

void MediaSession::applyLocalDescription(const QString &type,
                                         GstWebRTCSessionDescription *description)
{
    completeLocalDescription(description->sdp, m_localFingerprint);
    if (type == kOffer && !m_negotiatedMids.isEmpty())
        keepNegotiatedMids(description->sdp, m_negotiatedMids);
    g_signal_emit_by_name(m_webrtc, "set-local-description", description, nullptr);
    m_offerOutstanding = type == kOffer;
    if (m_offerOutstanding && m_restartOffered)
        m_restartTimer.start();
    m_localMids = midsOf(description->sdp);
    m_negotiatedMids = m_localMids;
    emit localDescription(type, sdpText(description->sdp));
}

void MediaSession::addRemoteCandidate(int mlineIndex, const QString &mid, const QString &candidate)
{
    Q_UNUSED(mid);  // webrtcbin addresses candidates by m-line; with max-bundle all share one
    if (m_state == MediaState::Closed || m_state == MediaState::Failed)
        return;
    QString text = candidate.trimmed();
    if (text.startsWith(QLatin1String("a=")))
        text = text.mid(2);
    if (text.isEmpty() || mlineIndex < 0)
        return;  // the end of the peer's candidates: webrtcbin needs no marker
    if (isMdnsCandidate(text)) {
        // A browser hides its host address behind a random name only its own network's
        // multicast DNS answers. Skipped: its checks reach us all the same, and ICE learns
        // its address from them (a peer-reflexive candidate).
        qCDebug(lcMedia) << "skipping an mDNS candidate:" << text;
        ++m_skippedMdnsCandidates;
        return;
    }
    if (!m_remoteSet || !m_webrtc) {
        m_pendingCandidates.append({mlineIndex, text});
        return;
    }
    g_signal_emit_by_name(m_webrtc, "add-ice-candidate", guint(mlineIndex),
                          text.toUtf8().constData());
}

void MediaSession::iceCandidateGathered(int mlineIndex, const QString &candidate)
{
    if (candidate.contains(QLatin1String(" typ relay")))
        m_relayGathered = true;
    emit localCandidate(mlineIndex, m_localMids.value(mlineIndex), candidate);
}

void MediaSession::gatheringStateChanged()
{
    if (!m_webrtc || m_gatheringDone)
        return;
    GstWebRTCICEGatheringState state = GST_WEBRTC_ICE_GATHERING_STATE_NEW;
    g_object_get(m_webrtc, "ice-gathering-state", &state, nullptr);
    if (state != GST_WEBRTC_ICE_GATHERING_STATE_COMPLETE)
        return;
    // The last candidates may still be on their way through webrtcbin's queue of operations:
    // the end marker goes out once a request queued behind them has been answered.
    m_gatheringDone = true;
    GstPromise *promise =
        gst_promise_new_with_change_func(MediaSessionCallbacks::candidatesFlushed,
                                         SessionBridge::ref(m_bridge), SessionBridge::unref);
    g_signal_emit_by_name(m_webrtc, "get-stats", nullptr, promise);
}

void MediaSession::endOfCandidates()
{
    emit localCandidate(0, m_localMids.value(0), QString());
}

void MediaSession::connectionStateChanged()
{
    if (!m_webrtc)
        return;
    GstWebRTCPeerConnectionState connection = GST_WEBRTC_PEER_CONNECTION_STATE_NEW;
    GstWebRTCICEConnectionState ice = GST_WEBRTC_ICE_CONNECTION_STATE_NEW;
    g_object_get(m_webrtc, "connection-state", &connection, "ice-connection-state", &ice, nullptr);
    const bool iceUp = ice == GST_WEBRTC_ICE_CONNECTION_STATE_CONNECTED ||
                       ice == GST_WEBRTC_ICE_CONNECTION_STATE_COMPLETED;
    if (connection == GST_WEBRTC_PEER_CONNECTION_STATE_FAILED && iceUp) {
        fail(QStringLiteral("DTLS failed: a network path works, but the encrypted handshake "
                            "with the peer did not complete"),
             call::FailureCause::DtlsFailed);
    } else if (m_pipelineConnected && (ice == GST_WEBRTC_ICE_CONNECTION_STATE_FAILED ||
                                       connection == GST_WEBRTC_PEER_CONNECTION_STATE_FAILED)) {
        // The path worked and stopped working: a restart may find a new one.
        if (!m_pathLost)
            losePath();
    } else if (ice == GST_WEBRTC_ICE_CONNECTION_STATE_FAILED ||
               connection == GST_WEBRTC_PEER_CONNECTION_STATE_FAILED) {
        if (!m_config.turnServers.isEmpty() && !m_relayGathered)
            fail(QStringLiteral("TURN refused: no direct path works and the TURN server gave "
                                "no relay address"),
                 call::FailureCause::TurnRefused);
        else
            fail(QStringLiteral("no route: no network path to the peer works"),
                 call::FailureCause::NoRoute);
    } else if (connection == GST_WEBRTC_PEER_CONNECTION_STATE_CONNECTED) {
        if (peerIsWhoItsDescriptionSays()) {
            m_pipelineConnected = true;
            m_pathLost = false;
            m_sinceBytesArrived.start();
            setState(MediaState::Connected);
        }
    } else if (ice == GST_WEBRTC_ICE_CONNECTION_STATE_DISCONNECTED) {
        setState(MediaState::Connecting);
    }
}

void MediaSession::restartIce()
{
    if (m_state == MediaState::New || m_state == MediaState::Closed)
        return;
    if (m_audioPayload < 0 && m_videoPayload < 0)
        return;  // never negotiated: nothing to restart
    m_makeOffer = true;
    m_restartOffered = true;
    if (m_state == MediaState::Failed)
        m_state = MediaState::Connecting;  // announced by rebuildPipeline
    rebuildPipeline();
}

// webrtcbin completes the handshake with whatever certificate the peer shows; RFC 8827 wants
// it to be the one the description's a=fingerprint names, or someone on the signalling path
// could stand in for the peer. Until it is checked, the peer's streams are held (MediaGate).
bool MediaSession::peerIsWhoItsDescriptionSays()
{
    if (m_bridge->gate.isOpen())
        return true;
    const QByteArray certificate = remoteCertificate(m_webrtc);
    if (m_remoteFingerprints.isEmpty() || !certificateMatches(certificate, m_remoteFingerprints)) {
        fail(QStringLiteral("DTLS failed: the peer's certificate is not the one its session "
                            "description names (a=fingerprint)"),
             call::FailureCause::DtlsFailed);
        return false;
    }
    m_bridge->gate.open();
    return true;
}

}  // namespace softphone::media
