// Signing in with the desktop app against the real server: a wrong password and a server
// that cannot be reached each show a clear error in the sign-in dialog; the right password
// opens the main window, online; Register creates the account and signs in, and a taken
// account id is said to be taken. Signed in, the calls' media resolves devices in the app's
// one device catalog, the one its menus and settings list, and a device picked in the call
// window is remembered in the app's settings.

#include "calls/call_coordinator.h"
#include "calls/call_window.h"
#include "media/call_media.h"
#include "media/devices/device_router.h"
#include "server_process.h"
#include "shell/app_settings.h"
#include "shell/connection_status_label.h"
#include "shell/desktop_app.h"
#include "shell/login_dialog.h"
#include "shell/main_window.h"

#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace softphone;

class TestSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wrongPasswordIsSaidSo();
    void unreachableServerIsSaidSo();
    void rightPasswordOpensTheMainWindow();
    void theNodesOfAClusterAreTriedInTurn();
    void callMediaUsesTheAppsDeviceCatalog();
    void aDevicePickedInTheCallWindowIsRemembered();
    void registerCreatesTheAccountAndSignsIn();
    void takenAccountIdIsSaidSo();

private:
    ui::DesktopOptions options(const QString &account, const QString &password) const;
    void fillAndClick(ui::LoginDialog *dialog, const QString &account, const QString &password,
                      const char *button);

    QTemporaryDir m_home;
    test::ServerProcess m_server;
};

void TestSignIn::initTestCase()
{
    // Settings and local stores go to a directory of the test's own.
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");  // no keychain: nothing may be remembered
    QVERIFY(m_server.start());
    QCOMPARE(m_server.runCommand({QStringLiteral("account"), QStringLiteral("add"),
                                  QStringLiteral("bob"), QStringLiteral("bob-password")}),
             0);
}

ui::DesktopOptions TestSignIn::options(const QString &account, const QString &password) const
{
    ui::DesktopOptions options;
    options.profile = QStringLiteral("test");
    options.servers = {m_server.url()};
    options.account = account;
    options.password = password;
    options.language = QStringLiteral("en");
    return options;
}

void TestSignIn::fillAndClick(ui::LoginDialog *dialog, const QString &account,
                              const QString &password, const char *button)
{
    dialog->findChild<QLineEdit *>(QStringLiteral("server"))->setText(m_server.url().toString());
    dialog->findChild<QLineEdit *>(QStringLiteral("account"))->setText(account);
    dialog->findChild<QLineEdit *>(QStringLiteral("password"))->setText(password);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QString::fromLatin1(button)),
                      Qt::LeftButton);
}

void TestSignIn::wrongPasswordIsSaidSo()
{
    ui::DesktopApp app(options(QStringLiteral("bob"), QStringLiteral("not-the-password")));
    app.start();
    QTRY_VERIFY_WITH_TIMEOUT(!app.loginDialog()->errorText().isEmpty(), 15000);
    QCOMPARE(app.loginDialog()->errorText(), QStringLiteral("Wrong account or password."));
    QVERIFY(app.loginDialog()->isVisible());
    QVERIFY(!app.mainWindow());
}

void TestSignIn::unreachableServerIsSaidSo()
{
    test::ServerProcess gone;
    QVERIFY(gone.start());
    const QUrl url = gone.url();
    gone.kill();  // a port where nothing listens any more
    ui::DesktopOptions closed = options(QStringLiteral("bob"), QStringLiteral("bob-password"));
    closed.servers = {url};
    ui::DesktopApp app(closed);
    app.start();
    QTRY_VERIFY_WITH_TIMEOUT(!app.loginDialog()->errorText().isEmpty(), 15000);
    QCOMPARE(app.loginDialog()->errorText(),
             QStringLiteral("Cannot reach the server at %1. Check the address and that the "
                            "server is running.")
                 .arg(url.toString()));
    QVERIFY(!app.mainWindow());
}

void TestSignIn::rightPasswordOpensTheMainWindow()
{
    ui::DesktopApp app(options(QStringLiteral("bob"), QStringLiteral("bob-password")));
    app.start();
    QTRY_VERIFY_WITH_TIMEOUT(app.mainWindow() && app.mainWindow()->isVisible(), 15000);
    QVERIFY(!app.loginDialog()->isVisible());
    auto *status = app.mainWindow()->findChild<ui::ConnectionStatusLabel *>();
    QVERIFY(status);
    QVERIFY(status->text().contains(QStringLiteral("Online")));
    QVERIFY(!app.settings()->rememberSignIn());  // a sign-in from the command line
}

