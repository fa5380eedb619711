#include "tlscodevalues.h"

#include "codeliterals.h"
#include "tlscodetemplates.h"

#include <QStringList>

using CodeTemplates::fill;
using CodeTemplates::Values;

namespace {

// Whether the program asks for a client certificate, and how: empty when it does not.
QString verifyMode(const TlsSettings &tls, const char *optional, const char *required)
{
    if (tls.caPath.isEmpty() || tls.clientCertificate == TlsClientCertificate::None)
        return {};
    return QLatin1String(tls.clientCertificate == TlsClientCertificate::Require ? required : optional);
}

} // namespace

namespace TlsCodeValues {

void insertPython(const std::optional<TlsSettings> &tls, Values &values)
{
    using namespace TlsCodeTemplates;
    values.insert(QStringLiteral("IMPORT_SSL"), tls ? QStringLiteral("import ssl\n") : QString());
    values.insert(QStringLiteral("RECV"), tls ? QStringLiteral("read(conn)") : QStringLiteral("conn.recv(4096)"));
    values.insert(QStringLiteral("RESET_ERRORS"),
                  tls ? QStringLiteral("(ConnectionResetError, ssl.SSLError)") : QStringLiteral("ConnectionResetError"));
    values.insert(QStringLiteral("CONNECTION_ERRORS"),
                  tls ? QStringLiteral("(ConnectionError, ssl.SSLError)") : QStringLiteral("ConnectionError"));
    for (const char *name : {"TLS_CONSTANTS", "TLS_CONTEXT", "TLS_LOOP_HANDSHAKE", "TLS_HANDSHAKE", "TLS_READ"})
        values.insert(QLatin1String(name), QString());
    if (!tls)
        return;
    const TlsSettings &settings = *tls;
    Values tlsValues{
        {QStringLiteral("CERT"), CodeLiterals::pythonStringLiteral(settings.certificatePath)},
        {QStringLiteral("KEY"), CodeLiterals::pythonStringLiteral(settings.keyPath)},
        {QStringLiteral("TIMEOUT"), QString::number(settings.handshakeTimeoutSeconds)},
        {QStringLiteral("MINIMUM"), settings.minimumProtocol == TlsMinimumProtocol::Tls13 ? QStringLiteral("TLSv1_3")
                                                                                          : QStringLiteral("TLSv1_2")},
    };
    QStringList protocols;
    for (const QString &protocol : settings.alpn)
        protocols.append(CodeLiterals::pythonStringLiteral(protocol));
    tlsValues.insert(QStringLiteral("PROTOCOLS"), protocols.join(QStringLiteral(", ")));
    tlsValues.insert(QStringLiteral("ALPN"), protocols.isEmpty() ? QString() : fill(PythonAlpn, tlsValues));
    const QString verify = verifyMode(settings, "CERT_OPTIONAL", "CERT_REQUIRED");
    tlsValues.insert(QStringLiteral("VERIFY"), verify);
    tlsValues.insert(QStringLiteral("CA"), CodeLiterals::pythonStringLiteral(settings.caPath));
    tlsValues.insert(QStringLiteral("CLIENT_CERT"), verify.isEmpty() ? QString() : fill(PythonClientCertificate, tlsValues));
    values.insert(QStringLiteral("TLS_CONSTANTS"), fill(PythonConstants, tlsValues));
    values.insert(QStringLiteral("TLS_CONTEXT"), fill(PythonContext, tlsValues));
    values.insert(QStringLiteral("TLS_LOOP_HANDSHAKE"), fill(PythonLoopHandshake));
    values.insert(QStringLiteral("TLS_HANDSHAKE"), fill(PythonHandshake));
    values.insert(QStringLiteral("TLS_READ"), fill(PythonRead));
}

void insertCpp(const std::optional<TlsSettings> &tls, Values &values)
{
    using namespace TlsCodeTemplates;
    values.insert(QStringLiteral("QT_VERSION"), tls ? QStringLiteral("// Needs Qt 6.4 or newer, for QSslServer.\n") : QString());
    values.insert(QStringLiteral("TLS_INCLUDES"), tls ? fill(CppIncludes) : QString());
    values.insert(QStringLiteral("SERVER_CLASS"), tls ? QStringLiteral("QSslServer") : QStringLiteral("QTcpServer"));
    values.insert(QStringLiteral("ACCEPTED_SIGNAL"),
                  tls ? QStringLiteral("pendingConnectionAvailable") : QStringLiteral("newConnection"));
    values.insert(QStringLiteral("ACCEPTED_LINE"),
                  tls ? QStringLiteral("peerName(socket) << \": TLS handshake done, \" << sessionText(socket)")
                      : QStringLiteral("\"Connection from \" << peerName(socket)"));
    values.insert(QStringLiteral("ACCEPTED_LINE_PEER"),
                  tls ? QStringLiteral("peer << \": TLS handshake done, \" << sessionText(socket)")
                      : QStringLiteral("\"Connection from \" << peer"));
    values.insert(QStringLiteral("TLS_SETUP"), QString());
    values.insert(QStringLiteral("TLS_STARTED"), QString());
    values.insert(QStringLiteral("TLS_SESSION"), QString());
    if (!tls)
        return;
    const TlsSettings &settings = *tls;
    Values tlsValues{
        {QStringLiteral("CERT"), CodeLiterals::cppStringLine(settings.certificatePath.toUtf8())},
        {QStringLiteral("KEY"), CodeLiterals::cppStringLine(settings.keyPath.toUtf8())},
        {QStringLiteral("TIMEOUT_MS"), QString::number(settings.handshakeTimeoutSeconds * 1000)},
        {QStringLiteral("PROTOCOL"), settings.minimumProtocol == TlsMinimumProtocol::Tls13
                                         ? QStringLiteral("TlsV1_3OrLater")
                                         : QStringLiteral("TlsV1_2OrLater")},
    };
    QStringList protocols;
    for (const QString &protocol : settings.alpn)
        protocols.append(QStringLiteral("QByteArrayLiteral(%1)").arg(CodeLiterals::cppStringLine(protocol.toUtf8())));
    tlsValues.insert(QStringLiteral("PROTOCOLS"), protocols.join(QStringLiteral(", ")));
    tlsValues.insert(QStringLiteral("ALPN"), protocols.isEmpty() ? QString() : fill(CppAlpn, tlsValues));
    const QString verify = verifyMode(settings, "QueryPeer", "VerifyPeer");
    tlsValues.insert(QStringLiteral("VERIFY"), verify);
    tlsValues.insert(QStringLiteral("CA"), CodeLiterals::cppStringLine(settings.caPath.toUtf8()));
    tlsValues.insert(QStringLiteral("CLIENT_CERT"), verify.isEmpty() ? QString() : fill(CppClientCertificate, tlsValues));
    values.insert(QStringLiteral("TLS_SETUP"), fill(TlsCodeTemplates::CppSetup, tlsValues));
    values.insert(QStringLiteral("TLS_STARTED"), fill(CppStarted));
    values.insert(QStringLiteral("TLS_SESSION"), fill(CppSessionText));
}

} // namespace TlsCodeValues
