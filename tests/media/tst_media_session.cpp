// Two MediaSessions in one process, wired to each other through queued calls (the network
// hop), in a private network namespace with a veth pair. Real GStreamer pipelines end to end.

#include "idle_pool_threads.h"
#include "media/session/media_session.h"
#include "private_network.h"
#include "tone_meter.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <functional>
#include <memory>

using namespace softphone::media;

namespace {

QString g_networkProblem;  // set when the private network could not be made

constexpr int kTimeout = 20000;  // generous: a loaded 2-core machine, sanitizers
constexpr double kCallerTone = 440;
constexpr double kCalleeTone = 880;

// One end of a call: its session and what it heard.
struct Endpoint
{
    std::unique_ptr<MediaSession> session;
    ToneMeter heard;
    QList<MediaState> states;
    QList<MediaStats> stats;
    QStringList failures;
    QStringList descriptions;  // the SDP of each description it sent
};

QString fingerprintIn(const QString &sdp)
{
    static const QRegularExpression line(QStringLiteral("a=fingerprint:(\\S+ \\S+)"));
    return line.match(sdp).captured(1);
}

MediaConfig configFor(double tone, bool video, double loss = 0)
{
    MediaConfig config;
    config.audio = true;
    config.video = video;
    config.toneFrequency = tone;
    config.audioTap = true;
    config.sendLoss = loss;
    return config;
}

}  // namespace

class TestMediaSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void audioCallCarriesEachSidesTone();
    void videoCallDeliversFramesAndCanPause();
    void videoTurnsOnDuringAnAudioCall();
    void callHoldsUnderPacketLoss();
    void muteSilencesTheTone();
    void restartIceReconnects();
    void simultaneousRestartsKeepTheCallersOffer();
    void aPeerOfferWhileOursIsBeingMadeIsGlare();
    void browserOfferIsAnsweredWithItsPayloadTypes();
    void candidatesBeforeTheOfferAreQueued();
    void destroyingARunningSessionReleasesEverything();
    void aFailedDtlsHandshakeFailsTheSessionAndSaysSo();
    void aForgedFingerprintFailsAsDtls_data();
    void aForgedFingerprintFailsAsDtls();

private:
    void connectCall(const MediaConfig &callerConfig, const MediaConfig &calleeConfig);
    void watch(Endpoint &end);
    void wire(MediaSession *from, MediaSession *to);
    void verifyHears(Endpoint &end, double expected, double other);
    void hangUp();

    Endpoint m_caller;
    Endpoint m_callee;
};

void TestMediaSession::initTestCase()
{
    if (!g_networkProblem.isEmpty())
        QSKIP(qPrintable(QStringLiteral("media end-to-end tests skipped: ") + g_networkProblem));
}

void TestMediaSession::cleanup()
{
    hangUp();
    QTRY_COMPARE_WITH_TIMEOUT(MediaSession::liveGstObjects(), 0, kTimeout);
}

void TestMediaSession::watch(Endpoint &end)
{
    MediaSession *session = end.session.get();
    connect(session, &MediaSession::audioReceived, session,
            [&end](const QByteArray &pcm, int rate, qint64) { end.heard.add(pcm, rate); });
    connect(session, &MediaSession::stateChanged, session,
            [&end](MediaState state) { end.states << state; });
    connect(session, &MediaSession::statsUpdated, session,
            [&end](const MediaStats &stats) { end.stats << stats; });
    connect(session, &MediaSession::failed, session,
            [&end](const QString &reason) { end.failures << reason; });
    connect(session, &MediaSession::localDescription, session,
            [&end](const QString &, const QString &sdp) { end.descriptions << sdp; });
    if (qEnvironmentVariableIsSet("SOFTPHONE_MEDIA_TRACE")) {  // what crosses the "network"
        const QString name = session->role() == MediaRole::Caller ? QStringLiteral("caller")
                                                                  : QStringLiteral("callee");
        connect(session, &MediaSession::localDescription, session,
                [name](const QString &type, const QString &sdp) {
                    qInfo().noquote() << name << type << "\n" << sdp;
                });
        connect(session, &MediaSession::localCandidate, session,
                [name](int mline, const QString &mid, const QString &candidate) {
                    qInfo().noquote() << name << "candidate" << mline << mid << candidate;
                });
        connect(session, &MediaSession::stateChanged, session,
                [name](MediaState state) { qInfo() << name << "state" << int(state); });
        connect(session, &MediaSession::statsUpdated, session, [name](const MediaStats &s) {
            qInfo() << name << "stats rtt" << s.rttMs << "loss" << s.lossPercent << "jitter"
                    << s.jitterMs << "in" << s.bitrateInKbps << "out" << s.bitrateOutKbps << "video"
                    << s.videoWidth << s.videoHeight << s.videoFps << "quality" << s.quality;
        });
    }
}

