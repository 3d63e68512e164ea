#pragma once

#include "media/device_catalog.h"
#include "media/media_config.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QCameraDevice>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <memory>

class QAudioSink;
class QAudioSource;
class QCamera;
class QIODevice;
class QMediaCaptureSession;
class QVideoFrame;
class QVideoSink;

namespace softphone::media {

class AudioCaptureHub;
class FrameRelay;
class PlaybackHub;
class VideoCaptureHub;
class AudioPlayback;

// A QAudioSource feeding the microphone path's appsrc. Lives on its owner's thread.
class AudioCapture : public QObject
{
    Q_OBJECT

public:
    AudioCapture(std::shared_ptr<AudioCaptureHub> hub, QObject *parent = nullptr);
    ~AudioCapture() override;
    void start(const QAudioDevice &device);
    void stop();
    QAudioDevice device() const { return m_device; }
    QAudioFormat format() const { return m_format; }
    // Whether its data goes into the pipelines; until then it only reports started().
    void setLive(bool live) { m_live = live; }

signals:
    // The first data: the device really works.
    void started(const QByteArray &pcm);
    void failed();

private:
    std::shared_ptr<AudioCaptureHub> m_hub;
    std::unique_ptr<QAudioSource> m_source;
    QIODevice *m_io = nullptr;  // owned by m_source
    QAudioDevice m_device;
    QAudioFormat m_format;
    QElapsedTimer m_opened;
    bool m_delivered = false;
    bool m_live = false;
};

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

// Routes a call's microphone, speaker and camera to the devices of a DeviceSelection, and its
// video to QVideoSinks, switching them while calls run. System devices go through Qt
// Multimedia (QAudioSource, QAudioSink, QCamera); synthetic ones through GStreamer's test
// elements. applyTo() puts its sources and sinks into a call's MediaConfig; every pipeline
// built from that config follows the router until it is torn down. Lives on one thread (the
// sessions'); GStreamer threads reach it only through the thread-safe hubs.
class DeviceRouter : public QObject
{
    Q_OBJECT

public:
    // Devices are resolved in `catalog` (not owned: the app's one catalog, which its menus and
    // settings list too), or in a catalog of the router's own when it is null.
    explicit DeviceRouter(DeviceCatalog *catalog = nullptr, QObject *parent = nullptr);
    ~DeviceRouter() override;

    void setDevices(const DeviceSelection &devices);
    DeviceSelection devices() const { return m_selection; }
    // System devices are open only while active (a call runs): no microphone or speaker is
    // held between calls. Off at first.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // What the selection resolves to now (see DeviceCatalog::resolve).
    MediaDevice microphone() const { return m_microphone; }
    MediaDevice speaker() const { return m_speaker; }
    MediaDevice camera() const { return m_camera; }
    DeviceCatalog *catalog() const { return m_catalog; }

    // Not owned; null detaches. Frames are delivered on the sink's thread.
    void setRemoteVideoSink(QVideoSink *sink);
    void setLocalVideoSink(QVideoSink *sink);
    QVideoSink *remoteVideoSink() const;
    QVideoSink *localVideoSink() const;
    // Shows an empty frame on both sinks (the call ended).
    void clearVideo();

    // Video is being sent: a system camera is open only while this is true (and active).
    void setCameraActive(bool active);
    bool isCameraActive() const { return m_cameraActive; }
    CameraCapture *cameraCapture() const { return m_cameraCapture; }
    // Sends the frames set on cameraCapture()->input() whatever camera is selected, without
    // opening one: for tests, and for frames made by the application itself.
    void setCameraFeedFromInput(bool fromInput);

    // Makes `config` take its microphone, camera, speaker and video display from this router
    // (its custom source and sink fields; the camera at config's size and rate).
    void applyTo(MediaConfig &config) const;
    // Only the remote video, into the remote video sink.
    void applyRemoteVideoTo(MediaConfig &config) const;

    // Counters for tests: microphone buffers and camera frames pushed into pipelines, PCM
    // bytes that reached the speaker path.
    quint64 capturedAudioBuffers() const;
    quint64 capturedVideoFrames() const;
    quint64 playbackBytes() const;

signals:
    // The resolved devices changed (a new selection, or hot-plug).
    void routed();

private:
    void route();
    void routeMicrophone();
    void openMicrophone(const QAudioDevice &device);
    void closeMicrophones();
    void routeSpeaker();
    void routeCamera();

    DeviceCatalog *m_catalog;
    DeviceSelection m_selection;
    MediaDevice m_microphone;
    MediaDevice m_speaker;
    MediaDevice m_camera;
    std::shared_ptr<AudioCaptureHub> m_audioHub;
    std::shared_ptr<PlaybackHub> m_playbackHub;
    FrameRelay *m_remoteVideo;
    FrameRelay *m_localVideo;
    std::shared_ptr<VideoCaptureHub> m_videoHub;
    AudioCapture *m_audioCapture = nullptr;  // the microphone that feeds the calls
    AudioCapture *m_nextCapture = nullptr;   // the one taking over at its first data
    AudioPlayback *m_playback;
    CameraCapture *m_cameraCapture;
    bool m_active = false;
    bool m_routed = false;  // route() has run: the devices have been looked up
    bool m_cameraActive = false;
    bool m_cameraFromInput = false;
};

}  // namespace softphone::media
