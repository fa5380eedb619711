#include "tlssettings.h"

bool TlsSettings::operator==(const TlsSettings &other) const
{
    return source == other.source && certificatePath == other.certificatePath && keyPath == other.keyPath
        && minimumProtocol == other.minimumProtocol && clientCertificate == other.clientCertificate
        && caPath == other.caPath && alpn == other.alpn && handshakeTimeoutSeconds == other.handshakeTimeoutSeconds;
}

QStringList TlsSettings::parseAlpn(const QString &list)
{
    QStringList protocols;
    const QStringList parts = list.split(QLatin1Char(','));
    for (const QString &part : parts) {
        const QString protocol = part.trimmed();
        if (!protocol.isEmpty())
            protocols.append(protocol);
    }
    return protocols;
}

QString TlsSettings::alpnText(const QStringList &alpn)
{
    return alpn.join(QStringLiteral(", "));
}

std::optional<TlsMinimumProtocol> TlsSettings::parseMinimumProtocol(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == QLatin1String("1.2"))
        return TlsMinimumProtocol::Tls12;
    if (trimmed == QLatin1String("1.3"))
        return TlsMinimumProtocol::Tls13;
    return std::nullopt;
}

QString TlsSettings::minimumProtocolText(TlsMinimumProtocol protocol)
{
    return protocol == TlsMinimumProtocol::Tls13 ? QStringLiteral("1.3") : QStringLiteral("1.2");
}

std::optional<TlsClientCertificate> TlsSettings::parseClientCertificate(const QString &text)
{
    const QString trimmed = text.trimmed().toLower();
    if (trimmed == QLatin1String("none"))
        return TlsClientCertificate::None;
    if (trimmed == QLatin1String("request"))
        return TlsClientCertificate::Request;
    if (trimmed == QLatin1String("require"))
        return TlsClientCertificate::Require;
    return std::nullopt;
}

QString TlsSettings::clientCertificateText(TlsClientCertificate mode)
{
    switch (mode) {
    case TlsClientCertificate::None:
        return QStringLiteral("none");
    case TlsClientCertificate::Request:
        return QStringLiteral("request");
    case TlsClientCertificate::Require:
        return QStringLiteral("require");
    }
    return {};
}