void TestMediaSession::wire(MediaSession *from, MediaSession *to)
{
    // Queued: each message takes a trip through the event loop, as it would over a network.
    connect(from, &MediaSession::localDescription, to, &MediaSession::setRemoteDescription,
            Qt::QueuedConnection);
    connect(from, &MediaSession::localCandidate, to, &MediaSession::addRemoteCandidate,
            Qt::QueuedConnection);
}

void TestMediaSession::connectCall(const MediaConfig &callerConfig, const MediaConfig &calleeConfig)
{
    m_caller.session = std::make_unique<MediaSession>(MediaRole::Caller);
    m_callee.session = std::make_unique<MediaSession>(MediaRole::Callee);
    watch(m_caller);
    watch(m_callee);
    wire(m_caller.session.get(), m_callee.session.get());
    wire(m_callee.session.get(), m_caller.session.get());
    m_callee.session->start(calleeConfig);
    m_caller.session->start(callerConfig);
    QTRY_VERIFY_WITH_TIMEOUT(m_caller.session->state() == MediaState::Connected &&
                                 m_callee.session->state() == MediaState::Connected,
                             kTimeout);
    QVERIFY(m_caller.failures.isEmpty());
    QVERIFY(m_callee.failures.isEmpty());
}

void TestMediaSession::verifyHears(Endpoint &end, double expected, double other)
{
    // half a second of decoded audio after the first, so the codec has settled
    QTRY_VERIFY_WITH_TIMEOUT(end.heard.seconds() > 0.6, kTimeout);
    const QString problem = end.heard.mismatch(expected, other);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestMediaSession::hangUp()
{
    for (Endpoint *end : {&m_caller, &m_callee}) {
        if (end->session) {
            end->session->stop();
            QCOMPARE(end->session->state(), MediaState::Closed);
        }
        end->session.reset();
        end->heard.clear();
        end->states.clear();
        end->stats.clear();
        end->failures.clear();
    }
}

// ICE connects, but the answer that reaches the caller says the callee waits for the
// handshake (passive) while the callee starts it (active): both ends are DTLS clients, and
// the handshake cannot complete. The session must fail as DTLS, not as "no route".
void TestMediaSession::aFailedDtlsHandshakeFailsTheSessionAndSaysSo()
{
    m_caller.session = std::make_unique<MediaSession>(MediaRole::Caller);
    m_callee.session = std::make_unique<MediaSession>(MediaRole::Callee);
    watch(m_caller);
    watch(m_callee);
    wire(m_caller.session.get(), m_callee.session.get());
    connect(m_callee.session.get(), &MediaSession::localCandidate, m_caller.session.get(),
            &MediaSession::addRemoteCandidate, Qt::QueuedConnection);
    MediaSession *caller = m_caller.session.get();
    connect(
        m_callee.session.get(), &MediaSession::localDescription, caller,
        [caller](const QString &type, QString sdp) {
            QVERIFY(sdp.contains(QLatin1String("a=setup:active")));
            caller->setRemoteDescription(type, sdp.replace(QLatin1String("a=setup:active"),
                                                           QLatin1String("a=setup:passive")));
        },
        Qt::QueuedConnection);
    m_callee.session->start(configFor(kCalleeTone, false));
    m_caller.session->start(configFor(kCallerTone, false));
    QTRY_VERIFY_WITH_TIMEOUT(!m_caller.failures.isEmpty() || !m_callee.failures.isEmpty(),
                             kTimeout);
    for (Endpoint *end : {&m_caller, &m_callee}) {
        if (end->failures.isEmpty())
            continue;
        QCOMPARE(end->session->failureCause(), softphone::call::FailureCause::DtlsFailed);
        QVERIFY2(end->failures.first().startsWith(QLatin1String("DTLS failed")),
                 qPrintable(end->failures.first()));
    }
    QVERIFY(!m_caller.states.contains(MediaState::Connected));
}

void TestMediaSession::aForgedFingerprintFailsAsDtls_data()
{
    QTest::addColumn<bool>("inTheOffer");
    QTest::newRow("the caller's, in the offer") << true;
    QTest::newRow("the callee's, in the answer") << false;
}

// Someone between the peers (the signalling path) swaps one side's a=fingerprint: the DTLS
// handshake itself completes, with a certificate that is not the one the description vouches
// for. The end that was told the wrong fingerprint must refuse the connection as DTLS failed,
// and never report it connected.
void TestMediaSession::aForgedFingerprintFailsAsDtls()
{
    QFETCH(bool, inTheOffer);
    m_caller.session = std::make_unique<MediaSession>(MediaRole::Caller);
    m_callee.session = std::make_unique<MediaSession>(MediaRole::Callee);
    watch(m_caller);
    watch(m_callee);
    MediaSession *forger = inTheOffer ? m_caller.session.get() : m_callee.session.get();
    MediaSession *deceived = inTheOffer ? m_callee.session.get() : m_caller.session.get();
    wire(deceived, forger);
    connect(forger, &MediaSession::localCandidate, deceived, &MediaSession::addRemoteCandidate,
            Qt::QueuedConnection);
    connect(
        forger, &MediaSession::localDescription, deceived,
        [deceived](const QString &type, QString sdp) {
            static const QRegularExpression fingerprint(
                QStringLiteral("a=fingerprint:sha-256 [0-9A-Fa-f:]+"));
            QVERIFY(sdp.contains(fingerprint));
            sdp.replace(fingerprint, QStringLiteral("a=fingerprint:sha-256 ") +
                                         QStringList(32, QStringLiteral("5A")).join(u':'));
            deceived->setRemoteDescription(type, sdp);
        },
        Qt::QueuedConnection);
    m_callee.session->start(configFor(kCalleeTone, false));
    m_caller.session->start(configFor(kCallerTone, false));
    Endpoint &told = inTheOffer ? m_callee : m_caller;
    QTRY_VERIFY_WITH_TIMEOUT(!told.failures.isEmpty(), kTimeout);
    QCOMPARE(told.session->failureCause(), softphone::call::FailureCause::DtlsFailed);
    QVERIFY2(told.failures.first().startsWith(QLatin1String("DTLS failed")),
             qPrintable(told.failures.first()));
    QVERIFY(!told.states.contains(MediaState::Connected));
    QCOMPARE(told.session->receivedAudioBuffers(), quint64(0));
}

void TestMediaSession::audioCallCarriesEachSidesTone()
{
    connectCall(configFor(kCallerTone, false), configFor(kCalleeTone, false));
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_caller.session->receivedAudioBuffers() > 0, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.session->receivedAudioBuffers() > 0, kTimeout);
    verifyHears(m_callee, kCallerTone, kCalleeTone);
    if (QTest::currentTestFailed())
        return;
    verifyHears(m_caller, kCalleeTone, kCallerTone);
    if (QTest::currentTestFailed())
        return;

    // stats: bytes flow both ways, the RTCP round trip is known, and the bars show
    QTRY_VERIFY_WITH_TIMEOUT(!m_caller.stats.isEmpty() && m_caller.stats.last().rttMs >= 0 &&
                                 m_caller.stats.last().bitrateInKbps > 0,
                             kTimeout);
    const MediaStats stats = m_caller.stats.last();
    QVERIFY(stats.bitrateOutKbps > 0);
    QVERIFY(stats.quality >= 3);
    QCOMPARE(stats.videoWidth, 0);
    QCOMPARE(m_caller.session->receivedVideoFrames(), 0u);

    QCOMPARE(m_caller.states.first(), MediaState::Connecting);
    QCOMPARE(m_caller.states.last(), MediaState::Connected);
    QVERIFY(MediaSession::liveGstObjects() >= 4);  // two pipelines, two webrtcbins
    hangUp();
    QTRY_COMPARE_WITH_TIMEOUT(MediaSession::liveGstObjects(), 0, kTimeout);
}

