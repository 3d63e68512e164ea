#include "self_signed_certificate.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace softphone::test {

namespace {

QString openssl()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

bool SelfSignedCertificate::canMake()
{
    return !openssl().isEmpty();
}

bool SelfSignedCertificate::make()
{
    QProcess process;
    process.start(openssl(),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), keyPath(), QStringLiteral("-out"),
                   certificatePath()});
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

QByteArray SelfSignedCertificate::certificatePem() const
{
    return contentsOf(certificatePath());
}

QByteArray SelfSignedCertificate::keyPem() const
{
    return contentsOf(keyPath());
}

}  // namespace softphone::test
