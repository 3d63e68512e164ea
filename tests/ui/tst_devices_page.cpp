// The settings' Devices page over the synthetic devices (and whatever this machine has): the
// lists, the remembered choice across a fresh AppSettings, an unplugged choice, the live level
// of a tone and of silence, the test pattern preview and the speaker test; and the pieces
// they are made of: the level of a known sine, the test pattern's frames.

#include "calls/call_sounds.h"
#include "settings/camera_preview.h"
#include "settings/device_combo_box.h"
#include "settings/devices_page.h"
#include "settings/level_bar.h"
#include "settings/level_meter.h"
#include "settings/settings_dialog.h"
#include "settings/speaker_test.h"
#include "settings/test_pattern_painter.h"
#include "settings/test_pattern_view.h"
#include "settings/tone_generator.h"
#include "shell/app_settings.h"

#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace softphone;
using media::DeviceKind;

class TestDevicesPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void levelOfASineIsItsAmplitude();
    void levelOfSilenceIsZero();
    void levelOfFloatSamples();
    void testPatternIsDrawnAndMoves();
    void syntheticDevicesAreListed();
    void choiceSurvivesAFreshSettings();
    void unpluggedChoiceIsShownAsNotConnected();
    void levelFollowsTheChosenMicrophone();
    void previewShowsTheMovingTestPattern();
    void speakerTestPlaysOnNoSound();
    void ringtoneChoiceIsSavedAndPreviewed();
    void eachRingtoneHasItsOwnSound();

private:
    void choose(ui::DeviceComboBox *box, const char *id);
    std::unique_ptr<ui::SettingsDialog> showDevicesPage();

    QTemporaryDir m_config;
    QString m_profile;
    std::unique_ptr<media::DeviceCatalog> m_catalog;
    std::unique_ptr<ui::AppSettings> m_settings;
    int m_run = 0;
};

void TestDevicesPage::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
}

void TestDevicesPage::init()
{
    m_profile = QStringLiteral("devices-%1").arg(++m_run);
    m_catalog = std::make_unique<media::DeviceCatalog>();
    m_settings = std::make_unique<ui::AppSettings>(m_profile);
}

void TestDevicesPage::choose(ui::DeviceComboBox *box, const char *id)
{
    const int index = box->findData(QByteArray(id));
    QVERIFY2(index >= 0, id);
    box->setCurrentIndex(index);
    QCOMPARE(box->chosenId(), QByteArray(id));
}

std::unique_ptr<ui::SettingsDialog> TestDevicesPage::showDevicesPage()
{
    auto dialog = std::make_unique<ui::SettingsDialog>(m_settings.get(), m_catalog.get());
    dialog->show();
    dialog->pages()->setCurrentWidget(dialog->devicesPage());
    return dialog;
}

void TestDevicesPage::levelOfASineIsItsAmplitude()
{
    ui::ToneGenerator tone(440.0, 0.5, ui::ToneGenerator::format(48000));
    const ui::AudioLevel level = ui::LevelMeter::measure(tone.audioFormat(), tone.next(4800));
    QVERIFY2(std::abs(level.peak - 0.5f) < 0.002f, qPrintable(QString::number(level.peak)));
    QVERIFY2(std::abs(level.rms - 0.5f / std::sqrt(2.0f)) < 0.005f,
             qPrintable(QString::number(level.rms)));
}

void TestDevicesPage::levelOfSilenceIsZero()
{
    const QByteArray silence(4800 * 2, '\0');
    const ui::AudioLevel level = ui::LevelMeter::measure(ui::ToneGenerator::format(), silence);
    QCOMPARE(level.peak, 0.0f);
    QCOMPARE(level.rms, 0.0f);
    QCOMPARE(ui::LevelMeter::measure(ui::ToneGenerator::format(), {}).peak, 0.0f);
}

void TestDevicesPage::levelOfFloatSamples()
{
    QAudioFormat format;
    format.setSampleRate(48000);
    format.setChannelCount(2);
    format.setSampleFormat(QAudioFormat::Float);
    const float samples[] = {0.25f, -0.25f, 0.25f, -1.0f};
    const ui::AudioLevel level = ui::LevelMeter::measure(
        format, QByteArrayView(reinterpret_cast<const char *>(samples), sizeof samples));
    QCOMPARE(level.peak, 1.0f);
    QVERIFY(std::abs(level.rms - std::sqrt((3 * 0.0625f + 1.0f) / 4)) < 1e-5f);
}

