#pragma once

#include "call/failure_cause.h"
#include "media/media_config.h"
#include "media/session/media_gate.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace softphone::media {

class MediaSession;

// The only door from GStreamer's threads (streaming threads, webrtcbin's own thread, promise
// callbacks, the bus) into a MediaSession. One bridge per pipeline: everything a callback may
// read is in here, immutable or atomic; everything it wants done is posted to the session's
// thread as a queued call. Once detached (the pipeline is torn down or the session is gone),
// posts are dropped. Callbacks hold it through shared_ptr, so it outlives every one of them.
class SessionBridge
{
public:
    SessionBridge(MediaSession *session, const MediaConfig &config, quint64 generation);

    // Any thread: run `task` later on the session's thread, if the session still exists and
    // still runs this bridge's pipeline.
    void post(std::function<void(MediaSession &)> task);
    // Session thread: drop every later post.
    void detach();

    const MediaConfig &config() const { return m_config; }
    quint64 generation() const { return m_generation; }

    // Reports from streaming threads, delivered on the session's thread.
    void firstMediaReceived(MediaKind kind);
    void audioTapped(QByteArray pcm, int sampleRate, qint64 renderTimeNs);
    void pipelineError(const QString &reason,
                       call::FailureCause cause = call::FailureCause::MediaError);

    // Counters written by streaming threads, read by the session.
    std::atomic<quint64> audioBuffers{0};
    std::atomic<quint64> videoFrames{0};
    std::atomic<int> videoWidth{0};
    std::atomic<int> videoHeight{0};
    std::atomic<quint64> keyframeRequests{0};

    // The peer's streams wait here until its certificate is checked (MediaSession opens it).
    MediaGate gate;

    // GLib user data holding a reference to `bridge`, and its destroy notify.
    static void *ref(const std::shared_ptr<SessionBridge> &bridge);
    static void unref(void *data);
    static SessionBridge *from(void *data);

private:
    std::mutex m_mutex;
    MediaSession *m_session;  // null once detached
    const MediaConfig m_config;
    const quint64 m_generation;
};

}  // namespace softphone::media
