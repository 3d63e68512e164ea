// The server's own WebSocket parts, bytes in and bytes out: the opening handshake (RFC 6455
// §4.2), the reader of client frames (§5, §7, §8.1) and the writer of server frames.

#include "net/websocket_frame_reader.h"
#include "net/websocket_frame_writer.h"
#include "net/websocket_handshake.h"

#include <QTest>
#include <string>

using softphone::server::WebSocketEvent;
using softphone::server::WebSocketFrameReader;
using softphone::server::WebSocketHandshake;
using softphone::server::WebSocketOpcode;
namespace writer = softphone::server::websocket_frame_writer;
using Kind = WebSocketEvent::Kind;

namespace {

constexpr std::size_t kLimit = 1024;

// A client's frame as a browser writes it: masked, unless told otherwise.
std::string clientFrame(int opcode, std::string_view payload, bool fin = true, bool masked = true,
                        int reserved = 0)
{
    std::string frame;
    frame += char((fin ? 0x80 : 0) | (reserved << 4) | opcode);
    const char maskBit = masked ? char(0x80) : char(0);
    if (payload.size() < 126) {
        frame += char(maskBit | char(payload.size()));
    } else if (payload.size() <= 0xFFFF) {
        frame += char(maskBit | 126);
        frame += char(payload.size() >> 8);
        frame += char(payload.size());
    } else {
        frame += char(maskBit | 127);
        for (int i = 7; i >= 0; --i)
            frame += char(std::uint64_t(payload.size()) >> (8 * i));
    }
    const char key[4] = {'\x37', '\xfa', '\x21', '\x3d'};
    if (masked)
        frame.append(key, 4);
    for (std::size_t i = 0; i < payload.size(); ++i)
        frame += masked ? char(payload[i] ^ key[i % 4]) : payload[i];
    return frame;
}

std::string closePayload(int code, std::string_view reason = {})
{
    return std::string{char(code >> 8), char(code)} + std::string(reason);
}

// Everything `bytes` says, read in pieces of `piece` bytes.
struct Reading
{
    std::vector<Kind> kinds;
    std::vector<std::string> payloads;
    std::vector<int> codes;
};

Reading readAll(WebSocketFrameReader &reader, std::string bytes, std::size_t piece = 0)
{
    Reading reading;
    if (piece == 0)
        piece = std::max<std::size_t>(bytes.size(), 1);
    for (std::size_t at = 0; at < bytes.size(); at += piece) {
        std::string part = bytes.substr(at, piece);  // the caller's buffer, reused
        reader.receive(part.data(), part.size());
        for (WebSocketEvent event = reader.next(); event.kind != Kind::None;
             event = reader.next()) {
            reading.kinds.push_back(event.kind);
            reading.payloads.emplace_back(event.payload);
            reading.codes.push_back(event.closeCode);
        }
    }
    return reading;
}

Reading readAll(std::string bytes, std::size_t piece = 0)
{
    WebSocketFrameReader reader(kLimit);
    return readAll(reader, std::move(bytes), piece);
}

QByteArray request(const QByteArray &extraHeaders = {},
                   const QByteArray &key = "dGhlIHNhbXBsZSBub25jZQ==")
{
    return "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n"
           "Connection: Upgrade\r\nSec-WebSocket-Key: " +
           key + "\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n";
}

int status(const QByteArray &response)
{
    return response.mid(9, 3).toInt();
}

}  // namespace

class TestWebSocketFrames : public QObject
{
    Q_OBJECT

private slots:
    // ---- handshake ----------------------------------------------------------------------

