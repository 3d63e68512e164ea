#pragma once

#include "call/failure_cause.h"
#include "media/media_config.h"
#include "media/session/dtls_fingerprint.h"
#include "media/session/media_stats.h"
#include "media/session/send_branch.h"
#include "media/session/stats_collector.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <memory>

typedef struct _GstElement GstElement;
typedef struct _GstWebRTCSessionDescription GstWebRTCSessionDescription;

namespace softphone::media {

class DeviceRouter;
class SdpMessage;
class SessionBridge;
struct MediaSessionCallbacks;

// One call's media: a GStreamer pipeline around webrtcbin with Opus audio and VP8 video,
// DTLS-SRTP, max-bundle (one transport, RTCP multiplexed) and trickle ICE.
//
// Signalling-agnostic: it emits its local description and candidates and takes the remote
// ones; whoever owns the call carries them (rtc.sdp / rtc.ice on our wire). The caller makes
// the offer. Every public function and signal lives on the thread that owns the session;
// GStreamer's threads reach it only through queued calls (see SessionBridge).
class MediaSession : public QObject
{
    Q_OBJECT

public:
    explicit MediaSession(MediaRole role, QObject *parent = nullptr);
    ~MediaSession() override;

    MediaRole role() const { return m_role; }
    MediaState state() const { return m_state; }
    MediaStats lastStats() const { return m_lastStats; }
    // What failed() was about: no path, no relay, the DTLS handshake, or our pipeline.
    call::FailureCause failureCause() const { return m_failureCause; }
    // The TURN server gave us a relay candidate on the current connection.
    bool hasRelayCandidate() const { return m_relayGathered; }
    bool isMuted() const { return m_muted; }
    bool isVideoEnabled() const { return m_videoEnabled; }
    // Video can be sent on this call (the peer negotiated VP8); isVideoEnabled() says whether it
    // is.
    bool isSendingVideo() const { return m_videoBranch.isValid(); }
    // Frames from the peer arrived within the last second.
    bool isRemoteVideoActive() const { return m_remoteVideoActive; }
    // Received and decoded so far, counted at the sinks.
    quint64 receivedAudioBuffers() const;
    quint64 receivedVideoFrames() const;
    // The peer's host candidates named by mDNS (".local"), skipped: see addRemoteCandidate.
    int skippedMdnsCandidates() const { return m_skippedMdnsCandidates; }
    // Keyframes the peer asked for (PLI/FIR) and our encoder was told to make.
    quint64 keyframeRequests() const;

    // GStreamer pipelines and webrtcbins alive in this process (all sessions); 0 once every
    // session has stopped.
    static int liveGstObjects();

public slots:
    // Builds the pipeline. The caller then emits its offer; the callee waits for one.
    void start(const softphone::media::MediaConfig &config);
    // type is "offer" or "answer" (RTCSessionDescription.type).
    void setRemoteDescription(const QString &type, const QString &sdp);
    // Queued until the remote description is set. An empty candidate ends the peer's list.
    void addRemoteCandidate(int mlineIndex, const QString &mid, const QString &candidate);
    // Stops or resumes sending video on a call that negotiated it.
    void setVideoEnabled(bool enabled);
    void setMuted(bool muted);
    // Renegotiates the connection from scratch with this side as the offerer: new ICE
    // credentials and candidates (and a new DTLS handshake; see docs/media.md).
    void restartIce();
    void stop();

signals:
    void localDescription(const QString &type, const QString &sdp);
    // An empty candidate means this side has gathered all its candidates.
    void localCandidate(int mlineIndex, const QString &mid, const QString &candidate);
    void stateChanged(softphone::media::MediaState state);
    void failed(const QString &reason);
    // Nothing has arrived from the peer for a while on a connected session (its address
    // changed, its network went): the state is back to Connecting. The owner restarts ICE
    // (restartIce) once it knows its signalling still reaches the peer; if packets come back
    // by themselves, the state returns to Connected.
    void pathLost();
    void firstAudioReceived();
    void firstVideoReceived();
    // The peer's video started or stopped (its camera turned on or off, or frames stopped).
    void remoteVideoActiveChanged(bool active);
    void statsUpdated(const softphone::media::MediaStats &stats);
    // With MediaConfig::audioTap: decoded audio, S16LE mono, as it is rendered
    // (renderTimeNs on std::chrono::steady_clock).
    void audioReceived(const QByteArray &pcm, int sampleRate, qint64 renderTimeNs);

private:
    friend class SessionBridge;
    friend struct MediaSessionCallbacks;

