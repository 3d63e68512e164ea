// The media layer's pure parts: ICE server URIs, reading payload types and ICE credentials from
// SDP, DTLS fingerprints, signal bars.

#include "media/session/dtls_fingerprint.h"
#include "media/session/dtls_identity.h"
#include "media/session/ice_server_uri.h"
#include "media/session/media_stats.h"
#include "media/session/sdp.h"

#include <QTest>

using namespace softphone::media;

class TestMediaHelpers : public QObject
{
    Q_OBJECT

private slots:
    void stunUris_data();
    void stunUris();
    void turnUris_data();
    void turnUris();
    void payloadTypesComeFromTheSdp_data();
    void payloadTypesComeFromTheSdp();
    void iceUfragIsTheFirstOne_data();
    void iceUfragIsTheFirstOne();
    void qualityBars();
    void fingerprintsAreReadAndChecked();
    void eachIdentityIsItsOwnCertificate();
};

namespace {

// A certificate made with `openssl req -x509 -newkey ec`; its fingerprints as
// `openssl x509 -fingerprint -sha256` (and -sha1) printed them.
const QByteArray kCertificate = "-----BEGIN CERTIFICATE-----\n"
                                "MIIBhjCCAS2gAwIBAgIUVyPo9gyQUJKVIaJkmWWmPsViW/cwCgYIKoZIzj0EAwIw\n"
                                "GTEXMBUGA1UEAwwOc29mdHBob25lLXRlc3QwHhcNMjYxMjAyMDE1NzQ5WhcNMzYx\n"
                                "MTI5MDE1NzQ5WjAZMRcwFQYDVQQDDA5zb2Z0cGhvbmUtdGVzdDBZMBMGByqGSM49\n"
                                "AgEGCCqGSM49AwEHA0IABG85b8dsnYVy2GpZxlG3sZglHOGddYc/fhrzNP7p5uH4\n"
                                "el8h3gRFoAHNgnGC5h3oPFzjJs/8fwZaE4kUrHcOfe+jUzBRMB0GA1UdDgQWBBRN\n"
                                "FDIG4WcvDWk5poebaRt3UDoOTTAfBgNVHSMEGDAWgBRNFDIG4WcvDWk5poebaRt3\n"
                                "UDoOTTAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCIE6MWaheTr/T\n"
                                "7rUZ/7JS5q/vXmWaI2XgG/VEGwHtzbhJAiAb7N3E5Tge789/p1GsA/XbLGmobKTT\n"
                                "CKkcUuO4WE9QjQ==\n"
                                "-----END CERTIFICATE-----\n";
const char *const kSha256 = "25:6F:7A:2C:F3:E4:7B:02:EC:13:06:A1:86:8E:EF:4A:01:95:B7:53:00:E3:"
                            "2C:9E:EE:DC:D2:28:05:26:88:53";
const char *const kSha1 = "A3:5D:4D:D2:35:EE:54:E8:9D:C7:81:52:A4:6E:0D:4C:8F:BD:C8:53";

}  // namespace

void TestMediaHelpers::stunUris_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("expected");
    QTest::newRow("webrtc") << "stun:stun.example.org:3478"
                            << "stun://stun.example.org:3478";
    QTest::newRow("already") << "stun://10.0.0.1:3478"
                             << "stun://10.0.0.1:3478";
    QTest::newRow("no port") << "stun:stun.example.org"
                             << "stun://stun.example.org";
    QTest::newRow("turn is not stun") << "turn:t.example.org:3478"
                                      << "";
    QTest::newRow("no host") << "stun:"
                             << "";
    QTest::newRow("garbage") << "example.org"
                             << "";
}

void TestMediaHelpers::stunUris()
{
    QFETCH(QString, uri);
    QFETCH(QString, expected);
    QCOMPARE(webrtcbinStunUri(uri), expected);
}

void TestMediaHelpers::turnUris_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expected");
    // coturn's time-limited credentials: "<expiry>:<account>" and a base64 HMAC
    QTest::newRow("udp") << "turn:turn.example.org:3478?transport=udp"
                         << "1700000000:alice"
                         << "q/X+abc="
                         << "turn://1700000000%3Aalice:q%2FX%2Babc%3D@turn.example.org:3478"
                            "?transport=udp";
    QTest::newRow("tls") << "turns:turn.example.org:5349"
                         << "bob"
                         << "secret"
                         << "turns://bob:secret@turn.example.org:5349";
    QTest::newRow("uri credentials replaced") << "turn://x:y@10.0.0.1:3478"
                                              << "bob"
                                              << "pw"
                                              << "turn://bob:pw@10.0.0.1:3478";
    QTest::newRow("no user") << "turn:turn.example.org:3478"
                             << ""
                             << "pw"
                             << "";
    QTest::newRow("stun is not turn") << "stun:turn.example.org:3478"
                                      << "bob"
                                      << "pw"
                                      << "";
}

