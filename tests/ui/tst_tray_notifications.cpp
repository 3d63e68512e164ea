// The tray, the notifications and do-not-disturb of the desktop app, against the real server
// with a second account calling from a bare call controller: the badge counts unread
// messages and missed calls; under do-not-disturb an incoming call shows no window, plays no
// ringtone and notifies nothing, and is left as a missed call; a missed call notifies with
// "Call back", which calls the peer back with the same media; with "accept calls on this
// device" off, invites are ignored.

#include "calls/call_coordinator.h"
#include "calls/call_notifications.h"
#include "calls/incoming_call_window.h"
#include "im/im_client.h"
#include "phone.h"
#include "server_process.h"
#include "shell/client_session.h"
#include "shell/desktop_app.h"
#include "shell/main_window.h"
#include "shell/notifier.h"
#include "shell/tray_icon.h"

#include <QAction>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace softphone;
using call::CallState;
using protocol::CallType;
using test::Phone;

namespace {

constexpr int kWait = 15000;
const QString kPassword = QStringLiteral("password-123");

// Keeps what it is asked to show.
class RecordingNotifier : public ui::Notifier
{
public:
    void notify(ui::Notification notification) override
    {
        shown.push_back(std::move(notification));
    }
    void withdraw(const QString &tag) override { withdrawn.push_back(tag); }
    // Whether the notification was taken back after it was shown.
    bool wasWithdrawn(std::size_t index) const
    {
        return index < shown.size() &&
               std::count(withdrawn.begin(), withdrawn.end(), shown[index].tag) > 0;
    }
    std::vector<ui::Notification> shown;
    std::vector<QString> withdrawn;
};

// The main window's menu action with this text.
QAction *menuAction(QWidget *window, const QString &text)
{
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

bool isBadgeRed(const QIcon &icon)
{
    // The badge is a red pill at the top right; the app icon under it has no red at all.
    const QImage image = icon.pixmap(64, 64).toImage();
    int red = 0;
    for (int y = 0; y < 36; ++y) {
        for (int x = 32; x < 64; ++x) {
            const QColor pixel = image.pixelColor(x, y);
            red +=
                pixel.alpha() > 200 && pixel.red() > 180 && pixel.green() < 90 && pixel.blue() < 90;
        }
    }
    return red > 200;
}

}  // namespace

class TestTrayNotifications : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void badgeIcon();
    void badgeFollowsUnreadAndMissed();
    void doNotDisturbLeavesTheCallMissed();
    void missedCallNotifiesWithCallBack();
    void incomingNotificationIsWithdrawnOnceAnswered_data();
    void incomingNotificationIsWithdrawnOnceAnswered();
    void callsOffOnThisDeviceIgnoresInvites();
    void recordsOffStillShowTheMissedCall();

private:
    void signIn(const QString &account, test::ServerProcess *server = nullptr);
    Phone caller(const QString &account, test::ServerProcess *server = nullptr);
    void addAccounts(std::initializer_list<const char *> accounts,
                     test::ServerProcess *server = nullptr);
    int missedRecords(const QString &peer) const;

    QTemporaryDir m_home;
    test::ServerProcess m_server;
    std::unique_ptr<ui::DesktopApp> m_app;
    RecordingNotifier m_notifier;
};

void TestTrayNotifications::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY(m_server.start());
}

void TestTrayNotifications::cleanup()
{
    m_app.reset();
    m_notifier.shown.clear();
    m_notifier.withdrawn.clear();
}

void TestTrayNotifications::addAccounts(std::initializer_list<const char *> accounts,
                                        test::ServerProcess *server)
{
    for (const char *account : accounts) {
        QCOMPARE((server ? server : &m_server)
                     ->runCommand({QStringLiteral("account"), QStringLiteral("add"),
                                   QLatin1String(account), kPassword}),
                 0);
    }
}

