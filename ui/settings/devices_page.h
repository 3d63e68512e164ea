#pragma once

#include "media/devices/device_catalog.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace softphone::ui {

class AppSettings;
class CameraPreview;
class DeviceComboBox;
class LevelBar;
class MicrophoneMonitor;
class SpeakerTest;

// The settings' Devices page: the microphone with its live level, the speaker with a test
// tone, the camera with its preview. The level and the preview run only while it is shown.
class DevicesPage : public QWidget
{
    Q_OBJECT

public:
    DevicesPage(media::DeviceCatalog *catalog, AppSettings *settings, QWidget *parent = nullptr);
    ~DevicesPage() override;

    void save();

    DeviceComboBox *microphoneBox() const { return m_microphone; }
    DeviceComboBox *speakerBox() const { return m_speaker; }
    DeviceComboBox *cameraBox() const { return m_camera; }
    LevelBar *levelBar() const { return m_level; }
    QPushButton *speakerTestButton() const { return m_testSpeaker; }
    SpeakerTest *speakerTest() const { return m_speakerTest; }
    CameraPreview *cameraPreview() const { return m_preview; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void listenToMicrophone();
    void testSpeaker();
    void showProblem(const QString &problem);

    AppSettings *m_settings;
    QLabel *m_microphoneLabel;
    DeviceComboBox *m_microphone;
    LevelBar *m_level;
    QLabel *m_speakerLabel;
    DeviceComboBox *m_speaker;
    QPushButton *m_testSpeaker;
    QLabel *m_cameraLabel;
    DeviceComboBox *m_camera;
    CameraPreview *m_preview;
    QLabel *m_problem;
    MicrophoneMonitor *m_monitor;
    SpeakerTest *m_speakerTest;
};

}  // namespace softphone::ui
