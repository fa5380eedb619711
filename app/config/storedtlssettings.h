#pragma once

#include "tlssettings.h"

#include <QString>
#include <QStringList>

class SettingsStore;

// A listener's TLS settings in the settings file. What cannot be read is replaced by the
// strictest choice, so a listener is never served with less security than the user set.
namespace StoredTlsSettings {

// Where one listener's TLS settings are kept.
struct Keys
{
    QString source, certificate, key, minimumProtocol, clientCertificate, ca, alpn, handshakeTimeout;

    QStringList all() const;
};

// Sets *unreadable when a value could not be read and a strict one stands in for it.
TlsSettings read(const SettingsStore &store, const Keys &keys, bool *unreadable);
void write(SettingsStore *store, const Keys &keys, const TlsSettings &tls);

} // namespace StoredTlsSettings
