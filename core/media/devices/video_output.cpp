#include "media/devices/video_output.h"

#include <QMetaObject>
#include <QThread>
#include <QVideoSink>

namespace softphone::media {

void FrameMailbox::put(const QVideoFrame &frame)
{
    m_put.fetch_add(1);
    // Holding the lock keeps the relay alive while the call is queued: its destructor
    // detaches first, which waits for us; Qt drops calls queued to a deleted receiver.
    std::lock_guard lock(m_mutex);
    if (m_shut)
        return;
    m_latest = frame;
    if (!m_relay || m_pending)
        return;
    m_pending = true;
    QMetaObject::invokeMethod(m_relay, &FrameRelay::deliver, Qt::QueuedConnection);
}

QVideoFrame FrameMailbox::take()
{
    std::lock_guard lock(m_mutex);
    m_pending = false;
    return std::exchange(m_latest, QVideoFrame());
}

void FrameMailbox::attach(FrameRelay *relay)
{
    std::lock_guard lock(m_mutex);
    m_relay = relay;
}

void FrameMailbox::detach()
{
    std::lock_guard lock(m_mutex);
    m_relay = nullptr;
    m_latest = {};
}

FrameRelay::FrameRelay(QObject *parent)
    : QObject(parent)
{
    m_mailbox->attach(this);
}

FrameRelay::~FrameRelay()
{
    m_mailbox->detach();
}

void FrameRelay::setSink(QVideoSink *sink)
{
    m_sink = sink;
    m_mailbox->m_wanted = sink != nullptr;
}

void FrameRelay::clear()
{
    m_mailbox->take();
    show(QVideoFrame());
}

void FrameRelay::setShowing(bool showing)
{
    {
        std::lock_guard lock(m_mailbox->m_mutex);
        m_mailbox->m_shut = !showing;
    }
    if (!showing)
        clear();
}

void FrameRelay::deliver()
{
    const QVideoFrame frame = m_mailbox->take();
    if (frame.isValid())
        show(frame);
}

void FrameRelay::show(const QVideoFrame &frame)
{
    QVideoSink *sink = m_sink;
    if (!sink)
        return;
    if (sink->thread() == thread()) {
        sink->setVideoFrame(frame);
        return;
    }
    QMetaObject::invokeMethod(
        sink,
        [guard = QPointer<QVideoSink>(sink), frame] {
            if (guard)
                guard->setVideoFrame(frame);
        },
        Qt::QueuedConnection);
}

}  // namespace softphone::media
