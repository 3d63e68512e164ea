#pragma once

#include "media/device_catalog.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;
class QTabWidget;

namespace softphone::ui {

class AppSettings;
class DevicesPage;

// General: ring timeout, language, call records, do not disturb, and whether this device
// takes calls. Devices: the microphone, speaker and camera. Saved to AppSettings when accepted.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // Without a catalog there is no Devices page.
    SettingsDialog(AppSettings *settings, media::DeviceCatalog *devices, QWidget *parent = nullptr);

    void save();
    QTabWidget *pages() const { return m_pages; }
    DevicesPage *devicesPage() const { return m_devicesPage; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    AppSettings *m_settings;
    QTabWidget *m_pages;
    QWidget *m_generalPage;
    DevicesPage *m_devicesPage = nullptr;
    QLabel *m_ringLabel;
    QSpinBox *m_ringTimeout;
    QLabel *m_languageLabel;
    QComboBox *m_language;
    QCheckBox *m_records;
    QCheckBox *m_dnd;
    QCheckBox *m_acceptCalls;
    QDialogButtonBox *m_buttons;
};

}  // namespace softphone::ui
