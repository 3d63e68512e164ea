#include "media/devices/camera_capture.h"

#include "media/devices/devices_log.h"
#include "media/devices/video_capture_hub.h"

#include <QCamera>
#include <QMediaCaptureSession>
#include <QVideoSink>

namespace softphone::media {

CameraCapture::CameraCapture(std::shared_ptr<VideoCaptureHub> hub, QObject *parent)
    : QObject(parent)
    , m_hub(std::move(hub))
{}

CameraCapture::~CameraCapture()
{
    m_camera.reset();
    m_session.reset();
}

QVideoSink *CameraCapture::input()
{
    if (!m_input) {
        m_input = std::make_unique<QVideoSink>();
        // Direct: the camera's frames arrive on Qt Multimedia's thread; the hub is
        // thread-safe and touches no Qt object.
        connect(
            m_input.get(), &QVideoSink::videoFrameChanged, m_input.get(),
            [hub = m_hub](const QVideoFrame &frame) {
                if (frame.isValid())
                    hub->push(frame);
            },
            Qt::DirectConnection);
    }
    return m_input.get();
}

void CameraCapture::setDevice(const QCameraDevice &device)
{
    if (device == m_device)
        return;
    m_device = device;
    m_camera.reset();
    update();
}

void CameraCapture::setPreferredFormat(QSize size, int fps)
{
    m_size = size;
    m_fps = fps;
}

void CameraCapture::setActive(bool active)
{
    m_active = active;
    update();
}

void CameraCapture::update()
{
    const bool open = m_active && !m_device.isNull();
    if (!open) {
        if (m_camera) {
            m_camera->stop();
            m_camera.reset();
        }
        return;
    }
    if (m_camera)
        return;
    if (!m_session) {
        m_session = std::make_unique<QMediaCaptureSession>();
        m_session->setVideoSink(input());
    }
    m_camera = std::make_unique<QCamera>(m_device);
    // the mode nearest the call's size at at least its rate, if the camera lists any
    QCameraFormat best;
    qint64 bestScore = -1;
    for (const QCameraFormat &format : m_device.videoFormats()) {
        const QSize r = format.resolution();
        qint64 score =
            qAbs(qint64(r.width()) * r.height() - qint64(m_size.width()) * m_size.height());
        if (format.maxFrameRate() < m_fps)
            score += qint64(1) << 40;
        if (bestScore < 0 || score < bestScore) {
            bestScore = score;
            best = format;
        }
    }
    if (!best.isNull())
        m_camera->setCameraFormat(best);
    connect(m_camera.get(), &QCamera::errorOccurred, this,
            [this](QCamera::Error, const QString &message) {
                qCWarning(lcDevices) << "camera" << m_device.description() << ":" << message;
            });
    m_session->setCamera(m_camera.get());
    m_camera->start();
}

}  // namespace softphone::media
