// Switching the language at run time: visible texts of the login dialog, the main window, the
// chat view's call records and the call window change at once, and change back.

#include "calls/call_coordinator.h"
#include "calls/call_window.h"
#include "chat/chat_view.h"
#include "core/fake_im_client.h"
#include "i18n/translations.h"
#include "models/message_list_model.h"
#include "record_fixture.h"
#include "shell/client_session.h"
#include "shell/desktop_app.h"
#include "shell/login_dialog.h"
#include "shell/main_window.h"
#include "shell/tray_icon.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace softphone;
using protocol::CallStatus;
using protocol::CallType;
using records::MessageListModel;

class TestLanguageSwitch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void visibleTextsFollowTheLanguage();
    void qtsOwnStringsAreTranslated();
    void trayMenuAndKeychainNoteFollowTheLanguage();

private:
    QTemporaryDir m_home;
};

void TestLanguageSwitch::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
}

void TestLanguageSwitch::cleanup()
{
    i18n::useLanguage(QLocale(QLocale::English));
}

void TestLanguageSwitch::visibleTextsFollowTheLanguage()
{
    QTemporaryDir dir;
    im::LocalStore store(dir.filePath(QStringLiteral("s.db")), QStringLiteral("alice"));
    QCOMPARE(store.open(), QString());
    QVERIFY(store.addFromServer(
        test::callRecordMessage("bob", "alice", CallStatus::Timeout, CallType::Audio, 1)));
    test::FakeImClient im;
    ui::ClientSession session(&im, &store);
    ui::CallCoordinator calls(session.callController());
    ui::MainWindow window(&session, &calls);
    window.show();
    window.openConversation(QStringLiteral("bob"));
    ui::LoginDialog login;
    login.show();

    const auto recordText = [&] {
        return window.chatView()
            ->model()
            ->index(0)
            .data(MessageListModel::RecordTextRole)
            .toString();
    };
    const auto signInText = [&] {
        return login.findChild<QPushButton *>(QStringLiteral("signIn"))->text();
    };
    QCOMPARE(recordText(), QStringLiteral("Missed call"));
    QCOMPARE(window.sections()->tabText(0), QStringLiteral("Chats"));
    QCOMPARE(calls.callWindow()->hangupButton()->text(), QStringLiteral("Hang up"));
    const QString englishSignIn = signInText();
    QCOMPARE(englishSignIn, QStringLiteral("Sign in"));

    QVERIFY(i18n::useLanguage(QLocale(QLocale::Chinese, QLocale::China)));
    // QApplication posts LanguageChange to each window; deliver those events now.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCOMPARE(recordText(), QStringLiteral("未接来电"));
    QCOMPARE(window.sections()->tabText(0), QStringLiteral("会话"));
    QCOMPARE(calls.callWindow()->hangupButton()->text(), QStringLiteral("挂断"));
    QCOMPARE(signInText(), QStringLiteral("登录"));
    QCOMPARE(login.windowTitle(), QStringLiteral("登录 — Softphone"));

    QVERIFY(i18n::useLanguage(QLocale(QLocale::English)));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCOMPARE(recordText(), QStringLiteral("Missed call"));
    QCOMPARE(window.sections()->tabText(0), QStringLiteral("Chats"));
    QCOMPARE(signInText(), englishSignIn);
}

void TestLanguageSwitch::qtsOwnStringsAreTranslated()
{
    QVERIFY(i18n::useLanguage(QLocale(QLocale::Chinese, QLocale::China)));
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
    QLineEdit edit;
    std::unique_ptr<QMenu> menu(edit.createStandardContextMenu());
    QStringList texts;
    for (const QAction *action : menu->actions())
        texts << action->text();
    QVERIFY2(texts.join(u' ').contains(QStringLiteral("复制")), qPrintable(texts.join(u' ')));
}

void TestLanguageSwitch::trayMenuAndKeychainNoteFollowTheLanguage()
{
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");  // no keychain: the sign-in dialog says why
    ui::TrayIcon tray;
    ui::DesktopOptions options;
    options.profile = QStringLiteral("language");
    ui::DesktopApp app(options);
    app.settings()->setLanguage(QStringLiteral("en"));
    app.start();
    const auto note = [&app]() -> QString {
        for (const QLabel *label : app.loginDialog()->findChildren<QLabel *>()) {
            if (label->text().contains(QStringLiteral("keychain")) ||
                label->text().contains(QStringLiteral("钥匙串")))
                return label->text();
        }
        return {};
    };
    QVERIFY2(note().contains(QStringLiteral("cannot be remembered")), qPrintable(note()));
    QCOMPARE(tray.menu()->actions().constFirst()->text(), QStringLiteral("Show Softphone"));

    app.settings()->setLanguage(QStringLiteral("zh_CN"));  // as the settings dialog does
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCOMPARE(tray.menu()->actions().constFirst()->text(), QStringLiteral("显示 Softphone"));
    QVERIFY2(note().startsWith(QStringLiteral("无法记住登录")), qPrintable(note()));
    // The reason in brackets is the app's own words, translated too.
    QVERIFY2(!note().contains(QStringLiteral("D-Bus session")) &&
                 !note().contains(QStringLiteral("this build")),
             qPrintable(note()));
}

QTEST_MAIN(TestLanguageSwitch)
#include "tst_language_switch.moc"
