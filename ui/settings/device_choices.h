#pragma once

#include "media/devices/device_catalog.h"

#include <QCoreApplication>
#include <QList>

namespace softphone::ui {

// One entry of a device list: an id to choose (empty: the system default) and its label.
struct DeviceChoice
{
    QByteArray id;
    QString name;   // the device's own name; empty for the system default
    QString label;  // what the list shows
    bool connected = true;
};

// What a device list offers: the system default, the catalog's devices of a kind, and the
// current choice while it is unplugged, so that it is neither lost nor silently replaced.
class DeviceChoices
{
    Q_DECLARE_TR_FUNCTIONS(DeviceChoices)

public:
    static QList<DeviceChoice> list(const media::DeviceCatalog &catalog, media::DeviceKind kind,
                                    const QByteArray &current, const QString &currentName);
    static QString kindName(media::DeviceKind kind);
    // The id of one kind in a selection, and a selection with it replaced.
    static QByteArray chosen(const media::DeviceSelection &selection, media::DeviceKind kind);
    static media::DeviceSelection with(media::DeviceSelection selection, media::DeviceKind kind,
                                       const QByteArray &id);
};

}  // namespace softphone::ui
