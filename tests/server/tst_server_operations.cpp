// Operations: health, metrics, TURN credentials, Origin allowlist.

#include "call_helpers.h"
#include "self_signed_certificate.h"
#include "server_process.h"

#include <QFile>
#include <QMessageAuthenticationCode>
#include <QNetworkRequest>
#include <QProcess>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace softphone::test;

class TestServerOperations : public QObject
{
    Q_OBJECT

private slots:
    void healthAndMetrics();
    void turnCredentials();
    void originAllowlist();
    void secureWebSockets();
};

void TestServerOperations::healthAndMetrics()
{
    ServerProcess server;
    QVERIFY(server.start());
    QByteArray body;
    QCOMPARE(httpGet(server.httpPort(), QStringLiteral("/healthz"), &body), 200);
    QCOMPARE(body, QByteArray("ok\n"));
    QCOMPARE(httpGet(server.httpPort(), QStringLiteral("/nothing")), 404);

    TestClient a(server.url()), b(server.url());
    QVERIFY(a.signIn("quo") && b.signIn("ria"));
    const auto call = placeCall(a, "ria");
    QVERIFY(call);
    QCOMPARE(httpGet(server.httpPort(), QStringLiteral("/metrics"), &body), 200);
    QVERIFY2(body.contains("softphone_connections 2\n"), body.constData());
    QVERIFY(body.contains("softphone_call_invites_total 1\n"));
    QVERIFY(body.contains("softphone_live_calls 1\n"));
    QVERIFY(body.contains("# TYPE softphone_requests_total counter"));
    QVERIFY(server.stop());
}

void TestServerOperations::turnCredentials()
{
    ServerProcess server(json{{"turn",
                               {{"urls", {"turn:turn.example.test:3478?transport=udp"}},
                                {"secret", "turn-shared-secret"},
                                {"ttlSeconds", 3600}}}});
    QVERIFY(server.start());
    TestClient client(server.url());
    QVERIFY(client.signIn("sia"));
    TestClient anonymous(server.url());
    QVERIFY(anonymous.open());
    QCOMPARE(anonymous.call("turn.credentials", json::object()).code(),
             int(ErrorCode::NotAuthenticated));
    const auto reply = client.request(TurnGet{});
    QVERIFY(reply.ok());
    const auto credentials = fromJson<TurnCredentials>(*reply.result);
    QVERIFY(credentials.ok());
    QCOMPARE(credentials->urls.size(), 1u);
    QCOMPARE(credentials->ttl, std::int64_t{3600});
    const auto colon = credentials->username.find(':');
    QVERIFY(colon != std::string::npos);
    QCOMPARE(credentials->username.substr(colon + 1), std::string("sia"));
    const std::int64_t expiry = std::stoll(credentials->username.substr(0, colon));
    const std::int64_t now = QDateTime::currentSecsSinceEpoch();
    QVERIFY(expiry > now + 3500 && expiry <= now + 3601);
    const QByteArray expected =
        QMessageAuthenticationCode::hash(QByteArray::fromStdString(credentials->username),
                                         "turn-shared-secret", QCryptographicHash::Sha1)
            .toBase64();
    QCOMPARE(QByteArray::fromStdString(credentials->credential), expected);
    QVERIFY(server.stop());
}

void TestServerOperations::originAllowlist()
{
    ServerProcess server(json{{"allowedOrigins", {"https://app.example.test"}}});
    QVERIFY(server.start());
    QWebSocket good(QStringLiteral("https://app.example.test"));
    QWebSocket bad(QStringLiteral("https://evil.example.test"));
    good.open(server.url());
    bad.open(server.url());
    QVERIFY(QTest::qWaitFor([&] { return good.state() == QAbstractSocket::ConnectedState; }, 5000));
    QVERIFY(
        QTest::qWaitFor([&] { return bad.state() == QAbstractSocket::UnconnectedState; }, 5000));
    QVERIFY(bad.state() != QAbstractSocket::ConnectedState);
    TestClient native(server.url());  // no Origin header at all
    QVERIFY(native.open());
    QVERIFY(server.stop());
}

void TestServerOperations::secureWebSockets()
{
    if (!SelfSignedCertificate::canMake())
        QSKIP("openssl is not installed; no certificate can be made for the wss:// test");
    SelfSignedCertificate certificate;
    QVERIFY(certificate.make());
    const QString cert = certificate.certificatePath();
    const QString key = certificate.keyPath();

    ServerProcess server(
        json{{"tls", {{"certificate", cert.toStdString()}, {"privateKey", key.toStdString()}}}});
    QVERIFY(server.start());
    QCOMPARE(server.url().scheme(), QStringLiteral("wss"));

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromData(certificate.certificatePem(), QSsl::Pem));
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    QWebSocket socket;
    socket.setSslConfiguration(ssl);
    QList<QSslError> errors;
    connect(&socket, &QWebSocket::sslErrors, this, [&](const QList<QSslError> &e) { errors = e; });
    QString reply;
    connect(&socket, &QWebSocket::textMessageReceived, this, [&](const QString &t) { reply = t; });
    socket.open(server.url());
    QVERIFY(
        QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 10000));
    QVERIFY(errors.isEmpty());
    socket.sendTextMessage(QStringLiteral(R"({"id":1,"method":"ping"})"));
    QVERIFY(QTest::qWaitFor([&] { return !reply.isEmpty(); }, 5000));
    QVERIFY(reply.contains(QStringLiteral("serverTime")));

    QWebSocket plain;  // a plain ws:// client gets nowhere on the TLS port
    plain.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.port())));
    QVERIFY(
        !QTest::qWaitFor([&] { return plain.state() == QAbstractSocket::ConnectedState; }, 2000));
    QVERIFY(server.stop());
}

QTEST_GUILESS_MAIN(TestServerOperations)
#include "tst_server_operations.moc"