void TestMediaSession::videoCallDeliversFramesAndCanPause()
{
    connectCall(configFor(kCallerTone, true), configFor(kCalleeTone, true));
    if (QTest::currentTestFailed())
        return;
    QSignalSpy firstVideo(m_callee.session.get(), &MediaSession::firstVideoReceived);
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.session->receivedVideoFrames() > 30, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_caller.session->receivedVideoFrames() > 30, kTimeout);
    QVERIFY(m_callee.session->isSendingVideo());
    verifyHears(m_callee, kCallerTone, kCalleeTone);

    QTRY_VERIFY_WITH_TIMEOUT(!m_callee.stats.isEmpty() && m_callee.stats.last().videoFps > 0,
                             kTimeout);
    QCOMPARE(m_callee.stats.last().videoWidth, 640);
    QCOMPARE(m_callee.stats.last().videoHeight, 480);

    // Pausing the caller's camera stops the callee's frames while its audio goes on; the
    // callee's audio buffers are the clock.
    m_caller.session->setVideoEnabled(false);
    QVERIFY(!m_caller.session->isVideoEnabled());
    quint64 audio = m_callee.session->receivedAudioBuffers();
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.session->receivedAudioBuffers() > audio + 50, kTimeout);
    const quint64 paused = m_callee.session->receivedVideoFrames();  // in flight have landed
    audio = m_callee.session->receivedAudioBuffers();
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.session->receivedAudioBuffers() > audio + 100, kTimeout);
    QVERIFY2(m_callee.session->receivedVideoFrames() <= paused + 2,
             "video kept arriving while paused");

    m_caller.session->setVideoEnabled(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.session->receivedVideoFrames() > paused + 30, kTimeout);
    QVERIFY(m_caller.failures.isEmpty() && m_callee.failures.isEmpty());
}

