#include "protocol/catalog.h"
#include "protocol/frame.h"

#include <QTest>
#include <set>

using namespace softphone::protocol;

namespace {

// One realistic value of every message type. A type added to the catalog without a sample
// here does not compile, so the round-trip tests always cover the whole protocol.
template<class T>
T sample();

const std::string kRecord = R"({"type":2,"channelId":77,"status":1,)"
                            R"("durations":[{"accid":"alice","duration":61},)"
                            R"({"accid":"bob","duration":60}]})";

Message sampleMessage()
{
    return {ConvType::Person, "alice", "bob", MsgType::CallRecord, "",
            kRecord,          "m-1",   41,    1763775000123,       "desktop"};
}

Presence samplePresence()
{
    return {"bob", "Bob Li", true, {"desktop", "cli"}};
}

template<>
Login sample()
{
    return {1,       "alice",     std::string("secret-password"), std::nullopt, "desktop",
            "dev-1", std::nullopt};
}
template<>
LoginResult sample()
{
    return {"alice", "Alice", "tok_abc-123", 1763861400000, 1763775000000, 1, true};
}
template<>
Register sample()
{
    return {"carol.w@x", "long enough", "Carol 王"};
}
template<>
RegisterResult sample()
{
    return {"carol.w@x"};
}
template<>
Logout sample()
{
    return {};
}
template<>
Ping sample()
{
    return {};
}
template<>
PingResult sample()
{
    return {1763775000000};
}
template<>
UserGet sample()
{
    return {"bob"};
}
template<>
Presence sample()
{
    return samplePresence();
}
template<>
ContactsList sample()
{
    return {};
}
template<>
ContactList sample()
{
    return {{samplePresence(), {"dave", "", false, {}}}};
}
template<>
ContactsAdd sample()
{
    return {"bob"};
}
template<>
ContactsRemove sample()
{
    return {"bob"};
}
template<>
Empty sample()
{
    return {};
}
template<>
SendMessage sample()
{
    return {"bob", ConvType::Person, MsgType::Text, "hello 你好", "", "m-2"};
}
template<>
SendAck sample()
{
    return {"m-2", 42, 1763775000456};
}
template<>
History sample()
{
    return {"bob", 100, 20};
}
template<>
HistoryPage sample()
{
    return {{sampleMessage()}, true};
}
template<>
Sync sample()
{
    return {40, 100};
}
template<>
SyncPage sample()
{
    return {{sampleMessage()}, 41, false, {{"alice", "bob", 41, 40}}};
}
template<>
MarkReceipt sample()
{
    return {"alice", 41, 40};
}
template<>
Receipt sample()
{
    return {"alice", "bob", 41, 40};
}
template<>
ReceiptEvent sample()
{
    return {{"alice", "bob", 41, 41}};
}
template<>
CallInvite sample()
{
    return {"bob", CallType::Video, true};
}
template<>
CallInviteResult sample()
{
    return {"c-7f3a", 77};
}
template<>
CallRespond sample()
{
    return {"c-7f3a", false, true};
}
template<>
CallCancel sample()
{
    return {"c-7f3a", CancelReason::Timeout};
}
template<>
CallHangup sample()
{
    return {"c-7f3a"};
}
template<>
CallCurrent sample()
{
    return {};
}
template<>
CallCurrentResult sample()
{
    return {"c-7f3a", 4503599627370497, CallType::Video, "alice", "bob", "answered", "call.hangup"};
}
template<>
RoomJoin sample()
{
    return {"c-7f3a", 2};
}
template<>
RoomJoinResult sample()
{
    return {3, "alice", "c-7f3a"};
}
template<>
RoomLeave sample()
{
    return {"c-7f3a"};
}
template<>
RtcSdp sample()
{
    return {"c-7f3a", SdpType::Answer, "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\n"};
}
template<>
RtcIce sample()
{
    return {"c-7f3a", "candidate:1 1 UDP 2122 10.0.0.1 5000 typ host", 1, "1"};
}
template<>
TurnGet sample()
{
    return {};
}
template<>
TurnCredentials sample()
{
    return {{"turn:turn.example.org:3478?transport=udp"}, "1763861400:alice", "aGVsbG8=", 86400};
}
template<>
PresenceEvent sample()
{
    return {samplePresence()};
}
template<>
MessageEvent sample()
{
    return {sampleMessage()};
}
template<>
CallIncoming sample()
{
    return {"alice", "Alice", CallType::Video, "c-7f3a", 77};
}
template<>
CallAccepted sample()
{
    return {{"c-7f3a", "desktop"}};
}
template<>
CallRejected sample()
{
    return {{"c-7f3a", "web"}};
}
template<>
CallBusy sample()
{
    return {{"c-7f3a"}};
}
template<>
CallTimeout sample()
{
    return {{"c-7f3a"}};
}
template<>
CallAckSync sample()
{
    return {1763775000789, "c-7f3a", CallType::Audio, true, "desktop"};
}
template<>
CallCanceled sample()
{
    return {"c-7f3a", CancelReason::Canceled};
}
template<>
CallHangupEvent sample()
{
    return {1763775000999, "c-7f3a", "bob"};
}
template<>
RoomSyncDone sample()
{
    return {200, "", "c-7f3a", {{"bob", 2, 1}}};
}
template<>
RoomClientJoin sample()
{
    return {"bob", "c-7f3a", 1, 2};
}
template<>
RoomClientLeave sample()
{
    return {"bob", 2, "c-7f3a"};
}
template<>
RtcSdpEvent sample()
{
    return {"c-7f3a", "alice", SdpType::Offer, "v=0\r\n"};
}
template<>
RtcIceEvent sample()
{
    return {"c-7f3a", "alice", "", 0, ""};
}

template<class T>
std::string describeError(const Expected<T> &decoded)
{
    return decoded.ok() ? std::string() : decoded.error().message();
}

// Encodes a request with its params and the matching result, sends both through text frames,
// and decodes them back.
template<class Req>
void roundTripRequest(std::set<std::string> &methods)
{
    const Req params = sample<Req>();
    const std::string text = encodeRequest(17, params);
    const auto frame = parseFrame(text);
    QVERIFY2(frame.ok(), text.c_str());
    const auto *request = std::get_if<Request>(&*frame);
    QVERIFY(request);
    QCOMPARE(request->id, std::int64_t{17});
    QCOMPARE(request->method, std::string(Req::kMethod));
    const auto decoded = decodeParams<Req>(request->params);
    QVERIFY2(decoded.ok(), (std::string(Req::kMethod) + ": " + describeError(decoded)).c_str());
    QVERIFY2(*decoded == params, text.c_str());

    using Result = typename Req::Result;
    const Result result = sample<Result>();
    const std::string reply = encodeResult(17, result);
    const auto replyFrame = parseFrame(reply);
    QVERIFY2(replyFrame.ok(), reply.c_str());
    const auto *response = std::get_if<Response>(&*replyFrame);
    QVERIFY(response && response->result);
    const auto decodedResult = fromJson<Result>(*response->result);
    QVERIFY2(decodedResult.ok(), describeError(decodedResult).c_str());
    QVERIFY2(*decodedResult == result, reply.c_str());

    QVERIFY2(methods.insert(std::string(Req::kMethod)).second, "a method name is used twice");
}

template<class Ev>
void roundTripEvent(std::set<std::string> &names)
{
    const Ev event = sample<Ev>();
    const std::string text = encodeEvent(event);
    const auto frame = parseFrame(text);
    QVERIFY2(frame.ok(), text.c_str());
    const auto *pushed = std::get_if<Event>(&*frame);
    QVERIFY(pushed);
    QCOMPARE(pushed->name, std::string(Ev::kEvent));
    const auto decoded = fromJson<Ev>(pushed->data);
    QVERIFY2(decoded.ok(), (std::string(Ev::kEvent) + ": " + describeError(decoded)).c_str());
    QVERIFY2(*decoded == event, text.c_str());
    QVERIFY2(names.insert(std::string(Ev::kEvent)).second, "an event name is used twice");
}

}  // namespace

