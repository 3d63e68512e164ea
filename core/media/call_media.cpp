#include "media/call_media.h"

#include "media/devices/device_router.h"

#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcCallMedia, "softphone.media.call", QtInfoMsg)

namespace softphone::media {

using call::CallController;
using call::CallState;

namespace {

// How long the server has to answer a ping once the media path is lost.
constexpr int kConnectionCheckMs = 3000;

QString sdpTypeName(protocol::SdpType type)
{
    return type == protocol::SdpType::Offer ? QStringLiteral("offer") : QStringLiteral("answer");
}

}  // namespace

CallMedia::CallMedia(CallController *controller, im::ImClient *im, MediaConfig base,
                     DeviceCatalog *catalog, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_im(im)
    , m_base(std::move(base))
    , m_router(new DeviceRouter(catalog, this))
{
    if (m_base.switchableDevices) {
        m_useDevices = true;
        m_router->setDevices(*m_base.switchableDevices);
    }
    m_controller->setWaitForMedia(true);
    // ICE reports a failure only once it has candidates to fail with; with none (no network
    // at all) it would wait forever.
    m_connectTimer.setSingleShot(true);
    m_connectTimer.setInterval(30000);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcCallMedia) << "no media path within" << m_connectTimer.interval() << "ms";
        // With no candidates at all ICE never fails by itself; with TURN configured and no
        // relay address from it, the relay is the likelier culprit.
        const bool noRelay = m_session && !configForCall().turnServers.isEmpty() &&
                             m_session->failureCause() == call::FailureCause::None &&
                             !m_session->hasRelayCandidate();
        const int seconds = m_connectTimer.interval() / 1000;
        if (noRelay)
            m_controller->mediaFailed(call::FailureCause::TurnRefused,
                                      QStringLiteral("TURN refused: the TURN server gave no relay "
                                                     "address, and the media did not connect "
                                                     "within %1 s")
                                          .arg(seconds));
        else
            m_controller->mediaFailed(
                call::FailureCause::NoRoute,
                QStringLiteral("no route: the media did not connect within %1 s").arg(seconds));
    });
    connect(m_controller, &CallController::stateChanged, this, &CallMedia::onCallState);
    connect(m_controller, &CallController::remoteSdp, this,
            [this](protocol::SdpType type, const QString &sdp) {
                if (m_session)
                    m_session->setRemoteDescription(sdpTypeName(type), sdp);
            });
    connect(m_controller, &CallController::remoteIce, this,
            [this](int mlineIndex, const QString &mid, const QString &candidate) {
                if (m_session)
                    m_session->addRemoteCandidate(mlineIndex, mid, candidate);
            });
    // Back in the room after a lost connection: the path may have changed with it.
    connect(m_controller, &CallController::roomJoined, this, [this] {
        if (++m_joins > 1 && m_session && m_session->state() != MediaState::Connected) {
            qCInfo(lcCallMedia) << "rejoined with media down: restarting ICE";
            m_session->restartIce();
        }
    });
    connect(m_im, &im::ImClient::stateChanged, this, [this](im::ConnectionState state) {
        if (state == im::ConnectionState::Online)
            refreshTurn();
    });
    if (m_im->state() == im::ConnectionState::Online)
        refreshTurn();
}

CallMedia::~CallMedia()
{
    endSession();
}

void CallMedia::setMuted(bool muted)
{
    m_muted = muted;
    if (m_session)
        m_session->setMuted(muted);
}

void CallMedia::setVideoEnabled(bool enabled)
{
    m_videoEnabled = enabled;
    if (m_session) {
        m_router->setCameraActive(enabled);
        m_session->setVideoEnabled(enabled);
    }
}

void CallMedia::setDevices(const DeviceSelection &devices)
{
    m_useDevices = true;
    m_router->setDevices(devices);
}

DeviceSelection CallMedia::devices() const
{
    return m_router->devices();
}

void CallMedia::setRemoteVideoSink(QVideoSink *sink)
{
    if (sink)
        m_routeVideo = true;
    m_router->setRemoteVideoSink(sink);
}

void CallMedia::setLocalVideoSink(QVideoSink *sink)
{
    m_router->setLocalVideoSink(sink);
}

void CallMedia::onCallState(CallState state)
{
    switch (state) {
    case CallState::Connecting:
        if (!m_session || m_sessionCid != m_controller->current().cid)
            startSession();
        break;
    case CallState::InCall:
        break;
    case CallState::Idle:
    case CallState::Outgoing:
    case CallState::Incoming:
    case CallState::Ended:
        endSession();
        break;
    }
}