void TestMediaHelpers::turnUris()
{
    QFETCH(QString, uri);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, expected);
    QCOMPARE(webrtcbinTurnUri({uri, user, password}), expected);
}

void TestMediaHelpers::payloadTypesComeFromTheSdp_data()
{
    QTest::addColumn<QString>("sdp");
    QTest::addColumn<bool>("hasVideo");
    QTest::addColumn<int>("opus");
    QTest::addColumn<int>("vp8");
    const QString head = QStringLiteral("v=0\r\no=- 1 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n");
    QTest::newRow("chrome") << head + QStringLiteral("m=audio 9 UDP/TLS/RTP/SAVPF 111 63 103\r\n"
                                                     "a=rtpmap:111 opus/48000/2\r\n"
                                                     "a=rtpmap:63 red/48000/2\r\n"
                                                     "a=rtpmap:103 ISAC/16000\r\n"
                                                     "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98\r\n"
                                                     "a=rtpmap:96 VP8/90000\r\n"
                                                     "a=rtpmap:97 rtx/90000\r\n"
                                                     "a=rtpmap:98 VP9/90000\r\n")
                            << true << 111 << 96;
    QTest::newRow("firefox") << head + QStringLiteral("m=audio 9 UDP/TLS/RTP/SAVPF 109 9 0\r\n"
                                                      "a=rtpmap:109 opus/48000/2\r\n"
                                                      "a=rtpmap:9 G722/8000/1\r\n"
                                                      "m=video 9 UDP/TLS/RTP/SAVPF 120 124\r\n"
                                                      "a=rtpmap:120 VP8/90000\r\n"
                                                      "a=rtpmap:124 rtx/90000\r\n")
                             << true << 109 << 120;
    QTest::newRow("bundle-only video") << head + QStringLiteral("m=audio 9 UDP/TLS/RTP/SAVPF 96\r\n"
                                                                "a=rtpmap:96 OPUS/48000/2\r\n"
                                                                "m=video 0 UDP/TLS/RTP/SAVPF 97\r\n"
                                                                "a=bundle-only\r\n"
                                                                "a=rtpmap:97 VP8/90000\r\n")
                                       << true << 96 << 97;
    QTest::newRow("rejected video") << head + QStringLiteral("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
                                                             "a=rtpmap:111 opus/48000/2\r\n"
                                                             "m=video 0 UDP/TLS/RTP/SAVPF 96\r\n"
                                                             "a=rtpmap:96 VP8/90000\r\n")
                                    << false << 111 << -1;
    QTest::newRow("mapped but not listed")
        << head + QStringLiteral("m=audio 9 UDP/TLS/RTP/SAVPF 0\r\n"
                                 "a=rtpmap:0 PCMU/8000\r\n"
                                 "a=rtpmap:111 opus/48000/2\r\n")
        << false << -1 << -1;
    QTest::newRow("wrong clock") << head + QStringLiteral("m=audio 9 UDP/TLS/RTP/SAVPF 98\r\n"
                                                          "a=rtpmap:98 opus/16000/1\r\n")
                                 << false << -1 << -1;
}

void TestMediaHelpers::payloadTypesComeFromTheSdp()
{
    QFETCH(QString, sdp);
    QFETCH(bool, hasVideo);
    QFETCH(int, opus);
    QFETCH(int, vp8);
    const RemoteSdp codecs = readRemoteSdp(sdp);
    QVERIFY(codecs.valid);
    QVERIFY(codecs.hasAudio);
    QCOMPARE(codecs.hasVideo, hasVideo);
    QCOMPARE(codecs.opusPayload, opus);
    QCOMPARE(codecs.vp8Payload, vp8);
    QVERIFY(!readRemoteSdp(QStringLiteral("not sdp")).valid);
}

