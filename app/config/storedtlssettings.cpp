#include "storedtlssettings.h"

#include "settingsstore.h"

#include <QCoreApplication>

#include <utility>

namespace {

// The translation context of this file's texts, Settings' own; lupdate reads it from the macro.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(Settings)
};

// Longer is no path a user chose.
constexpr qsizetype MaxPathLength = 4096;

QString sourceName(TlsCertificateSource source)
{
    return source == TlsCertificateSource::Files ? QStringLiteral("files") : QStringLiteral("selfsigned");
}

} // namespace

namespace StoredTlsSettings {

QStringList Keys::all() const
{
    return {source, certificate, key, minimumProtocol, clientCertificate, ca, alpn, handshakeTimeout};
}

TlsSettings read(const SettingsStore &store, const Keys &keys, bool *unreadable)
{
    TlsSettings tls;
    const auto text = [&store](const QString &key, bool *ok) -> QString {
        const QVariant value = store.read(key);
        *ok = true;
        if (!value.isValid())
            return {};
        if (value.typeId() != QMetaType::QString || value.toString().size() > MaxPathLength) {
            *ok = false;
            return {};
        }
        return value.toString();
    };
    bool ok = true;
    // The strictest choice stands in for what could not be read: a certificate from files (none
    // yet), TLS 1.3 only, a client certificate required.
    const QString source = text(keys.source, &ok).trimmed().toLower();
    if (!ok || (!source.isEmpty() && source != QLatin1String("selfsigned") && source != QLatin1String("files"))) {
        store.warn(keys.source, Text::tr("%1 is neither selfsigned nor files; using files, and TLS for this listener")
                                    .arg(SettingsStore::quoted(store.read(keys.source))));
        *unreadable = true;
        tls.source = TlsCertificateSource::Files;
    } else if (source == QLatin1String("files")) {
        tls.source = TlsCertificateSource::Files;
    }
    store.noteInEffect(keys.source, sourceName(tls.source));

    const QList<std::pair<QString, QString *>> paths{
        {keys.certificate, &tls.certificatePath}, {keys.key, &tls.keyPath}, {keys.ca, &tls.caPath}};
    for (const auto &[key, path] : paths) {
        *path = text(key, &ok);
        if (!ok) {
            store.warn(key, Text::tr("not a file path; using none, and TLS for this listener"));
            *unreadable = true;
        }
        store.noteInEffect(key, *path);
    }

    const QVariant minimum = store.read(keys.minimumProtocol);
    if (minimum.isValid()) {
        const std::optional<TlsMinimumProtocol> parsed = minimum.typeId() == QMetaType::QString
            ? TlsSettings::parseMinimumProtocol(minimum.toString())
            : std::nullopt;
        if (!parsed) {
            store.warn(keys.minimumProtocol, Text::tr("%1 is neither 1.2 nor 1.3; using 1.3, and TLS for this listener")
                                                 .arg(SettingsStore::quoted(minimum)));
            *unreadable = true;
        }
        tls.minimumProtocol = parsed.value_or(TlsMinimumProtocol::Tls13);
    }
    store.noteInEffect(keys.minimumProtocol, TlsSettings::minimumProtocolText(tls.minimumProtocol));

    const QVariant client = store.read(keys.clientCertificate);
    if (client.isValid()) {
        const std::optional<TlsClientCertificate> parsed = client.typeId() == QMetaType::QString
            ? TlsSettings::parseClientCertificate(client.toString())
            : std::nullopt;
        if (!parsed) {
            store.warn(keys.clientCertificate,
                       Text::tr("%1 is not none, request or require; using require, and TLS for this listener")
                           .arg(SettingsStore::quoted(client)));
            *unreadable = true;
        }
        tls.clientCertificate = parsed.value_or(TlsClientCertificate::Require);
    }
    store.noteInEffect(keys.clientCertificate, TlsSettings::clientCertificateText(tls.clientCertificate));

    // QSettings reads an unquoted "h2, http/1.1" as a list of two strings.
    const QVariant alpn = store.read(keys.alpn);
    if (alpn.typeId() == QMetaType::QString || alpn.typeId() == QMetaType::QStringList) {
        tls.alpn = TlsSettings::parseAlpn(alpn.toStringList().join(QLatin1Char(',')));
    } else if (alpn.isValid()) {
        store.warn(keys.alpn, Text::tr("not a list of protocols; offering none, and TLS for this listener"));
        *unreadable = true;
    }
    store.noteInEffect(keys.alpn, TlsSettings::alpnText(tls.alpn));

    const qsizetype warningsBefore = store.warnings().size();
    tls.handshakeTimeoutSeconds = store.boundedInt(keys.handshakeTimeout, TlsSettings::DefaultHandshakeTimeoutSeconds,
                                                   1, TlsSettings::MaxHandshakeTimeoutSeconds);
    if (store.warnings().size() != warningsBefore)
        *unreadable = true;
    return tls;
}

void write(SettingsStore *store, const Keys &keys, const TlsSettings &tls)
{
    store->store(keys.source, sourceName(tls.source));
    store->store(keys.certificate, tls.certificatePath);
    store->store(keys.key, tls.keyPath);
    store->store(keys.minimumProtocol, TlsSettings::minimumProtocolText(tls.minimumProtocol));
    store->store(keys.clientCertificate, TlsSettings::clientCertificateText(tls.clientCertificate));
    store->store(keys.ca, tls.caPath);
    // Quoted by QSettings as one string; read back either way.
    store->store(keys.alpn, TlsSettings::alpnText(tls.alpn));
    store->store(keys.handshakeTimeout, tls.handshakeTimeoutSeconds);
}

} // namespace StoredTlsSettings