    void acceptKeyIsTheRfcExample()
    {
        // RFC 6455 §1.3.
        QCOMPARE(WebSocketHandshake::acceptKey("dGhlIHNhbXBsZSBub25jZQ=="),
                 QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    void upgradeAnswers101()
    {
        WebSocketHandshake handshake;
        const QByteArray bytes = request("Origin: https://app.example\r\n") + "\x81\x80";
        QCOMPARE(handshake.read(bytes), WebSocketHandshake::Outcome::Upgrade);
        QCOMPARE(handshake.requestBytes(), std::size_t(bytes.size() - 2));
        QCOMPARE(handshake.origin(), QByteArray("https://app.example"));
        const QByteArray response = handshake.response();
        QVERIFY(response.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
        QVERIFY(response.contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
        QVERIFY(response.contains("\r\nUpgrade: websocket\r\n"));
        QVERIFY(response.endsWith("\r\n\r\n"));
    }

    void requestArrivesInPieces()
    {
        const QByteArray bytes = request();
        WebSocketHandshake handshake;
        for (qsizetype end = 1; end < bytes.size(); ++end)
            QCOMPARE(handshake.read(bytes.first(end)), WebSocketHandshake::Outcome::Incomplete);
        QCOMPARE(handshake.read(bytes), WebSocketHandshake::Outcome::Upgrade);
        QVERIFY(handshake.origin().isEmpty());
    }

    void headersAreReadWithoutLetterCase()
    {
        WebSocketHandshake handshake;
        const QByteArray bytes =
            "GET / HTTP/1.1\r\nhost: a\r\nupgrade: WebSocket\r\nconnection: keep-alive, upgrade\r\n"
            "sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\nsec-websocket-version:13\r\n\r\n";
        QCOMPARE(handshake.read(bytes), WebSocketHandshake::Outcome::Upgrade);
        QCOMPARE(status(handshake.response()), 101);
    }

    void badRequestsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        const QByteArray good = request();
        QTest::newRow("POST") << QByteArray(good).replace("GET", "POST") << 405;
        QTest::newRow("HTTP/1.0") << QByteArray(good).replace("HTTP/1.1", "HTTP/1.0") << 400;
        QTest::newRow("no request line") << QByteArray("\r\n\r\n") << 400;
        QTest::newRow("plain GET") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n") << 426;
        QTest::newRow("version 8") << QByteArray(good).replace("Version: 13", "Version: 8") << 426;
        QTest::newRow("no key") << QByteArray(good).replace("Sec-WebSocket-Key", "X-Key") << 400;
        QTest::newRow("short key") << request({}, "c2hvcnQ=") << 400;
        QTest::newRow("key not base64") << request({}, "!!!!!!!!!!!!!!!!!!!!!!==") << 400;
        QTest::newRow("two keys") << request("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n")
                                  << 400;
        QTest::newRow("no host") << QByteArray(good).replace("Host:", "X-Host:") << 400;
        QTest::newRow("folded header") << request(" folded\r\n") << 400;
        QTest::newRow("header without colon") << request("nonsense\r\n") << 400;
        QTest::newRow("head over 16 KiB")
            << request("X-Pad: " + QByteArray(16 * 1024, 'p') + "\r\n") << 431;
        QTest::newRow("endless head") << QByteArray(20 * 1024, 'x') << 431;
    }

    void badRequestsAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        WebSocketHandshake handshake;
        QCOMPARE(handshake.read(bytes), WebSocketHandshake::Outcome::Refuse);
        const QByteArray response = handshake.response();
        QCOMPARE(::status(response), status);
        // A reason a person can read, and the connection is not kept.
        QVERIFY(response.contains("\r\nConnection: close\r\n"));
        const QByteArray body = response.mid(response.indexOf("\r\n\r\n") + 4);
        QVERIFY(body.size() > 10);
        QVERIFY(response.contains("Content-Length: " + QByteArray::number(body.size())));
        if (status == 426)
            QVERIFY(response.contains("\r\nSec-WebSocket-Version: 13\r\n"));
    }

    void validRequestCanBeRefused()
    {
        WebSocketHandshake handshake;
        QCOMPARE(handshake.read(request("Origin: https://evil.example\r\n")),
                 WebSocketHandshake::Outcome::Upgrade);
        handshake.refuse(403, "pages of this origin may not connect");
        QCOMPARE(status(handshake.response()), 403);
        QVERIFY(handshake.response().endsWith("pages of this origin may not connect\n"));
    }

    // ---- reader -------------------------------------------------------------------------

    void maskedTextIsRead()
    {
        const auto reading = readAll(clientFrame(1, R"({"id":1,"method":"ping"})"));
        QCOMPARE(reading.kinds, std::vector{Kind::Text});
        QCOMPARE(reading.payloads.front(), std::string(R"({"id":1,"method":"ping"})"));
    }

    void framesArriveInAnyPieces_data()
    {
        QTest::addColumn<int>("piece");
        for (int piece : {1, 2, 3, 7, 13, 100, 4096})
            QTest::addRow("%d bytes at a time", piece) << piece;
    }

    void framesArriveInAnyPieces()
    {
        QFETCH(int, piece);
        const std::string small = "héllo";
        const std::string medium(300, 'm');   // a 16-bit length
        const std::string large(70000, 'L');  // a 64-bit length
        WebSocketFrameReader reader(100000);
        const auto reading =
            readAll(reader,
                    clientFrame(1, small) + clientFrame(9, "ping!") + clientFrame(1, medium) +
                        clientFrame(2, "\x00\x01") + clientFrame(1, large),
                    std::size_t(piece));
        QCOMPARE(reading.kinds,
                 (std::vector{Kind::Text, Kind::Ping, Kind::Text, Kind::Binary, Kind::Text}));
        QCOMPARE(reading.payloads[0], small);
        QCOMPARE(reading.payloads[1], std::string("ping!"));
        QCOMPARE(reading.payloads[2], medium);
        QCOMPARE(reading.payloads[4], large);
        QCOMPARE(reader.bufferedBytes(), std::size_t(0));  // nothing held once all is read
    }

    void partOfAFrameIsKept()
    {
        WebSocketFrameReader reader(kLimit);
        std::string frame = clientFrame(1, "a whole sentence");
        std::string first = frame.substr(0, 9);
        reader.receive(first.data(), first.size());
        QCOMPARE(reader.next().kind, Kind::None);
        QCOMPARE(reader.bufferedBytes(), std::size_t(9));
        first.assign(9, '#');  // the caller's buffer is its own again
        std::string rest = frame.substr(9);
        reader.receive(rest.data(), rest.size());
        const auto event = reader.next();
        QCOMPARE(event.kind, Kind::Text);
        QCOMPARE(std::string(event.payload), std::string("a whole sentence"));
        QCOMPARE(reader.next().kind, Kind::None);
        QCOMPARE(reader.bufferedBytes(), std::size_t(0));
    }

    void fragmentsAreJoined()
    {
        const std::string euro = "\xe2\x82\xac";  // one character split between fragments
        const auto reading =
            readAll(clientFrame(1, "{\"a\":\"" + euro.substr(0, 1), false) +
                    clientFrame(9, "between") +  // a control frame inside the message
                    clientFrame(0, euro.substr(1), false) + clientFrame(0, "\"}"));
        QCOMPARE(reading.kinds, (std::vector{Kind::Ping, Kind::Text}));
        QCOMPARE(reading.payloads[0], std::string("between"));
        QCOMPARE(reading.payloads[1], "{\"a\":\"" + euro + "\"}");
    }

    void closeCarriesCodeAndReason()
    {
        auto reading = readAll(clientFrame(8, closePayload(1000, "bye")) + clientFrame(1, "x"));
        QCOMPARE(reading.kinds, std::vector{Kind::Close});  // and nothing after it
        QCOMPARE(reading.codes.front(), 1000);
        QCOMPARE(reading.payloads.front(), std::string("bye"));
        reading = readAll(clientFrame(8, ""));
        QCOMPARE(reading.kinds, std::vector{Kind::Close});
        QCOMPARE(reading.codes.front(), 1005);
        reading = readAll(clientFrame(8, closePayload(4000)));
        QCOMPARE(reading.codes.front(), 4000);
    }

    void brokenFramingFails_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        const auto bytes = [](const std::string &s) { return QByteArray::fromStdString(s); };
        const std::string ping = R"({"id":1,"method":"ping"})";
        QTest::newRow("unmasked") << bytes(clientFrame(1, ping, true, false)) << 1002;
        QTest::newRow("RSV1") << bytes(clientFrame(1, ping, true, true, 4)) << 1002;
        QTest::newRow("RSV3") << bytes(clientFrame(1, ping, true, true, 1)) << 1002;
        QTest::newRow("opcode 3") << bytes(clientFrame(3, ping)) << 1002;
        QTest::newRow("opcode 11") << bytes(clientFrame(11, "")) << 1002;
        QTest::newRow("continuation first") << bytes(clientFrame(0, ping)) << 1002;
        QTest::newRow("text inside a text")
            << bytes(clientFrame(1, "{", false) + clientFrame(1, "}")) << 1002;
        QTest::newRow("ping of 126 bytes") << bytes(clientFrame(9, std::string(126, 'p'))) << 1002;
        QTest::newRow("fragmented ping") << bytes(clientFrame(9, "p", false)) << 1002;
        QTest::newRow("close with one byte") << bytes(clientFrame(8, "\x03")) << 1002;
        QTest::newRow("close code 1005") << bytes(clientFrame(8, closePayload(1005))) << 1002;
        QTest::newRow("close code 999") << bytes(clientFrame(8, closePayload(999))) << 1002;
        QTest::newRow("close code 2000") << bytes(clientFrame(8, closePayload(2000))) << 1002;
        QTest::newRow("close code 5000") << bytes(clientFrame(8, closePayload(5000))) << 1002;
        QTest::newRow("invalid UTF-8") << bytes(clientFrame(1, "{\"x\":\"\xff\"}")) << 1007;
        QTest::newRow("overlong UTF-8") << bytes(clientFrame(1, "\xc0\xaf")) << 1007;
        QTest::newRow("UTF-8 surrogate") << bytes(clientFrame(1, "\xed\xa0\x80")) << 1007;
        QTest::newRow("cut character at the end")
            << bytes(clientFrame(1, "\xe2\x82", false) + clientFrame(0, "")) << 1007;
        QTest::newRow("close reason not UTF-8")
            << bytes(clientFrame(8, closePayload(1000, "\xff"))) << 1007;
        QTest::newRow("frame over the limit")
            << bytes(clientFrame(1, std::string(kLimit + 1, 'a'))) << 1009;
        QTest::newRow("fragments over the limit")
            << bytes(clientFrame(1, std::string(kLimit / 2, 'a'), false) +
                     clientFrame(0, std::string(kLimit / 2, 'a'), false) + clientFrame(0, "a"))
            << 1009;
    }

    void brokenFramingFails()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        for (const std::size_t piece : {std::size_t(0), std::size_t(1)}) {
            WebSocketFrameReader reader(kLimit);
            const auto reading = readAll(reader, bytes.toStdString(), piece);
            QVERIFY(!reading.kinds.empty());
            QCOMPARE(reading.kinds.back(), Kind::Failure);
            QCOMPARE(reading.codes.back(), code);
            QVERIFY(!reading.payloads.back().empty());  // a reason for the close frame
            QVERIFY(reading.payloads.back().size() <= 123);
            QVERIFY(reader.isFinished());
            QCOMPARE(reader.bufferedBytes(), std::size_t(0));
        }
    }

