#pragma once

#include <QCameraDevice>
#include <QObject>
#include <QSize>
#include <memory>

class QCamera;
class QMediaCaptureSession;
class QVideoSink;

namespace softphone::media {

class VideoCaptureHub;

// A QCamera, through a QMediaCaptureSession, into a QVideoSink whose frames feed the camera
// path's appsrc (and the local preview). The camera is opened only while active.
class CameraCapture : public QObject
{
    Q_OBJECT

public:
    CameraCapture(std::shared_ptr<VideoCaptureHub> hub, QObject *parent = nullptr);
    ~CameraCapture() override;
    // Where the camera's frames arrive. Frames set on it by anyone else are sent as well:
    // tests feed it directly.
    QVideoSink *input();
    // A null device: no camera.
    void setDevice(const QCameraDevice &device);
    QCameraDevice device() const { return m_device; }
    // The mode to ask the camera for, nearest to the call's.
    void setPreferredFormat(QSize size, int fps);
    void setActive(bool active);
    // The QCamera exists and was told to start.
    bool isCameraOpen() const { return m_camera != nullptr; }

private:
    void update();

    std::shared_ptr<VideoCaptureHub> m_hub;
    std::unique_ptr<QVideoSink> m_input;
    std::unique_ptr<QMediaCaptureSession> m_session;
    std::unique_ptr<QCamera> m_camera;
    QCameraDevice m_device;
    QSize m_size{640, 480};
    int m_fps = 30;
    bool m_active = false;
};

}  // namespace softphone::media