void TestDevicesPage::testPatternIsDrawnAndMoves()
{
    const QImage first = ui::TestPatternPainter::render(QSize(160, 120), 0);
    const QImage later = ui::TestPatternPainter::render(QSize(160, 120), 10);
    QCOMPARE(first.size(), QSize(160, 120));
    QSet<QRgb> colours;
    for (int y = 0; y < first.height(); y += 4) {
        for (int x = 0; x < first.width(); x += 4)
            colours.insert(first.pixel(x, y));
    }
    QVERIFY2(colours.size() >= 7, qPrintable(QString::number(colours.size())));
    QVERIFY(first != later);
    // The bars stay; what moves is below them.
    QCOMPARE(first.copy(0, 0, 160, 60), later.copy(0, 0, 160, 60));
}

void TestDevicesPage::syntheticDevicesAreListed()
{
    ui::DevicesPage page(m_catalog.get(), m_settings.get());
    const auto ids = [](ui::DeviceComboBox *box) {
        QList<QByteArray> found;
        for (int i = 0; i < box->count(); ++i)
            found.append(box->itemData(i).toByteArray());
        return found;
    };
    QCOMPARE(page.microphoneBox()->itemText(0), QStringLiteral("System default"));
    QCOMPARE(page.microphoneBox()->chosenId(), QByteArray());
    QVERIFY(ids(page.microphoneBox()).contains(media::synthetic::toneLow));
    QVERIFY(ids(page.microphoneBox()).contains(media::synthetic::silence));
    QVERIFY(ids(page.speakerBox()).contains(media::synthetic::mute));
    QVERIFY(ids(page.cameraBox()).contains(media::synthetic::testPattern));
    const int tone = page.microphoneBox()->findData(QByteArray(media::synthetic::toneLow));
    QCOMPARE(page.microphoneBox()->itemText(tone), QStringLiteral("Test tone (440 Hz)"));
    // One entry per device of the catalog, and the system default.
    QCOMPARE(page.cameraBox()->count(), m_catalog->devices(DeviceKind::Camera).size() + 1);
}

void TestDevicesPage::choiceSurvivesAFreshSettings()
{
    {
        ui::SettingsDialog dialog(m_settings.get(), m_catalog.get());
        ui::DevicesPage *page = dialog.devicesPage();
        QVERIFY(page);
        choose(page->microphoneBox(), media::synthetic::toneHigh);
        choose(page->speakerBox(), media::synthetic::mute);
        choose(page->cameraBox(), media::synthetic::testPattern);
        dialog.save();
    }
    m_settings.reset();
    ui::AppSettings fresh(m_profile);
    const media::DeviceSelection expected{media::synthetic::toneHigh, media::synthetic::mute,
                                          media::synthetic::testPattern};
    QCOMPARE(fresh.devices(), expected);
    QCOMPARE(fresh.deviceName(DeviceKind::Microphone), QStringLiteral("Test tone (880 Hz)"));
    ui::DevicesPage again(m_catalog.get(), &fresh);
    QCOMPARE(again.microphoneBox()->currentText(), QStringLiteral("Test tone (880 Hz)"));
}

void TestDevicesPage::unpluggedChoiceIsShownAsNotConnected()
{
    m_settings->rememberDevice(DeviceKind::Microphone, "usb-headset-that-is-gone",
                               QStringLiteral("Headset"));
    ui::DevicesPage page(m_catalog.get(), m_settings.get());
    ui::DeviceComboBox *box = page.microphoneBox();
    QCOMPARE(box->currentText(), QStringLiteral("Headset (not connected)"));
    QCOMPARE(box->chosenId(), QByteArray("usb-headset-that-is-gone"));
    // Meanwhile a call uses the default (or, on a machine without microphones, a tone).
    QCOMPARE(box->effectiveDevice(), m_catalog->resolve(DeviceKind::Microphone, {}));
    QVERIFY(!box->toolTip().isEmpty());
    // Not chosen again, saving keeps it: plugging it back in brings it back.
    page.save();
    QCOMPARE(m_settings->devices().microphone, QByteArray("usb-headset-that-is-gone"));
    QCOMPARE(m_settings->deviceName(DeviceKind::Microphone), QStringLiteral("Headset"));
}

