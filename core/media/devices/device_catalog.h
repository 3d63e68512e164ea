#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

class QMediaDevices;

namespace softphone::media {

enum class DeviceKind { Microphone, Speaker, Camera };

// One device a call can use: a system device from Qt Multimedia, or a synthetic one (a tone, a
// test pattern, silence) that can be chosen like any other.
struct MediaDevice
{
    DeviceKind kind = DeviceKind::Microphone;
    QByteArray id;  // QAudioDevice::id() / QCameraDevice::id(), or "synthetic:..."
    QString name;
    bool synthetic = false;
    bool isDefault = false;  // the system's default of its kind

    bool isNull() const { return id.isEmpty(); }
    bool operator==(const MediaDevice &other) const = default;
};

// The devices a call uses, by id. An empty id follows the system default.
struct DeviceSelection
{
    QByteArray microphone;
    QByteArray speaker;
    QByteArray camera;

    bool operator==(const DeviceSelection &other) const = default;
};

namespace synthetic {
inline constexpr char toneLow[] = "synthetic:tone:440";
inline constexpr char toneHigh[] = "synthetic:tone:880";
inline constexpr char silence[] = "synthetic:silence";
inline constexpr char testPattern[] = "synthetic:test-pattern";
inline constexpr char mute[] = "synthetic:mute";  // a speaker that plays nothing

bool isSynthetic(const QByteArray &id);
// The frequency of a tone id ("synthetic:tone:440" → 440), or 0.
double toneFrequency(const QByteArray &id);
}  // namespace synthetic

// The microphones, speakers and cameras of this machine (through QMediaDevices, following
// hot-plug, from the first look on) and the synthetic devices after them.
class DeviceCatalog : public QObject
{
    Q_OBJECT

public:
    explicit DeviceCatalog(QObject *parent = nullptr);
    ~DeviceCatalog() override;

    // System devices first, the default among them first; then the synthetic ones.
    QList<MediaDevice> devices(DeviceKind kind) const;
    // The device with this id if it is present; else the system default; else, on a machine
    // with none of this kind, the first synthetic device. Never null.
    MediaDevice resolve(DeviceKind kind, const QByteArray &id) const;
    bool contains(DeviceKind kind, const QByteArray &id) const;

    static QList<MediaDevice> syntheticDevices(DeviceKind kind);

signals:
    void devicesChanged(softphone::media::DeviceKind kind);

private:
    QList<MediaDevice> systemDevices(DeviceKind kind) const;
    void watch() const;

    // Made on first use: Qt Multimedia's device layer costs megabytes of memory and threads
    // that a session without calls or device settings never needs.
    mutable QMediaDevices *m_monitor = nullptr;
};

}  // namespace softphone::media

Q_DECLARE_METATYPE(softphone::media::DeviceKind)
Q_DECLARE_METATYPE(softphone::media::MediaDevice)
Q_DECLARE_METATYPE(softphone::media::DeviceSelection)
