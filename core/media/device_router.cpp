#include "media/device_router.h"

#include "media/device_hubs.h"
#include "media/video_output.h"

#include <QAudioSink>
#include <QAudioSource>
#include <QCamera>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoSink>
#include <cstring>

Q_LOGGING_CATEGORY(lcDevices, "softphone.media.devices", QtInfoMsg)

namespace softphone::media {

namespace {

// Small device buffers keep capture and playback delay low: 20 ms of microphone, 40 ms of
// speaker (less makes PulseAudio underrun on a loaded machine).
constexpr int kCaptureBufferUs = 20000;
constexpr int kPlaybackBufferUs = 40000;

QAudioFormat audioFormat(int channels, QAudioFormat::SampleFormat sample)
{
    QAudioFormat format;
    format.setSampleRate(PlaybackHub::kRate);
    format.setChannelCount(channels);
    format.setSampleFormat(sample);
    return format;
}

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

// ---- speaker -------------------------------------------------------------------------------

// A QAudioSink in push mode, written whenever the hub has decoded audio waiting (every 10 ms
// while a call runs): what does not fit waits in the hub's short ring.
class AudioPlayback : public PlaybackListener
{
public:
    AudioPlayback(std::shared_ptr<PlaybackHub> hub, QObject *parent)
        : PlaybackListener(parent)
        , m_hub(std::move(hub))
    {}
    ~AudioPlayback() override { stop(); }

    QAudioDevice device() const { return m_device; }

    void start(const QAudioDevice &device)
    {
        stop();
        m_device = device;
        // 48 kHz like the call; mono or stereo, integer or float, whatever the device takes.
        m_format = audioFormat(1, QAudioFormat::Int16);
        for (const QAudioFormat &candidate :
             {audioFormat(1, QAudioFormat::Int16), audioFormat(2, QAudioFormat::Int16),
              audioFormat(1, QAudioFormat::Float), audioFormat(2, QAudioFormat::Float)}) {
            if (device.isFormatSupported(candidate)) {
                m_format = candidate;
                break;
            }
        }
        m_sink = std::make_unique<QAudioSink>(device, m_format);
        m_sink->setBufferSize(m_format.bytesForDuration(kPlaybackBufferUs));
        m_io = m_sink->start();
        if (!m_io) {
            qCWarning(lcDevices) << "cannot play on" << device.description();
            m_sink.reset();
            return;
        }
        m_hub->attach(this);
    }

    void stop()
    {
        m_hub->detach();
        m_io = nullptr;
        if (m_sink)
            m_sink->stop();
        m_sink.reset();
        m_device = {};
    }

    void audioWaiting() override
    {
        if (!m_io || !m_sink)
            return;
        const int frameBytes = m_format.bytesPerFrame();
        const qsizetype frames = m_sink->bytesFree() / frameBytes;
        const QByteArray pcm = m_hub->read(frames * 2);
        if (pcm.isEmpty())
            return;
        m_io->write(convert(pcm));
    }

private:
    // S16 mono to the sink's format.
    QByteArray convert(const QByteArray &pcm) const
    {
        const int channels = m_format.channelCount();
        if (channels == 1 && m_format.sampleFormat() == QAudioFormat::Int16)
            return pcm;
        const qsizetype samples = pcm.size() / 2;
        QByteArray out(samples * m_format.bytesPerFrame(), Qt::Uninitialized);
        char *to = out.data();
        for (qsizetype i = 0; i < samples; ++i) {
            qint16 sample;
            std::memcpy(&sample, pcm.constData() + 2 * i, 2);
            for (int c = 0; c < channels; ++c) {
                if (m_format.sampleFormat() == QAudioFormat::Float) {
                    const float value = float(sample) / 32768.0f;
                    std::memcpy(to, &value, sizeof value);
                    to += sizeof value;
                } else {
                    std::memcpy(to, &sample, sizeof sample);
                    to += sizeof sample;
                }
            }
        }
        return out;
    }

    std::shared_ptr<PlaybackHub> m_hub;
    std::unique_ptr<QAudioSink> m_sink;
    QIODevice *m_io = nullptr;  // owned by m_sink
    QAudioDevice m_device;
    QAudioFormat m_format;
};

// ---- microphone ----------------------------------------------------------------------------

AudioCapture::AudioCapture(std::shared_ptr<AudioCaptureHub> hub, QObject *parent)
    : QObject(parent)
    , m_hub(std::move(hub))
{}

AudioCapture::~AudioCapture()
{
    stop();
}

void AudioCapture::start(const QAudioDevice &device)
{
    stop();
    m_device = device;
    // The call's format if the device takes it; else the device's own, which the pipeline
    // converts.
    m_format = audioFormat(1, QAudioFormat::Int16);
    if (!device.isFormatSupported(m_format))
        m_format = device.preferredFormat();
    m_source = std::make_unique<QAudioSource>(device, m_format);
    m_source->setBufferSize(m_format.bytesForDuration(kCaptureBufferUs));
    connect(m_source.get(), &QAudioSource::stateChanged, this, [this](QAudio::State state) {
        if (state == QAudio::StoppedState && m_source && m_source->error() != QAudio::NoError) {
            qCWarning(lcDevices) << "microphone" << m_device.description() << "failed, error"
                                 << m_source->error();
            emit failed();
        }
    });
    m_io = m_source->start();
    if (!m_io) {
        qCWarning(lcDevices) << "cannot open the microphone" << device.description();
        emit failed();
        return;
    }
    m_opened.start();
    m_delivered = false;
    connect(m_io, &QIODevice::readyRead, this, [this] {
        if (!m_io)
            return;
        const QByteArray pcm = m_io->readAll();
        if (pcm.isEmpty())
            return;
        if (m_live)
            m_hub->push(pcm, m_format);
        if (!m_delivered) {
            m_delivered = true;
            qCDebug(lcDevices) << "first microphone data after" << m_opened.elapsed() << "ms";
            emit started(pcm);
        }
    });
}

void AudioCapture::stop()
{
    m_io = nullptr;
    if (m_source) {
        m_source->disconnect(this);
        m_source->stop();
    }
    m_source.reset();
    m_device = {};
}

// ---- camera --------------------------------------------------------------------------------

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

// ---- the router ----------------------------------------------------------------------------

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
    if (!active)
        m_localVideo->clear();
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
