#pragma once

#include <QMetaType>
#include <QSslConfiguration>
#include <QString>

// What a listener needs to speak TLS, loaded and checked before it listens (TlsCredentials).
struct TlsServerSetup
{
    QSslConfiguration configuration; // server mode: certificate chain, key, protocols, ALPN
    int handshakeTimeoutSeconds = 10;
    QString fingerprint; // SHA-256 of the leaf certificate, "AA:BB:..."
};

Q_DECLARE_METATYPE(TlsServerSetup)