void TestMediaSession::videoTurnsOnDuringAnAudioCall()
{
    connectCall(configFor(kCallerTone, false), configFor(kCalleeTone, false));
    if (QTest::currentTestFailed())
        return;
    QSignalSpy calleeSees(m_callee.session.get(), &MediaSession::remoteVideoActiveChanged);
    QSignalSpy callerSees(m_caller.session.get(), &MediaSession::remoteVideoActiveChanged);
    QVERIFY(!m_caller.session->isVideoEnabled());
    QVERIFY(m_caller.session->isSendingVideo());  // negotiated, though off

    // a second of audio and no video: the cameras are off
    const quint64 audio = m_callee.session->receivedAudioBuffers();
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.session->receivedAudioBuffers() > audio + 100, kTimeout);
    QCOMPARE(m_callee.session->receivedVideoFrames(), 0u);
    QVERIFY(!m_callee.session->isRemoteVideoActive());

    // the caller turns its camera on: no renegotiation, frames arrive
    QSignalSpy callerOffers(m_caller.session.get(), &MediaSession::localDescription);
    QSignalSpy calleeOffers(m_callee.session.get(), &MediaSession::localDescription);
    m_caller.session->setVideoEnabled(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.session->receivedVideoFrames() > 30, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.session->isRemoteVideoActive(), kTimeout);
    QCOMPARE(calleeSees.first().first().toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(!m_callee.stats.isEmpty() && m_callee.stats.last().videoWidth == 640,
                             kTimeout);

    // then the callee's too
    m_callee.session->setVideoEnabled(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_caller.session->receivedVideoFrames() > 30, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_caller.session->isRemoteVideoActive(), kTimeout);
    QCOMPARE(callerSees.first().first().toBool(), true);

    // the caller's camera off again: the callee sees the video stop, the audio goes on
    m_caller.session->setVideoEnabled(false);
    QTRY_VERIFY_WITH_TIMEOUT(!m_callee.session->isRemoteVideoActive(), kTimeout);
    QCOMPARE(calleeSees.last().first().toBool(), false);
    QVERIFY(m_caller.session->isRemoteVideoActive());
    QCOMPARE(callerOffers.count(), 0);
    QCOMPARE(calleeOffers.count(), 0);
    verifyHears(m_callee, kCallerTone, kCalleeTone);
    QVERIFY(m_caller.failures.isEmpty() && m_callee.failures.isEmpty());
}