    struct Candidate
    {
        int mlineIndex;
        QString candidate;
    };

    // Payload -1: the medium is not negotiated; send false: receive only.
    bool buildPipeline(int audioPayload, int videoPayload, bool sendAudio, bool sendVideo);
    bool createWebrtcbin();
    void addIceServers();
    bool addSendBranches();
    void addReceiveOnlyTransceivers();
    bool startPipeline();
    void rebuildPipeline();
    void teardown();
    void setState(MediaState state);
    void fail(const QString &reason, call::FailureCause cause = call::FailureCause::MediaError);
    void createOffer();
    void applyLocalDescription(const QString &type, GstWebRTCSessionDescription *description);
    void applyRemoteDescription(const QString &type, SdpMessage &sdp);
    void remoteDescriptionApplied(const QString &type);
    void createAnswer();
    void iceCandidateGathered(int mlineIndex, const QString &candidate);
    void gatheringStateChanged();
    void endOfCandidates();
    void connectionStateChanged();
    bool peerIsWhoItsDescriptionSays();
    void pollStats();
    void watchForLostPath(const RawStats &raw);
    void losePath();
    void restartOfferUnanswered();
    void statsArrived(const RawStats &raw);
    void handleFirstMedia(MediaKind kind);
    void recalculateLatency();
    void watchRemoteVideo();

    const MediaRole m_role;
    MediaState m_state = MediaState::New;
    call::FailureCause m_failureCause = call::FailureCause::None;
    bool m_relayGathered = false;  // the TURN server gave us a relay candidate
    MediaConfig m_config;
    quint64 m_generation = 0;  // bumps with every pipeline; stale queued calls are dropped
    std::shared_ptr<SessionBridge> m_bridge;
    GstElement *m_pipeline = nullptr;
    GstElement *m_webrtc = nullptr;
    SendBranch m_audioBranch;
    SendBranch m_videoBranch;
    int m_audioPayload = -1;  // negotiated payload types: ours when we offer, else the offer's
    int m_videoPayload = -1;
    bool m_sendAudio = false;
    bool m_sendVideo = false;
    quint64 m_audioBuffersBefore = 0;  // counted by pipelines already torn down
    quint64 m_videoFramesBefore = 0;
    quint64 m_keyframeRequestsBefore = 0;
    bool m_makeOffer = false;  // the next negotiation-needed creates our offer
    bool m_remoteSet = false;
    bool m_offerOutstanding = false;  // our offer awaits its answer
    QString m_remoteUfrag;
    QList<DtlsFingerprint> m_remoteFingerprints;  // from the last remote description
    QByteArray m_localFingerprint;                // of this pipeline's own certificate
    QString m_pendingOffer;                       // an offer that arrived before start()
    QList<Candidate> m_pendingCandidates;
    QStringList m_localMids;       // by m-line index
    QStringList m_negotiatedMids;  // m_localMids of the last pipeline, kept across rebuilds
    bool m_gatheringDone = false;
    int m_skippedMdnsCandidates = 0;
    bool m_muted = false;
    bool m_videoEnabled = true;
    bool m_audioSeen = false;
    bool m_videoSeen = false;
    bool m_pathLost = false;           // see pathLost(); cleared with each new pipeline
    bool m_pipelineConnected = false;  // this pipeline has been Connected
    quint64 m_bytesReceivedAtPoll = 0;
    QElapsedTimer m_sinceBytesArrived;
    bool m_restartOffered = false;  // our restart offer awaits its answer (m_restartTimer)
    QTimer m_restartTimer;
    QTimer m_statsTimer;
    QTimer m_videoWatch;
    quint64 m_videoFramesAtWatch = 0;
    int m_quietWatches = 0;
    bool m_remoteVideoActive = false;
    QElapsedTimer m_statsClock;
    StatsCollector m_statsCollector;
    MediaStats m_lastStats;
    // MediaConfig::fixedDevices (CallMedia routes MediaConfig::switchableDevices itself).
    std::unique_ptr<DeviceRouter> m_ownDevices;
};

}  // namespace softphone::media
