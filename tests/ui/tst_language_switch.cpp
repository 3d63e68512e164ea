// Switching the language at run time: visible texts of the login dialog, the main window, the
// chat view's call records and the call window change at once, and change back.

#include "call_coordinator.h"
#include "call_window.h"
#include "chat_view.h"
#include "client_session.h"
#include "core/fake_im_client.h"
#include "i18n/translations.h"
#include "login_dialog.h"
#include "main_window.h"
#include "record_fixture.h"
#include "records/message_list_model.h"

#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace softphone;
using protocol::CallStatus;
using protocol::CallType;
using records::MessageListModel;

class TestLanguageSwitch : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void visibleTextsFollowTheLanguage();
};

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
    ui::CallCoordinator calls(session.calls());
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

QTEST_MAIN(TestLanguageSwitch)
#include "tst_language_switch.moc"
