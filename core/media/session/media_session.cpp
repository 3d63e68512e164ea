#include "media/session/media_session.h"

#include "media/devices/device_router.h"
#include "media/session/dtls_identity.h"
#include "media/session/gst_runtime.h"
#include "media/session/ice_server_uri.h"
#include "media/session/media_log.h"
#include "media/session/rtp_caps.h"
#include "media/session/sdp.h"
#include "media/session/session_bridge.h"
#include "media/session/webrtc_callbacks.h"
#include "media/sources/media_source.h"

#include <gst/gst.h>
#include <gst/webrtc/webrtc.h>

namespace softphone::media {

Q_LOGGING_CATEGORY(lcMedia, "softphone.media", QtInfoMsg)

namespace {

// Payload types we offer: the numbers browsers use, though the answer decides nothing here.
constexpr int kOfferOpusPayload = 111;
constexpr int kOfferVp8Payload = 96;

// The peer's video counts as stopped after this many quiet watch periods: a second and a half,
// so that a stall on a busy machine or network does not make the picture flicker.
constexpr int kVideoWatchMs = 250;
constexpr int kQuietWatchesForStopped = 6;

// A connected session from which no packet at all has come for this long has lost its path:
// audio alone sends fifty packets a second, so this is no pause in the talk.
constexpr qint64 kLostPathMs = 2500;
// A restart offer whose answer has not come in this time is made again: the peer may have
// been unreachable when it was sent (its own connection to the server was down too).
constexpr int kRestartAnswerMs = 5000;

void addReceiveOnlyTransceiver(GstElement *webrtc, const QString &caps)
{
    GstCaps *filter = gst_caps_from_string(caps.toUtf8().constData());
    GstWebRTCRTPTransceiver *transceiver = nullptr;
    g_signal_emit_by_name(webrtc, "add-transceiver", GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_RECVONLY,
                          filter, &transceiver);
    gst_caps_unref(filter);
    if (transceiver) {
        g_object_set(transceiver, "do-nack", TRUE, nullptr);
        gst_object_unref(transceiver);
    }
}

}  // namespace

MediaSession::MediaSession(MediaRole role, QObject *parent)
    : QObject(parent)
    , m_role(role)
{
    qRegisterMetaType<MediaState>();
    qRegisterMetaType<MediaStats>();
    connect(&m_statsTimer, &QTimer::timeout, this, &MediaSession::pollStats);
    m_videoWatch.setInterval(kVideoWatchMs);
    connect(&m_videoWatch, &QTimer::timeout, this, &MediaSession::watchRemoteVideo);
    m_restartTimer.setSingleShot(true);
    m_restartTimer.setInterval(kRestartAnswerMs);
    connect(&m_restartTimer, &QTimer::timeout, this, &MediaSession::restartOfferUnanswered);
}

MediaSession::~MediaSession()
{
    teardown();
}

quint64 MediaSession::receivedAudioBuffers() const
{
    return m_audioBuffersBefore + (m_bridge ? m_bridge->audioBuffers.load() : 0);
}

quint64 MediaSession::receivedVideoFrames() const
{
    return m_videoFramesBefore + (m_bridge ? m_bridge->videoFrames.load() : 0);
}

quint64 MediaSession::keyframeRequests() const
{
    return m_keyframeRequestsBefore + (m_bridge ? m_bridge->keyframeRequests.load() : 0);
}

int MediaSession::liveGstObjects()
{
    return GstRuntime::liveObjects();
}

void MediaSession::start(const MediaConfig &config)
{
    if (m_state != MediaState::New) {
        qCWarning(lcMedia) << "start() on a session that already started";
        return;
    }
    m_config = config;
    if (config.fixedDevices && !config.customAudioSource && !config.customVideoSource) {
        m_ownDevices = std::make_unique<DeviceRouter>();
        m_ownDevices->setDevices(*config.fixedDevices);
        m_ownDevices->setActive(true);
        m_ownDevices->applyTo(m_config);
        m_ownDevices->setCameraActive(config.video && m_videoEnabled);
    }
    setState(MediaState::Connecting);
    const QString missing = GstRuntime::ensure();
    if (!missing.isEmpty()) {
        fail(missing);
        return;
    }
    if (!config.audio && !config.video) {
        fail(QStringLiteral("a call needs audio or video"));
        return;
    }
    // Video is always negotiated, so that the camera can be turned on during an audio call
    // without a renegotiation; config.video only says whether it starts on.
    if (!config.video)
        m_videoEnabled = false;
    if (m_role == MediaRole::Caller) {
        m_makeOffer = true;
        buildPipeline(config.audio ? kOfferOpusPayload : -1, kOfferVp8Payload, config.audio, true);
    } else if (!m_pendingOffer.isEmpty()) {
        setRemoteDescription(kOffer, std::exchange(m_pendingOffer, QString()));
    }
}

bool MediaSession::buildPipeline(int audioPayload, int videoPayload, bool sendAudio, bool sendVideo)
{
    m_audioPayload = audioPayload;
    m_videoPayload = videoPayload;
    m_sendAudio = sendAudio && audioPayload >= 0;
    m_sendVideo = sendVideo && videoPayload >= 0;
    m_bridge = std::make_shared<SessionBridge>(this, m_config, ++m_generation);
    if (!createWebrtcbin())
        return false;
    addIceServers();
    MediaSessionCallbacks::connect(m_pipeline, m_webrtc, m_bridge);
    if (!addSendBranches())
        return false;
    addReceiveOnlyTransceivers();
    return startPipeline();
}

bool MediaSession::createWebrtcbin()
{
    const DtlsIdentity identity = DtlsIdentity::generate();
    if (identity.isNull()) {
        fail(QStringLiteral("cannot make a DTLS certificate for the call"));
        return false;
    }
    m_pipeline = gst_pipeline_new("call");
    m_webrtc = gst_element_factory_make("webrtcbin", "webrtc");
    if (!m_pipeline || !m_webrtc) {
        if (m_webrtc)
            gst_object_unref(gst_object_ref_sink(m_webrtc));
        m_webrtc = nullptr;
        fail(QStringLiteral("cannot create the webrtcbin pipeline"));
        return false;
    }
    GstRuntime::track(G_OBJECT(m_pipeline));
    GstRuntime::track(G_OBJECT(m_webrtc));
    identity.install(m_pipeline);
    m_localFingerprint = identity.fingerprint();
    gst_bin_add(GST_BIN(m_pipeline), m_webrtc);
    g_object_set(m_webrtc, "bundle-policy", GST_WEBRTC_BUNDLE_POLICY_MAX_BUNDLE, "latency",
                 guint(qMax(0, m_config.jitterBufferMs)), nullptr);
    if (m_config.relayOnly)
        g_object_set(m_webrtc, "ice-transport-policy", GST_WEBRTC_ICE_TRANSPORT_POLICY_RELAY,
                     nullptr);
    return true;
}

void MediaSession::addIceServers()
{
    if (!m_config.stunServer.isEmpty()) {
        const QString uri = webrtcbinStunUri(m_config.stunServer);
        if (uri.isEmpty())
            qCWarning(lcMedia) << "ignoring a STUN server URI that does not parse";
        else
            g_object_set(m_webrtc, "stun-server", uri.toUtf8().constData(), nullptr);
    }
    for (const TurnServer &server : std::as_const(m_config.turnServers)) {
        const QString uri = webrtcbinTurnUri(server);
        gboolean added = FALSE;
        if (!uri.isEmpty())
            g_signal_emit_by_name(m_webrtc, "add-turn-server", uri.toUtf8().constData(), &added);
        if (!added)
            qCWarning(lcMedia) << "ignoring a TURN server that webrtcbin refused";
    }
}

bool MediaSession::addSendBranches()
{
    QString error;
    if (m_sendAudio) {
        m_audioBranch = SendBranch::create(MediaKind::Audio, m_pipeline, m_webrtc,
                                           *MediaSource::forAudio(m_config), m_audioPayload,
                                           m_makeOffer, m_bridge, &error);
        if (!m_audioBranch.isValid()) {
            fail(error);
            return false;
        }
        m_audioBranch.setMuted(m_muted);
    }
    if (m_sendVideo) {
        m_videoBranch = SendBranch::create(MediaKind::Video, m_pipeline, m_webrtc,
                                           *MediaSource::forVideo(m_config), m_videoPayload,
                                           m_makeOffer, m_bridge, &error);
        if (!m_videoBranch.isValid()) {
            fail(error);
            return false;
        }
        m_videoBranch.setVideoEnabled(m_videoEnabled);
    }
    return true;
}

// Media the peer offers that we do not send: received anyway.
void MediaSession::addReceiveOnlyTransceivers()
{
    if (m_audioPayload >= 0 && !m_sendAudio)
        addReceiveOnlyTransceiver(m_webrtc,
                                  rtpCaps(MediaKind::Audio, m_audioPayload, 0, m_makeOffer));
    if (m_videoPayload >= 0 && !m_sendVideo)
        addReceiveOnlyTransceiver(m_webrtc, rtpCaps(MediaKind::Video, m_videoPayload));
}

bool MediaSession::startPipeline()
{
    if (gst_element_set_state(m_pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
        fail(QStringLiteral("the media pipeline does not start"));
        return false;
    }
    m_statsClock.start();
    m_statsTimer.start(qMax(100, m_config.statsIntervalMs));
    m_videoWatch.start();
    return true;
}

void MediaSession::teardown()
{
    m_statsTimer.stop();
    m_videoWatch.stop();
    if (m_bridge) {
        m_bridge->detach();
        m_audioBuffersBefore += m_bridge->audioBuffers.load();
        m_videoFramesBefore += m_bridge->videoFrames.load();
        m_keyframeRequestsBefore += m_bridge->keyframeRequests.load();
    }
    if (m_pipeline) {
        gst_element_set_state(m_pipeline, GST_STATE_NULL);
        GstBus *bus = gst_pipeline_get_bus(GST_PIPELINE(m_pipeline));
        gst_bus_set_sync_handler(bus, nullptr, nullptr, nullptr);
        gst_object_unref(bus);
        // webrtcbin goes with the pipeline, and with it every callback's bridge reference
        gst_object_unref(m_pipeline);
    }
    m_pipeline = nullptr;
    m_webrtc = nullptr;
    m_audioBranch = {};
    m_videoBranch = {};
    m_bridge.reset();
    m_remoteSet = false;
    m_remoteUfrag.clear();
    m_pendingCandidates.clear();
    m_localMids.clear();
    m_gatheringDone = false;
    m_offerOutstanding = false;
    m_relayGathered = false;
    m_pathLost = false;
    m_pipelineConnected = false;
    m_bytesReceivedAtPoll = 0;
}

void MediaSession::rebuildPipeline()
{
    teardown();
    setState(MediaState::Connecting);
    buildPipeline(m_audioPayload, m_videoPayload, m_sendAudio, m_sendVideo);
}

void MediaSession::setState(MediaState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void MediaSession::fail(const QString &reason, call::FailureCause cause)
{
    if (m_state == MediaState::Failed || m_state == MediaState::Closed)
        return;
    m_restartTimer.stop();
    qCWarning(lcMedia) << "media failed:" << reason;
    m_failureCause = cause;
    teardown();
    setState(MediaState::Failed);
    emit failed(reason);
}

void MediaSession::setVideoEnabled(bool enabled)
{
    m_videoEnabled = enabled;
    if (m_ownDevices)
        m_ownDevices->setCameraActive(enabled && m_state != MediaState::Closed);
    if (m_videoBranch.isValid())
        m_videoBranch.setVideoEnabled(enabled);
    else if (enabled && m_state != MediaState::New)
        qCWarning(lcMedia) << "the peer's offer has no VP8 video: this call cannot send video";
}

void MediaSession::setMuted(bool muted)
{
    m_muted = muted;
    m_audioBranch.setMuted(muted);
}

void MediaSession::stop()
{
    if (m_state == MediaState::Closed)
        return;
    m_restartTimer.stop();
    teardown();
    if (m_ownDevices)
        m_ownDevices->setActive(false);
    m_pendingOffer.clear();
    if (std::exchange(m_remoteVideoActive, false))
        emit remoteVideoActiveChanged(false);
    setState(MediaState::Closed);
}

void MediaSession::pollStats()
{
    if (!m_webrtc)
        return;
    GstPromise *promise = gst_promise_new_with_change_func(
        MediaSessionCallbacks::statsReady, SessionBridge::ref(m_bridge), SessionBridge::unref);
    g_signal_emit_by_name(m_webrtc, "get-stats", nullptr, promise);
}

void MediaSession::statsArrived(const RawStats &raw)
{
    const qint64 elapsed = m_statsClock.nsecsElapsed();
    m_statsClock.restart();
    m_lastStats = m_statsCollector.update(raw, elapsed, receivedVideoFrames(),
                                          m_bridge ? m_bridge->videoWidth.load() : 0,
                                          m_bridge ? m_bridge->videoHeight.load() : 0);
    emit statsUpdated(m_lastStats);
    watchForLostPath(raw);
}

void MediaSession::watchForLostPath(const RawStats &raw)
{
    const bool arriving = raw.bytesReceived > m_bytesReceivedAtPoll;
    m_bytesReceivedAtPoll = raw.bytesReceived;
    if (arriving || !m_sinceBytesArrived.isValid())
        m_sinceBytesArrived.start();
    if (arriving && m_pathLost) {
        qCInfo(lcMedia) << "packets from the peer again: the path is back";
        m_pathLost = false;
        setState(MediaState::Connected);
    } else if (!arriving && m_pipelineConnected && !m_pathLost &&
               m_sinceBytesArrived.elapsed() >= kLostPathMs) {
        losePath();
    }
}

void MediaSession::losePath()
{
    qCInfo(lcMedia) << "nothing from the peer for" << m_sinceBytesArrived.elapsed()
                    << "ms: the path is lost";
    m_pathLost = true;
    setState(MediaState::Connecting);
    emit pathLost();
}

void MediaSession::restartOfferUnanswered()
{
    if (!m_restartOffered || !m_offerOutstanding)
        return;
    qCInfo(lcMedia) << "the restart offer was not answered: offering again";
    restartIce();
}

void MediaSession::handleFirstMedia(MediaKind kind)
{
    if (kind == MediaKind::Audio && !m_audioSeen) {
        m_audioSeen = true;
        emit firstAudioReceived();
    } else if (kind == MediaKind::Video && !m_videoSeen) {
        m_videoSeen = true;
        emit firstVideoReceived();
    }
}

void MediaSession::watchRemoteVideo()
{
    const quint64 frames = receivedVideoFrames();
    const bool arriving = frames != m_videoFramesAtWatch;
    m_videoFramesAtWatch = frames;
    m_quietWatches = arriving ? 0 : m_quietWatches + 1;
    const bool active =
        arriving || (m_remoteVideoActive && m_quietWatches < kQuietWatchesForStopped);
    if (active == m_remoteVideoActive)
        return;
    m_remoteVideoActive = active;
    emit remoteVideoActiveChanged(active);
}

void MediaSession::recalculateLatency()
{
    if (!m_pipeline)
        return;
    gst_bin_recalculate_latency(GST_BIN(m_pipeline));
    if (lcMedia().isDebugEnabled()) {
        GstQuery *query = gst_query_new_latency();
        if (gst_element_query(m_pipeline, query)) {
            gboolean live = FALSE;
            GstClockTime min = 0;
            GstClockTime max = 0;
            gst_query_parse_latency(query, &live, &min, &max);
            qCDebug(lcMedia) << "pipeline latency" << double(min) / GST_MSECOND << "ms";
        }
        gst_query_unref(query);
    }
}

}  // namespace softphone::media
