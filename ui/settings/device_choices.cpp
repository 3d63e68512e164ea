#include "settings/device_choices.h"

namespace softphone::ui {

QList<DeviceChoice> DeviceChoices::list(const media::DeviceCatalog &catalog, media::DeviceKind kind,
                                        const QByteArray &current, const QString &currentName)
{
    QList<DeviceChoice> choices;
    choices.append({{}, {}, tr("System default"), true});
    bool found = current.isEmpty();
    for (const media::MediaDevice &device : catalog.devices(kind)) {
        choices.append({device.id, device.name, device.name, true});
        found = found || device.id == current;
    }
    if (!found) {
        const QString name = currentName.isEmpty() ? QString::fromUtf8(current) : currentName;
        choices.append({current, name, tr("%1 (not connected)").arg(name), false});
    }
    return choices;
}

QByteArray DeviceChoices::chosen(const media::DeviceSelection &selection, media::DeviceKind kind)
{
    switch (kind) {
    case media::DeviceKind::Microphone:
        return selection.microphone;
    case media::DeviceKind::Speaker:
        return selection.speaker;
    case media::DeviceKind::Camera:
        return selection.camera;
    }
    return {};
}

media::DeviceSelection DeviceChoices::with(media::DeviceSelection selection, media::DeviceKind kind,
                                           const QByteArray &id)
{
    switch (kind) {
    case media::DeviceKind::Microphone:
        selection.microphone = id;
        break;
    case media::DeviceKind::Speaker:
        selection.speaker = id;
        break;
    case media::DeviceKind::Camera:
        selection.camera = id;
        break;
    }
    return selection;
}

QString DeviceChoices::kindName(media::DeviceKind kind)
{
    switch (kind) {
    case media::DeviceKind::Microphone:
        return tr("Microphone");
    case media::DeviceKind::Speaker:
        return tr("Speaker");
    case media::DeviceKind::Camera:
        return tr("Camera");
    }
    return {};
}

}  // namespace softphone::ui