    // ASCII is checked eight bytes at a time: a bad byte is found wherever it stands.
    void utf8IsCheckedAtEveryPosition()
    {
        for (std::size_t at = 0; at < 24; ++at) {
            std::string text(24, 'a');
            text.replace(at, 2, "\xc3\xa9");  // é
            QCOMPARE(readAll(clientFrame(1, text)).kinds, std::vector{Kind::Text});
            text.replace(at, 2, "\xc3(");
            QCOMPARE(readAll(clientFrame(1, text)).codes.back(), 1007);
            text[at] = '\x80';
            QCOMPARE(readAll(clientFrame(1, text)).codes.back(), 1007);
        }
    }

    // The size is judged on the header: a frame far over the limit fails before its payload.
    void sizeIsJudgedOnTheHeader()
    {
        for (const std::uint64_t claimed :
             {std::uint64_t(kLimit + 1), std::uint64_t(1) << 40, ~std::uint64_t(0)}) {
            std::string header = "\x81\xff";
            for (int i = 7; i >= 0; --i)
                header += char(claimed >> (8 * i));
            header += "mask";
            const auto reading = readAll(header);
            QCOMPARE(reading.kinds, std::vector{Kind::Failure});
            QCOMPARE(reading.codes.front(), 1009);
        }
    }

