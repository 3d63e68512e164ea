#pragma once

#include "call/call_controller.h"
#include "media/devices/device_catalog.h"
#include "media/media_config.h"
#include "media/session/media_session.h"
#include "media/session/media_stats.h"

#include <QObject>
#include <QTimer>
#include <memory>

class QVideoSink;

namespace softphone::media {

class DeviceRouter;

// Gives the calls of a CallController their media: a MediaSession from the answer to the
// end, its offer/answer and candidates carried as rtc.sdp / rtc.ice for the current call,
// TURN servers from the server's credentials, and the call held in Connecting until the
// media is up (or ended when it fails).
class CallMedia : public QObject
{
    Q_OBJECT

public:
    // `base` is the template for every call: sources, sinks, tone, jitter buffer...; audio,
    // video and the ICE servers are set per call. Devices are resolved in `catalog` (not
    // owned; see DeviceRouter).
    CallMedia(call::CallController *controller, im::ImClient *im, MediaConfig base,
              DeviceCatalog *catalog = nullptr, QObject *parent = nullptr);
    ~CallMedia() override;

    MediaSession *session() const { return m_session.get(); }
    // How long an answered call may wait for its media before it ends as failed.
    void setConnectTimeoutMs(int ms) { m_connectTimer.setInterval(ms); }
    void setMuted(bool muted);
    // Camera on or off. A system camera is open only while video is on during a call.
    void setVideoEnabled(bool enabled);

    // The devices for this and later calls; a call in progress switches at once.
    void setDevices(const softphone::media::DeviceSelection &devices);
    softphone::media::DeviceSelection devices() const;
    // Where decoded remote video goes, and the local preview (what we send, while the camera is
    // on). Not owned; null detaches. Frames are delivered on the sink's thread.
    void setRemoteVideoSink(QVideoSink *sink);
    void setLocalVideoSink(QVideoSink *sink);
    DeviceRouter *router() const { return m_router; }

signals:
    void sessionStarted(softphone::media::MediaSession *session);
    void connected();
    void firstAudio();
    void firstVideo();
    // The peer's camera picture started or stopped arriving.
    void remoteVideoActiveChanged(bool active);
    void statsUpdated(const softphone::media::MediaStats &stats);
    void sessionEnded();

private:
    void onCallState(call::CallState state);
    void startSession();
    void onPathLost();
    void endSession();
    void refreshTurn();
    MediaConfig configForCall() const;

    call::CallController *m_controller;
    im::ImClient *m_im;
    MediaConfig m_base;
    DeviceRouter *m_router;     // outlives every session (a child, destroyed after endSession)
    bool m_useDevices = false;  // MediaConfig::switchableDevices given, or setDevices called
    bool m_routeVideo = false;  // a remote video sink was set
    std::unique_ptr<MediaSession> m_session;
    QString m_sessionCid;
    int m_joins = 0;  // our room joins during this call: a second one is a comeback
    QString m_stunServer;
    QList<TurnServer> m_turnServers;
    bool m_muted = false;
    bool m_videoEnabled = true;
    QTimer m_connectTimer;
};

}  // namespace softphone::media