void TestDevicesPage::levelFollowsTheChosenMicrophone()
{
    m_settings->rememberDevice(DeviceKind::Microphone, media::synthetic::toneLow, {});
    auto dialog = showDevicesPage();
    ui::DevicesPage *page = dialog->devicesPage();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    ui::LevelBar *bar = page->levelBar();
    // The media layer's tone: a sine of amplitude 0.4.
    QTRY_VERIFY(std::abs(bar->level().peak - 0.4f) < 0.01f);
    QVERIFY(std::abs(bar->level().rms - 0.4f / std::sqrt(2.0f)) < 0.01f);

    choose(page->microphoneBox(), media::synthetic::silence);
    QTRY_COMPARE(bar->level().peak, 0.0f);
    QCOMPARE(bar->level().rms, 0.0f);

    choose(page->microphoneBox(), media::synthetic::toneHigh);
    QTRY_VERIFY(bar->level().peak > 0.39f);
    // Another page: the level stops.
    dialog->pages()->setCurrentIndex(0);
    QCOMPARE(bar->level().peak, 0.0f);
    QTest::qWait(150);
    QCOMPARE(bar->level().peak, 0.0f);
}

void TestDevicesPage::previewShowsTheMovingTestPattern()
{
    m_settings->rememberDevice(DeviceKind::Camera, media::synthetic::testPattern, {});
    auto dialog = showDevicesPage();
    ui::CameraPreview *preview = dialog->devicesPage()->cameraPreview();
    QVERIFY(preview->showsTestPattern());
    QVERIFY(!preview->isCameraOpen());
    auto *pattern = preview->findChild<ui::TestPatternView *>();
    QVERIFY(pattern && pattern->isVisible());
    const int start = pattern->frame();
    QTRY_VERIFY(pattern->frame() >= start + 3);
    // Hidden: it stops.
    dialog->pages()->setCurrentIndex(0);
    const int stopped = pattern->frame();
    QTest::qWait(150);
    QCOMPARE(pattern->frame(), stopped);
}

void TestDevicesPage::speakerTestPlaysOnNoSound()
{
    auto dialog = showDevicesPage();
    ui::DevicesPage *page = dialog->devicesPage();
    choose(page->speakerBox(), media::synthetic::mute);
    QPushButton *button = page->speakerTestButton();
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(page->speakerTest()->isPlaying());
    QCOMPARE(page->speakerTest()->error(), QString());
    QVERIFY(!button->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!page->speakerTest()->isPlaying(), 3000);
    QVERIFY(button->isEnabled());
}

void TestDevicesPage::ringtoneChoiceIsSavedAndPreviewed()
{
    {
        ui::SettingsDialog dialog(m_settings.get(), m_catalog.get());
        QComboBox *box = dialog.ringtoneBox();
        QCOMPARE(box->count(), ui::CallSounds::ringtones().size());
        QCOMPARE(box->currentData().toString(), QStringLiteral("rising"));  // the default
        box->setCurrentIndex(box->findData(QStringLiteral("chime")));
        QVERIFY(box->currentIndex() >= 0);

        // Play loops the chosen ringtone until Stop, or until another is chosen.
        QPushButton *preview = dialog.ringtonePreviewButton();
        preview->click();
        QCOMPARE(dialog.ringtonePreview()->current(), ui::CallSounds::Tone::Ringtone);
        QCOMPARE(dialog.ringtonePreview()->ringtone(), QStringLiteral("chime"));
        QCOMPARE(preview->text(), QStringLiteral("Stop"));
        preview->click();
        QCOMPARE(dialog.ringtonePreview()->current(), ui::CallSounds::Tone::None);
        QCOMPARE(preview->text(), QStringLiteral("Play"));
        preview->click();
        box->setCurrentIndex(box->findData(QStringLiteral("pulse")));
        QCOMPARE(dialog.ringtonePreview()->current(), ui::CallSounds::Tone::None);
        box->setCurrentIndex(box->findData(QStringLiteral("chime")));
        dialog.save();
    }
    m_settings.reset();
    ui::AppSettings fresh(m_profile);
    QCOMPARE(fresh.ringtone(), QStringLiteral("chime"));
    ui::SettingsDialog again(&fresh, nullptr);
    QCOMPARE(again.ringtoneBox()->currentData().toString(), QStringLiteral("chime"));
}

void TestDevicesPage::eachRingtoneHasItsOwnSound()
{
    QSet<QString> files;
    for (const ui::CallSounds::Ringtone &ringtone : ui::CallSounds::ringtones()) {
        const QString file = ui::CallSounds::fileOf(ui::CallSounds::Tone::Ringtone, ringtone.id);
        QVERIFY2(QFile(file).size() > 10000, qPrintable(file));  // built into the app
        files.insert(file);
    }
    QCOMPARE(files.size(), ui::CallSounds::ringtones().size());
    QCOMPARE(ui::CallSounds::fileOf(ui::CallSounds::Tone::Ringtone, QStringLiteral("nonsense")),
             ui::CallSounds::fileOf(ui::CallSounds::Tone::Ringtone, QString()));
}

QTEST_MAIN(TestDevicesPage)
#include "tst_devices_page.moc"
