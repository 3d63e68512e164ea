// Field lines (field_lines.h): every request a node forwards to a call's owner, written and
// read back equal; the same checks as JSON on the way in, whatever another node sends; and the
// same fields as JSON for an owner that reads only JSON.

#include "protocol/field_lines.h"
#include "protocol/messages.h"

#include <QTest>
#include <string>

using namespace softphone::protocol;

namespace {

const std::string kCid = "01a23fdbe6c6284a4404594c6a66c206";

template<class T>
std::string linesOf(const T &value)
{
    std::string text;
    appendFieldLines(text, value);
    return text;
}

std::string field(std::string_view key, char type, std::string_view value)
{
    std::string text;
    detail::appendField(text, key, type, value);
    return text;
}

}  // namespace

class TestFieldLines : public QObject
{
    Q_OBJECT

private slots:
    void everyForwardedRequestComesBackEqual()
    {
        const std::string sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n\n\"quoted\" \xc3\xa9";
        const auto same = [](const auto &value) {
            using T = std::decay_t<decltype(value)>;
            const auto read = fromFieldLines<T>(linesOf(value));
            return read && *read == value;
        };
        QVERIFY(same(CallRespond{kCid, true, false}));
        QVERIFY(same(CallRespond{kCid, false, true}));
        QVERIFY(same(CallCancel{kCid, CancelReason::Canceled}));
        QVERIFY(same(CallHangup{kCid}));
        QVERIFY(same(CallCurrent{}));
        QVERIFY(same(RoomJoin{kCid, 0}));
        QVERIFY(same(RoomLeave{kCid}));
        QVERIFY(same(RtcSdp{kCid, SdpType::Offer, sdp}));
        QVERIFY(same(RtcIce{kCid, "candidate:1 1 udp 2122260223 10.0.0.1 50000 typ host", 0, "0"}));
    }

    // The lines are read as JSON is: the message's own checks, with the path of the field.
    void whatAnotherNodeSendsIsChecked_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<std::string>("path");
        const std::string cid = field("cid", 's', kCid);
        const std::string accepted = field("accepted", 'b', "1");
        using K = DecodeErrorKind;
        QTest::newRow("cid missing")
            << accepted << int(K::MissingField) << std::string("params.cid");
        QTest::newRow("cid not a string")
            << field("cid", 'i', "5") + accepted << int(K::WrongType) << std::string("params.cid");
        QTest::newRow("cid not UTF-8") << field("cid", 's', "\xc3\x28") + accepted
                                       << int(K::InvalidValue) << std::string("params.cid");
        QTest::newRow("cid refused by its check")
            << field("cid", 's', "") + accepted << int(K::InvalidValue)
            << std::string("params.cid");
        QTest::newRow("accepted not 0 or 1") << cid + field("accepted", 'b', "2")
                                             << int(K::WrongType) << std::string("params.accepted");
        QTest::newRow("accepted as a string")
            << cid + field("accepted", 's', "1") << int(K::WrongType)
            << std::string("params.accepted");
        QTest::newRow("a length beyond the end")
            << cid + "accepted\nb\n9\n1" << int(K::InvalidValue) << std::string("params");
        QTest::newRow("a length that is not a number")
            << cid + "accepted\nb\nx\n1" << int(K::InvalidValue) << std::string("params");
        QTest::newRow("a type of two letters")
            << cid + "accepted\nbb\n1\n1" << int(K::InvalidValue) << std::string("params");
        QTest::newRow("a key twice") << cid + accepted + field("accepted", 'b', "0")
                                     << int(K::InvalidValue) << std::string("params");
        QTest::newRow("a field cut short")
            << cid + "accepted\nb" << int(K::InvalidValue) << std::string("params");
        std::string many = cid + accepted;
        for (int i = 0; i < 40; ++i)
            many += field("extra" + std::to_string(i), 's', "x");
        QTest::newRow("more fields than a message has")
            << many << int(K::InvalidValue) << std::string("params");
    }

    void whatAnotherNodeSendsIsChecked()
    {
        QFETCH(std::string, text);
        QFETCH(int, kind);
        QFETCH(std::string, path);
        const auto read = fromFieldLines<CallRespond>(text);
        QVERIFY(!read);
        QCOMPARE(int(read.error().kind), kind);
        QCOMPARE(read.error().path, path);
    }

    // Integers keep to what a JavaScript peer reads exactly, and an enum to its values, as in
    // JSON; fields the message does not know are passed over, as in JSON.
    void numbersAndEnumsKeepTheirRanges()
    {
        const std::string cid = field("cid", 's', kCid);
        QVERIFY(!fromFieldLines<RoomJoin>(cid + field("mode", 'i', "9007199254740992")));
        QVERIFY(!fromFieldLines<RoomJoin>(cid + field("mode", 'i', "1.5")));
        QVERIFY(!fromFieldLines<RoomJoin>(cid + field("mode", 'i', "")));
        QVERIFY(!fromFieldLines<RtcSdp>(cid + field("sdpType", 's', "neither") +
                                        field("sdp", 's', "v=0")));
        const auto join = fromFieldLines<RoomJoin>(cid + field("later", 's', "ignored"));
        QVERIFY(join);
        QCOMPARE(join->cid, kCid);
    }

    // For an owner of an older version: the same fields as a JSON object, which reads back as
    // the message's JSON does.
    void theSameFieldsAsJson()
    {
        const RtcSdp sdp{kCid, SdpType::Answer, "v=0\r\n\"\\\x01"};
        const auto text = fieldLinesAsJson(linesOf(sdp));
        QVERIFY(text);
        const auto parsed = nlohmann::json::parse(*text, nullptr, false);
        QVERIFY2(parsed == toJson(sdp), text->c_str());
        const auto respond = fieldLinesAsJson(linesOf(CallRespond{kCid, true, false}));
        QVERIFY(respond);
        QVERIFY(nlohmann::json::parse(*respond, nullptr, false) ==
                toJson(CallRespond{kCid, true, false}));
        QVERIFY(!fieldLinesAsJson("cid\ns\n99\nshort"));
        QVERIFY(!fieldLinesAsJson(field("flag", 'b', "yes")));
        QVERIFY(!fieldLinesAsJson(field("n", 'i', "12a")));
        QVERIFY(!fieldLinesAsJson(field("n", 'x', "1")));
    }
};

QTEST_GUILESS_MAIN(TestFieldLines)
#include "tst_field_lines.moc"
