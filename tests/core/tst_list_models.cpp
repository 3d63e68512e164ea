// The contact and conversation list models: contacts with presence from a (fake) server,
// conversations from a real local store, kept in order as messages arrive.

#include "fake_im_client.h"
#include "im/local_store.h"
#include "im/presence_book.h"
#include "models/contact_list_model.h"
#include "models/conversation_list_model.h"
#include "protocol/error_code.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace softphone;
using im::ContactListModel;
using protocol::json;
using protocol::Message;
using protocol::MsgType;
using records::ConversationListModel;
using test::FakeImClient;

namespace {

int serial = 0;

Message message(const std::string &from, const std::string &to, MsgType type = MsgType::Text,
                const std::string &attach = {})
{
    ++serial;
    return {protocol::ConvType::Person,
            from,
            to,
            type,
            type == MsgType::Text ? "text " + std::to_string(serial) : "",
            attach,
            "id-" + std::to_string(serial),
            serial,
            1700000000000 + serial,
            "desktop"};
}

QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, 0).data(role).toString();
    return values;
}

}  // namespace

class TestListModels : public QObject
{
    Q_OBJECT

private slots:
    void contactsLoadSortedWhenOnline();
    void contactsLoadWhenMadeOnline();
    void contactsFollowPresence();
    void addAndRemoveContacts();
    void addingAnUnknownAccountFails();
    void conversationsMostRecentFirst();
    void conversationPeersAreLookedUpAtEveryLogin();
    void recordsPreviewForTheViewer();
    void newMessagesMoveConversationsUp();
    void markReadClearsTheBadges();
};

void TestListModels::contactsLoadSortedWhenOnline()
{
    FakeImClient im;
    im.setConnection(im::ConnectionState::Offline);
    im::PresenceBook presence(&im);
    ContactListModel model(&im, &presence);
    QAbstractItemModelTester tester(&model);
    im.setConnection(im::ConnectionState::Online);
    QVERIFY(im.answer("contacts.list",
                      json{{"contacts",
                            {{{"account", "zed"},
                              {"name", "Zed"},
                              {"online", true},
                              {"clientTypes", {"desktop", "cli"}}},
                             {{"account", "amy"}, {"online", false}},
                             {{"account", "bob"}, {"name", "Bob"}, {"online", false}}}}}));
    QCOMPARE(column(model, ContactListModel::NameRole),
             (QStringList{QStringLiteral("amy"), QStringLiteral("Bob"), QStringLiteral("Zed")}));
    QCOMPARE(model.index(2, 0).data(ContactListModel::OnlineRole).toBool(), true);
    QCOMPARE(model.index(2, 0).data(ContactListModel::ClientTypesRole).toStringList(),
             (QStringList{QStringLiteral("desktop"), QStringLiteral("cli")}));
    QCOMPARE(model.index(0, 0).data(ContactListModel::OnlineRole).toBool(), false);
}

// The desktop app makes its models after the client came online: they must load at once.
void TestListModels::contactsLoadWhenMadeOnline()
{
    FakeImClient im;
    im::PresenceBook presence(&im);
    ContactListModel model(&im, &presence);
    QVERIFY(
        im.answer("contacts.list", json{{"contacts", {{{"account", "amy"}, {"online", true}}}}}));
    QCOMPARE(column(model, ContactListModel::AccountRole), QStringList{QStringLiteral("amy")});
}

void TestListModels::contactsFollowPresence()
{
    FakeImClient im;
    im::PresenceBook presence(&im);
    ContactListModel model(&im, &presence);
    im.answer("contacts.list", json{{"contacts", {{{"account", "amy"}, {"online", false}}}}});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    im.push(protocol::PresenceEvent{{"amy", "", true, {"web"}}});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, 0).data(ContactListModel::OnlineRole).toBool(), true);
    im.push(protocol::PresenceEvent{{"amy", "", true, {"web"}}});  // nothing new
    QCOMPARE(changed.count(), 1);
    im.push(protocol::PresenceEvent{{"stranger", "", true, {}}});  // not a contact
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), 1);
}

