// The client's local store: dedupe, pending sends, paging, unread and missed-call counts.

#include "im/local_store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace softphone::im;
using namespace softphone::protocol;

namespace {

std::int64_t nextServerId = 100;

Message text(const std::string &from, const std::string &to, const std::string &body,
             const std::string &id)
{
    return {ConvType::Person, from,          to,       MsgType::Text, body, "", id,
            ++nextServerId,   1700000000000, "desktop"};
}

Message callRecord(const std::string &caller, const std::string &callee, CallStatus status,
                   const std::string &id)
{
    CallRecord record{CallType::Audio, nextServerId, status, {}, {}};
    if (status == CallStatus::Completed)
        record.durations = {{caller, 10}, {callee, 9}};
    return {ConvType::Person,   caller, callee,         MsgType::CallRecord, "",
            record.serialize(), id,     ++nextServerId, 1700000000000,       "server"};
}

}  // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void serverMessagesAreKeptOnce();
    void outgoingMessagesGoFromPendingToSent();
    void missedCallsAreCountedUntilSeen();
    void callsWeTookOurselvesAreNotUnread();
    void senderAndReceiverKeepTheSameRecord();
    void pagesRunBackwards();
    void cursorSurvivesReopening();
    void localDelete();
    void receiptsRaiseOnlyOurMessagesAndOnlyForward();
    void readOnAnotherDeviceClearsTheUnread();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;  // alice's
};

void TestLocalStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>(m_dir->filePath(QStringLiteral("alice/store.db")),
                                           QStringLiteral("alice"));
    QCOMPARE(m_store->open(), QString());
}

void TestLocalStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestLocalStore::serverMessagesAreKeptOnce()
{
    const Message hello = text("bob", "alice", "hello", "b-1");
    QVERIFY(m_store->addFromServer(hello));
    QVERIFY(!m_store->addFromServer(hello));  // pushed and then synced again
    QCOMPARE(m_store->count(QStringLiteral("bob")), 1);
    const auto conversations = m_store->conversations();
    QCOMPARE(conversations.size(), 1u);
    QCOMPARE(conversations[0].peer, QStringLiteral("bob"));
    QCOMPARE(conversations[0].unread, 1);
    QCOMPARE(conversations[0].last->message.body, std::string("hello"));
    m_store->markRead(QStringLiteral("bob"));
    QCOMPARE(m_store->conversations()[0].unread, 0);
}

void TestLocalStore::outgoingMessagesGoFromPendingToSent()
{
    Message mine = text("alice", "bob", "on my way", "a-1");
    mine.msgidServer = 0;
    QVERIFY(m_store->addOutgoing(mine));
    QCOMPARE(m_store->pendingOutgoing().size(), 1u);
    QCOMPARE(m_store->conversations()[0].unread, 0);  // our own words are read
    QVERIFY(m_store->markSent("a-1", 555, 1700000000999));
    QVERIFY(m_store->pendingOutgoing().empty());
    // The server's copy, synced back from another device, is the same message.
    Message echoed = mine;
    echoed.msgidServer = 555;
    QVERIFY(!m_store->addFromServer(echoed));
    const auto page = m_store->page(QStringLiteral("bob"), std::nullopt, 10);
    QCOMPARE(page.size(), 1u);
    QCOMPARE(page[0].message.msgidServer, std::int64_t{555});
    QCOMPARE(page[0].delivery, DeliveryState::Sent);

    Message lost = text("alice", "bob", "lost", "a-2");
    QVERIFY(m_store->addOutgoing(lost));
    m_store->markFailed("a-2");
    QCOMPARE(m_store->page(QStringLiteral("bob"), std::nullopt, 10).back().delivery,
             DeliveryState::Failed);
}

