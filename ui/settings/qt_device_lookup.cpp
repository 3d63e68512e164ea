#include "settings/qt_device_lookup.h"

#include <QMediaDevices>

namespace softphone::ui {

namespace {
template<typename Device>
Device find(const QList<Device> &devices, const QByteArray &id)
{
    for (const Device &device : devices) {
        if (device.id() == id)
            return device;
    }
    return {};
}
}  // namespace

QAudioDevice QtDeviceLookup::microphone(const QByteArray &id)
{
    return find(QMediaDevices::audioInputs(), id);
}

QAudioDevice QtDeviceLookup::speaker(const QByteArray &id)
{
    return find(QMediaDevices::audioOutputs(), id);
}

QCameraDevice QtDeviceLookup::camera(const QByteArray &id)
{
    return find(QMediaDevices::videoInputs(), id);
}

}  // namespace softphone::ui
