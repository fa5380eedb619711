#pragma once

#include <QByteArray>
#include <QString>

// Makes the certificate a TLS listener uses when the user has none: an ECDSA P-256 key and an
// X.509 v3 certificate for localhost (SAN DNS:localhost, IP:127.0.0.1, IP:::1), valid for a year
// from now, SHA-256 signed. The one place that calls OpenSSL directly; Qt has no API to make keys.
class SelfSignedCertificate final
{
public:
    static constexpr int ValidDays = 365;

    struct Result
    {
        QByteArray certificatePem;
        QByteArray keyPem; // PKCS#8, unencrypted
        QString error;     // empty on success

        bool ok() const { return error.isEmpty(); }
    };

    static Result generate();

    // Whether the (unencrypted PEM) private key belongs to the certificate: their public keys are
    // equal. Here because Qt cannot derive a public key from a private one.
    static bool keyMatchesCertificate(const QByteArray &certificatePem, const QByteArray &keyPem);
};
