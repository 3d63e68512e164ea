// Presence and names right after signing in, against the real server: a conversation peer who
// is not a contact and was online before we signed in shows online under their display name,
// in the conversation list, in the chat header and in the call window; so does one who came
// online while our connection was down.

#include "calls/call_coordinator.h"
#include "calls/call_window.h"
#include "chat/chat_view.h"
#include "im/im_client.h"
#include "models/conversation_list_model.h"
#include "server_process.h"
#include "shell/client_session.h"
#include "shell/desktop_app.h"
#include "shell/main_window.h"
#include "test_client.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace softphone;
using records::ConversationListModel;

namespace {

constexpr int kWait = 15000;
const std::string kPassword = "password-123";

}  // namespace

class TestPresenceAtSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void peerOnlineBeforeSignInShowsOnlineByName();
    void peerWhoCameOnlineWhileWeWereAwayShowsOnline();

private:
    void signInAsGwen();
    QVariant conversationData(const QString &peer, int role) const;

    QTemporaryDir m_home;
    test::ServerProcess m_server;
    std::unique_ptr<ui::DesktopApp> m_app;
};

void TestPresenceAtSignIn::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY(m_server.start());
    const std::pair<const char *, const char *> accounts[] = {
        {"gwen", "Gwen"}, {"hank", "Hank Hill"}, {"ivy", "Ivy Lane"}};
    for (const auto &[account, name] : accounts) {
        QCOMPARE(m_server.runCommand({QStringLiteral("account"), QStringLiteral("add"),
                                      QLatin1String(account), QString::fromStdString(kPassword),
                                      QStringLiteral("--name"), QLatin1String(name)}),
                 0);
    }
}

void TestPresenceAtSignIn::cleanup()
{
    m_app.reset();
}

void TestPresenceAtSignIn::signInAsGwen()
{
    ui::DesktopOptions options;
    options.profile = QStringLiteral("presence");
    options.servers = {m_server.url()};
    options.account = QStringLiteral("gwen");
    options.password = QString::fromStdString(kPassword);
    options.language = QStringLiteral("en");
    m_app = std::make_unique<ui::DesktopApp>(options);
    m_app->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_app->mainWindow() && m_app->mainWindow()->isVisible(), kWait);
}

QVariant TestPresenceAtSignIn::conversationData(const QString &peer, int role) const
{
    ConversationListModel *model = m_app->session()->conversations();
    const int row = model->rowOf(peer);
    return row < 0 ? QVariant() : model->index(row).data(role);
}

void TestPresenceAtSignIn::peerOnlineBeforeSignInShowsOnlineByName()
{
    // Hank, not a contact of Gwen's, writes to her and stays online.
    test::TestClient hank(m_server.url(), "hank-phone");
    QVERIFY(hank.open());
    QVERIFY(hank.login("hank", kPassword).ok());
    protocol::SendMessage text;
    text.to = "gwen";
    text.body = "are you there?";
    text.msgidClient = "hank-1";
    QVERIFY(hank.request(text).ok());

    signInAsGwen();
    const QString peer = QStringLiteral("hank");
    QTRY_COMPARE_WITH_TIMEOUT(conversationData(peer, ConversationListModel::NameRole).toString(),
                              QStringLiteral("Hank Hill"), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(conversationData(peer, ConversationListModel::OnlineRole).toBool(),
                             kWait);

    ui::ChatView *chat = m_app->mainWindow()->chatView();
    m_app->mainWindow()->openConversation(peer);
    QCOMPARE(chat->findChild<QLabel *>(QStringLiteral("presence"))->text(),
             QStringLiteral("online"));

    // The call window names him too.
    call::CallController *calls = m_app->session()->callController();
    QVERIFY(calls->call(peer, protocol::CallType::Audio));
    QCOMPARE(m_app->callCoordinator()->callWindow()->windowTitle(),
             QStringLiteral("Call with Hank Hill"));
    QVERIFY(calls->hangup());
}

void TestPresenceAtSignIn::peerWhoCameOnlineWhileWeWereAwayShowsOnline()
{
    // Ivy wrote earlier and went away; Gwen signs in and sees her offline.
    {
        test::TestClient ivy(m_server.url(), "ivy-phone");
        QVERIFY(ivy.open());
        QVERIFY(ivy.login("ivy", kPassword).ok());
        protocol::SendMessage text;
        text.to = "gwen";
        text.body = "call me later";
        text.msgidClient = "ivy-1";
        QVERIFY(ivy.request(text).ok());
    }
    signInAsGwen();
    const QString peer = QStringLiteral("ivy");
    QTRY_COMPARE_WITH_TIMEOUT(conversationData(peer, ConversationListModel::NameRole).toString(),
                              QStringLiteral("Ivy Lane"), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!conversationData(peer, ConversationListModel::OnlineRole).toBool(),
                             kWait);

    // The server restarts; Ivy is back before Gwen's app has reconnected, so no presence
    // event can reach Gwen: only a look-up after the reconnection tells.
    im::ImClient *im = m_app->session()->im();
    QVERIFY(m_server.stop());
    QTRY_VERIFY_WITH_TIMEOUT(im->state() != im::ConnectionState::Online, kWait);
    QVERIFY(m_server.start(m_server.port()));
    test::TestClient ivy(m_server.url(), "ivy-phone");
    QVERIFY(ivy.open());
    QVERIFY(ivy.login("ivy", kPassword).ok());
    QTRY_COMPARE_WITH_TIMEOUT(im->state(), im::ConnectionState::Online, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(conversationData(peer, ConversationListModel::OnlineRole).toBool(),
                             kWait);
}

QTEST_MAIN(TestPresenceAtSignIn)
#include "tst_presence_at_sign_in.moc"
