#pragma once

#include "tlsserversetup.h"
#include "tlssettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

class QSslCertificate;

// Turns TLS settings into a server QSslConfiguration before anything listens, with one clear
// message for each thing that can be wrong with the files.
class TlsCredentials final
{
public:
    struct Result
    {
        std::optional<TlsServerSetup> setup; // set when the files are usable
        QString error;                       // why not; empty on success
        // The key is encrypted and no passphrase was given: ask for one and load again.
        bool needsPassphrase = false;
        bool wrongPassphrase = false; // a passphrase was given and does not open the key
        QStringList warnings;         // usable, but worth saying: an expired certificate
        bool generated = false;       // a self-signed certificate was made just now

        bool ok() const { return setup.has_value(); }
    };

    // passphrase: for an encrypted key, given at run time and kept nowhere. selfSignedDirectory:
    // where the self-signed pair is kept; empty for the application's data folder.
    static Result load(const TlsSettings &settings, const QByteArray &passphrase = {},
                       const QString &selfSignedDirectory = {});

    // "AA:BB:...": SHA-256 of the certificate's DER, uppercase hex in colon-separated pairs.
    static QString fingerprint(const QSslCertificate &certificate);
};
