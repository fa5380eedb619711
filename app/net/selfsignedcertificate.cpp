#include "selfsignedcertificate.h"

#include <QCoreApplication>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};

using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

QString openSslError(const char *what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    char text[256] = {};
    if (code != 0)
        ERR_error_string_n(code, text, sizeof text);
    return QCoreApplication::translate("SelfSignedCertificate", "Could not make the self-signed certificate: %1 (%2)")
        .arg(QString::fromLatin1(what), code != 0 ? QString::fromLatin1(text) : QStringLiteral("?"));
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, qsizetype(size)) : QByteArray();
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const ExtPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

} // namespace

SelfSignedCertificate::Result SelfSignedCertificate::generate()
{
    Result result;
    const KeyPtr key(EVP_EC_gen("P-256"));
    if (!key) {
        result.error = openSslError("EVP_EC_gen");
        return result;
    }
    const X509Ptr certificate(X509_new());
    const BnPtr serial(BN_new());
    // 159 random bits: positive, at most 20 bytes as RFC 5280 asks.
    if (!certificate || !serial || BN_rand(serial.get(), 159, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get()))) {
        result.error = openSslError("serial number");
        return result;
    }
    X509_NAME *name = X509_get_subject_name(certificate.get());
    const auto cn = reinterpret_cast<const unsigned char *>("localhost");
    if (X509_set_version(certificate.get(), X509_VERSION_3) != 1
        || !X509_gmtime_adj(X509_getm_notBefore(certificate.get()), 0)
        || !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), long(ValidDays) * 24 * 60 * 60)
        || X509_set_pubkey(certificate.get(), key.get()) != 1
        || X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, cn, -1, -1, 0) != 1
        || X509_set_issuer_name(certificate.get(), name) != 1) {
        result.error = openSslError("certificate fields");
        return result;
    }
    if (!addExtension(certificate.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1")
        || !addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(certificate.get(), NID_subject_key_identifier, "hash")) {
        result.error = openSslError("extensions");
        return result;
    }
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) == 0) {
        result.error = openSslError("X509_sign");
        return result;
    }
    const BioPtr certificateBio(BIO_new(BIO_s_mem()));
    const BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certificateBio || !keyBio || PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        result.error = openSslError("PEM");
        return result;
    }
    result.certificatePem = bioBytes(certificateBio.get());
    result.keyPem = bioBytes(keyBio.get());
    return result;
}

bool SelfSignedCertificate::keyMatchesCertificate(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    const BioPtr certificateBio(BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())));
    const BioPtr keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    if (!certificateBio || !keyBio)
        return false;
    const X509Ptr certificate(PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr));
    // An empty passphrase callback: the key given here is never encrypted.
    const KeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, const_cast<char *>("")));
    const bool matches = certificate && key && X509_check_private_key(certificate.get(), key.get()) == 1;
    ERR_clear_error();
    return matches;
}
