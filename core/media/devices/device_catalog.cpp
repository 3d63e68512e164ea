#include "media/devices/device_catalog.h"

#include <QAudioDevice>
#include <QCameraDevice>
#include <QCoreApplication>
#include <QMediaDevices>
#include <algorithm>

namespace softphone::media {

namespace synthetic {

bool isSynthetic(const QByteArray &id)
{
    return id.startsWith("synthetic:");
}

double toneFrequency(const QByteArray &id)
{
    static const QByteArray prefix = "synthetic:tone:";
    if (!id.startsWith(prefix))
        return 0.0;
    bool ok = false;
    const double hz = id.mid(prefix.size()).toDouble(&ok);
    return ok && hz > 0.0 ? hz : 0.0;
}

}  // namespace synthetic

namespace {

MediaDevice audioDevice(DeviceKind kind, const QAudioDevice &device)
{
    return {kind, device.id(), device.description(), false, device.isDefault()};
}

MediaDevice cameraDevice(const QCameraDevice &device)
{
    return {DeviceKind::Camera, device.id(), device.description(), false, device.isDefault()};
}

MediaDevice syntheticDevice(DeviceKind kind, const char *id, const char *name)
{
    return {kind, QByteArray(id),
            QCoreApplication::translate("softphone::media::DeviceCatalog", name), true, false};
}

}  // namespace

DeviceCatalog::DeviceCatalog(QObject *parent)
    : QObject(parent)
{}

void DeviceCatalog::watch() const
{
    if (m_monitor)
        return;
    auto *self = const_cast<DeviceCatalog *>(this);
    m_monitor = new QMediaDevices(self);
    connect(m_monitor, &QMediaDevices::audioInputsChanged, self,
            [self] { emit self->devicesChanged(DeviceKind::Microphone); });
    connect(m_monitor, &QMediaDevices::audioOutputsChanged, self,
            [self] { emit self->devicesChanged(DeviceKind::Speaker); });
    connect(m_monitor, &QMediaDevices::videoInputsChanged, self,
            [self] { emit self->devicesChanged(DeviceKind::Camera); });
}

DeviceCatalog::~DeviceCatalog() = default;

QList<MediaDevice> DeviceCatalog::syntheticDevices(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::Microphone:
        return {syntheticDevice(
                    kind, synthetic::toneLow,
                    QT_TRANSLATE_NOOP("softphone::media::DeviceCatalog", "Test tone (440 Hz)")),
                syntheticDevice(
                    kind, synthetic::toneHigh,
                    QT_TRANSLATE_NOOP("softphone::media::DeviceCatalog", "Test tone (880 Hz)")),
                syntheticDevice(kind, synthetic::silence,
                                QT_TRANSLATE_NOOP("softphone::media::DeviceCatalog", "Silence"))};
    case DeviceKind::Speaker:
        return {syntheticDevice(kind, synthetic::mute,
                                QT_TRANSLATE_NOOP("softphone::media::DeviceCatalog", "No sound"))};
    case DeviceKind::Camera:
        return {
            syntheticDevice(kind, synthetic::testPattern,
                            QT_TRANSLATE_NOOP("softphone::media::DeviceCatalog", "Test pattern"))};
    }
    return {};
}

QList<MediaDevice> DeviceCatalog::systemDevices(DeviceKind kind) const
{
    watch();
    QList<MediaDevice> found;
    switch (kind) {
    case DeviceKind::Microphone:
        for (const QAudioDevice &device : QMediaDevices::audioInputs())
            found.append(audioDevice(kind, device));
        break;
    case DeviceKind::Speaker:
        for (const QAudioDevice &device : QMediaDevices::audioOutputs())
            found.append(audioDevice(kind, device));
        break;
    case DeviceKind::Camera:
        for (const QCameraDevice &device : QMediaDevices::videoInputs())
            found.append(cameraDevice(device));
        break;
    }
    std::stable_partition(found.begin(), found.end(),
                          [](const MediaDevice &device) { return device.isDefault; });
    return found;
}

QList<MediaDevice> DeviceCatalog::devices(DeviceKind kind) const
{
    return systemDevices(kind) + syntheticDevices(kind);
}

bool DeviceCatalog::contains(DeviceKind kind, const QByteArray &id) const
{
    const QList<MediaDevice> all = devices(kind);
    return std::any_of(all.begin(), all.end(),
                       [&id](const MediaDevice &device) { return device.id == id; });
}

MediaDevice DeviceCatalog::resolve(DeviceKind kind, const QByteArray &id) const
{
    const QList<MediaDevice> all = devices(kind);
    if (!id.isEmpty()) {
        for (const MediaDevice &device : all) {
            if (device.id == id)
                return device;
        }
    }
    // The system default comes first, and synthetic devices come last: the first entry is
    // the default, or a synthetic device where the machine has none.
    return all.first();
}

}  // namespace softphone::media
