#pragma once

#include "media/devices/device_catalog.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace softphone::ui {

class AppSettings;
class CallSounds;
class DevicesPage;

// General: ringtone, ring timeout, language, call records, do not disturb, and whether this device
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
    QComboBox *ringtoneBox() const { return m_ringtone; }
    QPushButton *ringtonePreviewButton() const { return m_ringtonePreview; }
    const CallSounds *ringtonePreview() const { return m_preview; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillRingtones();
    void toggleRingtonePreview();

    AppSettings *m_settings;
    QTabWidget *m_pages;
    QWidget *m_generalPage;
    DevicesPage *m_devicesPage = nullptr;
    QLabel *m_ringtoneLabel;
    QComboBox *m_ringtone;
    QPushButton *m_ringtonePreview;
    CallSounds *m_preview;
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
