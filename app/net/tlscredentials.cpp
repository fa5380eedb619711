#include "tlscredentials.h"

#include "selfsignedcertificate.h"
#include "selfsignedstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>

namespace {


QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// The file's bytes, or an error naming it: missing, unreadable or empty.
std::optional<QByteArray> readFile(const QString &path, const QString &what, QString *error)
{
    if (path.isEmpty()) {
        *error = QCoreApplication::translate("TlsCredentials", "No %1 file was given").arg(what);
        return std::nullopt;
    }
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QCoreApplication::translate("TlsCredentials", "The %1 file %2 does not exist").arg(what, native(path));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("TlsCredentials", "Cannot read the %1 file %2: %3").arg(what, native(path), file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.trimmed().isEmpty()) {
        *error = QCoreApplication::translate("TlsCredentials", "The %1 file %2 is empty").arg(what, native(path));
        return std::nullopt;
    }
    return bytes;
}

QList<QSslCertificate> certificatesIn(const QByteArray &bytes)
{
    QList<QSslCertificate> certificates = QSslCertificate::fromData(bytes, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(bytes, QSsl::Der);
    return certificates;
}

bool isEncryptedKey(const QByteArray &bytes)
{
    return bytes.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || bytes.contains("Proc-Type: 4,ENCRYPTED");
}

QSslKey keyIn(const QByteArray &bytes, const QByteArray &passphrase)
{
    const QSsl::EncodingFormat format = bytes.contains("-----BEGIN") ? QSsl::Pem : QSsl::Der;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        const QSslKey key(bytes, algorithm, format, QSsl::PrivateKey, passphrase);
        if (!key.isNull())
            return key;
    }
    return {};
}

QString dateText(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODate);
}

} // namespace

TlsCredentials::Result TlsCredentials::load(const TlsSettings &settings, const QByteArray &passphrase,
                                            const QString &selfSignedDirectory)
{
    Result result;
    QString certificatePath = settings.certificatePath;
    QString keyPath = settings.keyPath;
    if (settings.source == TlsCertificateSource::SelfSigned) {
        const SelfSignedStore::Result stored = SelfSignedStore(selfSignedDirectory).ensure();
        if (!stored.ok()) {
            result.error = stored.error;
            return result;
        }
        certificatePath = stored.certificatePath;
        keyPath = stored.keyPath;
        result.generated = stored.generated;
    }

    const std::optional<QByteArray> certificateBytes = readFile(certificatePath, QCoreApplication::translate("TlsCredentials", "certificate"), &result.error);
    if (!certificateBytes)
        return result;
    const QList<QSslCertificate> chain = certificatesIn(*certificateBytes);
    if (chain.isEmpty() || chain.first().isNull()) {
        result.error = QCoreApplication::translate("TlsCredentials", "The certificate file %1 holds no certificate (PEM or DER) that can be read")
                           .arg(native(certificatePath));
        return result;
    }

    const std::optional<QByteArray> keyBytes = readFile(keyPath, QCoreApplication::translate("TlsCredentials", "key"), &result.error);
    if (!keyBytes)
        return result;
    const bool encrypted = isEncryptedKey(*keyBytes);
    if (encrypted && passphrase.isEmpty()) {
        result.needsPassphrase = true;
        result.error = QCoreApplication::translate("TlsCredentials", "The key file %1 is encrypted: a passphrase is needed").arg(native(keyPath));
        return result;
    }
    const QSslKey key = keyIn(*keyBytes, passphrase);
    if (key.isNull()) {
        if (encrypted) {
            result.wrongPassphrase = true;
            result.needsPassphrase = true;
            result.error = QCoreApplication::translate("TlsCredentials", "The passphrase does not open the key file %1").arg(native(keyPath));
        } else {
            result.error =
                QCoreApplication::translate("TlsCredentials", "The key file %1 holds no private key (PEM or DER) that can be read").arg(native(keyPath));
        }
        return result;
    }
    if (!SelfSignedCertificate::keyMatchesCertificate(chain.first().toPem(), key.toPem())) {
        result.error = QCoreApplication::translate("TlsCredentials", "The key in %1 does not belong to the certificate in %2 (their public keys differ)")
                           .arg(native(keyPath), native(certificatePath));
        return result;
    }

    // Allowed, for testing how clients take it; said out loud.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QSslCertificate &leaf = chain.first();
    if (leaf.expiryDate().isValid() && leaf.expiryDate() < now)
        result.warnings.append(QCoreApplication::translate("TlsCredentials", "The certificate in %1 expired on %2; clients that check it will refuse it")
                                   .arg(native(certificatePath), dateText(leaf.expiryDate())));
    if (leaf.effectiveDate().isValid() && leaf.effectiveDate() > now)
        result.warnings.append(QCoreApplication::translate("TlsCredentials", "The certificate in %1 is not valid before %2; clients that check it will refuse it")
                                   .arg(native(certificatePath), dateText(leaf.effectiveDate())));

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(settings.minimumProtocol == TlsMinimumProtocol::Tls13 ? QSsl::TlsV1_3OrLater
                                                                                    : QSsl::TlsV1_2OrLater);
    switch (settings.clientCertificate) {
    case TlsClientCertificate::None:
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        break;
    case TlsClientCertificate::Request:
        configuration.setPeerVerifyMode(QSslSocket::QueryPeer);
        break;
    case TlsClientCertificate::Require:
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        break;
    }
    if (settings.clientCertificate == TlsClientCertificate::Require && settings.caPath.isEmpty()) {
        result.error = QCoreApplication::translate("TlsCredentials", "Requiring a client certificate needs a CA file to check it against");
        return result;
    }
    if (!settings.caPath.isEmpty()) {
        const std::optional<QByteArray> caBytes = readFile(settings.caPath, QCoreApplication::translate("TlsCredentials", "CA"), &result.error);
        if (!caBytes)
            return result;
        const QList<QSslCertificate> authorities = certificatesIn(*caBytes);
        if (authorities.isEmpty()) {
            result.error = QCoreApplication::translate("TlsCredentials", "The CA file %1 holds no certificate (PEM or DER) that can be read")
                               .arg(native(settings.caPath));
            return result;
        }
        configuration.setCaCertificates(authorities);
    }
    QList<QByteArray> protocols;
    for (const QString &protocol : settings.alpn)
        protocols.append(protocol.toUtf8());
    configuration.setAllowedNextProtocols(protocols);

    TlsServerSetup setup;
    setup.configuration = configuration;
    setup.handshakeTimeoutSeconds = settings.handshakeTimeoutSeconds;
    setup.fingerprint = fingerprint(leaf);
    result.setup = setup;
    return result;
}

QString TlsCredentials::fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}
