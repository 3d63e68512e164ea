#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace softphone::test {

// A certificate for 127.0.0.1 and its key, made with the openssl command line for a TLS test.
class SelfSignedCertificate
{
public:
    static bool canMake();  // openssl is installed
    bool make();

    QString certificatePath() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    QString keyPath() const { return m_dir.filePath(QStringLiteral("key.pem")); }
    QByteArray certificatePem() const;
    QByteArray keyPem() const;

private:
    QTemporaryDir m_dir;
};

}  // namespace softphone::test
