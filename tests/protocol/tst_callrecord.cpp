#include "protocol/call_record.h"
#include "protocol/call_rules.h"
#include "protocol/json_text.h"

#include <QFile>
#include <QTest>

using namespace softphone::protocol;

Q_DECLARE_METATYPE(DecodeErrorKind)

namespace {

QByteArray readTestData(const char *name)
{
    QFile file(QStringLiteral(SOFTPHONE_TEST_DATA "/") + QString::fromUtf8(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", name);
    return file.readAll();
}

std::string withDurations(const std::string &durations, int status = 1)
{
    return R"({"type":1,"channelId":123,"status":)" + std::to_string(status) + R"(,"durations":)" +
           durations + "}";
}

std::string manyDurations(int count)
{
    std::string list = "[";
    for (int i = 0; i < count; ++i)
        list += (i ? "," : "") + std::string(R"({"accid":"a)") + std::to_string(i) +
                R"(","duration":1})";
    return list + "]";
}

}  // namespace

class TestCallRecord : public QObject
{
    Q_OBJECT

private slots:
    void cancelReasonsAndStatusesMapBothWays();
    void onlyAnsweredCallsAreTheServersToRecord();
    void missedIsAnUnansweredCallSeenByItsCallee();
    void durationsRoundHalfASecondUp();
    void seedExamplesDecode_data();
    void seedExamplesDecode();
    void otherStatusesRoundTrip_data();
    void otherStatusesRoundTrip();
    void unknownFieldsAreKept();
    void invalidInputIsRefused_data();
    void invalidInputIsRefused();
    void errorMessagesNameThePlace();
    void commentsMayHoldBracketsAndQuotes();
};

void TestCallRecord::seedExamplesDecode_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("web (000)") << readTestData("seed_record_web.json");
    QTest::newRow("android (001)") << readTestData("seed_record_android.json");
    QTest::newRow("ios (002)") << readTestData("seed_record_ios.json");
}

void TestCallRecord::seedExamplesDecode()
{
    QFETCH(QByteArray, text);
    const auto record = CallRecord::parse(text.toStdString());
    QVERIFY2(record.ok(), record.ok() ? "" : record.error().message().c_str());
    QCOMPARE(record->type, CallType::Audio);
    QCOMPARE(record->channelId, std::int64_t{123});
    QCOMPARE(record->status, CallStatus::Completed);
    QCOMPARE(record->durations.size(), 2u);
    QCOMPARE(record->durationOf("acc01"), std::optional<std::int64_t>(10));
    QCOMPARE(record->durationOf("acc02"), std::optional<std::int64_t>(12));
    QCOMPARE(record->durationOf("acc03"), std::nullopt);

    // Re-encoding gives the same JSON as the seed (its comments aside).
    const json seed = json::parse(text.toStdString(), nullptr, true, true);
    QVERIFY(record->toJson() == seed);
    const auto again = CallRecord::parse(record->serialize());
    QVERIFY(again.ok());
    QCOMPARE(*again, *record);
}

void TestCallRecord::otherStatusesRoundTrip_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("type");
    for (int status = 2; status <= 5; ++status) {
        for (int type = 1; type <= 2; ++type)
            QTest::addRow("status %d type %d", status, type) << status << type;
    }
}

void TestCallRecord::otherStatusesRoundTrip()
{
    QFETCH(int, status);
    QFETCH(int, type);
    const std::string text = R"({"type":)" + std::to_string(type) +
                             R"(,"channelId":9007199254740991,"status":)" + std::to_string(status) +
                             "}";
    const auto record = CallRecord::parse(text);
    QVERIFY2(record.ok(), record.ok() ? "" : record.error().message().c_str());
    QCOMPARE(static_cast<int>(record->status), status);
    QCOMPARE(static_cast<int>(record->type), type);
    QVERIFY(record->durations.empty());
    const auto again = CallRecord::parse(record->serialize());
    QVERIFY(again.ok());
    QCOMPARE(*again, *record);
}

void TestCallRecord::unknownFieldsAreKept()
{
    const auto record = CallRecord::parse(
        R"({"type":2,"channelId":5,"status":3,"durations":[],"reason":"x","ext":{"a":[1]}})");
    QVERIFY(record.ok());
    QVERIFY(record->extra["reason"] == json("x"));
    const json encoded = record->toJson();
    QVERIFY(encoded["ext"]["a"][0] == json(1));
    QVERIFY(encoded["status"] == json(3));
}