void TestListModels::addAndRemoveContacts()
{
    FakeImClient im;
    im::PresenceBook presence(&im);
    ContactListModel model(&im, &presence);
    QAbstractItemModelTester tester(&model);
    im.answer("contacts.list", json{{"contacts",
                                     {{{"account", "amy"}, {"online", false}},
                                      {{"account", "cat"}, {"online", false}}}}});
    model.addContact(QStringLiteral(" bob "));
    const auto request = im.take("contacts.add");
    QCOMPARE(request.params.at("account").get<std::string>(), std::string("bob"));
    request.done(im::RpcReply{json{{"account", "bob"}, {"name", "Bob"}, {"online", true}}, {}});
    QCOMPARE(column(model, ContactListModel::AccountRole),
             (QStringList{QStringLiteral("amy"), QStringLiteral("bob"), QStringLiteral("cat")}));
    model.removeContact(QStringLiteral("amy"));
    QVERIFY(im.answer("contacts.remove", json::object()));
    QCOMPARE(column(model, ContactListModel::AccountRole),
             (QStringList{QStringLiteral("bob"), QStringLiteral("cat")}));
}

void TestListModels::addingAnUnknownAccountFails()
{
    FakeImClient im;
    im::PresenceBook presence(&im);
    ContactListModel model(&im, &presence);
    QVERIFY(im.answer("contacts.list", json{{"contacts", json::array()}}));
    QSignalSpy failed(&model, &ContactListModel::failed);
    model.addContact(QStringLiteral("nobody"));
    QVERIFY(im.fail("contacts.add", int(protocol::ErrorCode::NoSuchAccount)));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().toInt(), int(protocol::ErrorCode::NoSuchAccount));
    QCOMPARE(model.rowCount(), 0);
}

void TestListModels::conversationsMostRecentFirst()
{
    QTemporaryDir dir;
    im::LocalStore store(dir.filePath(QStringLiteral("s.db")), QStringLiteral("alice"));
    QCOMPARE(store.open(), QString());
    store.addFromServer(message("bob", "alice"));
    store.addFromServer(message("alice", "carol"));
    store.addFromServer(message("dan", "alice"));
    FakeImClient im;
    im::PresenceBook presence(&im);
    ConversationListModel model(&store, &presence);
    QAbstractItemModelTester tester(&model);
    QCOMPARE(column(model, ConversationListModel::PeerRole),
             (QStringList{QStringLiteral("dan"), QStringLiteral("carol"), QStringLiteral("bob")}));
    QCOMPARE(model.index(0, 0).data(ConversationListModel::UnreadRole).toInt(), 1);
    QVERIFY(model.index(0, 0).data(ConversationListModel::TimestampRole).toDateTime().isValid());
    im.push(protocol::PresenceEvent{{"dan", "Dan D.", true, {"desktop"}}});
    QCOMPARE(model.index(0, 0).data(ConversationListModel::NameRole).toString(),
             QStringLiteral("Dan D."));
    QCOMPARE(model.index(0, 0).data(ConversationListModel::OnlineRole).toBool(), true);
}

// Presence events tell only changes: a peer already online when we signed in, or who came
// online while we were away, is known only by asking.
void TestListModels::conversationPeersAreLookedUpAtEveryLogin()
{
    QTemporaryDir dir;
    im::LocalStore store(dir.filePath(QStringLiteral("s.db")), QStringLiteral("alice"));
    QCOMPARE(store.open(), QString());
    store.addFromServer(message("bob", "alice"));
    FakeImClient im;
    im::PresenceBook presence(&im);
    ConversationListModel model(&store, &presence);
    const auto lookUp = im.take("user.get");
    QCOMPARE(lookUp.params.at("account").get<std::string>(), std::string("bob"));
    lookUp.done(im::RpcReply{json{{"account", "bob"}, {"name", "Bob"}, {"online", true}}, {}});
    QCOMPARE(model.index(0, 0).data(ConversationListModel::NameRole).toString(),
             QStringLiteral("Bob"));
    QVERIFY(model.index(0, 0).data(ConversationListModel::OnlineRole).toBool());

    im.setConnection(im::ConnectionState::Waiting);
    QVERIFY(im.requests.empty());
    im.setConnection(im::ConnectionState::Online);  // logged in again
    QVERIFY(im.answer("user.get", json{{"account", "bob"}, {"name", "Bob"}, {"online", false}}));
    QVERIFY(!model.index(0, 0).data(ConversationListModel::OnlineRole).toBool());

    // A conversation that starts later is looked up when it starts.
    const auto fromCarol = store.addFromServer(message("carol", "alice"));
    QVERIFY(fromCarol);
    model.messageStored(*fromCarol);
    QCOMPARE(im.take("user.get").params.at("account").get<std::string>(), std::string("carol"));
}

