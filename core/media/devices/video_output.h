#pragma once

#include <QObject>
#include <QPointer>
#include <QVideoFrame>
#include <QVideoSink>
#include <atomic>
#include <memory>
#include <mutex>

namespace softphone::media {

class FrameRelay;

// Hands the latest video frame from any thread (a GStreamer streaming thread, the camera's)
// to a FrameRelay on its own thread. Only the newest frame waits: a busy receiver skips frames
// rather than falling behind.
class FrameMailbox
{
public:
    // Whether anyone will look at frames: producers skip the conversion otherwise.
    bool wanted() const { return m_wanted.load(); }
    // Any thread.
    void put(const QVideoFrame &frame);
    quint64 framesPut() const { return m_put.load(); }

private:
    friend class FrameRelay;
    QVideoFrame take();
    void attach(FrameRelay *relay);
    void detach();

    std::mutex m_mutex;
    FrameRelay *m_relay = nullptr;  // null once detached
    QVideoFrame m_latest;
    bool m_pending = false;  // a delivery is queued to the relay
    bool m_shut = false;     // frames put are dropped (the camera went off)
    std::atomic<bool> m_wanted{false};
    std::atomic<quint64> m_put{0};
};

// Delivers a mailbox's frames to a QVideoSink (not owned; it may go away at any time), on the
// sink's thread.
class FrameRelay : public QObject
{
    Q_OBJECT

public:
    explicit FrameRelay(QObject *parent = nullptr);
    ~FrameRelay() override;

    const std::shared_ptr<FrameMailbox> &mailbox() const { return m_mailbox; }
    void setSink(QVideoSink *sink);
    QVideoSink *sink() const { return m_sink; }
    // Shows nothing: the sink gets an empty frame (the call ended).
    void clear();
    // Off: clears, and drops the frames still on their way from a producer that has not yet
    // seen it stop (the camera went off); on again: shows frames as they come.
    void setShowing(bool showing);

private:
    friend class FrameMailbox;
    void deliver();
    void show(const QVideoFrame &frame);

    std::shared_ptr<FrameMailbox> m_mailbox = std::make_shared<FrameMailbox>();
    QPointer<QVideoSink> m_sink;
};

}  // namespace softphone::media
