// Our offers and answers against the WebRTC SDP profile (sdp_rules.h): many of them, since
// GStreamer builds a description from caps that are not always complete when it is asked, and
// each with its trickled candidates, which must end with exactly one end-of-candidates, last.
// In a private network namespace, so that gathering finds host candidates (root only).

#include "idle_pool_threads.h"
#include "media/session/media_session.h"
#include "private_network.h"
#include "sdp_rules.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace softphone::media;

namespace {

QString g_networkProblem;
constexpr int kTimeout = 20000;
constexpr int kOffers = 12;

MediaConfig configFor(bool video)
{
    MediaConfig config;
    config.video = video;
    config.audioTap = true;
    return config;
}

// Shaped like Chromium's offer for an audio and video call (its payload types, fmtp and
// feedback lines, one BUNDLE, max-bundle transport).
const char *const kChromiumOffer =
    "v=0\r\n"
    "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
    "s=-\r\n"
    "t=0 0\r\n"
    "a=group:BUNDLE 0 1\r\n"
    "a=extmap-allow-mixed\r\n"
    "a=msid-semantic: WMS stream\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\r\n"
    "c=IN IP4 0.0.0.0\r\n"
    "a=rtcp:9 IN IP4 0.0.0.0\r\n"
    "a=ice-ufrag:Qx5f\r\n"
    "a=ice-pwd:Yk1sNnV0RkZ0b2pWbnB5c1hRZ2lN\r\n"
    "a=ice-options:trickle\r\n"
    "a=fingerprint:sha-256 "
    "8B:87:09:8A:5D:C2:F3:33:EF:C5:B1:F6:84:3A:3D:D6:A3:E2:9C:17:4C:E7:46:3B:1B:CE:84:98:"
    "DD:8E:AF:7B\r\n"
    "a=setup:actpass\r\n"
    "a=mid:0\r\n"
    "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
    "a=sendrecv\r\n"
    "a=msid:stream audio-track\r\n"
    "a=rtcp-mux\r\n"
    "a=rtpmap:111 opus/48000/2\r\n"
    "a=rtcp-fb:111 transport-cc\r\n"
    "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
    "a=rtpmap:63 red/48000/2\r\n"
    "a=fmtp:63 111/111\r\n"
    "a=rtpmap:9 G722/8000\r\n"
    "a=rtpmap:0 PCMU/8000\r\n"
    "a=rtpmap:8 PCMA/8000\r\n"
    "a=rtpmap:13 CN/8000\r\n"
    "a=rtpmap:110 telephone-event/48000\r\n"
    "a=rtpmap:126 telephone-event/8000\r\n"
    "a=ssrc:3735928559 cname:Vm9pY2VDbmFtZQ\r\n"
    "a=ssrc:3735928559 msid:stream audio-track\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103\r\n"
    "c=IN IP4 0.0.0.0\r\n"
    "a=rtcp:9 IN IP4 0.0.0.0\r\n"
    "a=ice-ufrag:Qx5f\r\n"
    "a=ice-pwd:Yk1sNnV0RkZ0b2pWbnB5c1hRZ2lN\r\n"
    "a=ice-options:trickle\r\n"
    "a=fingerprint:sha-256 "
    "8B:87:09:8A:5D:C2:F3:33:EF:C5:B1:F6:84:3A:3D:D6:A3:E2:9C:17:4C:E7:46:3B:1B:CE:84:98:"
    "DD:8E:AF:7B\r\n"
    "a=setup:actpass\r\n"
    "a=mid:1\r\n"
    "a=sendrecv\r\n"
    "a=msid:stream video-track\r\n"
    "a=rtcp-mux\r\n"
    "a=rtcp-rsize\r\n"
    "a=rtpmap:96 VP8/90000\r\n"
    "a=rtcp-fb:96 goog-remb\r\n"
    "a=rtcp-fb:96 transport-cc\r\n"
    "a=rtcp-fb:96 ccm fir\r\n"
    "a=rtcp-fb:96 nack\r\n"
    "a=rtcp-fb:96 nack pli\r\n"
    "a=rtpmap:97 rtx/90000\r\n"
    "a=fmtp:97 apt=96\r\n"
    "a=rtpmap:102 H264/90000\r\n"
    "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f\r\n"
    "a=rtpmap:103 rtx/90000\r\n"
    "a=fmtp:103 apt=102\r\n"
    "a=ssrc-group:FID 2882400001 2882400002\r\n"
    "a=ssrc:2882400001 cname:Vm9pY2VDbmFtZQ\r\n"
    "a=ssrc:2882400001 msid:stream video-track\r\n"
    "a=ssrc:2882400002 cname:Vm9pY2VDbmFtZQ\r\n"
    "a=ssrc:2882400002 msid:stream video-track\r\n";

// What one session said: its description, then its candidates in order ("" ends them).
struct Said
{
    QString type;
    QString sdp;
    QStringList candidates;
};

void listen(MediaSession *session, Said *said)
{
    QObject::connect(session, &MediaSession::localDescription, session,
                     [said](const QString &type, const QString &sdp) {
                         said->type = type;
                         said->sdp = sdp;
                     });
    QObject::connect(
        session, &MediaSession::localCandidate, session,
        [said](int, const QString &, const QString &candidate) { said->candidates << candidate; });
}

// Exactly one end of candidates, after every candidate, the list is complete a moment later.
QString candidateOrderProblem(const Said &said)
{
    QTest::qWait(300);  // a candidate that overtook the end marker would arrive in this time
    const qsizetype ends = said.candidates.count(QString());
    if (ends != 1)
        return QStringLiteral("%1 end-of-candidates markers").arg(ends);
    if (!said.candidates.last().isEmpty())
        return QStringLiteral("a candidate came after the end of candidates: %1")
            .arg(said.candidates.join(QLatin1String(" | ")));
    if (said.candidates.size() < 2)
        return QStringLiteral("no candidate before the end of candidates");
    return {};
}

}  // namespace