void TestMediaSession::callHoldsUnderPacketLoss()
{
    // 10 % of every RTP packet each side sends is dropped before it leaves
    connectCall(configFor(kCallerTone, true, 0.10), configFor(kCalleeTone, true, 0.10));
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.session->receivedVideoFrames() > 10, kTimeout);

    // three seconds of audio (300 buffers of 10 ms) while packets are lost
    const quint64 audio = m_callee.session->receivedAudioBuffers();
    const quint64 video = m_callee.session->receivedVideoFrames();
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.session->receivedAudioBuffers() > audio + 300, kTimeout);
    // Video too, at whatever rate two starved cores allow.
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.session->receivedVideoFrames() > video + 20, kTimeout);
    QCOMPARE(m_caller.session->state(), MediaState::Connected);
    QCOMPARE(m_callee.session->state(), MediaState::Connected);
    QVERIFY(!m_caller.states.contains(MediaState::Failed));
    QVERIFY(m_caller.failures.isEmpty() && m_callee.failures.isEmpty());
    verifyHears(m_callee, kCallerTone, kCalleeTone);
    if (QTest::currentTestFailed())
        return;
    verifyHears(m_caller, kCalleeTone, kCallerTone);
    if (QTest::currentTestFailed())
        return;

    // lost video made the receivers ask the senders for keyframes
    QTRY_VERIFY_WITH_TIMEOUT(
        m_caller.session->keyframeRequests() + m_callee.session->keyframeRequests() > 0, kTimeout);
}

void TestMediaSession::muteSilencesTheTone()
{
    connectCall(configFor(kCallerTone, false), configFor(kCalleeTone, false));
    if (QTest::currentTestFailed())
        return;
    verifyHears(m_callee, kCallerTone, kCalleeTone);

    m_caller.session->setMuted(true);
    QVERIFY(m_caller.session->isMuted());
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.heard.rms(0.2) < 0.005, kTimeout);
    QVERIFY(m_caller.heard.amplitude(kCalleeTone) > 0.1);  // the other way is untouched

    m_caller.session->setMuted(false);
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.heard.amplitude(kCallerTone, 0.2) > 0.1, kTimeout);
}

void TestMediaSession::restartIceReconnects()
{
    connectCall(configFor(kCallerTone, false), configFor(kCalleeTone, false));
    if (QTest::currentTestFailed())
        return;
    verifyHears(m_callee, kCallerTone, kCalleeTone);
    const int liveBefore = MediaSession::liveGstObjects();

    m_callee.states.clear();
    m_caller.states.clear();
    m_callee.session->restartIce();  // the callee offers this time
    QTRY_VERIFY_WITH_TIMEOUT(m_caller.states.contains(MediaState::Connecting) &&
                                 m_caller.session->state() == MediaState::Connected &&
                                 m_callee.session->state() == MediaState::Connected,
                             kTimeout);
    m_callee.heard.clear();
    m_caller.heard.clear();
    verifyHears(m_callee, kCallerTone, kCalleeTone);
    if (QTest::currentTestFailed())
        return;
    verifyHears(m_caller, kCalleeTone, kCallerTone);
    if (QTest::currentTestFailed())
        return;
    // Each pipeline has a certificate of its own: the two ends differ, and the rebuilt one
    // shows a new fingerprint (a browser keeps its old DTLS session on an unchanged one).
    const QString calleeFirst = fingerprintIn(m_callee.descriptions.first());
    const QString calleeRestarted = fingerprintIn(m_callee.descriptions.last());
    QVERIFY(!calleeFirst.isEmpty() && !calleeRestarted.isEmpty());
    QVERIFY(calleeFirst != fingerprintIn(m_caller.descriptions.first()));
    QVERIFY(calleeRestarted != calleeFirst);
    // the old pipelines are gone, not piled up
    QTRY_COMPARE_WITH_TIMEOUT(MediaSession::liveGstObjects(), liveBefore, kTimeout);
}