void TestListModels::recordsPreviewForTheViewer()
{
    QTemporaryDir dir;
    im::LocalStore store(dir.filePath(QStringLiteral("s.db")), QStringLiteral("alice"));
    QCOMPARE(store.open(), QString());
    // bob called alice (video) and gave up: missed, for alice.
    store.addFromServer(
        message("bob", "alice", MsgType::CallRecord, R"({"type":2,"channelId":5,"status":2})"));
    // alice called carol: completed.
    store.addFromServer(message(
        "alice", "carol", MsgType::CallRecord,
        R"({"type":1,"channelId":6,"status":1,"durations":[{"accid":"alice","duration":61}]})"));
    FakeImClient im;
    im::PresenceBook presence(&im);
    ConversationListModel model(&store, &presence);
    const int bob = model.rowOf(QStringLiteral("bob"));
    const int carol = model.rowOf(QStringLiteral("carol"));
    QCOMPARE(model.index(bob, 0).data(ConversationListModel::PreviewRole).toString(),
             QStringLiteral("[Missed video call]"));
    QCOMPARE(model.index(bob, 0).data(ConversationListModel::LastIsMissedCallRole).toBool(), true);
    QCOMPARE(model.index(bob, 0).data(ConversationListModel::MissedCallsRole).toInt(), 1);
    QCOMPARE(model.index(carol, 0).data(ConversationListModel::PreviewRole).toString(),
             QStringLiteral("[Voice call]"));
    QCOMPARE(model.index(carol, 0).data(ConversationListModel::MissedCallsRole).toInt(), 0);
    QCOMPARE(model.totalMissedCalls(), 1);
}

void TestListModels::newMessagesMoveConversationsUp()
{
    QTemporaryDir dir;
    im::LocalStore store(dir.filePath(QStringLiteral("s.db")), QStringLiteral("alice"));
    QCOMPARE(store.open(), QString());
    store.addFromServer(message("bob", "alice"));
    store.addFromServer(message("carol", "alice"));
    FakeImClient im;
    im::PresenceBook presence(&im);
    ConversationListModel model(&store, &presence);
    QAbstractItemModelTester tester(&model);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    const auto fromBob = store.addFromServer(message("bob", "alice"));
    QVERIFY(fromBob);
    model.messageStored(*fromBob);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(column(model, ConversationListModel::PeerRole),
             (QStringList{QStringLiteral("bob"), QStringLiteral("carol")}));
    QCOMPARE(model.index(0, 0).data(ConversationListModel::UnreadRole).toInt(), 2);
    QCOMPARE(model.index(0, 0).data(ConversationListModel::PreviewRole).toString(),
             QString::fromStdString(fromBob->message.body));
    const auto toDan = store.addOutgoing(message("alice", "dan"));
    model.messageStored(*toDan);
    QCOMPARE(column(model, ConversationListModel::PeerRole),
             (QStringList{QStringLiteral("dan"), QStringLiteral("bob"), QStringLiteral("carol")}));
    QCOMPARE(model.totalUnread(), 3);
}

void TestListModels::markReadClearsTheBadges()
{
    QTemporaryDir dir;
    im::LocalStore store(dir.filePath(QStringLiteral("s.db")), QStringLiteral("alice"));
    QCOMPARE(store.open(), QString());
    store.addFromServer(message("bob", "alice"));
    store.addFromServer(
        message("bob", "alice", MsgType::CallRecord, R"({"type":1,"channelId":9,"status":4})"));
    FakeImClient im;
    im::PresenceBook presence(&im);
    ConversationListModel model(&store, &presence);
    QCOMPARE(model.index(0, 0).data(ConversationListModel::UnreadRole).toInt(), 2);
    QCOMPARE(model.index(0, 0).data(ConversationListModel::MissedCallsRole).toInt(), 1);
    model.markRead(QStringLiteral("bob"));
    QCOMPARE(model.index(0, 0).data(ConversationListModel::UnreadRole).toInt(), 0);
    QCOMPARE(model.index(0, 0).data(ConversationListModel::MissedCallsRole).toInt(), 0);
    QCOMPARE(store.conversation(QStringLiteral("bob"))->unread, 0);  // persisted
}

QTEST_GUILESS_MAIN(TestListModels)
#include "tst_list_models.moc"
