#include "media/session/session_bridge.h"

#include "media/session/media_session.h"

#include <QMetaObject>
#include <QPointer>

namespace softphone::media {

SessionBridge::SessionBridge(MediaSession *session, const MediaConfig &config, quint64 generation)
    : m_session(session)
    , m_config(config)
    , m_generation(generation)
{}

void SessionBridge::post(std::function<void(MediaSession &)> task)
{
    // Holding the lock keeps the session alive while the call is queued: its destructor
    // detaches first, which waits for us. Qt discards queued calls to a deleted receiver.
    std::lock_guard lock(m_mutex);
    if (!m_session)
        return;
    QMetaObject::invokeMethod(
        m_session,
        [guard = QPointer<MediaSession>(m_session), generation = m_generation,
         task = std::move(task)] {
            if (guard && guard->m_generation == generation)
                task(*guard);
        },
        Qt::QueuedConnection);
}

void SessionBridge::detach()
{
    std::lock_guard lock(m_mutex);
    m_session = nullptr;
}

void SessionBridge::firstMediaReceived(MediaKind kind)
{
    post([kind](MediaSession &session) { session.handleFirstMedia(kind); });
}

void SessionBridge::audioTapped(QByteArray pcm, int sampleRate, qint64 renderTimeNs)
{
    post([pcm = std::move(pcm), sampleRate, renderTimeNs](MediaSession &session) {
        emit session.audioReceived(pcm, sampleRate, renderTimeNs);
    });
}

void SessionBridge::pipelineError(const QString &reason, call::FailureCause cause)
{
    post([reason, cause](MediaSession &session) { session.fail(reason, cause); });
}

void *SessionBridge::ref(const std::shared_ptr<SessionBridge> &bridge)
{
    return new std::shared_ptr<SessionBridge>(bridge);
}

void SessionBridge::unref(void *data)
{
    delete static_cast<std::shared_ptr<SessionBridge> *>(data);
}

SessionBridge *SessionBridge::from(void *data)
{
    return static_cast<std::shared_ptr<SessionBridge> *>(data)->get();
}

}  // namespace softphone::media