void TestMediaSession::simultaneousRestartsKeepTheCallersOffer()
{
    // Glare: both ends offer at once; the caller's offer wins, the callee answers it.
    connectCall(configFor(kCallerTone, false), configFor(kCalleeTone, false));
    if (QTest::currentTestFailed())
        return;
    verifyHears(m_callee, kCallerTone, kCalleeTone);
    m_callee.states.clear();
    m_caller.states.clear();
    m_caller.session->restartIce();
    m_callee.session->restartIce();
    QTRY_VERIFY_WITH_TIMEOUT(m_caller.states.contains(MediaState::Connecting) &&
                                 m_caller.session->state() == MediaState::Connected &&
                                 m_callee.session->state() == MediaState::Connected,
                             kTimeout);
    QVERIFY2(m_caller.failures.isEmpty() && m_callee.failures.isEmpty(),
             qPrintable((m_caller.failures + m_callee.failures).join(QLatin1Char(' '))));
    m_callee.heard.clear();
    m_caller.heard.clear();
    verifyHears(m_callee, kCallerTone, kCalleeTone);
    if (QTest::currentTestFailed())
        return;
    verifyHears(m_caller, kCalleeTone, kCallerTone);
}

void TestMediaSession::aPeerOfferWhileOursIsBeingMadeIsGlare()
{
    // The caller's own offer takes a moment to make (webrtcbin builds it on its thread). A
    // callee's offer arriving in that moment is glare all the same: the caller keeps its offer
    // and the callee answers it. Delivered at a sweep of delays after the caller's restart, so
    // that some land while the caller's offer is being made.
    connectCall(configFor(kCallerTone, false), configFor(kCalleeTone, false));
    if (QTest::currentTestFailed())
        return;
    // The callee's channel stays ordered, as the server's is: what the callee says after its
    // offer (its answer to the caller's offer, its candidates) waits behind the offer. Without
    // that, a late delivery would hand the caller an offer older than the answer it already has.
    MediaSession *callee = m_callee.session.get();
    MediaSession *caller = m_caller.session.get();
    disconnect(callee, &MediaSession::localDescription, caller,
               &MediaSession::setRemoteDescription);
    disconnect(callee, &MediaSession::localCandidate, caller, &MediaSession::addRemoteCandidate);
    for (int delayMs : {0, 2, 4, 6, 8, 12, 16, 24, 32, 64, 128}) {
        QString calleeOffer;
        QList<std::function<void()>> heldBehindTheOffer;
        const QMetaObject::Connection descriptions =
            connect(callee, &MediaSession::localDescription, this,
                    [&, caller](const QString &type, const QString &sdp) {
                        if (calleeOffer.isEmpty() && type == QLatin1String("offer"))
                            calleeOffer = sdp;
                        else
                            heldBehindTheOffer << [=] { caller->setRemoteDescription(type, sdp); };
                    });
        const QMetaObject::Connection candidates = connect(
            callee, &MediaSession::localCandidate, this,
            [&, caller](int mline, const QString &mid, const QString &candidate) {
                const auto deliver = [=] { caller->addRemoteCandidate(mline, mid, candidate); };
                if (calleeOffer.isEmpty())
                    QMetaObject::invokeMethod(caller, deliver, Qt::QueuedConnection);
                else
                    heldBehindTheOffer << deliver;
            });
        callee->restartIce();
        QTRY_VERIFY_WITH_TIMEOUT(!calleeOffer.isEmpty(), kTimeout);
        caller->restartIce();
        QTest::qWait(delayMs);
        caller->setRemoteDescription(QStringLiteral("offer"), calleeOffer);
        disconnect(descriptions);
        disconnect(candidates);
        for (const auto &deliver : std::as_const(heldBehindTheOffer))
            QMetaObject::invokeMethod(caller, deliver, Qt::QueuedConnection);
        wire(callee, caller);
        const auto bothConnected = [this] {
            return m_caller.session->state() == MediaState::Connected &&
                   m_callee.session->state() == MediaState::Connected;
        };
        const auto why = [&] {
            return QStringLiteral("offer delivered %1 ms after the caller's restart: %2")
                .arg(delayMs)
                .arg((m_caller.failures + m_callee.failures).join(QLatin1Char(' ')));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(bothConnected(), qPrintable(why()), kTimeout);
        QVERIFY2(m_caller.failures.isEmpty() && m_callee.failures.isEmpty(),
                 qPrintable((m_caller.failures + m_callee.failures).join(QLatin1Char(' '))));
        disconnect(callee, &MediaSession::localDescription, caller,
                   &MediaSession::setRemoteDescription);
        disconnect(callee, &MediaSession::localCandidate, caller,
                   &MediaSession::addRemoteCandidate);
    }
    wire(callee, caller);
    m_callee.heard.clear();
    verifyHears(m_callee, kCallerTone, kCalleeTone);
}

void TestMediaSession::browserOfferIsAnsweredWithItsPayloadTypes()
{
    // Shaped like Firefox's offer: Opus 109, VP8 120, BUNDLE, rtcp-mux, trickle ICE.
    const QString offer = QStringLiteral(
        "v=0\r\n"
        "o=mozilla...THIS_IS_SDPARTA-99.0 4294967296 0 IN IP4 0.0.0.0\r\n"
        "s=-\r\n"
        "t=0 0\r\n"
        "a=fingerprint:sha-256 "
        "3C:2A:7B:8E:3F:19:0D:4A:AE:11:62:5B:89:0F:44:7A:C1:D8:52:9E:66:13:BA:3B:7C:0E:91:4F:"
        "A5:2D:6C:88\r\n"
        "a=group:BUNDLE 0 1\r\n"
        "a=ice-options:trickle\r\n"
        "a=msid-semantic:WMS *\r\n"
        "m=audio 9 UDP/TLS/RTP/SAVPF 109 9 0 8 101\r\n"
        "c=IN IP4 0.0.0.0\r\n"
        "a=sendrecv\r\n"
        "a=fmtp:109 maxplaybackrate=48000;stereo=1;useinbandfec=1\r\n"
        "a=fmtp:101 0-15\r\n"
        "a=ice-pwd:4f2d2d7c5bd1c6b8e9a0f3e2d1c0b9a8\r\n"
        "a=ice-ufrag:8a1f0c2e\r\n"
        "a=mid:0\r\n"
        "a=msid:{a1} {a2}\r\n"
        "a=rtcp-mux\r\n"
        "a=rtpmap:109 opus/48000/2\r\n"
        "a=rtpmap:9 G722/8000/1\r\n"
        "a=rtpmap:0 PCMU/8000\r\n"
        "a=rtpmap:8 PCMA/8000\r\n"
        "a=rtpmap:101 telephone-event/8000\r\n"
        "a=setup:actpass\r\n"
        "a=ssrc:1111111111 cname:{c1}\r\n"
        "m=video 9 UDP/TLS/RTP/SAVPF 120 124 121 125\r\n"
        "c=IN IP4 0.0.0.0\r\n"
        "a=sendrecv\r\n"
        "a=fmtp:120 max-fs=12288;max-fr=60\r\n"
        "a=fmtp:124 apt=120\r\n"
        "a=fmtp:121 max-fs=12288;max-fr=60\r\n"
        "a=fmtp:125 apt=121\r\n"
        "a=ice-pwd:4f2d2d7c5bd1c6b8e9a0f3e2d1c0b9a8\r\n"
        "a=ice-ufrag:8a1f0c2e\r\n"
        "a=mid:1\r\n"
        "a=msid:{a1} {a3}\r\n"
        "a=rtcp-fb:120 nack\r\n"
        "a=rtcp-fb:120 nack pli\r\n"
        "a=rtcp-fb:120 ccm fir\r\n"
        "a=rtcp-fb:121 nack\r\n"
        "a=rtcp-fb:121 nack pli\r\n"
        "a=rtcp-mux\r\n"
        "a=rtpmap:120 VP8/90000\r\n"
        "a=rtpmap:124 rtx/90000\r\n"
        "a=rtpmap:121 VP9/90000\r\n"
        "a=rtpmap:125 rtx/90000\r\n"
        "a=setup:actpass\r\n"
        "a=ssrc:2222222222 cname:{c1}\r\n");

    m_callee.session = std::make_unique<MediaSession>(MediaRole::Callee);
    watch(m_callee);
    QSignalSpy answers(m_callee.session.get(), &MediaSession::localDescription);
    m_callee.session->setRemoteDescription(QStringLiteral("offer"), offer);  // before start
    m_callee.session->start(configFor(kCalleeTone, true));
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, kTimeout);
    QCOMPARE(answers[0][0].toString(), QStringLiteral("answer"));
    const QString answer = answers[0][1].toString();
    QVERIFY2(answer.contains(QStringLiteral("m=audio 9 UDP/TLS/RTP/SAVPF 109")),
             qPrintable(answer));
    QVERIFY2(answer.contains(QStringLiteral("a=rtpmap:109 OPUS/48000/2")), qPrintable(answer));
    QVERIFY2(answer.contains(QStringLiteral("a=rtpmap:120 VP8/90000")), qPrintable(answer));
    QVERIFY2(answer.contains(QStringLiteral("a=group:BUNDLE 0 1")), qPrintable(answer));
    QVERIFY(answer.contains(QStringLiteral("a=rtcp-mux")));
    QVERIFY(answer.contains(QStringLiteral("a=setup:active")));
    QVERIFY(answer.contains(QStringLiteral("a=fingerprint:sha-256")));
    QVERIFY(!answer.contains(QStringLiteral("VP9")));
    QVERIFY(m_callee.failures.isEmpty());
}

