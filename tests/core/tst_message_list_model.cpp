// The conversation model: lazy pages from the local store, live updates, records worded for
// the viewer.

#include "im/local_store.h"
#include "models/message_list_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace softphone;
using namespace softphone::protocol;
using records::MessageListModel;

namespace {

Message text(const std::string &from, const std::string &to, int n)
{
    return {ConvType::Person,
            from,
            to,
            MsgType::Text,
            "m" + std::to_string(n),
            "",
            "id-" + std::to_string(n),
            1000 + n,
            1700000000000 + n,
            "desktop"};
}

}  // namespace

class TestMessageListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void opensWithOnePage();
    void scrollsBackPageByPage();
    void followsTheStore();
    void recordsAreWordedForTheViewer();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<im::LocalStore> m_store;
};

void TestMessageListModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<im::LocalStore>(m_dir->filePath(QStringLiteral("s.db")),
                                               QStringLiteral("alice"));
    QCOMPARE(m_store->open(), QString());
}

void TestMessageListModel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestMessageListModel::opensWithOnePage()
{
    for (int i = 0; i < 2000; ++i)
        QVERIFY(m_store->addFromServer(text(i % 2 ? "alice" : "bob", i % 2 ? "bob" : "alice", i)));
    MessageListModel model(m_store.get(), QStringLiteral("bob"), 40);
    QCOMPARE(model.rowCount(), 40);  // 2,000 in the store, one page in memory
    QCOMPARE(model.data(model.index(39), MessageListModel::BodyRole).toString(),
             QStringLiteral("m1999"));
    QCOMPARE(model.data(model.index(0), MessageListModel::BodyRole).toString(),
             QStringLiteral("m1960"));
    QVERIFY(model.data(model.index(39), MessageListModel::OutgoingRole).toBool());
    QVERIFY(!model.data(model.index(38), MessageListModel::OutgoingRole).toBool());
    QVERIFY(model.canFetchMore({}));
    // The tester checks the model's consistency, and fetches more pages as a view would.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestMessageListModel::scrollsBackPageByPage()
{
    for (int i = 0; i < 130; ++i)
        QVERIFY(m_store->addFromServer(text("bob", "alice", i)));
    MessageListModel model(m_store.get(), QStringLiteral("bob"), 50);
    QCOMPARE(model.rowCount(), 50);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(inserted.first().at(1).toInt(), 0);  // older rows go on top
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 130);
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 130);
    for (int row = 0; row < 130; ++row)
        QCOMPARE(model.data(model.index(row), MessageListModel::BodyRole).toString(),
                 QStringLiteral("m%1").arg(row));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestMessageListModel::followsTheStore()
{
    QVERIFY(m_store->addFromServer(text("bob", "alice", 1)));
    MessageListModel model(m_store.get(), QStringLiteral("bob"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Message mine = text("alice", "bob", 2);
    mine.msgidServer = 0;
    const auto pending = m_store->addOutgoing(mine);
    QVERIFY(pending);
    model.messageStored(*pending);
    model.messageStored(*pending);  // the same message twice is one row
    const auto other = m_store->addFromServer(text("carol", "alice", 3));
    model.messageStored(*other);  // another conversation
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(1), MessageListModel::DeliveryRole).toInt(),
             int(im::DeliveryState::Pending));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_store->markSent("id-2", 77, 1700000000100));
    model.messageChanged(pending->localId);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.data(model.index(1), MessageListModel::DeliveryRole).toInt(),
             int(im::DeliveryState::Sent));

    QVERIFY(model.removeMessage(pending->localId));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(m_store->count(QStringLiteral("bob")), 1);
}

void TestMessageListModel::recordsAreWordedForTheViewer()
{
    const CallRecord missed{CallType::Video, 9, CallStatus::Timeout, {}, {}};
    QVERIFY(m_store->addFromServer({ConvType::Person, "bob", "alice", MsgType::CallRecord, "",
                                    missed.serialize(), "r-1", 500, 1700000000000, "desktop"}));
    const CallRecord done{
        CallType::Audio, 10, CallStatus::Completed, {{"alice", 61}, {"bob", 62}}, {}};
    QVERIFY(m_store->addFromServer({ConvType::Person, "alice", "bob", MsgType::CallRecord, "",
                                    done.serialize(), "r-2", 501, 1700000001000, "server"}));
    MessageListModel model(m_store.get(), QStringLiteral("bob"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), QStringLiteral("Missed call"));
    QVERIFY(model.data(model.index(0), MessageListModel::RecordMissedRole).toBool());
    QCOMPARE(model.data(model.index(0), MessageListModel::RecordIconRole).toString(),
             QStringLiteral("call-video-incoming-missed"));
    QCOMPARE(model.data(model.index(1), Qt::DisplayRole).toString(),
             QStringLiteral("Outgoing voice call · 1:01"));
    QVERIFY(model.data(model.index(1), MessageListModel::IsCallRecordRole).toBool());
}

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_message_list_model.moc"