class TestProtocolMessages : public QObject
{
    Q_OBJECT

private slots:
    void everyRequestRoundTrips();
    void everyEventRoundTrips();
    void seedShapedFieldsAreIgnored();
    void loginNeedsExactlyOneSecret();
    void recordMessagesCarryValidRecords();
    void textMessagesNeedABody();
    void invalidParamsNameTheField();
    void nestedValuesNameTheirWholePath();
    void busyIsADecline();
    void errorCodesHaveUniqueNames();
};

void TestProtocolMessages::everyRequestRoundTrips()
{
    std::set<std::string> methods;
    forEachType(AllRequests{}, [&]<class Req>() { roundTripRequest<Req>(methods); });
    QCOMPARE(methods.size(), 22u);
}

void TestProtocolMessages::everyEventRoundTrips()
{
    std::set<std::string> names;
    forEachType(AllEvents{}, [&]<class Ev>() { roundTripEvent<Ev>(names); });
    QCOMPARE(names.size(), 16u);
}

void TestProtocolMessages::seedShapedFieldsAreIgnored()
{
    // response({accepted, caller, type, cid}) as the seeds write it: extra fields are ignored.
    const auto respond = decodeParams<CallRespond>(
        json::parse(R"({"accepted":true,"caller":"alice","type":1,"cid":"c1"})"));
    QVERIFY(respond.ok());
    QVERIFY(respond->accepted);
    QCOMPARE(respond->cid, std::string("c1"));
}

