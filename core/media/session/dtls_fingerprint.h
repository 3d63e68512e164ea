#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace softphone::media {

// A certificate fingerprint as SDP carries it (RFC 8122: "a=fingerprint:sha-256 AB:CD:...").
struct DtlsFingerprint
{
    QString algorithm;  // lower case: "sha-256", "sha-1", ...
    QByteArray digest;  // the raw bytes

    // As an a=fingerprint value: "sha-256 AB:CD:...".
    QByteArray sdpValue() const;

    bool operator==(const DtlsFingerprint &) const = default;
};

// The a=fingerprint lines of a description, session level first; those that do not parse, or
// name a hash we cannot compute, are left out.
QList<DtlsFingerprint> dtlsFingerprintsOf(const QString &sdp);

// The fingerprint of the first certificate in `pem` by `algorithm`; nullopt if there is no
// certificate or the hash is not one we compute.
std::optional<DtlsFingerprint>
fingerprintOfCertificate(const QByteArray &pem,
                         const QString &algorithm = QStringLiteral("sha-256"));

// True if the PEM certificate's digest, by one of `fingerprints`' algorithms, is that
// fingerprint's.
bool certificateMatches(const QByteArray &pem, const QList<DtlsFingerprint> &fingerprints);

}  // namespace softphone::media