class TestSdpConformance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void rulesCatchWhatBrowsersRefuse();
    void offersFollowTheProfile();
    void answersFollowTheProfile();
    void aRestartOfferKeepsTheNegotiatedMids();
};

void TestSdpConformance::initTestCase()
{
    if (!g_networkProblem.isEmpty())
        QSKIP(qPrintable(QStringLiteral("SDP conformance skipped: ") + g_networkProblem));
}

void TestSdpConformance::cleanup()
{
    QTRY_COMPARE_WITH_TIMEOUT(MediaSession::liveGstObjects(), 0, kTimeout);
}

void TestSdpConformance::rulesCatchWhatBrowsersRefuse()
{
    const QString good = QString::fromLatin1(kChromiumOffer);
    QVERIFY2(sdpViolations(good, SdpKind::Offer).isEmpty(),
             qPrintable(sdpViolations(good, SdpKind::Offer).join(QLatin1Char('\n'))));
    // the defect of issue 13: Opus without its channel count
    QString noChannels = good;
    noChannels.replace(QLatin1String("opus/48000/2"), QLatin1String("OPUS/48000"));
    QCOMPARE(sdpViolations(noChannels, SdpKind::Offer).size(), 1);
    QString noMux = good;
    noMux.remove(QLatin1String("a=rtcp-mux\r\n"));
    QCOMPARE(sdpViolations(noMux, SdpKind::Offer).size(), 2);
    QVERIFY(!sdpViolations(good, SdpKind::Answer).isEmpty());  // actpass is the offer's
}

void TestSdpConformance::offersFollowTheProfile()
{
    for (int round = 0; round < kOffers; ++round) {
        const bool video = round % 2 == 0;
        MediaSession caller(MediaRole::Caller);
        Said said;
        listen(&caller, &said);
        caller.start(configFor(video));
        QTRY_VERIFY_WITH_TIMEOUT(said.candidates.contains(QString()), kTimeout);
        QCOMPARE(said.type, QStringLiteral("offer"));
        const QStringList problems = sdpViolations(said.sdp, SdpKind::Offer);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("offer %1:\n%2\n%3")
                                .arg(round)
                                .arg(problems.join(QLatin1Char('\n')), said.sdp)));
        const QString order = candidateOrderProblem(said);
        QVERIFY2(order.isEmpty(), qPrintable(QStringLiteral("offer %1: %2").arg(round).arg(order)));
        caller.stop();
    }
}

void TestSdpConformance::answersFollowTheProfile()
{
    // to a browser's offer and to our own
    MediaSession caller(MediaRole::Caller);
    Said offer;
    listen(&caller, &offer);
    caller.start(configFor(true));
    QTRY_VERIFY_WITH_TIMEOUT(!offer.sdp.isEmpty(), kTimeout);
    for (const QString &remote : {QString::fromLatin1(kChromiumOffer), offer.sdp}) {
        MediaSession callee(MediaRole::Callee);
        Said said;
        listen(&callee, &said);
        callee.setRemoteDescription(QStringLiteral("offer"), remote);
        callee.start(configFor(true));
        QTRY_VERIFY_WITH_TIMEOUT(said.candidates.contains(QString()), kTimeout);
        QCOMPARE(said.type, QStringLiteral("answer"));
        const QStringList problems = sdpViolations(said.sdp, SdpKind::Answer);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(problems.join(QLatin1Char('\n')) + QLatin1Char('\n') + said.sdp));
        const QString order = candidateOrderProblem(said);
        QVERIFY2(order.isEmpty(), qPrintable(order));
        callee.stop();
    }
    caller.stop();
}

// The browser placed the call and named its m-lines "0" and "1"; when we restart ICE, our
// rebuilt pipeline's offer must keep those names, in a=mid and in the BUNDLE group, or Chromium
// refuses it ("the order of m-lines in subsequent offer doesn't match").
void TestSdpConformance::aRestartOfferKeepsTheNegotiatedMids()
{
    MediaSession callee(MediaRole::Callee);
    Said said;
    listen(&callee, &said);
    callee.setRemoteDescription(QStringLiteral("offer"), QString::fromLatin1(kChromiumOffer));
    callee.start(configFor(true));
    QTRY_COMPARE_WITH_TIMEOUT(said.type, QStringLiteral("answer"), kTimeout);
    said = {};
    callee.restartIce();
    QTRY_COMPARE_WITH_TIMEOUT(said.type, QStringLiteral("offer"), kTimeout);
    const QStringList lines = said.sdp.split(QLatin1String("\r\n"));
    QCOMPARE(lines.filter(QLatin1String("a=mid:")),
             QStringList({QStringLiteral("a=mid:0"), QStringLiteral("a=mid:1")}));
    QCOMPARE(lines.filter(QLatin1String("a=group:")),
             QStringList(QStringLiteral("a=group:BUNDLE 0 1")));
    const QStringList problems = sdpViolations(said.sdp, SdpKind::Offer);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n')) + said.sdp));
    QTRY_VERIFY_WITH_TIMEOUT(said.candidates.contains(QString()), kTimeout);
    callee.stop();
}

int main(int argc, char **argv)
{
    g_networkProblem = enterPrivateNetwork();  // before any thread exists
    keepIdlePoolThreads();
    QCoreApplication app(argc, argv);
    TestSdpConformance test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sdp_conformance.moc"
