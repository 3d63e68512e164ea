#include "media/devices/device_router.h"

#include "media/devices/audio_capture.h"
#include "media/devices/audio_capture_hub.h"
#include "media/devices/audio_playback.h"
#include "media/devices/devices_log.h"
#include "media/devices/playback_hub.h"
#include "media/devices/routed_endpoints.h"
#include "media/devices/video_capture_hub.h"
#include "media/devices/video_output.h"

#include <QMediaDevices>
#include <QVideoSink>

Q_LOGGING_CATEGORY(lcDevices, "softphone.media.devices", QtInfoMsg)

namespace softphone::media {

namespace {

QAudioDevice findAudio(const QList<QAudioDevice> &devices, const QByteArray &id)
{
    for (const QAudioDevice &device : devices) {
        if (device.id() == id)
            return device;
    }
    return {};
}

QCameraDevice findCamera(const QByteArray &id)
{
    for (const QCameraDevice &device : QMediaDevices::videoInputs()) {
        if (device.id() == id)
            return device;
    }
    return {};
}

}  // namespace

DeviceRouter::DeviceRouter(DeviceCatalog *catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog ? catalog : new DeviceCatalog(this))
    , m_audioHub(std::make_shared<AudioCaptureHub>())
    , m_playbackHub(std::make_shared<PlaybackHub>())
    , m_remoteVideo(new FrameRelay(this))
    , m_localVideo(new FrameRelay(this))
    , m_videoHub(std::make_shared<VideoCaptureHub>(m_localVideo->mailbox()))
    , m_playback(new AudioPlayback(m_playbackHub, this))
    , m_cameraCapture(new CameraCapture(m_videoHub, this))
{
    connect(m_catalog, &DeviceCatalog::devicesChanged, this, [this](DeviceKind kind) {
        if (!m_routed)
            return;
        switch (kind) {
        case DeviceKind::Microphone:
            routeMicrophone();
            break;
        case DeviceKind::Speaker:
            routeSpeaker();
            break;
        case DeviceKind::Camera:
            routeCamera();
            break;
        }
        emit routed();
    });
}

DeviceRouter::~DeviceRouter()
{
    // Qt objects first, on this thread; the hubs may outlive us in pipelines still alive.
    delete m_cameraCapture;
    delete m_playback;
    closeMicrophones();
}

void DeviceRouter::setDevices(const DeviceSelection &devices)
{
    m_selection = devices;
    route();
}

void DeviceRouter::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    m_cameraCapture->setActive(m_active && m_cameraActive);
    route();
}

// Nothing is looked up before the first call: see DeviceCatalog.
void DeviceRouter::route()
{
    if (!m_active && !m_routed)
        return;
    m_routed = true;
    routeMicrophone();
    routeSpeaker();
    routeCamera();
    emit routed();
}

void DeviceRouter::routeMicrophone()
{
    const MediaDevice device = m_catalog->resolve(DeviceKind::Microphone, m_selection.microphone);
    const bool changed = device.id != m_microphone.id;
    m_microphone = device;
    if (device.synthetic) {
        closeMicrophones();
        m_audioHub->selectTone(synthetic::toneFrequency(device.id));
        return;
    }
    if (!m_active) {
        closeMicrophones();
        m_audioHub->selectDevice();  // silence until the device is opened and delivers
        return;
    }
    const AudioCapture *current = m_nextCapture ? m_nextCapture : m_audioCapture;
    if (!changed && current)
        return;
    openMicrophone(findAudio(QMediaDevices::audioInputs(), device.id));
    qCInfo(lcDevices) << "microphone:" << device.name;
}

// Make before break: what the call sends now (a tone, the previous microphone) goes on until
// the new microphone delivers its first data, so a switch costs no more than the new
// device's start-up, and a device that never starts leaves the call as it was.
void DeviceRouter::openMicrophone(const QAudioDevice &device)
{
    delete std::exchange(m_nextCapture, nullptr);
    auto *next = new AudioCapture(m_audioHub, this);
    m_nextCapture = next;
    connect(next, &AudioCapture::started, this, [this, next](const QByteArray &pcm) {
        if (m_nextCapture != next)
            return;
        delete std::exchange(m_audioCapture, std::exchange(m_nextCapture, nullptr));
        m_audioHub->selectDevice();
        m_audioHub->push(pcm, next->format());
        next->setLive(true);
    });
    connect(next, &AudioCapture::failed, this, [this, next] {
        // a microphone that broke sends silence, not whatever was chosen before it
        next->deleteLater();
        if (m_nextCapture == next)
            m_nextCapture = nullptr;
        if (m_audioCapture == next)
            m_audioCapture = nullptr;
        m_audioHub->selectTone(0);
    });
    next->start(device);
}

