// The app's settings as the next start sees them: each value written by one process is read
// back by a second one (this binary run with --print-settings), where QSettings' in-process
// cache cannot answer for the file. A language stored by earlier versions is still found.

#include "shell/app_settings.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace softphone;

namespace {

const QString kProfile = QStringLiteral("restart");

// The child's side: prints what a fresh process finds in the settings.
int printSettings()
{
    ui::AppSettings settings(kProfile);
    const media::DeviceSelection devices = settings.devices();
    std::printf("language=%s\nringtone=%s\nringTimeout=%d\ndnd=%d\nrecords=%d\ncamera=%s\n",
                qPrintable(settings.language()), qPrintable(settings.ringtone()),
                settings.ringTimeoutSeconds(), int(settings.doNotDisturb()),
                int(settings.callRecords()), devices.camera.constData());
    return 0;
}

}  // namespace

class TestAppSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void valuesSurviveARestart();
    void languageOfEarlierVersionsIsFound();

private:
    QString readInSecondProcess();
    QString settingsFile() const;

    QTemporaryDir m_home;
};

void TestAppSettings::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("XDG_CONFIG_HOME", m_home.path().toUtf8());  // inherited by the second process
}

QString TestAppSettings::settingsFile() const
{
    return m_home.filePath(QStringLiteral("softphone/softphone-%1.ini").arg(kProfile));
}

QString TestAppSettings::readInSecondProcess()
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--print-settings")});
    if (!child.waitForFinished(30000) || child.exitCode() != 0)
        return QStringLiteral("<the second process failed>");
    return QString::fromUtf8(child.readAllStandardOutput());
}

void TestAppSettings::valuesSurviveARestart()
{
    {
        ui::AppSettings settings(kProfile);
        settings.setLanguage(QStringLiteral("zh_CN"));
        settings.setRingtone(QStringLiteral("marimba"));
        settings.setRingTimeoutSeconds(45);
        settings.setDoNotDisturb(true);
        settings.setCallRecords(false);
        settings.rememberDevice(media::DeviceKind::Camera, "cam-2", QStringLiteral("USB camera"));
    }
    QCOMPARE(readInSecondProcess(), QStringLiteral("language=zh_CN\nringtone=marimba\n"
                                                   "ringTimeout=45\ndnd=1\nrecords=0\n"
                                                   "camera=cam-2\n"));
}

void TestAppSettings::languageOfEarlierVersionsIsFound()
{
    QFile::remove(settingsFile());
    QFile legacy(settingsFile());
    QVERIFY(legacy.open(QIODevice::WriteOnly));
    legacy.write("[%General]\nlanguage=zh_CN\n");
    legacy.close();
    QVERIFY(readInSecondProcess().startsWith(QStringLiteral("language=zh_CN\n")));
}

int main(int argc, char *argv[])
{
    if (argc == 2 && qstrcmp(argv[1], "--print-settings") == 0) {
        QCoreApplication application(argc, argv);
        return printSettings();
    }
    QCoreApplication application(argc, argv);
    TestAppSettings test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_app_settings.moc"
