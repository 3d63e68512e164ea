#pragma once

#include "media/devices/camera_capture.h"
#include "media/devices/device_catalog.h"
#include "media/media_config.h"

#include <QObject>
#include <memory>

class QAudioDevice;
class QVideoSink;

namespace softphone::media {

class AudioCapture;
class AudioCaptureHub;
class AudioPlayback;
class FrameRelay;
class PlaybackHub;
class VideoCaptureHub;

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