void DeviceRouter::closeMicrophones()
{
    delete std::exchange(m_nextCapture, nullptr);
    delete std::exchange(m_audioCapture, nullptr);
}

void DeviceRouter::routeSpeaker()
{
    const MediaDevice device = m_catalog->resolve(DeviceKind::Speaker, m_selection.speaker);
    m_speaker = device;
    if (device.synthetic || !m_active) {
        m_playback->stop();
        return;
    }
    if (m_playback->device().id() == device.id)
        return;
    m_playback->start(findAudio(QMediaDevices::audioOutputs(), device.id));
    qCInfo(lcDevices) << "speaker:" << device.name;
}

void DeviceRouter::routeCamera()
{
    const MediaDevice device = m_catalog->resolve(DeviceKind::Camera, m_selection.camera);
    m_camera = device;
    if (m_cameraFromInput) {
        m_cameraCapture->setDevice({});
        if (!m_videoHub->cameraSelected())
            m_videoHub->selectCamera();
        return;
    }
    if (device.synthetic) {
        m_cameraCapture->setDevice({});
        m_videoHub->selectPattern();
        return;
    }
    const QCameraDevice qt = findCamera(device.id);
    if (qt == m_cameraCapture->device() && m_videoHub->cameraSelected())
        return;
    m_videoHub->selectCamera();
    m_cameraCapture->setDevice(qt);
    qCInfo(lcDevices) << "camera:" << device.name;
}

void DeviceRouter::setCameraFeedFromInput(bool fromInput)
{
    m_cameraFromInput = fromInput;
    if (!fromInput)
        m_videoHub->selectPattern();  // routeCamera picks again from the selection
    if (m_routed)
        routeCamera();
}

void DeviceRouter::setCameraActive(bool active)
{
    m_cameraActive = active;
    m_videoHub->setSending(active);
    m_cameraCapture->setActive(m_active && active);
    m_localVideo->setShowing(active);
}

void DeviceRouter::setRemoteVideoSink(QVideoSink *sink)
{
    m_remoteVideo->setSink(sink);
}

void DeviceRouter::setLocalVideoSink(QVideoSink *sink)
{
    m_localVideo->setSink(sink);
}

QVideoSink *DeviceRouter::remoteVideoSink() const
{
    return m_remoteVideo->sink();
}

QVideoSink *DeviceRouter::localVideoSink() const
{
    return m_localVideo->sink();
}

void DeviceRouter::clearVideo()
{
    m_remoteVideo->clear();
    m_localVideo->clear();
}

void DeviceRouter::applyTo(MediaConfig &config) const
{
    m_cameraCapture->setPreferredFormat(QSize(config.videoWidth, config.videoHeight),
                                        config.videoFps);
    config.customAudioSource = std::make_shared<RoutedAudioSource>(m_audioHub);
    config.customVideoSource = std::make_shared<RoutedVideoSource>(
        m_videoHub, config.videoWidth, config.videoHeight, config.videoFps);
    config.customAudioSink = std::make_shared<RoutedAudioSink>(m_playbackHub);
    applyRemoteVideoTo(config);
}

void DeviceRouter::applyRemoteVideoTo(MediaConfig &config) const
{
    config.customVideoSink = std::make_shared<FrameSink>(m_remoteVideo->mailbox());
}

quint64 DeviceRouter::capturedAudioBuffers() const
{
    return m_audioHub->pushedBuffers();
}

quint64 DeviceRouter::capturedVideoFrames() const
{
    return m_videoHub->pushedFrames();
}

quint64 DeviceRouter::playbackBytes() const
{
    return m_playbackHub->writtenBytes();
}

}  // namespace softphone::media