void TestTrayNotifications::signIn(const QString &account, test::ServerProcess *server)
{
    ui::DesktopOptions options;
    options.profile = account;  // settings of its own: do-not-disturb and the like start off
    options.servers = {(server ? server : &m_server)->url()};
    options.account = account;
    options.password = kPassword;
    options.language = QStringLiteral("en");
    m_app = std::make_unique<ui::DesktopApp>(options);
    m_app->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_app->mainWindow() && m_app->mainWindow()->isVisible(), kWait);
    m_app->notifications()->setNotifier(&m_notifier);
    m_app->notifications()->setWindow(nullptr);  // as if the window were in the background
}

// The other party: an IM connection and a call controller, no widgets.
Phone TestTrayNotifications::caller(const QString &account, test::ServerProcess *server)
{
    test::PhoneSetup setup;
    setup.server = (server ? server : &m_server)->url();
    setup.storeDirectory = m_home.filePath(QStringLiteral("stores/") + account);
    setup.account = account;
    setup.deviceId = account + QStringLiteral("-cli");
    setup.password = kPassword;
    return test::startPhone(setup);
}

int TestTrayNotifications::missedRecords(const QString &peer) const
{
    const auto conversation = m_app->session()->store()->conversation(peer);
    return conversation ? conversation->missedCalls : 0;
}

void TestTrayNotifications::badgeIcon()
{
    QVERIFY(!isBadgeRed(ui::TrayIcon::badgedIcon(0)));
    QVERIFY(isBadgeRed(ui::TrayIcon::badgedIcon(3)));
    QVERIFY(isBadgeRed(ui::TrayIcon::badgedIcon(120)));
}

void TestTrayNotifications::badgeFollowsUnreadAndMissed()
{
    addAccounts({"tina", "tom"});
    signIn(QStringLiteral("tina"));
    Phone tom = caller(QStringLiteral("tom"));
    QVERIFY(tom.online(kWait));
    ui::TrayIcon *tray = m_app->tray();
    QCOMPARE(tray->count(), 0);

    tom.im->sendMessage(QStringLiteral("tina"), protocol::MsgType::Text, QStringLiteral("hi"), {});
    QTRY_COMPARE_WITH_TIMEOUT(tray->count(), 1, kWait);
    QVERIFY(tom.calls->call(QStringLiteral("tina"), CallType::Audio));
    QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->callController()->state(), CallState::Incoming,
                              kWait);
    QVERIFY(tom.calls->cancel());
    QTRY_COMPARE_WITH_TIMEOUT(tray->count(), 2, kWait);  // the message and the missed call
    QCOMPARE(m_app->session()->missedCallCount(), 1);
    QVERIFY(isBadgeRed(ui::TrayIcon::badgedIcon(tray->count())));

    m_app->mainWindow()->openConversation(QStringLiteral("tom"));  // seen
    QCOMPARE(tray->count(), 0);
    QVERIFY(!isBadgeRed(ui::TrayIcon::badgedIcon(tray->count())));
}

void TestTrayNotifications::doNotDisturbLeavesTheCallMissed()
{
    addAccounts({"dora", "dirk"});
    signIn(QStringLiteral("dora"));
    QAction *dnd = menuAction(m_app->mainWindow(), QStringLiteral("&Do not disturb"));
    QVERIFY(dnd && !dnd->isChecked());
    dnd->trigger();
    QVERIFY(m_app->settings()->doNotDisturb());
    Phone dirk = caller(QStringLiteral("dirk"));
    dirk.calls->setRingTimeoutMs(1500);
    QVERIFY(dirk.online(kWait));

    QVERIFY(dirk.calls->call(QStringLiteral("dora"), CallType::Video));
    call::CallController *calls = m_app->session()->callController();
    QTRY_COMPARE_WITH_TIMEOUT(calls->state(), CallState::Incoming, kWait);
    QVERIFY(!m_app->callCoordinator()->incomingWindow()->isVisible());
    QCOMPARE(m_app->callCoordinator()->sounds()->current(), ui::CallSounds::Tone::None);

    QVERIFY(dirk.reaches(CallState::Ended, kWait));  // the caller's ring timeout
    QCOMPARE(dirk.calls->endReason(), call::EndReason::NoAnswer);
    QTRY_COMPARE_WITH_TIMEOUT(missedRecords(QStringLiteral("dirk")), 1, kWait);
    QVERIFY(!m_app->callCoordinator()->incomingWindow()->isVisible());
    QVERIFY(m_notifier.shown.empty());  // neither the incoming nor the missed call
    QTRY_COMPARE_WITH_TIMEOUT(m_app->tray()->count(), 1, kWait);  // but it counts
}

