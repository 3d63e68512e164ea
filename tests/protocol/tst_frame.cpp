#include "protocol/frame.h"

#include <QTest>
#include <thread>

using namespace softphone::protocol;

Q_DECLARE_METATYPE(ErrorCode)

class TestFrame : public QObject
{
    Q_OBJECT

private slots:
    void requestParses();
    void responseParses();
    void eventParses();
    void errorResponseRoundTrips();
    void encodingWritesWhatTheJsonLibraryWould();
    void badFramesAreRefused_data();
    void badFramesAreRefused();
    void frameSizeLimitIsEnforced();
    void aFrameEncodedAsItsThreadEndsIsWhole();
};

void TestFrame::requestParses()
{
    const auto frame = parseFrame(R"({"id":5,"method":"ping"})");
    QVERIFY(frame.ok());
    const auto &request = std::get<Request>(*frame);
    QCOMPARE(request.id, std::int64_t{5});
    QCOMPARE(request.method, std::string("ping"));
    QVERIFY(request.params.is_object() && request.params.empty());
}

void TestFrame::responseParses()
{
    const auto frame = parseFrame(R"({"id":5,"result":{"serverTime":1}})");
    QVERIFY(frame.ok());
    const auto &response = std::get<Response>(*frame);
    QCOMPARE(response.id, std::optional<std::int64_t>(5));
    QVERIFY((*response.result)["serverTime"] == json(1));
    QVERIFY(!response.error);
}

void TestFrame::eventParses()
{
    const auto frame = parseFrame(R"({"event":"call.busy","data":{"cid":"c1"},"future":1})");
    QVERIFY(frame.ok());
    const auto &event = std::get<Event>(*frame);
    QCOMPARE(event.name, std::string("call.busy"));
    QVERIFY(event.data["cid"] == json("c1"));
}

void TestFrame::errorResponseRoundTrips()
{
    const std::string text = encodeError(std::nullopt, ErrorCode::RateLimited, "slow down");
    const auto frame = parseFrame(text);
    QVERIFY(frame.ok());
    const auto &response = std::get<Response>(*frame);
    QVERIFY(!response.id);
    QCOMPARE(response.error->code, 1004);
    QCOMPARE(response.error->message, std::string("slow down"));
    QCOMPARE(encodeFrame(*frame), text);
}

// The envelope is written by hand around its dumped parts: it must be the very text that
// dumping the whole frame as one JSON value gives (compact, keys sorted, names escaped).
void TestFrame::encodingWritesWhatTheJsonLibraryWould()
{
    const json data = {{"cid", "c\u00e91\"x"}, {"n", 3}, {"list", {1, "two", nullptr}}};
    const std::pair<Frame, json> cases[] = {
        {Request{7, "call.invite", data}, {{"id", 7}, {"method", "call.invite"}, {"params", data}}},
        {Response{7, data, std::nullopt}, {{"id", 7}, {"result", data}}},
        {Response{std::nullopt, std::nullopt, ErrorBody{4003, "no \"call\""}},
         {{"id", nullptr}, {"error", {{"code", 4003}, {"message", "no \"call\""}}}}},
        {Event{"call.incoming", data}, {{"event", "call.incoming"}, {"data", data}}},
        {Event{"odd \"name\"\n", json::object()},
         {{"event", "odd \"name\"\n"}, {"data", json::object()}}},
    };
    for (const auto &[frame, whole] : cases)
        QCOMPARE(encodeFrame(frame), whole.dump());
}

void TestFrame::badFramesAreRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("id");  // -1: no id recovered

    const auto row = [](const char *name, const char *text, const char *path, qint64 id) {
        QTest::newRow(name) << QByteArray(text) << ErrorCode::BadFrame << QString::fromUtf8(path)
                            << id;
    };
    row("not json", "hello", "", -1);
    row("array", "[1,2]", "", -1);
    row("no kind", R"({"id":1})", "", -1);
    row("request without id", R"({"method":"ping"})", "id", -1);
    row("negative id", R"({"id":-1,"method":"ping"})", "id", -1);
    row("string id", R"({"id":"1","method":"ping"})", "id", -1);
    row("fractional id", R"({"id":1.5,"method":"ping"})", "id", -1);
    row("method not a string", R"({"id":3,"method":7})", "method", 3);
    row("empty method", R"({"id":3,"method":""})", "method", 3);
    row("params an array", R"({"id":4,"method":"ping","params":[]})", "params", 4);
    row("response with both", R"({"id":4,"result":{},"error":{"code":1,"message":"x"}})", "", 4);
    row("error without code", R"({"id":4,"error":{"message":"x"}})", "error.code", 4);
    row("result not an object", R"({"id":4,"result":5})", "result", 4);
    row("event not a string", R"({"event":1})", "event", -1);
    row("event data an array", R"({"event":"x","data":[]})", "data", -1);
    row("key twice", R"({"id":5,"method":"ping","params":{"a":1,"a":2}})", "params.a", -1);
    row("id twice", R"({"id":5,"id":6,"method":"ping"})", "id", -1);
}

void TestFrame::badFramesAreRefused()
{
    QFETCH(QByteArray, text);
    QFETCH(ErrorCode, code);
    QFETCH(QString, path);
    QFETCH(qint64, id);

    const auto frame = parseFrame(text.toStdString());
    QVERIFY(!frame.ok());
    QCOMPARE(frame.error().code, code);
    QCOMPARE(QString::fromStdString(frame.error().error.path), path);
    QCOMPARE(frame.error().id.value_or(-1), id);
}

void TestFrame::frameSizeLimitIsEnforced()
{
    const std::string big =
        R"({"id":1,"method":"ping","params":{"x":")" + std::string(kMaxFrameBytes, 'a') + "\"}}";
    const auto frame = parseFrame(big);
    QVERIFY(!frame.ok());
    QCOMPARE(frame.error().code, ErrorCode::FrameTooLarge);
    QVERIFY(parseFrame(big, big.size()).ok());
}

namespace {

// Encodes an event when its thread's locals are destroyed, after the encoder's own buffer (made
// later, so destroyed first): as a server stopped from an exit handler sends its last records.
struct EncodesAtThreadEnd
{
    std::string *out = nullptr;
    ~EncodesAtThreadEnd()
    {
        if (out)
            *out = encodeFrame(Event{"call.ended", json{{"cid", "c-late"}}});
    }
};

}  // namespace

void TestFrame::aFrameEncodedAsItsThreadEndsIsWhole()
{
    std::string late;
    std::thread([&late] {
        static thread_local EncodesAtThreadEnd encoder;
        encoder.out = &late;
        encodeFrame(Event{"call.busy", json{{"cid", "c-first"}}});
    }).join();
    QCOMPARE(late, json({{"event", "call.ended"}, {"data", {{"cid", "c-late"}}}}).dump());
}

QTEST_GUILESS_MAIN(TestFrame)
#include "tst_frame.moc"
