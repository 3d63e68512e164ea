// Accounts and sessions against the real server process.

#include "server_process.h"
#include "test_client.h"

#include <QTest>

using namespace softphone::test;
using softphone::protocol::ErrorCode;

class TestServerAccounts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void registerAndLogin();
    void duplicateRegistrationIsRefused();
    void wrongPasswordIsRefused();
    void methodsNeedLogin();
    void tokenLoginAndLogout();
    void tokenIsBoundToItsDevice();
    void unsupportedVersionIsRefused();
    void newerLoginOfTheSameDeviceReplacesTheOlder();
    void operatorAddsAccounts();
    void closedRegistration();
    void contactsAndPresence();

private:
    std::unique_ptr<ServerProcess> m_server;
};

void TestServerAccounts::initTestCase()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start());
}

void TestServerAccounts::cleanupTestCase()
{
    QVERIFY(m_server->stop());
}

void TestServerAccounts::registerAndLogin()
{
    TestClient client(m_server->url());
    QVERIFY(client.open());
    const auto registered = client.registerAccount("ann", "correct horse", "Ann");
    QVERIFY2(registered.ok(), registered.message().c_str());
    const auto login = client.login("ann", "correct horse");
    QVERIFY2(login.ok(), login.message().c_str());
    QCOMPARE((*login.result)["account"].get<std::string>(), std::string("ann"));
    QCOMPARE((*login.result)["name"].get<std::string>(), std::string("Ann"));
    QCOMPARE((*login.result)["protocol"].get<int>(), 1);
    QVERIFY((*login.result)["callRecords"].get<bool>());
    QVERIFY(client.token().size() >= 40);
    const auto again = client.login("ann", "correct horse");
    QCOMPARE(again.code(), int(ErrorCode::AlreadyAuthenticated));
}

void TestServerAccounts::duplicateRegistrationIsRefused()
{
    TestClient client(m_server->url());
    QVERIFY(client.open());
    QVERIFY(client.registerAccount("dup", "password-1").ok());
    QCOMPARE(client.registerAccount("dup", "password-2").code(), int(ErrorCode::AccountExists));
    QCOMPARE(client.registerAccount("bad id", "password-2").code(), int(ErrorCode::InvalidParams));
    QCOMPARE(client.registerAccount("shortpw", "short").code(), int(ErrorCode::InvalidParams));
}

void TestServerAccounts::wrongPasswordIsRefused()
{
    TestClient client(m_server->url());
    QVERIFY(client.open());
    QVERIFY(client.registerAccount("bea", "the right one").ok());
    QCOMPARE(client.login("bea", "the wrong one").code(), int(ErrorCode::BadCredentials));
    QCOMPARE(client.login("nobody", "whatever!").code(), int(ErrorCode::BadCredentials));
    QVERIFY(client.login("bea", "the right one").ok());
}

void TestServerAccounts::methodsNeedLogin()
{
    TestClient client(m_server->url());
    QVERIFY(client.open());
    const auto reply = client.call("msg.sync", {{"since", 0}});
    QCOMPARE(reply.code(), int(ErrorCode::NotAuthenticated));
    QVERIFY(client.call("ping", json::object()).ok());
    QCOMPARE(client.call("no.such", json::object()).code(), int(ErrorCode::UnknownMethod));
    QVERIFY(client.isOpen());
}

void TestServerAccounts::tokenLoginAndLogout()
{
    TestClient first(m_server->url(), "laptop");
    QVERIFY(first.signIn("cy"));
    const std::string token = first.token();
    first.close();

    TestClient second(m_server->url(), "laptop");
    QVERIFY(second.open());
    QVERIFY(second.loginWithToken("cy", token).ok());
    QVERIFY(second.call("logout", json::object()).ok());
    QCOMPARE(second.call("msg.sync", {{"since", 0}}).code(), int(ErrorCode::NotAuthenticated));

    TestClient third(m_server->url(), "laptop");
    QVERIFY(third.open());
    QCOMPARE(third.loginWithToken("cy", token).code(), int(ErrorCode::InvalidToken));
    QCOMPARE(third.loginWithToken("cy", "not-a-token").code(), int(ErrorCode::InvalidToken));
}

void TestServerAccounts::tokenIsBoundToItsDevice()
{
    TestClient phone(m_server->url(), "phone");
    QVERIFY(phone.signIn("dee"));
    TestClient other(m_server->url(), "stolen");
    QVERIFY(other.open());
    QCOMPARE(other.loginWithToken("dee", phone.token()).code(), int(ErrorCode::InvalidToken));
}

