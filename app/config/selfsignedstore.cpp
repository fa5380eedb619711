#include "selfsignedstore.h"

#include "selfsignedcertificate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace {


// Opens a new file with the given permissions from the moment it exists; umask only narrows
// them. An old file is removed first, since open() keeps an existing file's mode.
bool writeNew(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions, QString *error)
{
    QFile::remove(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions) || file.write(bytes) != bytes.size()
        || !file.flush()) {
        *error = QCoreApplication::translate("SelfSignedStore", "Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        file.remove();
        return false;
    }
    return true;
}

} // namespace

SelfSignedStore::SelfSignedStore(const QString &directory)
    : m_directory(directory.isEmpty() ? defaultDirectory() : directory)
{
}

QString SelfSignedStore::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("tls"));
}

QString SelfSignedStore::certificatePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("self-signed-certificate.pem"));
}

QString SelfSignedStore::keyPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("self-signed-key.pem"));
}

SelfSignedStore::Result SelfSignedStore::ensure() const
{
    const QFileInfo certificate(certificatePath());
    const QFileInfo key(keyPath());
    if (!certificate.exists() && !key.exists())
        return write();
    Result result;
    result.certificatePath = certificate.filePath();
    result.keyPath = key.filePath();
    if (!certificate.exists() || !key.exists()) {
        // Half a pair is something the user should look at, not something to paper over.
        result.error = QCoreApplication::translate("SelfSignedStore", "%1 is missing; generate a new self-signed certificate to replace both files")
                           .arg(QDir::toNativeSeparators(certificate.exists() ? key.filePath()
                                                                              : certificate.filePath()));
        return result;
    }
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (key.permissions() & others) {
        result.error = QCoreApplication::translate("SelfSignedStore", "The key file %1 can be read by other users; make it private (chmod 600) or generate a "
                          "new self-signed certificate")
                           .arg(QDir::toNativeSeparators(key.filePath()));
    }
    return result;
}

SelfSignedStore::Result SelfSignedStore::regenerate() const
{
    return write();
}

SelfSignedStore::Result SelfSignedStore::write() const
{
    Result result;
    result.certificatePath = certificatePath();
    result.keyPath = keyPath();
    // A folder made here is its owner's only; one that exists is the user's to set.
    const bool existed = QFileInfo::exists(m_directory);
    if (!QDir().mkpath(m_directory)) {
        result.error = QCoreApplication::translate("SelfSignedStore", "Cannot create the folder %1").arg(QDir::toNativeSeparators(m_directory));
        return result;
    }
    if (!existed)
        QFile::setPermissions(m_directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const SelfSignedCertificate::Result made = SelfSignedCertificate::generate();
    if (!made.ok()) {
        result.error = made.error;
        return result;
    }
    if (!writeNew(result.keyPath, made.keyPem, QFileDevice::ReadOwner | QFileDevice::WriteOwner, &result.error)
        || !writeNew(result.certificatePath, made.certificatePem,
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther,
                     &result.error))
        return result;
    result.generated = true;
    return result;
}