void TestCallRecord::invalidInputIsRefused_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<DecodeErrorKind>("kind");
    QTest::addColumn<QString>("path");

    using K = DecodeErrorKind;
    const auto row = [](const char *name, const std::string &input, K kind, const char *path) {
        QTest::newRow(name) << QByteArray::fromStdString(input) << kind << QString::fromUtf8(path);
    };
    const std::string ok = R"("accid":"acc01","duration":10)";

    row("empty input", "", K::NotJson, "");
    row("plain words", "call record", K::NotJson, "");
    row("truncated", R"({"type":1,"channelId":)", K::NotJson, "");
    row("trailing garbage", R"({"type":2,"channelId":1,"status":2} x)", K::NotJson, "");
    row("unterminated comment", R"({"type":2,"channelId":1,"status":2} /* open)", K::NotJson, "");
    row("invalid utf-8 in a string", "{\"type\":2,\"channelId\":1,\"status\":2,\"x\":\"\xff\"}",
        K::NotJson, "");
    row("array at top", "[]", K::WrongType, "");
    row("string at top", R"("record")", K::WrongType, "");
    row("null at top", "null", K::WrongType, "");
    row("missing type", R"({"channelId":1,"status":2})", K::MissingField, "type");
    row("missing channelId", R"({"type":1,"status":2})", K::MissingField, "channelId");
    row("missing status", R"({"type":1,"channelId":1})", K::MissingField, "status");
    row("completed without durations", R"({"type":1,"channelId":1,"status":1})", K::MissingField,
        "durations");
    row("completed with null durations", R"({"type":1,"channelId":1,"status":1,"durations":null})",
        K::MissingField, "durations");
    row("type as string", R"({"type":"1","channelId":1,"status":2})", K::WrongType, "type");
    row("type null", R"({"type":null,"channelId":1,"status":2})", K::WrongType, "type");
    row("type 0", R"({"type":0,"channelId":1,"status":2})", K::OutOfRange, "type");
    row("type 3", R"({"type":3,"channelId":1,"status":2})", K::OutOfRange, "type");
    row("type fractional", R"({"type":1.5,"channelId":1,"status":2})", K::NotInteger, "type");
    row("status 0", R"({"type":1,"channelId":1,"status":0})", K::OutOfRange, "status");
    row("status 6", R"({"type":1,"channelId":1,"status":6})", K::OutOfRange, "status");
    row("status negative", R"({"type":1,"channelId":1,"status":-1})", K::OutOfRange, "status");
    row("status as string", R"({"type":1,"channelId":1,"status":"1"})", K::WrongType, "status");
    row("status boolean", R"({"type":1,"channelId":1,"status":true})", K::WrongType, "status");
    row("channelId as string", R"({"type":1,"channelId":"123","status":2})", K::WrongType,
        "channelId");
    row("channelId 0", R"({"type":1,"channelId":0,"status":2})", K::OutOfRange, "channelId");
    row("channelId negative", R"({"type":1,"channelId":-5,"status":2})", K::OutOfRange,
        "channelId");
    row("channelId fractional", R"({"type":1,"channelId":1.25,"status":2})", K::NotInteger,
        "channelId");
    row("channelId past 2^53", R"({"type":1,"channelId":9007199254740992,"status":2})",
        K::OutOfRange, "channelId");
    row("channelId past 2^64", R"({"type":1,"channelId":18446744073709551616,"status":2})",
        K::NotInteger, "channelId");
    row("durations an object", withDurations("{}"), K::WrongType, "durations");
    row("durations a string", withDurations(R"("10")"), K::WrongType, "durations");
    row("durations entry a number", withDurations("[10]"), K::WrongType, "durations[0]");
    row("durations entry without accid", withDurations(R"([{"duration":10}])"), K::MissingField,
        "durations[0].accid");
    row("durations entry without duration", withDurations("[{" + ok + R"(},{"accid":"acc02"}])"),
        K::MissingField, "durations[1].duration");
    row("duration negative", withDurations(R"([{"accid":"acc01","duration":-1}])"), K::OutOfRange,
        "durations[0].duration");
    row("duration fractional", withDurations(R"([{"accid":"acc01","duration":10.5}])"),
        K::NotInteger, "durations[0].duration");
    row("duration in exponent form", withDurations(R"([{"accid":"acc01","duration":1e3}])"),
        K::NotInteger, "durations[0].duration");
    row("duration as string", withDurations(R"([{"accid":"acc01","duration":"10"}])"), K::WrongType,
        "durations[0].duration");
    row("duration over 2^31", withDurations(R"([{"accid":"acc01","duration":3000000000}])"),
        K::OutOfRange, "durations[0].duration");
    row("accid a number", withDurations(R"([{"accid":1,"duration":10}])"), K::WrongType,
        "durations[0].accid");
    row("accid empty", withDurations(R"([{"accid":"","duration":10}])"), K::InvalidValue,
        "durations[0].accid");
    row("accid with a space", withDurations(R"([{"accid":"acc 01","duration":10}])"),
        K::InvalidValue, "durations[0].accid");
    row("accid too long",
        withDurations(R"([{"accid":")" + std::string(65, 'a') + R"(","duration":10}])"),
        K::InvalidValue, "durations[0].accid");
    row("duplicate accid", withDurations("[{" + ok + "},{" + ok + "}]"), K::Duplicate,
        "durations[1].accid");
    row("duplicate accid on a canceled call", withDurations("[{" + ok + "},{" + ok + "}]", 2),
        K::Duplicate, "durations[1].accid");
    row("too many durations", withDurations(manyDurations(33)), K::OutOfRange, "durations");
    row("oversized input",
        R"({"type":1,"channelId":1,"status":2,"pad":")" + std::string(9000, 'x') + "\"}",
        K::TooLarge, "");
    row("nested too deeply",
        R"({"type":1,"channelId":1,"status":2,"x":)" + std::string(40, '[') + std::string(40, ']') +
            "}",
        K::TooLarge, "");
    // Issue 17, finding 7: comments may not hide nesting, and a key may not appear twice
    // (a receiver that keeps the first would see another record than the one checked).
    const std::string deep = std::string(40, '[') + std::string(40, ']');
    row("nesting behind brackets in a comment",
        R"({"type":1,"channelId":1,"status":2, /* ]]]]]]]]]] */ "x":)" + deep + "}", K::TooLarge,
        "");
    row("nesting behind a quote in a comment",
        "{\"type\":1,\"channelId\":1,\"status\":2, // \"\n\"x\":" + deep + "}", K::TooLarge, "");
    row("key twice", R"({"type":1,"channelId":1,"status":2,"status":3})", K::Duplicate, "status");
    row("unknown key twice", R"({"type":1,"channelId":1,"status":2,"x":1,"x":2})", K::Duplicate,
        "x");
    row("key twice in a durations entry",
        withDurations(R"([{"accid":"acc01","accid":"acc02","duration":1}])"), K::Duplicate,
        "durations[0].accid");
}