void TestServerAccounts::unsupportedVersionIsRefused()
{
    TestClient client(m_server->url());
    QVERIFY(client.open());
    const auto reply = client.call("login", {{"protocol", 2},
                                             {"account", "ann"},
                                             {"password", "correct horse"},
                                             {"clientType", "cli"},
                                             {"deviceId", "x"}});
    QCOMPARE(reply.code(), int(ErrorCode::UnsupportedVersion));
}

void TestServerAccounts::newerLoginOfTheSameDeviceReplacesTheOlder()
{
    TestClient older(m_server->url(), "desk");
    QVERIFY(older.signIn("eve"));
    TestClient newer(m_server->url(), "desk");
    QVERIFY(newer.open());
    QVERIFY(newer.loginWithToken("eve", older.token()).ok());
    QVERIFY(older.waitClosed());
    QCOMPARE(older.closeCode(), 4000);
    QVERIFY(newer.call("msg.sync", {{"since", 0}}).ok());
}

void TestServerAccounts::operatorAddsAccounts()
{
    QString output;
    QCOMPARE(m_server->runCommand({QStringLiteral("account"), QStringLiteral("add"),
                                   QStringLiteral("ops1"), QStringLiteral("operator-pw")},
                                  &output),
             0);
    QVERIFY2(output.contains(QStringLiteral("added")), qPrintable(output));
    QCOMPARE(m_server->runCommand({QStringLiteral("account"), QStringLiteral("add"),
                                   QStringLiteral("ops1"), QStringLiteral("operator-pw")},
                                  &output),
             1);
    QVERIFY(output.contains(QStringLiteral("exists")));
    QCOMPARE(m_server->runCommand({QStringLiteral("account"), QStringLiteral("add"),
                                   QStringLiteral("bad id"), QStringLiteral("operator-pw")}),
             1);
    TestClient client(m_server->url());
    QVERIFY(client.open());
    QVERIFY(client.login("ops1", "operator-pw").ok());
}

void TestServerAccounts::closedRegistration()
{
    ServerProcess closed(json{{"openRegistration", false}});
    QVERIFY(closed.start());
    TestClient client(closed.url());
    QVERIFY(client.open());
    QCOMPARE(client.registerAccount("zed", "password-1").code(),
             int(ErrorCode::RegistrationClosed));
    QVERIFY(closed.stop());
}

void TestServerAccounts::contactsAndPresence()
{
    TestClient fay(m_server->url(), "fay-pc");
    QVERIFY(fay.signIn("fay"));
    {
        TestClient setup(m_server->url(), "gil-setup");
        QVERIFY(setup.signIn("gil"));
    }
    QCOMPARE(fay.request(softphone::protocol::ContactsAdd{"nobody"}).code(),
             int(ErrorCode::NoSuchAccount));
    const auto added = fay.request(softphone::protocol::ContactsAdd{"gil"});
    QVERIFY(added.ok());
    QCOMPARE((*added.result)["online"].get<bool>(), false);
    QVERIFY(fay.request(softphone::protocol::ContactsAdd{"gil"}).ok());  // again: no harm

    TestClient gil(m_server->url(), "gil-phone", "cli");
    QVERIFY(gil.signIn("gil"));
    const auto online = fay.waitFor<softphone::protocol::PresenceEvent>();
    QVERIFY(online);
    QCOMPARE(online->presence.account, std::string("gil"));
    QVERIFY(online->presence.online);
    QCOMPARE(online->presence.clientTypes, std::vector<std::string>{"cli"});

    const auto list = fay.request(softphone::protocol::ContactsList{});
    QVERIFY(list.ok());
    QCOMPARE((*list.result)["contacts"].size(), 1u);
    QVERIFY((*list.result)["contacts"][0]["online"].get<bool>());
    const auto user = fay.request(softphone::protocol::UserGet{"gil"});
    QVERIFY(user.ok() && (*user.result)["online"].get<bool>());

    gil.close();
    const auto offline = fay.waitFor<softphone::protocol::PresenceEvent>();
    QVERIFY(offline && !offline->presence.online);

    QVERIFY(fay.request(softphone::protocol::ContactsRemove{"gil"}).ok());
    QCOMPARE((*fay.request(softphone::protocol::ContactsList{}).result)["contacts"].size(), 0u);
    TestClient back(m_server->url(), "gil-phone");
    QVERIFY(back.signIn("gil"));
    QVERIFY(fay.noEvent("presence", 500));  // no longer a contact, no conversation either
}

QTEST_GUILESS_MAIN(TestServerAccounts)
#include "tst_server_accounts.moc"
