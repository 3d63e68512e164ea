#include "media/session/dtls_fingerprint.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace softphone::media {

namespace {

std::optional<QCryptographicHash::Algorithm> hashNamed(const QString &algorithm)
{
    if (algorithm == QLatin1String("sha-1"))
        return QCryptographicHash::Sha1;
    if (algorithm == QLatin1String("sha-256"))
        return QCryptographicHash::Sha256;
    if (algorithm == QLatin1String("sha-384"))
        return QCryptographicHash::Sha384;
    if (algorithm == QLatin1String("sha-512"))
        return QCryptographicHash::Sha512;
    return std::nullopt;
}

// The DER bytes inside "-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----".
QByteArray derOf(const QByteArray &pem)
{
    static const QByteArray begin("-----BEGIN CERTIFICATE-----");
    static const QByteArray end("-----END CERTIFICATE-----");
    const qsizetype from = pem.indexOf(begin);
    const qsizetype to = pem.indexOf(end, from);
    if (from < 0 || to < 0)
        return {};
    const QByteArray base64 = pem.mid(from + begin.size(), to - from - begin.size());
    return QByteArray::fromBase64(base64.simplified().replace(' ', QByteArray()));
}

}  // namespace

QList<DtlsFingerprint> dtlsFingerprintsOf(const QString &sdp)
{
    static const QRegularExpression line(
        QStringLiteral("^a=fingerprint:(\\S+) ((?:[0-9A-Fa-f]{2}:)*[0-9A-Fa-f]{2})\\s*$"),
        QRegularExpression::MultilineOption);
    QList<DtlsFingerprint> found;
    for (const QRegularExpressionMatch &match : line.globalMatch(sdp)) {
        const QString algorithm = match.captured(1).toLower();
        const QByteArray digest =
            QByteArray::fromHex(match.captured(2).remove(QLatin1Char(':')).toLatin1());
        const auto hash = hashNamed(algorithm);
        if (hash && digest.size() == QCryptographicHash::hashLength(*hash) &&
            !found.contains(DtlsFingerprint{algorithm, digest}))
            found.append({algorithm, digest});
    }
    return found;
}

QByteArray DtlsFingerprint::sdpValue() const
{
    return algorithm.toLatin1() + ' ' + digest.toHex(':').toUpper();
}

std::optional<DtlsFingerprint> fingerprintOfCertificate(const QByteArray &pem,
                                                        const QString &algorithm)
{
    const auto hash = hashNamed(algorithm);
    const QByteArray der = derOf(pem);
    if (!hash || der.isEmpty())
        return std::nullopt;
    return DtlsFingerprint{algorithm, QCryptographicHash::hash(der, *hash)};
}

bool certificateMatches(const QByteArray &pem, const QList<DtlsFingerprint> &fingerprints)
{
    for (const DtlsFingerprint &fingerprint : fingerprints) {
        if (fingerprintOfCertificate(pem, fingerprint.algorithm) == fingerprint)
            return true;
    }
    return false;
}

}  // namespace softphone::media
