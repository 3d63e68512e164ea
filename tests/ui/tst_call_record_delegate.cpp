// The record delegate: the five statuses from both sides, worded for the viewer, red only for
// the callee's missed calls, the audio or video icon, the arrow, and a duration only for a
// completed call. Also checks what is painted, not only what is computed.

#include "chat/call_record_delegate.h"
#include "chat/message_delegate.h"
#include "models/message_list_model.h"
#include "record_fixture.h"
#include "style/theme.h"

#include <QApplication>
#include <QImage>
#include <QListView>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace softphone;
using protocol::CallStatus;
using protocol::CallType;
using records::MessageListModel;
using ui::CallRecordDelegate;

Q_DECLARE_METATYPE(softphone::protocol::CallStatus)
Q_DECLARE_METATYPE(softphone::protocol::CallType)

namespace {

// Counts pixels close to `color` in the image.
int pixelsNear(const QImage &image, const QColor &color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) < 24 && std::abs(c.green() - color.green()) < 24 &&
                std::abs(c.blue() - color.blue()) < 24)
                ++count;
        }
    }
    return count;
}

}  // namespace

class TestCallRecordDelegate : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void styleForTheViewer_data();
    void styleForTheViewer();
    void paintsMissedCallsRedAndOthersNot_data();
    void paintsMissedCallsRedAndOthersNot();
    void daySeparatorOpensEachDay();

private:
    QModelIndex onlyRow(const std::string &caller, const std::string &callee, CallStatus status,
                        CallType type);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<im::LocalStore> m_store;
    std::unique_ptr<MessageListModel> m_model;
};

void TestCallRecordDelegate::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<im::LocalStore>(m_dir->filePath(QStringLiteral("s.db")),
                                               QStringLiteral("alice"));
    QCOMPARE(m_store->open(), QString());
}