void TestCallRecord::invalidInputIsRefused()
{
    QFETCH(QByteArray, input);
    QFETCH(DecodeErrorKind, kind);
    QFETCH(QString, path);

    const auto record = CallRecord::parse(input.toStdString());
    QVERIFY2(!record.ok(), "accepted invalid input");
    const DecodeError &error = record.error();
    QVERIFY2(
        error.kind == kind,
        (std::string("got ") + decodeErrorKindName(error.kind) + ": " + error.message()).c_str());
    QCOMPARE(QString::fromStdString(error.path), path);
    QVERIFY(!error.detail.empty());
}

void TestCallRecord::errorMessagesNameThePlace()
{
    const auto record = CallRecord::parse(
        withDurations(R"([{"accid":"acc01","duration":1},{"accid":"acc01","duration":2}])"));
    QVERIFY(!record.ok());
    QCOMPARE(QString::fromStdString(record.error().message()),
             QStringLiteral("durations[1].accid: duplicate accid \"acc01\""));

    const auto twice = CallRecord::parse(R"({"type":1,"channelId":1,"status":2,"status":3})");
    QVERIFY(!twice.ok());
    QCOMPARE(QString::fromStdString(twice.error().message()),
             QStringLiteral("status: duplicate key \"status\""));

    const auto status = CallRecord::parse(R"({"type":1,"channelId":1,"status":9})");
    QCOMPARE(QString::fromStdString(status.error().message()),
             QStringLiteral("status: must be between 1 and 5, got 9"));
}

// The seeds annotate their records with comments; a comment's text is not JSON.
void TestCallRecord::commentsMayHoldBracketsAndQuotes()
{
    const auto record = CallRecord::parse("{\"type\":1, /* ]] \" [[ { */ \"channelId\":7, // \"}\n"
                                          "\"status\":2} // ] \"");
    QVERIFY2(record.ok(), record.ok() ? "" : record.error().message().c_str());
    QCOMPARE(record->channelId, std::int64_t{7});
    QVERIFY(CallRecord::parse(record->serialize()).ok());
}

void TestCallRecord::cancelReasonsAndStatusesMapBothWays()
{
    for (CancelReason reason : {CancelReason::Canceled, CancelReason::Timeout})
        QCOMPARE(cancelReasonFor(statusFor(reason)), reason);
    QCOMPARE(statusFor(CancelReason::Timeout), CallStatus::Timeout);
    QCOMPARE(statusFor(CancelReason::Canceled), CallStatus::Canceled);
}

void TestCallRecord::onlyAnsweredCallsAreTheServersToRecord()
{
    QCOMPARE(recordSender(CallStatus::Completed), RecordSender::Server);
    for (CallStatus status :
         {CallStatus::Canceled, CallStatus::Rejected, CallStatus::Timeout, CallStatus::Busy})
        QCOMPARE(recordSender(status), RecordSender::Caller);
}

void TestCallRecord::missedIsAnUnansweredCallSeenByItsCallee()
{
    for (CallStatus status : {CallStatus::Canceled, CallStatus::Timeout, CallStatus::Busy}) {
        QVERIFY(isMissed(status, false));
        QVERIFY(!isMissed(status, true));  // the caller did not miss its own call
    }
    QVERIFY(!isMissed(CallStatus::Completed, false));
    QVERIFY(!isMissed(CallStatus::Rejected, false));  // the callee declined it
}

void TestCallRecord::durationsRoundHalfASecondUp()
{
    QCOMPARE(roundedSeconds(0), 0);
    QCOMPARE(roundedSeconds(499), 0);
    QCOMPARE(roundedSeconds(500), 1);
    QCOMPARE(roundedSeconds(1499), 1);
    QCOMPARE(roundedSeconds(1500), 2);
    QCOMPARE(roundedSeconds(-800), 0);  // a clock stepped back counts nothing
}

QTEST_GUILESS_MAIN(TestCallRecord)
#include "tst_callrecord.moc"
