#pragma once

#include "media/devices/device_catalog.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <memory>
#include <optional>

namespace softphone::media {

class MediaSink;
class MediaSource;

enum class MediaKind { Audio, Video };

// Who creates the first offer: the caller. The callee answers.
enum class MediaRole { Caller, Callee };

enum class MediaState {
    New,         // constructed, not started
    Connecting,  // started: negotiating, gathering and checking ICE, DTLS handshake
    Connected,   // ICE and DTLS are up; media flows
    Failed,      // ICE failed or the pipeline broke; see MediaSession::failed
    Closed,      // stopped
};

enum class AudioSourceKind {
    Tone,    // a sine wave (audiotestsrc) at MediaConfig::toneFrequency
    Device,  // the default capture device through GStreamer (autoaudiosrc)
};

enum class VideoSourceKind {
    TestPattern,  // videotestsrc, moving SMPTE bars
    Device,       // the default camera through GStreamer (autovideosrc)
};

enum class SinkKind {
    Null,    // fakesink, clock-synchronised like a real device: headless playback
    Device,  // the default speaker or a video window (autoaudiosink / autovideosink)
};

struct TurnServer
{
    QString uri;  // "turn:host:port?transport=udp", "turns:host:port" (WebRTC style)
    QString username;
    QString password;
};

struct MediaConfig
{
    bool audio = true;
    bool video = false;
    QString stunServer;  // "stun:host:port"; empty: none
    QList<TurnServer> turnServers;
    // Only relayed paths (RTCIceTransportPolicy "relay"): every packet through a TURN server.
    bool relayOnly = false;

    AudioSourceKind audioSource = AudioSourceKind::Tone;
    VideoSourceKind videoSource = VideoSourceKind::TestPattern;
    SinkKind audioSink = SinkKind::Null;
    SinkKind videoSink = SinkKind::Null;
    // When set, used instead of the kinds above: the seam for other capture and playback paths.
    std::shared_ptr<const MediaSource> customAudioSource;
    std::shared_ptr<const MediaSource> customVideoSource;
    std::shared_ptr<const MediaSink> customAudioSink;
    std::shared_ptr<const MediaSink> customVideoSink;
    // Devices by id (an empty id follows the system default; see DeviceCatalog::resolve); when
    // set, the kinds above are unused and custom sources and sinks still win.
    // For CallMedia: the devices its DeviceRouter opens for each call until CallMedia::
    // setDevices says otherwise, switching them mid-call.
    std::optional<DeviceSelection> switchableDevices;
    // For a MediaSession on its own: the devices it opens through a router of its own, for
    // the whole session.
    std::optional<DeviceSelection> fixedDevices;

    double toneFrequency = 440.0;  // Hz
    int videoWidth = 640;
    int videoHeight = 480;
    int videoFps = 30;
    int audioBitrate = 32000;    // bit/s
    int videoBitrate = 1000000;  // bit/s
    int jitterBufferMs = 40;     // receive jitter buffer, sized for a LAN
    int statsIntervalMs = 1000;  // get-stats period

    // Tests and benchmarks: decoded audio is delivered through MediaSession::audioReceived
    // (at render time) instead of being played.
    bool audioTap = false;
    // Tests and benchmarks: drop this fraction of the RTP packets we send (GStreamer netsim).
    double sendLoss = 0.0;
};

}  // namespace softphone::media

Q_DECLARE_METATYPE(softphone::media::MediaState)
