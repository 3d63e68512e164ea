#include "settings/devices_page.h"

#include "settings/camera_preview.h"
#include "settings/device_choices.h"
#include "settings/device_combo_box.h"
#include "settings/level_bar.h"
#include "settings/microphone_monitor.h"
#include "settings/speaker_test.h"
#include "shell/app_settings.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace softphone::ui {

using media::DeviceKind;

DevicesPage::DevicesPage(media::DeviceCatalog *catalog, AppSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_microphoneLabel(new QLabel(this))
    , m_microphone(new DeviceComboBox(catalog, DeviceKind::Microphone, this))
    , m_level(new LevelBar(this))
    , m_speakerLabel(new QLabel(this))
    , m_speaker(new DeviceComboBox(catalog, DeviceKind::Speaker, this))
    , m_testSpeaker(new QPushButton(this))
    , m_cameraLabel(new QLabel(this))
    , m_camera(new DeviceComboBox(catalog, DeviceKind::Camera, this))
    , m_preview(new CameraPreview(this))
    , m_problem(new QLabel(this))
    , m_monitor(new MicrophoneMonitor(this))
    , m_speakerTest(new SpeakerTest(this))
{
    const media::DeviceSelection chosen = settings->devices();
    m_microphone->setChoice(chosen.microphone, settings->deviceName(DeviceKind::Microphone));
    m_speaker->setChoice(chosen.speaker, settings->deviceName(DeviceKind::Speaker));
    m_camera->setChoice(chosen.camera, settings->deviceName(DeviceKind::Camera));
    m_microphone->setObjectName(QStringLiteral("microphoneChoice"));
    m_speaker->setObjectName(QStringLiteral("speakerChoice"));
    m_camera->setObjectName(QStringLiteral("cameraChoice"));
    m_testSpeaker->setObjectName(QStringLiteral("testSpeaker"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *speakerRow = new QHBoxLayout;
    speakerRow->addWidget(m_speaker, 1);
    speakerRow->addWidget(m_testSpeaker);
    auto *form = new QFormLayout(this);
    form->addRow(m_microphoneLabel, m_microphone);
    form->addRow(QString(), m_level);
    form->addRow(m_speakerLabel, speakerRow);
    form->addRow(m_cameraLabel, m_camera);
    form->addRow(QString(), m_preview);
    form->addRow(m_problem);

    connect(m_monitor, &MicrophoneMonitor::levelChanged, m_level, &LevelBar::setLevel);
    connect(m_microphone, &DeviceComboBox::deviceChanged, this, [this] {
        if (isVisible())
            listenToMicrophone();
    });
    connect(m_camera, &DeviceComboBox::deviceChanged, this,
            [this] { m_preview->setDevice(m_camera->effectiveDevice()); });
    connect(m_testSpeaker, &QPushButton::clicked, this, &DevicesPage::testSpeaker);
    connect(m_speakerTest, &SpeakerTest::started, this,
            [this] { m_testSpeaker->setEnabled(false); });
    connect(m_speakerTest, &SpeakerTest::finished, this,
            [this] { m_testSpeaker->setEnabled(true); });
    m_preview->setDevice(m_camera->effectiveDevice());
    retranslate();
}

DevicesPage::~DevicesPage() = default;

void DevicesPage::save()
{
    const auto remember = [this](DeviceComboBox *box) {
        m_settings->rememberDevice(box->kind(), box->chosenId(), box->chosenName());
    };
    remember(m_microphone);
    remember(m_speaker);
    remember(m_camera);
}

void DevicesPage::listenToMicrophone()
{
    m_monitor->start(m_microphone->effectiveDevice());
    showProblem(m_monitor->error());
}

void DevicesPage::testSpeaker()
{
    m_speakerTest->play(m_speaker->effectiveDevice());
    showProblem(m_speakerTest->error());
}

void DevicesPage::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void DevicesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    listenToMicrophone();
}

void DevicesPage::hideEvent(QHideEvent *event)
{
    m_monitor->stop();
    m_speakerTest->stop();
    m_level->setLevel({});
    QWidget::hideEvent(event);
}

void DevicesPage::retranslate()
{
    m_microphoneLabel->setText(DeviceChoices::kindName(DeviceKind::Microphone));
    m_speakerLabel->setText(DeviceChoices::kindName(DeviceKind::Speaker));
    m_cameraLabel->setText(DeviceChoices::kindName(DeviceKind::Camera));
    m_testSpeaker->setText(tr("Test"));
    m_testSpeaker->setToolTip(tr("Play a short tone on this speaker"));
    m_level->setToolTip(tr("Microphone level"));
}

void DevicesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace softphone::ui
