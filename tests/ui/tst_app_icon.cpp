// The app's icon: the blue disc with the white handset, in the tray and on every window.

#include "shell/desktop_app.h"
#include "shell/login_dialog.h"
#include "shell/tray_icon.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace softphone;

namespace {

// How many pixels of the image are close to `colour`.
int pixelsLike(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() > 200 && std::abs(pixel.red() - colour.red()) < 40 &&
                std::abs(pixel.green() - colour.green()) < 40 &&
                std::abs(pixel.blue() - colour.blue()) < 40)
                ++count;
        }
    }
    return count;
}

}  // namespace

class TestAppIcon : public QObject
{
    Q_OBJECT

private slots:
    void trayIconShowsTheHandset();
    void windowsHaveTheIcon();
};

void TestAppIcon::trayIconShowsTheHandset()
{
    const QImage image = ui::TrayIcon::badgedIcon(0).pixmap(64, 64).toImage();
    const int blue = pixelsLike(image, QColor(0x1e, 0x88, 0xe5));
    const int white = pixelsLike(image, Qt::white);
    QVERIFY2(blue > 64 * 64 / 4, qPrintable(QString::number(blue)));
    QVERIFY2(white > 64 * 64 / 20, qPrintable(QString::number(white)));
}

void TestAppIcon::windowsHaveTheIcon()
{
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY(QApplication::windowIcon().isNull());
    ui::DesktopOptions options;
    options.profile = QStringLiteral("icon");
    options.language = QStringLiteral("en");
    ui::DesktopApp app(options);
    app.start();
    QVERIFY(!QApplication::windowIcon().isNull());
    QVERIFY(!app.loginDialog()->windowIcon().isNull());
}

QTEST_MAIN(TestAppIcon)
#include "tst_app_icon.moc"
