#pragma once

#include "media/devices/device_catalog.h"

#include <QMenu>

namespace softphone::ui {

class AppSettings;

// A menu of devices of one or more kinds, a section each, the current one checked. Picking
// one only says so: the owner switches the call and remembers the choice.
class DeviceMenu : public QMenu
{
    Q_OBJECT

public:
    DeviceMenu(media::DeviceCatalog *catalog, QList<media::DeviceKind> kinds,
               QWidget *parent = nullptr);

    // settings: where the names of unplugged choices come from; may be null.
    void rebuild(const media::DeviceSelection &current, const AppSettings *settings);

signals:
    void picked(softphone::media::DeviceKind kind, const QByteArray &id, const QString &name);

private:
    void addKind(media::DeviceKind kind, const QByteArray &current, const QString &currentName);

    media::DeviceCatalog *m_catalog;
    QList<media::DeviceKind> m_kinds;
};

}  // namespace softphone::ui