void TestLocalStore::missedCallsAreCountedUntilSeen()
{
    QVERIFY(m_store->addFromServer(callRecord("bob", "alice", CallStatus::Timeout, "r-1")));
    QVERIFY(m_store->addFromServer(callRecord("bob", "alice", CallStatus::Busy, "r-2")));
    QVERIFY(m_store->addFromServer(callRecord("bob", "alice", CallStatus::Rejected, "r-3")));
    QVERIFY(m_store->addFromServer(callRecord("alice", "bob", CallStatus::Canceled, "r-4")));
    QVERIFY(m_store->addFromServer(callRecord("bob", "alice", CallStatus::Completed, "r-5")));
    const auto conversation = m_store->conversations().front();
    QCOMPARE(conversation.missedCalls, 2);  // timeout and busy; not the one alice declined
    QCOMPARE(m_store->callRecords(true, 50).size(), 2u);
    QCOMPARE(m_store->callRecords(false, 50).size(), 5u);
    m_store->markRead(QStringLiteral("bob"));
    QCOMPARE(m_store->conversations().front().missedCalls, 0);
    QCOMPARE(m_store->callRecords(true, 50).size(), 2u);  // still missed calls in the log
}

void TestLocalStore::callsWeTookOurselvesAreNotUnread()
{
    // Answered, declined, and placed by us: nothing to catch up on. Only the missed one is.
    QVERIFY(m_store->addFromServer(callRecord("bob", "alice", CallStatus::Completed, "r-1")));
    QVERIFY(m_store->addFromServer(callRecord("bob", "alice", CallStatus::Rejected, "r-2")));
    QVERIFY(m_store->addFromServer(callRecord("alice", "bob", CallStatus::Completed, "r-3")));
    QCOMPARE(m_store->conversations().front().unread, 0);
    QVERIFY(m_store->addFromServer(callRecord("bob", "alice", CallStatus::Timeout, "r-4")));
    QCOMPARE(m_store->conversations().front().unread, 1);
    QCOMPARE(m_store->conversations().front().missedCalls, 1);
}

void TestLocalStore::senderAndReceiverKeepTheSameRecord()
{
    LocalStore bobs(m_dir->filePath(QStringLiteral("bob/store.db")), QStringLiteral("bob"));
    QCOMPARE(bobs.open(), QString());
    const Message record = callRecord("alice", "bob", CallStatus::Canceled, "r-9");
    QVERIFY(m_store->addFromServer(record));  // onMessageSent / getLocalMsgs on the sender
    QVERIFY(bobs.addFromServer(record));      // onmsg on the receiver
    const auto mine = m_store->page(QStringLiteral("bob"), std::nullopt, 1);
    const auto theirs = bobs.page(QStringLiteral("alice"), std::nullopt, 1);
    QVERIFY(mine.front().message == theirs.front().message);
    QCOMPARE(bobs.conversations().front().missedCalls, 1);
    QCOMPARE(m_store->conversations().front().missedCalls, 0);
}

void TestLocalStore::pagesRunBackwards()
{
    for (int i = 0; i < 250; ++i)
        QVERIFY(m_store->addFromServer(
            text("bob", "alice", std::to_string(i), "p-" + std::to_string(i))));
    QVERIFY(m_store->addFromServer(text("carol", "alice", "other", "c-1")));
    QCOMPARE(m_store->count(QStringLiteral("bob")), 250);
    auto page = m_store->page(QStringLiteral("bob"), std::nullopt, 50);
    QCOMPARE(page.size(), 50u);
    QCOMPARE(page.front().message.body, std::string("200"));
    QCOMPARE(page.back().message.body, std::string("249"));
    page = m_store->page(QStringLiteral("bob"), page.front().localId, 50);
    QCOMPARE(page.front().message.body, std::string("150"));
    QCOMPARE(page.back().message.body, std::string("199"));
    QCOMPARE(m_store->conversations().front().peer, QStringLiteral("carol"));  // newest first
}