void TestCallRecordDelegate::cleanup()
{
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

QModelIndex TestCallRecordDelegate::onlyRow(const std::string &caller, const std::string &callee,
                                            CallStatus status, CallType type)
{
    if (!m_store->addFromServer(test::callRecordMessage(caller, callee, status, type, 1)))
        return {};
    m_model = std::make_unique<MessageListModel>(m_store.get(), QStringLiteral("bob"));
    return m_model->rowCount() == 1 ? m_model->index(0) : QModelIndex();
}

void TestCallRecordDelegate::styleForTheViewer_data()
{
    QTest::addColumn<bool>("aliceCalled");
    QTest::addColumn<CallStatus>("status");
    QTest::addColumn<CallType>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("missed");
    QTest::addColumn<QString>("duration");

    const auto row = [](const char *name, bool aliceCalled, CallStatus status, CallType type,
                        const char *text, bool missed, const char *duration) {
        QTest::newRow(name) << aliceCalled << status << type << QString::fromUtf8(text) << missed
                            << QString::fromUtf8(duration);
    };
    // Alice views; "caller" rows are her calls to bob, "callee" rows bob's calls to her.
    row("completed caller audio", true, CallStatus::Completed, CallType::Audio,
        "Outgoing voice call · 2:35", false, "2:35");
    row("completed callee video", false, CallStatus::Completed, CallType::Video,
        "Incoming video call · 2:33", false, "2:33");
    row("canceled caller", true, CallStatus::Canceled, CallType::Audio, "Canceled", false, "");
    row("canceled callee", false, CallStatus::Canceled, CallType::Video, "Missed call", true, "");
    row("rejected caller", true, CallStatus::Rejected, CallType::Video, "Declined", false, "");
    row("rejected callee", false, CallStatus::Rejected, CallType::Audio, "You declined", false, "");
    row("timeout caller", true, CallStatus::Timeout, CallType::Audio, "No answer", false, "");
    row("timeout callee", false, CallStatus::Timeout, CallType::Audio, "Missed call", true, "");
    row("busy caller", true, CallStatus::Busy, CallType::Video, "Line busy", false, "");
    row("busy callee", false, CallStatus::Busy, CallType::Video, "Missed call (you were busy)",
        true, "");
}

void TestCallRecordDelegate::styleForTheViewer()
{
    QFETCH(bool, aliceCalled);
    QFETCH(CallStatus, status);
    QFETCH(CallType, type);
    const QModelIndex index =
        aliceCalled ? onlyRow("alice", "bob", status, type) : onlyRow("bob", "alice", status, type);
    QVERIFY(index.isValid());

    const ui::CallRecordStyle style = CallRecordDelegate::styleOf(index);
    QTEST(style.text, "text");
    QTEST(style.missed, "missed");
    QTEST(style.duration, "duration");
    QCOMPARE(style.outgoing, aliceCalled);
    QCOMPARE(style.type, type);
    QCOMPARE(style.status, status);
    QCOMPARE(style.iconName,
             type == CallType::Video ? QStringLiteral("call-video") : QStringLiteral("call-audio"));
    QCOMPARE(style.textColor == ui::theme::missed, style.missed);
    QCOMPARE(style.arrowColor, style.missed ? ui::theme::missed : ui::theme::answered);
    // Local time of the record (a minute after the fixture's base time).
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(1700000000000 + 60000);
    QCOMPARE(style.time, QLocale().toString(when.time(), QLocale::ShortFormat));
}

void TestCallRecordDelegate::paintsMissedCallsRedAndOthersNot_data()
{
    QTest::addColumn<bool>("aliceCalled");
    QTest::addColumn<CallStatus>("status");
    for (const CallStatus status : {CallStatus::Completed, CallStatus::Canceled,
                                    CallStatus::Rejected, CallStatus::Timeout, CallStatus::Busy}) {
        QTest::addRow("status %d caller", int(status)) << true << status;
        QTest::addRow("status %d callee", int(status)) << false << status;
    }
}

void TestCallRecordDelegate::paintsMissedCallsRedAndOthersNot()
{
    QFETCH(bool, aliceCalled);
    QFETCH(CallStatus, status);
    const QModelIndex index = aliceCalled ? onlyRow("alice", "bob", status, CallType::Audio)
                                          : onlyRow("bob", "alice", status, CallType::Audio);
    QVERIFY(index.isValid());
    const bool missed =
        !aliceCalled && status != CallStatus::Completed && status != CallStatus::Rejected;

    CallRecordDelegate delegate;
    QStyleOptionViewItem option;
    option.font = QApplication::font();
    option.rect = QRect(0, 0, 480, delegate.sizeHint(option, index).height());
    QImage image(option.rect.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        delegate.paint(&painter, option, index);
    }
    const int red = pixelsNear(image, ui::theme::missed);
    const int green = pixelsNear(image, ui::theme::answered);
    if (missed) {
        QVERIFY2(red > 20, qPrintable(QStringLiteral("red pixels: %1").arg(red)));
        QCOMPARE(green, 0);
    } else {
        QCOMPARE(red, 0);
        QVERIFY2(green > 5, qPrintable(QStringLiteral("green pixels: %1").arg(green)));
    }
    // The bubble sits on the viewer's side: right for their own call, left for the peer's.
    const QRect bubble = CallRecordDelegate::bubbleRect(option, option.rect, index);
    if (aliceCalled)
        QVERIFY(bubble.right() > option.rect.width() - 20 && bubble.left() > 40);
    else
        QVERIFY(bubble.left() < 20 && bubble.right() < option.rect.width() - 40);
}

void TestCallRecordDelegate::daySeparatorOpensEachDay()
{
    const std::int64_t day = 24 * 3600 * 1000LL;
    const std::int64_t base = QDateTime(QDate(2024, 3, 1), QTime(10, 0)).toMSecsSinceEpoch();
    QVERIFY(m_store->addFromServer(test::textMessage("bob", "alice", "hi", 1, base)));
    QVERIFY(m_store->addFromServer(test::textMessage("alice", "bob", "hello", 2, base)));
    QVERIFY(m_store->addFromServer(test::callRecordMessage("bob", "alice", CallStatus::Timeout,
                                                           CallType::Audio, 3, base + day)));
    MessageListModel model(m_store.get(), QStringLiteral("bob"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(ui::MessageDelegate::daySeparator(model.index(0)),
             QLocale().toString(QDate(2024, 3, 1), QLocale::LongFormat));
    QCOMPARE(ui::MessageDelegate::daySeparator(model.index(1)), QString());
    QCOMPARE(ui::MessageDelegate::daySeparator(model.index(2)),
             QLocale().toString(QDate(2024, 3, 2), QLocale::LongFormat));
}

QTEST_MAIN(TestCallRecordDelegate)
#include "style/theme.h"
#include "tst_call_record_delegate.moc"