void TestTrayNotifications::incomingNotificationIsWithdrawnOnceAnswered_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("answered here") << QStringLiteral("here");
    QTest::newRow("answered on another device") << QStringLiteral("elsewhere");
    QTest::newRow("canceled by the caller") << QStringLiteral("canceled");
}

void TestTrayNotifications::incomingNotificationIsWithdrawnOnceAnswered()
{
    QFETCH(QString, how);
    const QString me = QStringLiteral("wanda-") + how, them = QStringLiteral("walt-") + how;
    addAccounts({qPrintable(me), qPrintable(them)});
    signIn(me);
    Phone walt = caller(them);
    Phone otherDevice = caller(me);  // the same account on a second device
    QVERIFY(QTest::qWaitFor(
        [&] {
            return walt.im->state() == im::ConnectionState::Online &&
                   otherDevice.im->state() == im::ConnectionState::Online;
        },
        kWait));
    QVERIFY(walt.calls->call(me, CallType::Audio));
    call::CallController *calls = m_app->session()->callController();
    QTRY_COMPARE_WITH_TIMEOUT(calls->state(), CallState::Incoming, kWait);
    QVERIFY(otherDevice.reaches(CallState::Incoming, kWait));
    QCOMPARE(m_notifier.shown.size(), 1u);
    QCOMPARE(m_notifier.shown[0].title, QStringLiteral("Incoming voice call"));
    QVERIFY(!m_notifier.wasWithdrawn(0));  // still true while it rings

    if (how == QLatin1String("here"))
        QVERIFY(calls->accept());
    else if (how == QLatin1String("elsewhere"))
        QVERIFY(otherDevice.calls->accept());
    else
        QVERIFY(walt.calls->cancel());
    QTRY_VERIFY_WITH_TIMEOUT(m_notifier.wasWithdrawn(0), kWait);
    if (how != QLatin1String("canceled"))
        QCOMPARE(m_notifier.shown.size(), 1u);  // answered: nothing is missed
    if (walt.calls->isBusy())
        walt.calls->hangup();
}

void TestTrayNotifications::missedCallNotifiesWithCallBack()
{
    addAccounts({"mia", "max"});
    signIn(QStringLiteral("mia"));
    Phone max = caller(QStringLiteral("max"));
    QVERIFY(max.online(kWait));
    QVERIFY(max.calls->call(QStringLiteral("mia"), CallType::Video));
    call::CallController *calls = m_app->session()->callController();
    QTRY_COMPARE_WITH_TIMEOUT(calls->state(), CallState::Incoming, kWait);
    QVERIFY(m_app->callCoordinator()->incomingWindow()->isVisible());
    QCOMPARE(m_app->callCoordinator()->sounds()->current(), ui::CallSounds::Tone::Ringtone);
    QVERIFY(max.calls->cancel());
    QTRY_COMPARE_WITH_TIMEOUT(m_notifier.shown.size(), 2u, kWait);

    QCOMPARE(m_notifier.shown[0].title, QStringLiteral("Incoming video call"));
    const ui::Notification &missed = m_notifier.shown[1];
    QCOMPARE(missed.title, QStringLiteral("Missed video call"));
    QCOMPARE(missed.text, QStringLiteral("max"));
    QCOMPARE(missed.actionText, QStringLiteral("Call back"));
    QVERIFY(missed.action);
    QTRY_COMPARE_WITH_TIMEOUT(calls->state(), CallState::Idle, kWait);  // the miss was shown

    missed.action();
    QCOMPARE(calls->state(), CallState::Outgoing);
    QCOMPARE(calls->current().peer, QStringLiteral("max"));
    QCOMPARE(calls->current().type, CallType::Video);
    QVERIFY(max.reaches(CallState::Incoming, kWait));
    QCOMPARE(max.calls->current().type, CallType::Video);
    QVERIFY(calls->hangup());
    QVERIFY(max.reaches(CallState::Ended, kWait));
}