// A new ufrag in an offer is the peer restarting ICE: the session compares the first one.
void TestMediaHelpers::iceUfragIsTheFirstOne_data()
{
    QTest::addColumn<QString>("sdp");
    QTest::addColumn<QString>("ufrag");
    const QString head = QStringLiteral("v=0\r\no=- 1 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n");
    const QString audio = QStringLiteral("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
                                         "a=rtpmap:111 opus/48000/2\r\n");
    const QString video = QStringLiteral("m=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
                                         "a=rtpmap:96 VP8/90000\r\n");
    QTest::newRow("session level") << head + QStringLiteral("a=ice-ufrag:Sess\r\n") + audio +
                                          QStringLiteral("a=ice-ufrag:Media\r\n")
                                   << "Sess";
    QTest::newRow("first m-line") << head + audio + QStringLiteral("a=ice-ufrag:aB3+/x\r\n") +
                                         video + QStringLiteral("a=ice-ufrag:other\r\n")
                                  << "aB3+/x";
    QTest::newRow("later m-line") << head + audio + video + QStringLiteral("a=ice-ufrag:late\n")
                                  << "late";
    QTest::newRow("none") << head + audio << "";
}

void TestMediaHelpers::iceUfragIsTheFirstOne()
{
    QFETCH(QString, sdp);
    QFETCH(QString, ufrag);
    QCOMPARE(readRemoteSdp(sdp).iceUfrag, ufrag);
}

void TestMediaHelpers::qualityBars()
{
    QCOMPARE(qualityLevel(20, 0, false), 0);
    QCOMPARE(qualityLevel(-1, 0, true), 4);  // no round trip yet, nothing lost
    QCOMPARE(qualityLevel(20, 0.5, true), 4);
    QCOMPARE(qualityLevel(200, 0.5, true), 3);
    QCOMPARE(qualityLevel(20, 5, true), 2);
    QCOMPARE(qualityLevel(20, 12, true), 1);
    QCOMPARE(qualityLevel(900, 0, true), 1);
}

void TestMediaHelpers::fingerprintsAreReadAndChecked()
{
    const QString sdp = QStringLiteral("v=0\r\n"
                                       "a=fingerprint:SHA-256 %1\r\n"
                                       "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
                                       "a=fingerprint:sha-256 %1\r\n"
                                       "a=fingerprint:md5 00:11\r\n"
                                       "a=fingerprint:sha-256 12:34\r\n")
                            .arg(QLatin1String(kSha256));
    const QList<DtlsFingerprint> read = dtlsFingerprintsOf(sdp);
    QCOMPARE(read.size(), 1);  // the same one twice, an unknown hash, a digest too short
    QCOMPARE(read[0].algorithm, QStringLiteral("sha-256"));
    QCOMPARE(read[0].digest.size(), 32);
    QVERIFY(certificateMatches(kCertificate, read));

    const QString sha1 = QStringLiteral("a=fingerprint:sha-1 %1\r\n").arg(QLatin1String(kSha1));
    QVERIFY(certificateMatches(kCertificate, dtlsFingerprintsOf(sha1)));

    QString forged = QLatin1String(kSha256);
    forged.replace(0, 2, QStringLiteral("26"));
    const QString wrong = QStringLiteral("a=fingerprint:sha-256 %1\r\n").arg(forged);
    QVERIFY(!certificateMatches(kCertificate, dtlsFingerprintsOf(wrong)));
    QVERIFY(!certificateMatches(kCertificate, {}));
    QVERIFY(!certificateMatches("not a certificate", read));

    // Written as SDP writes it, a fingerprint reads back the same.
    const auto computed = fingerprintOfCertificate(kCertificate);
    QVERIFY(computed);
    QCOMPARE(dtlsFingerprintsOf(QStringLiteral("a=fingerprint:") +
                                QString::fromLatin1(computed->sdpValue())),
             QList<DtlsFingerprint>{*computed});
    QCOMPARE(computed->sdpValue(), "sha-256 " + QByteArray(kSha256));
    QVERIFY(!fingerprintOfCertificate(kCertificate, QStringLiteral("md5")));
}

void TestMediaHelpers::eachIdentityIsItsOwnCertificate()
{
    // The fingerprint our descriptions carry is that of the certificate the DTLS handshake
    // shows, and no two identities share one.
    const DtlsIdentity first = DtlsIdentity::generate();
    const DtlsIdentity second = DtlsIdentity::generate();
    QVERIFY(!first.isNull() && !second.isNull());
    QVERIFY(first.pem().contains("PRIVATE KEY"));
    const auto read = dtlsFingerprintsOf(QStringLiteral("a=fingerprint:") +
                                         QString::fromLatin1(first.fingerprint()));
    QCOMPARE(read.size(), 1);
    QVERIFY(certificateMatches(first.pem(), read));
    QVERIFY(!certificateMatches(second.pem(), read));
}

QTEST_GUILESS_MAIN(TestMediaHelpers)
#include "tst_media_helpers.moc"
