#pragma once

#include "media/devices/device_catalog.h"

#include <QComboBox>

namespace softphone::ui {

// A choice of one kind of device, kept up to date as devices come and go: the chosen device
// stays chosen while it is unplugged, marked as not connected.
class DeviceComboBox : public QComboBox
{
    Q_OBJECT

public:
    DeviceComboBox(media::DeviceCatalog *catalog, media::DeviceKind kind,
                   QWidget *parent = nullptr);

    media::DeviceKind kind() const { return m_kind; }
    void setChoice(const QByteArray &id, const QString &name);
    QByteArray chosenId() const { return m_id; }
    QString chosenName() const { return m_name; }
    // The device a call would use now: the choice if connected, else the system default.
    media::MediaDevice effectiveDevice() const;

signals:
    // The choice changed, or the device it stands for came or went.
    void deviceChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refill();
    void onChosen(int index);

    media::DeviceCatalog *m_catalog;
    media::DeviceKind m_kind;
    QByteArray m_id;
    QString m_name;
};

}  // namespace softphone::ui