void TestMediaSession::candidatesBeforeTheOfferAreQueued()
{
    // The network may deliver the caller's first candidates before its offer.
    m_caller.session = std::make_unique<MediaSession>(MediaRole::Caller);
    m_callee.session = std::make_unique<MediaSession>(MediaRole::Callee);
    watch(m_caller);
    watch(m_callee);
    QList<std::pair<int, QString>> held;
    QString offer;
    bool offerDelivered = false;
    connect(m_caller.session.get(), &MediaSession::localCandidate, this,
            [&](int mline, const QString &mid, const QString &candidate) {
                if (offerDelivered)
                    m_callee.session->addRemoteCandidate(mline, mid, candidate);
                else
                    held.append({mline, candidate});
            });
    connect(m_caller.session.get(), &MediaSession::localDescription, this,
            [&](const QString &, const QString &sdp) { offer = sdp; });
    wire(m_callee.session.get(), m_caller.session.get());
    m_callee.session->start(configFor(kCalleeTone, false));
    m_caller.session->start(configFor(kCallerTone, false));
    QTRY_VERIFY_WITH_TIMEOUT(!offer.isEmpty() && !held.isEmpty(), kTimeout);
    for (const auto &[mline, candidate] : held)
        m_callee.session->addRemoteCandidate(mline, QStringLiteral("0"), candidate);
    m_callee.session->setRemoteDescription(QStringLiteral("offer"), offer);
    offerDelivered = true;
    QTRY_VERIFY_WITH_TIMEOUT(m_caller.session->state() == MediaState::Connected &&
                                 m_callee.session->state() == MediaState::Connected,
                             kTimeout);
    verifyHears(m_callee, kCallerTone, kCalleeTone);
}

void TestMediaSession::destroyingARunningSessionReleasesEverything()
{
    connectCall(configFor(kCallerTone, true), configFor(kCalleeTone, true));
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_callee.session->receivedVideoFrames() > 5, kTimeout);
    // no stop(): the destructor tears down while media flows and callbacks are in flight
    m_caller.session.reset();
    m_callee.session.reset();
    QTRY_COMPARE_WITH_TIMEOUT(MediaSession::liveGstObjects(), 0, kTimeout);
}

int main(int argc, char **argv)
{
    g_networkProblem = enterPrivateNetwork();  // before any thread exists
    keepIdlePoolThreads();
    QCoreApplication app(argc, argv);
    TestMediaSession test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_media_session.moc"