    void exactlyTheLimitIsRead()
    {
        const auto reading = readAll(clientFrame(1, std::string(kLimit / 2, 'a'), false) +
                                     clientFrame(0, std::string(kLimit / 2, 'b')));
        QCOMPARE(reading.kinds, std::vector{Kind::Text});
        QCOMPARE(reading.payloads.front().size(), kLimit);
    }

    // ---- writer -------------------------------------------------------------------------

    void lengthsUseTheShortestForm_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("header");
        QTest::newRow("0") << 0 << 2;
        QTest::newRow("125") << 125 << 2;
        QTest::newRow("126") << 126 << 4;
        QTest::newRow("65535") << 65535 << 4;
        QTest::newRow("65536") << 65536 << 10;
    }

    void lengthsUseTheShortestForm()
    {
        QFETCH(int, length);
        QFETCH(int, header);
        std::string out = "previous";
        writer::appendFrame(out, WebSocketOpcode::Text, std::string(std::size_t(length), 'x'));
        QCOMPARE(out.size(), std::size_t(8 + header + length));
        QCOMPARE(out.substr(0, 8), std::string("previous"));
        QCOMPARE(int(std::uint8_t(out[8])), 0x81);  // FIN, text
        const auto second = static_cast<unsigned char>(out[9]);
        QCOMPARE(second & 0x80, 0);  // a server never masks
        std::uint64_t decoded = second;
        if (second == 126)
            decoded = (std::uint64_t(std::uint8_t(out[10])) << 8) | std::uint8_t(out[11]);
        else if (second == 127) {
            decoded = 0;
            for (int i = 0; i < 8; ++i)
                decoded = (decoded << 8) | std::uint8_t(out[10 + i]);
        }
        QCOMPARE(decoded, std::uint64_t(length));
    }

    void closeReasonIsCutOnACharacter()
    {
        std::string out;
        std::string reason;
        for (int i = 0; i < 60; ++i)
            reason += "\xe4\xb8\xad";  // 180 bytes of three-byte characters
        writer::appendClose(out, 1008, reason);
        QCOMPARE(int(std::uint8_t(out[0])), 0x88);
        const std::size_t payload = std::uint8_t(out[1]);
        QVERIFY(payload <= 125);
        QCOMPARE(payload, std::size_t(2 + 123));  // 41 whole characters
        QCOMPARE(std::uint8_t(out[2]) << 8 | std::uint8_t(out[3]), 1008);
        QCOMPARE(out.substr(4), reason.substr(0, 123));
    }

    // What the writer writes, masked as a client would, reads back the same.
    void writerAndReaderAgree()
    {
        std::string out;
        writer::appendFrame(out, WebSocketOpcode::Text, "first");
        writer::appendClose(out, 1001, "going");
        std::string masked;
        for (std::size_t at = 0; at < out.size();) {
            const std::size_t length = std::uint8_t(out[at + 1]);
            masked += clientFrame(out[at] & 0x0F, out.substr(at + 2, length));
            at += 2 + length;
        }
        const auto reading = readAll(masked);
        QCOMPARE(reading.kinds, (std::vector{Kind::Text, Kind::Close}));
        QCOMPARE(reading.payloads[0], std::string("first"));
        QCOMPARE(reading.codes[1], 1001);
        QCOMPARE(reading.payloads[1], std::string("going"));
    }
};

QTEST_GUILESS_MAIN(TestWebSocketFrames)
#include "tst_websocket_frames.moc"
