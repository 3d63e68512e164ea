#include "media/devices/playback_hub.h"

#include <QMetaObject>

namespace softphone::media {

void PlaybackHub::write(const char *data, qsizetype size)
{
    m_written.fetch_add(quint64(size));
    std::lock_guard lock(m_mutex);
    if (!m_listener)
        return;  // nobody plays it: consumed at the device's pace, like a fakesink
    m_ring.append(data, size);
    constexpr qsizetype kMaxBytes = qsizetype(kRate) * 2 * kMaxBufferedMs / 1000;
    if (m_ring.size() > kMaxBytes)
        m_ring.remove(0, m_ring.size() - kMaxBytes);
    if (m_pending)
        return;
    m_pending = true;
    QMetaObject::invokeMethod(m_listener, &PlaybackListener::audioWaiting, Qt::QueuedConnection);
}

QByteArray PlaybackHub::read(qsizetype max)
{
    std::lock_guard lock(m_mutex);
    m_pending = false;
    const qsizetype n = std::min(max, m_ring.size()) & ~qsizetype(1);
    QByteArray out = m_ring.left(n);
    m_ring.remove(0, n);
    return out;
}

qsizetype PlaybackHub::available() const
{
    std::lock_guard lock(m_mutex);
    return m_ring.size();
}

void PlaybackHub::attach(PlaybackListener *listener)
{
    std::lock_guard lock(m_mutex);
    m_listener = listener;
    m_ring.clear();
    m_pending = false;
}

void PlaybackHub::detach()
{
    std::lock_guard lock(m_mutex);
    m_listener = nullptr;
    m_ring.clear();
    m_pending = false;
}

}  // namespace softphone::media
