#include "tlscolumns.h"

#include "connectioninfo.h"
#include "connectiontablemodel.h"

#include <QCoreApplication>

namespace {

using Model = ConnectionTableModel;

// The field a TLS column shows; the version column is handled apart (it tells the phase too).
QString field(const ConnectionInfo &info, int column)
{
    switch (column) {
    case Model::TlsVersionColumn: return info.tlsProtocol;
    case Model::TlsCipherColumn: return info.tlsCipher;
    case Model::TlsServerNameColumn: return info.tlsServerName;
    case Model::TlsAlpnColumn: return info.tlsAlpn;
    case Model::TlsClientCertificateColumn: return info.tlsClientCertificate;
    default: return {};
    }
}

QString versionText(const ConnectionInfo &info)
{
    switch (info.tlsPhase) {
    case TlsPhase::Handshaking:
        // A handshake cut short ends the row as TLS failed; the version never came.
        return info.isFinished() ? QString() : QCoreApplication::translate("ConnectionTableModel", "handshaking…", "TLS version cell during the handshake");
    case TlsPhase::Established:
        return info.tlsProtocol;
    case TlsPhase::None:
        break;
    }
    return {};
}

} // namespace

namespace TlsColumns {

QVariant data(const ConnectionInfo &info, int column, int role)
{
    if (!info.tls || column < Model::TlsVersionColumn || column > Model::TlsClientCertificateColumn)
        return {};
    const QString text = column == Model::TlsVersionColumn ? versionText(info) : field(info, column);
    switch (role) {
    case Qt::DisplayRole:
    case Model::RawValueRole:
        return text;
    case Qt::ToolTipRole:
        if (column == Model::TlsVersionColumn && info.state == ConnectionState::TlsFailed)
            return QCoreApplication::translate("ConnectionTableModel", "TLS failed: %1").arg(info.errorString);
        if (column == Model::TlsAlpnColumn && text.isEmpty() && info.tlsPhase == TlsPhase::Established)
            return QCoreApplication::translate("ConnectionTableModel", "No application protocol negotiated");
        if (column == Model::TlsServerNameColumn && text.isEmpty() && info.tlsPhase == TlsPhase::Established)
            return QCoreApplication::translate("ConnectionTableModel", "The client sent no server name");
        return text.isEmpty() ? QVariant() : QVariant(text);
    default:
        return {};
    }
}

QString title(int column)
{
    switch (column) {
    case Model::TlsVersionColumn: return QCoreApplication::translate("ConnectionTableModel", "TLS version");
    case Model::TlsCipherColumn: return QCoreApplication::translate("ConnectionTableModel", "Cipher");
    case Model::TlsServerNameColumn: return QCoreApplication::translate("ConnectionTableModel", "SNI");
    case Model::TlsAlpnColumn: return QCoreApplication::translate("ConnectionTableModel", "ALPN");
    case Model::TlsClientCertificateColumn: return QCoreApplication::translate("ConnectionTableModel", "Client certificate");
    default: return {};
    }
}

QString headerToolTip(int column)
{
    switch (column) {
    case Model::TlsVersionColumn: return QCoreApplication::translate("ConnectionTableModel", "The TLS protocol version the handshake agreed on");
    case Model::TlsCipherColumn: return QCoreApplication::translate("ConnectionTableModel", "The cipher suite the handshake agreed on");
    case Model::TlsServerNameColumn: return QCoreApplication::translate("ConnectionTableModel", "The server name the client asked for (SNI)");
    case Model::TlsAlpnColumn: return QCoreApplication::translate("ConnectionTableModel", "The application protocol negotiated (ALPN)");
    case Model::TlsClientCertificateColumn: return QCoreApplication::translate("ConnectionTableModel", "The subject of the certificate the client presented");
    default: return {};
    }
}

QString widestText(int column)
{
    switch (column) {
    case Model::TlsVersionColumn: return QCoreApplication::translate("ConnectionTableModel", "handshaking…", "TLS version cell during the handshake");
    case Model::TlsCipherColumn: return QStringLiteral("TLS_AES_256_GCM_SHA384");
    case Model::TlsServerNameColumn: return QStringLiteral("www.example.com");
    case Model::TlsAlpnColumn: return QStringLiteral("http/1.1");
    case Model::TlsClientCertificateColumn: return QStringLiteral("CN=client.example.com");
    default: return {};
    }
}

} // namespace TlsColumns
