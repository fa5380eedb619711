#pragma once

#include <QString>

// Keeps the generated self-signed certificate and its key in the application's data folder
// (tls/ under QStandardPaths::AppDataLocation), so that clients that pinned it go on trusting
// it: one is made the first time and reused until the user asks for a new one.
class SelfSignedStore final
{
public:
    struct Result
    {
        QString certificatePath;
        QString keyPath;
        bool generated = false; // made now, not reused
        QString error;          // empty on success

        bool ok() const { return error.isEmpty(); }
    };

    // directory empty: AppDataLocation/tls.
    explicit SelfSignedStore(const QString &directory = {});

    static QString defaultDirectory();
    QString certificatePath() const;
    QString keyPath() const;

    // The kept pair, made first when there is none. A key file others can read is reported,
    // never used.
    Result ensure() const;
    // A new pair over the old one.
    Result regenerate() const;

private:
    Result write() const;

    QString m_directory;
};