void TestTrayNotifications::callsOffOnThisDeviceIgnoresInvites()
{
    addAccounts({"ida", "ike"});
    signIn(QStringLiteral("ida"));
    QAction *accept =
        menuAction(m_app->mainWindow(), QStringLiteral("&Accept calls on this device"));
    QVERIFY(accept && accept->isChecked());
    accept->trigger();
    QVERIFY(!m_app->settings()->acceptCalls());
    Phone ike = caller(QStringLiteral("ike"));
    ike.calls->setRingTimeoutMs(1500);
    QVERIFY(ike.online(kWait));
    QSignalSpy states(m_app->session()->callController(), &call::CallController::stateChanged);
    QVERIFY(ike.calls->call(QStringLiteral("ida"), CallType::Audio));
    QVERIFY(ike.reaches(CallState::Ended, kWait));
    QCOMPARE(ike.calls->endReason(), call::EndReason::NoAnswer);  // not busy: just not here
    QCOMPARE(states.count(), 0);
    QVERIFY(!m_app->callCoordinator()->incomingWindow()->isVisible());
    QCOMPARE(m_app->callCoordinator()->sounds()->current(), ui::CallSounds::Tone::None);
    QVERIFY(m_notifier.shown.empty());
}

// With the server's records off, the app's own record of the missed call shows everywhere a
// server record would: the preview, the call log, the badge and the notification.
void TestTrayNotifications::recordsOffStillShowTheMissedCall()
{
    test::ServerProcess server(nlohmann::json{{"callRecords", false}});
    QVERIFY(server.start());
    addAccounts({"rae", "roy"}, &server);
    signIn(QStringLiteral("rae"), &server);
    Phone roy = caller(QStringLiteral("roy"), &server);
    QVERIFY(roy.online(kWait));
    QVERIFY(roy.calls->call(QStringLiteral("rae"), CallType::Audio));
    QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->callController()->state(), CallState::Incoming,
                              kWait);
    QVERIFY(!m_app->session()->callController()->builtInRecords());
    QVERIFY(roy.calls->cancel());

    QTRY_COMPARE_WITH_TIMEOUT(m_app->tray()->count(), 1, kWait);
    ui::ClientSession *session = m_app->session();
    QCOMPARE(session->missedCallCount(), 1);
    const QModelIndex conversation = session->conversations()->index(0);
    QCOMPARE(conversation.data(records::ConversationListModel::PreviewRole).toString(),
             QStringLiteral("[Missed voice call]"));
    QCOMPARE(session->callLog()->rowCount(), 1);
    QCOMPARE(session->callLog()->index(0).data(records::CallLogModel::TextRole).toString(),
             QStringLiteral("Missed call"));
    QTRY_COMPARE_WITH_TIMEOUT(m_notifier.shown.size(), 2u, kWait);
    QCOMPARE(m_notifier.shown[1].title, QStringLiteral("Missed voice call"));
    const auto stored = session->store()->callRecords(true, 10);
    QCOMPARE(stored.size(), 1u);
    QCOMPARE(stored.front().delivery, im::DeliveryState::LocalOnly);
    m_app.reset();
    QVERIFY(server.stop());
}

QTEST_MAIN(TestTrayNotifications)
#include "tst_tray_notifications.moc"
