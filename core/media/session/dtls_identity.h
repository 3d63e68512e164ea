#pragma once

#include <QByteArray>

typedef struct _GstElement GstElement;

namespace softphone::media {

// A DTLS certificate of its own for each pipeline. Left alone, GStreamer's DTLS elements share
// one certificate for the life of the process: every call would show the same fingerprint (a
// handle to follow one user across calls), and a pipeline rebuilt for an ICE restart would
// show the same one as before, which a browser takes to mean "same DTLS session": it keeps its
// old keys while our new pipeline waits for a handshake that never comes.
class DtlsIdentity
{
public:
    // A new self-signed certificate (ECDSA P-256); null on failure.
    static DtlsIdentity generate();

    bool isNull() const { return m_pem.isEmpty(); }
    // The certificate and its private key, PEM.
    const QByteArray &pem() const { return m_pem; }
    // As an SDP a=fingerprint value: "sha-256 AB:CD:…".
    const QByteArray &fingerprint() const { return m_fingerprint; }

    // Every DTLS transport webrtcbin creates inside `pipeline` from now on uses this identity.
    void install(GstElement *pipeline) const;

private:
    QByteArray m_pem;
    QByteArray m_fingerprint;
};

}  // namespace softphone::media