// The call was answered: both ends build their pipelines; the caller's offers, the
// callee's waits for that offer.
void CallMedia::startSession()
{
    endSession();
    const call::CallInfo &call = m_controller->current();
    m_sessionCid = call.cid;
    m_joins = 0;
    m_session =
        std::make_unique<MediaSession>(call.outgoing ? MediaRole::Caller : MediaRole::Callee);
    MediaSession *session = m_session.get();
    connect(session, &MediaSession::localDescription, this,
            [this](const QString &type, const QString &sdp) {
                m_controller->sendSdp(type == QLatin1String("offer") ? protocol::SdpType::Offer
                                                                     : protocol::SdpType::Answer,
                                      sdp);
            });
    connect(session, &MediaSession::localCandidate, m_controller, &CallController::sendIce);
    connect(session, &MediaSession::stateChanged, this, [this](MediaState state) {
        if (state == MediaState::Connected) {
            m_connectTimer.stop();
            m_controller->mediaConnected();
            emit connected();
        }
    });
    connect(session, &MediaSession::failed, this, [this, session](const QString &reason) {
        qCWarning(lcCallMedia) << "media failed:" << reason;
        m_controller->mediaFailed(session->failureCause(), reason);
    });
    connect(session, &MediaSession::pathLost, this, &CallMedia::onPathLost);
    connect(session, &MediaSession::firstAudioReceived, this, &CallMedia::firstAudio);
    connect(session, &MediaSession::firstVideoReceived, this, &CallMedia::firstVideo);
    connect(session, &MediaSession::remoteVideoActiveChanged, this,
            &CallMedia::remoteVideoActiveChanged);
    connect(session, &MediaSession::statsUpdated, this, &CallMedia::statsUpdated);
    emit sessionStarted(session);
    m_connectTimer.start();
    const MediaConfig config = configForCall();
    // the camera opens only while video is sent
    m_router->setActive(m_useDevices);
    m_router->setCameraActive(config.video && m_videoEnabled);
    session->start(config);
    session->setMuted(m_muted);
    if (!m_videoEnabled)
        session->setVideoEnabled(false);
}

// The media stopped: our address may have changed, or the peer's. The call has until the
// media timeout to get its media back. If our connection to the server still works, the
// caller restarts ICE at once (the callee waits for its offer, so that the two do not cross);
// if it does not, the client reconnects, rejoins the room and restarts from there.
void CallMedia::onPathLost()
{
    qCInfo(lcCallMedia) << "media path lost: checking the connection to the server";
    m_connectTimer.start();
    QPointer<CallMedia> self(this);
    const QString cid = m_sessionCid;
    m_im->checkConnection(kConnectionCheckMs, [self, cid](bool alive) {
        if (!self || !self->m_session || self->m_sessionCid != cid)
            return;
        if (alive && self->m_controller->current().outgoing &&
            self->m_session->state() == MediaState::Connecting) {
            qCInfo(lcCallMedia) << "restarting ICE";
            self->m_session->restartIce();
        }
    });
}

void CallMedia::endSession()
{
    m_connectTimer.stop();
    if (!m_session)
        return;
    m_router->setCameraActive(false);
    m_router->setActive(false);
    m_router->clearVideo();
    m_session->disconnect(this);
    const bool hadVideo = m_session->isRemoteVideoActive();
    m_session->stop();
    m_session.reset();
    m_sessionCid.clear();
    if (hadVideo)
        emit remoteVideoActiveChanged(false);
    emit sessionEnded();
}

MediaConfig CallMedia::configForCall() const
{
    MediaConfig config = m_base;
    config.audio = true;
    config.video = m_controller->current().type == protocol::CallType::Video;
    if (!m_stunServer.isEmpty())
        config.stunServer = m_stunServer;
    if (!m_turnServers.isEmpty())
        config.turnServers = m_turnServers;
    // Devices: from the router, which switches them mid-call, unless the template brings its
    // own sources. Otherwise the template's kinds apply as they are.
    if (m_useDevices && !m_base.customAudioSource && !m_base.customVideoSource) {
        m_router->applyTo(config);
    } else if (m_routeVideo && !m_base.customVideoSink) {
        m_router->applyRemoteVideoTo(config);
    }
    return config;
}

// Time-limited TURN credentials from the server, asked for whenever we come online; a call
// that starts without them still works where no relay is needed.
void CallMedia::refreshTurn()
{
    QPointer<CallMedia> self(this);
    m_im->call(protocol::TurnGet{}, [self](std::optional<protocol::TurnCredentials> turn,
                                           const protocol::ErrorBody &error) {
        if (!self)
            return;
        if (!turn) {
            qCInfo(lcCallMedia) << "no TURN credentials:" << error.message.c_str();
            return;
        }
        self->m_turnServers.clear();
        self->m_stunServer.clear();
        for (const std::string &url : turn->urls) {
            const QString uri = QString::fromStdString(url);
            if (uri.startsWith(QLatin1String("stun:")))
                self->m_stunServer = uri;
            else
                self->m_turnServers.append({uri, QString::fromStdString(turn->username),
                                            QString::fromStdString(turn->credential)});
        }
    });
}

}  // namespace softphone::media
