#include "media/session/dtls_identity.h"

#include "media/session/dtls_fingerprint.h"

#include <gst/gst.h>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

namespace softphone::media {

namespace {

// A certificate serves one call; thirty days is merely longer than any call.
constexpr long kValiditySeconds = 30L * 24 * 3600;
const char *const kPemInstalled = "softphone-dtls-identity";

template<class T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

// WebRTC peers identify each other by fingerprint alone, so the name only has to be there.
bool nameAndSerial(X509 *certificate)
{
    unsigned char serial[8];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return false;
    serial[0] &= 0x7f;  // positive
    BIGNUM *number = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialSet = number && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate));
    BN_free(number);
    X509_NAME *name = X509_get_subject_name(certificate);
    return serialSet &&
           X509_NAME_add_entry_by_NID(name, NID_commonName, MBSTRING_ASC,
                                      reinterpret_cast<const unsigned char *>("softphone"), -1, -1,
                                      0) == 1 &&
           X509_set_issuer_name(certificate, name) == 1;
}

QByteArray pemOf(X509 *certificate, EVP_PKEY *key)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1 ||
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(size));
}

void setPemOn(GstElement *element, const gchar *pem)
{
    GstElementFactory *factory = gst_element_get_factory(element);
    if (!factory || g_strcmp0(GST_OBJECT_NAME(factory), "dtlssrtpdec") != 0 ||
        g_object_get_data(G_OBJECT(element), kPemInstalled))
        return;
    // dtlssrtpenc takes its connection from the decoder when it starts, after this.
    g_object_set(element, "pem", pem, nullptr);
    g_object_set_data(G_OBJECT(element), kPemInstalled, GINT_TO_POINTER(1));
}

// webrtcbin adds a transport's bins, the DTLS decoder already inside, on its own thread.
void elementAdded(GstBin *, GstBin *, GstElement *element, gpointer pem)
{
    setPemOn(element, static_cast<const gchar *>(pem));
    if (!GST_IS_BIN(element))
        return;
    GstIterator *children = gst_bin_iterate_recurse(GST_BIN(element));
    GValue item = G_VALUE_INIT;
    while (gst_iterator_next(children, &item) == GST_ITERATOR_OK) {
        setPemOn(GST_ELEMENT(g_value_get_object(&item)), static_cast<const gchar *>(pem));
        g_value_reset(&item);
    }
    g_value_unset(&item);
    gst_iterator_free(children);
}

void freePem(gpointer pem, GClosure *)
{
    g_free(pem);
}

}  // namespace

DtlsIdentity DtlsIdentity::generate()
{
    Key key(EVP_EC_gen("P-256"));
    Certificate certificate(X509_new());
    if (!key || !certificate || X509_set_version(certificate.get(), 2) != 1 ||
        !nameAndSerial(certificate.get()) ||
        !X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600) ||
        !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), kValiditySeconds) ||
        X509_set_pubkey(certificate.get(), key.get()) != 1 ||
        X509_sign(certificate.get(), key.get(), EVP_sha256()) == 0)
        return {};
    const QByteArray pem = pemOf(certificate.get(), key.get());
    const auto fingerprint = fingerprintOfCertificate(pem);
    if (!fingerprint)
        return {};
    DtlsIdentity identity;
    identity.m_pem = pem;
    identity.m_fingerprint = fingerprint->sdpValue();
    return identity;
}

void DtlsIdentity::install(GstElement *pipeline) const
{
    g_signal_connect_data(pipeline, "deep-element-added", G_CALLBACK(elementAdded),
                          g_strndup(m_pem.constData(), gsize(m_pem.size())), freePem,
                          GConnectFlags(0));
}

}  // namespace softphone::media