void TestProtocolMessages::loginNeedsExactlyOneSecret()
{
    const json base =
        json::parse(R"({"protocol":1,"account":"alice","clientType":"cli","deviceId":"d1"})");
    QVERIFY(!decodeParams<Login>(base).ok());
    json both = base;
    both["password"] = "p";
    both["token"] = "t";
    QVERIFY(!decodeParams<Login>(both).ok());
    json token = base;
    token["token"] = "tok_1";
    QVERIFY(decodeParams<Login>(token).ok());
}

void TestProtocolMessages::recordMessagesCarryValidRecords()
{
    SendMessage send{"bob", ConvType::Person, MsgType::CallRecord, "", kRecord, "m-3"};
    QVERIFY(decodeParams<SendMessage>(toJson(send)).ok());

    send.attach = R"({"type":1,"channelId":77,"status":7})";
    const auto refused = decodeParams<SendMessage>(toJson(send));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().path, std::string("params.attach"));
    QCOMPARE(refused.error().kind, DecodeErrorKind::OutOfRange);
    QVERIFY(refused.error().detail.find("status") != std::string::npos);
}

void TestProtocolMessages::textMessagesNeedABody()
{
    const auto refused = decodeParams<SendMessage>(
        json::parse(R"({"to":"bob","msgType":"TEXT","msgidClient":"m1"})"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().path, std::string("params.body"));
}

void TestProtocolMessages::invalidParamsNameTheField()
{
    struct Case
    {
        const char *params;
        DecodeErrorKind kind;
        const char *path;
    };
    const Case cases[] = {
        {R"({"type":1})", DecodeErrorKind::MissingField, "params.callee"},
        {R"({"callee":"bob","type":3})", DecodeErrorKind::OutOfRange, "params.type"},
        {R"({"callee":"bob b","type":1})", DecodeErrorKind::InvalidValue, "params.callee"},
        {R"({"callee":"bob","type":1,"forceKeepCalling":"yes"})", DecodeErrorKind::WrongType,
         "params.forceKeepCalling"},
    };
    for (const Case &c : cases) {
        const auto decoded = decodeParams<CallInvite>(json::parse(c.params));
        QVERIFY2(!decoded.ok(), c.params);
        QCOMPARE(decoded.error().kind, c.kind);
        QCOMPARE(decoded.error().path, std::string(c.path));
    }
    const auto history = decodeParams<History>(json::parse(R"({"peer":"bob","limit":501})"));
    QVERIFY(!history.ok());
    QCOMPARE(history.error().path, std::string("params.limit"));
    const auto sdp =
        decodeParams<RtcSdp>(json::parse(R"({"cid":"c","sdpType":"pranswer","sdp":"v=0"})"));
    QVERIFY(!sdp.ok());
    QCOMPARE(sdp.error().kind, DecodeErrorKind::InvalidValue);
    QCOMPARE(sdp.error().path, std::string("params.sdpType"));
}

// A value deep inside arrays and objects is named from the root given to the decoder.
void TestProtocolMessages::nestedValuesNameTheirWholePath()
{
    const std::string message = R"({"convType":"PERSON","from":"alice","to":"bob",)"
                                R"("msgType":"TEXT","body":"hi","msgidClient":"m1",)"
                                R"("msgidServer":1,"msgTimestamp":5})";
    const auto page = [&](const std::string &second, const std::string &receipts) {
        return json::parse(R"({"messages":[)" + message + "," + second +
                           R"(],"cursor":2,"hasMore":false,"receipts":)" + receipts + "}");
    };
    const std::string receipt = R"({"sender":"bob","reader":"alice","delivered":1,"read":1})";
    struct Case
    {
        json value;
        DecodeErrorKind kind;
        const char *path;
    };
    const Case cases[] = {
        {page(R"({"from":"alice"})", "[]"), DecodeErrorKind::MissingField,
         "result.messages[1].convType"},
        {page(message, "[" + receipt + R"(,{"sender":"bob"}])"), DecodeErrorKind::MissingField,
         "result.receipts[1].reader"},
        {page(message, "[" + receipt + "," + receipt + R"(,{"sender":"bob","reader":"alice",)" +
                           R"("delivered":1.5,"read":1}])"),
         DecodeErrorKind::NotInteger, "result.receipts[2].delivered"},
        {page(R"({"convType":"PERSON","from":"alice","to":"bob","msgType":"NRTC_NETCALL",)"
              R"("attach":"{}","msgidClient":"m2","msgidServer":2,"msgTimestamp":5})",
              "[]"),
         DecodeErrorKind::MissingField, "result.messages[1].attach"},
        {page(message, "7"), DecodeErrorKind::WrongType, "result.receipts"},
    };
    for (const Case &c : cases) {
        const auto decoded = fromJson<SyncPage>(c.value, "result");
        QVERIFY2(!decoded.ok(), c.path);
        QCOMPARE(decoded.error().kind, c.kind);
        QCOMPARE(decoded.error().path, std::string(c.path));
    }
    const auto room = fromJson<RoomSyncDone>(
        json::parse(R"({"code":200,"cid":"c1","userlist":[{"account":"a","uid":1},)"
                    R"({"account":"b","uid":0}]})"),
        "data");
    QVERIFY(!room.ok());
    QCOMPARE(room.error().path, std::string("data.userlist[1].uid"));
}

void TestProtocolMessages::busyIsADecline()
{
    QVERIFY(!decodeParams<CallRespond>(json::parse(R"({"cid":"c1","accepted":true,"busy":true})"))
                 .ok());
    QVERIFY(decodeParams<CallRespond>(json::parse(R"({"cid":"c1","accepted":false,"busy":true})"))
                .ok());
}

void TestProtocolMessages::errorCodesHaveUniqueNames()
{
    std::set<std::string_view> names;
    int known = 0;
    for (int code = 0; code < 6000; ++code) {
        if (!isKnownErrorCode(code))
            continue;
        ++known;
        QVERIFY(names.insert(errorCodeName(static_cast<ErrorCode>(code))).second);
    }
    QCOMPARE(known, 25);
}

QTEST_GUILESS_MAIN(TestProtocolMessages)
#include "tst_protocolmessages.moc"