// The server field takes the nodes of a cluster, separated by commas: a node that is down
// is passed over for the next, and the list is remembered as it was written.
void TestSignIn::theNodesOfAClusterAreTriedInTurn()
{
    test::ServerProcess gone;
    QVERIFY(gone.start());
    const QUrl down = gone.url();
    gone.kill();
    ui::DesktopOptions typed = options(QStringLiteral("bob"), QString());
    typed.servers.clear();
    ui::DesktopApp app(typed);
    app.start();
    QTRY_VERIFY_WITH_TIMEOUT(app.loginDialog()->isVisible(), 15000);
    auto *server = app.loginDialog()->findChild<QLineEdit *>(QStringLiteral("server"));
    server->setText(down.toString() + QStringLiteral(", ") + m_server.url().toString());
    app.loginDialog()
        ->findChild<QLineEdit *>(QStringLiteral("account"))
        ->setText(QStringLiteral("bob"));
    app.loginDialog()
        ->findChild<QLineEdit *>(QStringLiteral("password"))
        ->setText(QStringLiteral("bob-password"));
    QTest::mouseClick(app.loginDialog()->findChild<QPushButton *>(QStringLiteral("signIn")),
                      Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(app.mainWindow() && app.mainWindow()->isVisible(),
                              qPrintable(app.loginDialog()->errorText()), 15000);
    QCOMPARE(app.settings()->lastServers(), QList<QUrl>({down, m_server.url()}));
}

void TestSignIn::callMediaUsesTheAppsDeviceCatalog()
{
    ui::DesktopApp app(options(QStringLiteral("bob"), QStringLiteral("bob-password")));
    app.start();
    QTRY_VERIFY_WITH_TIMEOUT(app.mainWindow() && app.mainWindow()->isVisible(), 15000);
    QVERIFY2(app.callMedia(), "GStreamer's WebRTC plugins are missing");
    QCOMPARE(app.callMedia()->router()->catalog(), app.devices());
}

void TestSignIn::aDevicePickedInTheCallWindowIsRemembered()
{
    ui::DesktopApp app(options(QStringLiteral("bob"), QStringLiteral("bob-password")));
    app.start();
    QTRY_VERIFY_WITH_TIMEOUT(app.mainWindow() && app.mainWindow()->isVisible(), 15000);
    emit app.callCoordinator()->callWindow()->devicePicked(
        media::DeviceKind::Microphone, media::synthetic::toneHigh, QStringLiteral("Test tone"));
    const ui::AppSettings fresh(QStringLiteral("test"));
    QCOMPARE(fresh.devices().microphone, QByteArray(media::synthetic::toneHigh));
    QCOMPARE(fresh.deviceName(media::DeviceKind::Microphone), QStringLiteral("Test tone"));
}

void TestSignIn::registerCreatesTheAccountAndSignsIn()
{
    ui::DesktopApp app(options({}, {}));
    app.start();
    QVERIFY(app.loginDialog()->isVisible());
    fillAndClick(app.loginDialog(), QStringLiteral("carol"), QStringLiteral("carol-password"),
                 "register");
    QTRY_VERIFY_WITH_TIMEOUT(app.mainWindow() && app.mainWindow()->isVisible(), 15000);
    QVERIFY(app.mainWindow()->windowTitle().contains(QStringLiteral("carol")));
}

void TestSignIn::takenAccountIdIsSaidSo()
{
    ui::DesktopApp app(options({}, {}));
    app.start();
    fillAndClick(app.loginDialog(), QStringLiteral("bob"), QStringLiteral("another-password"),
                 "register");
    QTRY_VERIFY_WITH_TIMEOUT(!app.loginDialog()->errorText().isEmpty(), 15000);
    QCOMPARE(app.loginDialog()->errorText(),
             QStringLiteral("That account id is taken. Choose another one."));
    QVERIFY(!app.mainWindow());
}

QTEST_MAIN(TestSignIn)
#include "tst_sign_in.moc"