void TestLocalStore::cursorSurvivesReopening()
{
    QCOMPARE(m_store->syncCursor(), std::int64_t{0});
    m_store->setSyncCursor(4242);
    m_store->setSyncCursor(4243);
    m_store = std::make_unique<LocalStore>(m_dir->filePath(QStringLiteral("alice/store.db")),
                                           QStringLiteral("alice"));
    QCOMPARE(m_store->open(), QString());
    QCOMPARE(m_store->syncCursor(), std::int64_t{4243});
}

void TestLocalStore::localDelete()
{
    QVERIFY(m_store->addFromServer(text("bob", "alice", "delete me", "d-1")));
    const auto page = m_store->page(QStringLiteral("bob"), std::nullopt, 10);
    QVERIFY(m_store->remove(page.front().localId));
    QVERIFY(!m_store->remove(page.front().localId));
    QCOMPARE(m_store->count(QStringLiteral("bob")), 0);
}

QTEST_GUILESS_MAIN(TestLocalStore)
void TestLocalStore::receiptsRaiseOnlyOurMessagesAndOnlyForward()
{
    const Message first = text("alice", "bob", "one", "a-1");
    const Message second = text("alice", "bob", "two", "a-2");
    const Message theirs = text("bob", "alice", "three", "b-3");
    const Message toCarol = text("alice", "carol", "hi", "a-4");
    for (const Message &m : {first, second, theirs, toCarol})
        QVERIFY(m_store->addFromServer(m));
    const auto pendingOne = m_store->addOutgoing(text("alice", "bob", "later", "a-5"));
    QVERIFY(pendingOne);
    const auto stateOf = [&](const std::string &id) { return m_store->findOwn(id)->delivery; };

    // Bob has everything up to his own message: both of ours to him are delivered.
    auto changed = m_store->applyPeerReceipt(QStringLiteral("bob"), theirs.msgidServer, 0);
    QCOMPARE(changed.size(), 2u);
    QCOMPARE(stateOf("a-1"), DeliveryState::Delivered);
    QCOMPARE(stateOf("a-2"), DeliveryState::Delivered);
    QCOMPARE(stateOf("a-4"), DeliveryState::Sent);     // Carol's conversation is another
    QCOMPARE(stateOf("a-5"), DeliveryState::Pending);  // not on the server yet

    // He read the first; then an old delivered mark comes late: nothing goes back.
    changed =
        m_store->applyPeerReceipt(QStringLiteral("bob"), first.msgidServer, first.msgidServer);
    QCOMPARE(changed, std::vector<std::int64_t>{m_store->findOwn("a-1")->localId});
    QCOMPARE(stateOf("a-1"), DeliveryState::Read);
    QCOMPARE(stateOf("a-2"), DeliveryState::Delivered);
    QVERIFY(m_store->applyPeerReceipt(QStringLiteral("bob"), first.msgidServer, 0).empty());
    QCOMPARE(stateOf("a-1"), DeliveryState::Read);
}

void TestLocalStore::readOnAnotherDeviceClearsTheUnread()
{
    const Message one = text("bob", "alice", "one", "b-1");
    const Message two = text("bob", "alice", "two", "b-2");
    QVERIFY(m_store->addFromServer(one));
    QVERIFY(m_store->addFromServer(two));
    QCOMPARE(m_store->lastIncoming(QStringLiteral("bob")), two.msgidServer);
    QCOMPARE(m_store->conversation(QStringLiteral("bob"))->unread, 2);
    QVERIFY(m_store->markReadUpTo(QStringLiteral("bob"), one.msgidServer));
    QCOMPARE(m_store->conversation(QStringLiteral("bob"))->unread, 1);
    QVERIFY(m_store->markReadUpTo(QStringLiteral("bob"), two.msgidServer));
    QVERIFY(!m_store->markReadUpTo(QStringLiteral("bob"), two.msgidServer));  // nothing left
    QCOMPARE(m_store->conversation(QStringLiteral("bob"))->unread, 0);
}

#include "tst_local_store.moc"
