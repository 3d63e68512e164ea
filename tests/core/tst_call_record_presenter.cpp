// The five record styles as each side sees them, in English and zh_CN.

#include "i18n/translations.h"
#include "models/call_record_presenter.h"

#include <QTest>

using namespace softphone::records;
using softphone::protocol::CallRecord;
using softphone::protocol::CallStatus;
using softphone::protocol::CallType;

namespace {

const QString kCaller = QStringLiteral("alice");
const QString kCallee = QStringLiteral("bob");

CallRecord record(CallStatus status, CallType type = CallType::Audio)
{
    CallRecord r{type, 42, status, {}, {}};
    if (status == CallStatus::Completed)
        r.durations = {{"alice", 155}, {"bob", 3725}};
    return r;
}

}  // namespace

Q_DECLARE_METATYPE(CallStatus)
Q_DECLARE_METATYPE(CallType)

class TestCallRecordPresenter : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { softphone::i18n::useLanguage(QLocale(QLocale::English)); }
    void wordedForTheViewer_data();
    void wordedForTheViewer();
    void durations_data();
    void durations();
    void chineseUsesTheSeedsTerms();
    void languageSwitchesAtRunTime();
};

void TestCallRecordPresenter::wordedForTheViewer_data()
{
    QTest::addColumn<CallStatus>("status");
    QTest::addColumn<CallType>("type");
    QTest::addColumn<bool>("asCaller");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("missed");
    QTest::addColumn<QString>("icon");
    QTest::addColumn<QString>("preview");

    const auto row = [](const char *name, CallStatus s, CallType t, bool caller, const char *text,
                        bool missed, const char *icon, const char *preview) {
        QTest::newRow(name) << s << t << caller << QString::fromUtf8(text) << missed
                            << QString::fromUtf8(icon) << QString::fromUtf8(preview);
    };
    using S = CallStatus;
    const auto A = CallType::Audio, V = CallType::Video;
    row("1 caller audio", S::Completed, A, true, "Outgoing voice call · 2:35", false,
        "call-audio-outgoing", "[Voice call]");
    row("1 callee audio", S::Completed, A, false, "Incoming voice call · 1:02:05", false,
        "call-audio-incoming", "[Voice call]");
    row("1 caller video", S::Completed, V, true, "Outgoing video call · 2:35", false,
        "call-video-outgoing", "[Video call]");
    row("1 callee video", S::Completed, V, false, "Incoming video call · 1:02:05", false,
        "call-video-incoming", "[Video call]");
    row("2 caller", S::Canceled, A, true, "Canceled", false, "call-audio-outgoing", "[Voice call]");
    row("2 callee", S::Canceled, V, false, "Missed call", true, "call-video-incoming-missed",
        "[Missed video call]");
    row("3 caller", S::Rejected, A, true, "Declined", false, "call-audio-outgoing", "[Voice call]");
    row("3 callee", S::Rejected, A, false, "You declined", false, "call-audio-incoming",
        "[Voice call]");
    row("4 caller", S::Timeout, V, true, "No answer", false, "call-video-outgoing", "[Video call]");
    row("4 callee", S::Timeout, A, false, "Missed call", true, "call-audio-incoming-missed",
        "[Missed voice call]");
    row("5 caller", S::Busy, A, true, "Line busy", false, "call-audio-outgoing", "[Voice call]");
    row("5 callee", S::Busy, A, false, "Missed call (you were busy)", true,
        "call-audio-incoming-missed", "[Missed voice call]");
}

void TestCallRecordPresenter::wordedForTheViewer()
{
    QFETCH(CallStatus, status);
    QFETCH(CallType, type);
    QFETCH(bool, asCaller);
    QFETCH(QString, text);
    QFETCH(bool, missed);
    QFETCH(QString, icon);
    QFETCH(QString, preview);

    const auto view =
        CallRecordPresenter::present(record(status, type), kCaller, asCaller ? kCaller : kCallee);
    QCOMPARE(view.text, text);
    QCOMPARE(view.missed, missed);
    QCOMPARE(view.outgoing, asCaller);
    QCOMPARE(view.iconName, icon);
    QCOMPARE(view.preview, preview);
    QCOMPARE(view.duration.isEmpty(), status != CallStatus::Completed);
}

void TestCallRecordPresenter::durations_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0:00");
    QTest::newRow("seconds") << qint64(9) << QStringLiteral("0:09");
    QTest::newRow("minutes") << qint64(155) << QStringLiteral("2:35");
    QTest::newRow("just under an hour") << qint64(3599) << QStringLiteral("59:59");
    QTest::newRow("an hour") << qint64(3600) << QStringLiteral("1:00:00");
    QTest::newRow("hours") << qint64(36125) << QStringLiteral("10:02:05");
    QTest::newRow("negative is zero") << qint64(-5) << QStringLiteral("0:00");
}

void TestCallRecordPresenter::durations()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(CallRecordPresenter::formatDuration(seconds), text);
}

void TestCallRecordPresenter::chineseUsesTheSeedsTerms()
{
    QVERIFY(softphone::i18n::useLanguage(QLocale(QLocale::Chinese, QLocale::China)));
    const auto present = [](CallStatus s, bool caller) {
        return CallRecordPresenter::present(record(s), kCaller, caller ? kCaller : kCallee).text;
    };
    QVERIFY2(present(CallStatus::Completed, true).contains(QStringLiteral("通话时长 2:35")),
             qPrintable(present(CallStatus::Completed, true)));
    QCOMPARE(present(CallStatus::Canceled, true), QStringLiteral("已取消"));
    QCOMPARE(present(CallStatus::Canceled, false), QStringLiteral("未接来电"));
    QCOMPARE(present(CallStatus::Rejected, true), QStringLiteral("对方已拒绝"));
    QCOMPARE(present(CallStatus::Timeout, true), QStringLiteral("对方无应答"));
    QCOMPARE(present(CallStatus::Busy, true), QStringLiteral("对方忙线"));
    QVERIFY(present(CallStatus::Busy, false).startsWith(QStringLiteral("未接来电")));
}

void TestCallRecordPresenter::languageSwitchesAtRunTime()
{
    const auto text = [] {
        return CallRecordPresenter::present(record(CallStatus::Timeout), kCaller, kCallee).text;
    };
    QCOMPARE(text(), QStringLiteral("Missed call"));
    QVERIFY(softphone::i18n::useLanguage(QLocale(QLocale::Chinese, QLocale::China)));
    QCOMPARE(text(), QStringLiteral("未接来电"));
    QVERIFY(softphone::i18n::useLanguage(QLocale(QLocale::English)));
    QCOMPARE(text(), QStringLiteral("Missed call"));
    QVERIFY(!softphone::i18n::useLanguage(QLocale(QLocale::Swahili)));
}

QTEST_GUILESS_MAIN(TestCallRecordPresenter)
#include "tst_call_record_presenter.moc"
