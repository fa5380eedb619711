#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Where a TLS listener's certificate comes from.
enum class TlsCertificateSource : quint8 {
    Files,      // a PEM certificate chain and key the user chose
    SelfSigned, // generated once and kept in the application's data folder
};

enum class TlsMinimumProtocol : quint8 { Tls12, Tls13 };

// Whether the server asks the client for a certificate.
enum class TlsClientCertificate : quint8 {
    None,
    Request, // asked for, not checked: the handshake goes on without one
    Require, // must be sent and signed by the CA file's certificates
};

// How a listener does TLS, as the user set it. The key's passphrase is never part of it: it is
// asked for at run time and kept nowhere.
struct TlsSettings
{
    static constexpr int DefaultHandshakeTimeoutSeconds = 10;
    static constexpr int MaxHandshakeTimeoutSeconds = 3600;

    TlsCertificateSource source = TlsCertificateSource::SelfSigned;
    QString certificatePath; // the chain, leaf first (Files)
    QString keyPath;         // (Files)
    TlsMinimumProtocol minimumProtocol = TlsMinimumProtocol::Tls12;
    TlsClientCertificate clientCertificate = TlsClientCertificate::None;
    QString caPath; // the CAs a client certificate must chain to
    QStringList alpn; // offered protocols in order of preference: "h2", "http/1.1"
    int handshakeTimeoutSeconds = DefaultHandshakeTimeoutSeconds;

    bool operator==(const TlsSettings &other) const;
    bool operator!=(const TlsSettings &other) const { return !(*this == other); }

    // "h2, http/1.1" -> {"h2", "http/1.1"}; blanks dropped.
    static QStringList parseAlpn(const QString &list);
    static QString alpnText(const QStringList &alpn);
    // "1.2" / "1.3"; nothing for anything else.
    static std::optional<TlsMinimumProtocol> parseMinimumProtocol(const QString &text);
    static QString minimumProtocolText(TlsMinimumProtocol protocol);
    // "none" / "request" / "require"; nothing for anything else.
    static std::optional<TlsClientCertificate> parseClientCertificate(const QString &text);
    static QString clientCertificateText(TlsClientCertificate mode);
};

Q_DECLARE_METATYPE(TlsSettings)
