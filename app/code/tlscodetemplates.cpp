#include "tlscodetemplates.h"

// Each piece starts on the line after its opening R"( ; CodeGenerator drops that first line break.
namespace TlsCodeTemplates {

const QLatin1String PythonConstants(R"py(
CERT_FILE = @CERT@  # the certificate chain, leaf first (PEM)
KEY_FILE = @KEY@  # its private key (PEM); asks for the passphrase if it has one
HANDSHAKE_TIMEOUT = @TIMEOUT@  # seconds a client has to finish the TLS handshake
)py");

const QLatin1String PythonContext(R"py(
# TLS: every accepted connection does a handshake with this certificate before any data.
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.minimum_version = ssl.TLSVersion.@MINIMUM@
context.load_cert_chain(CERT_FILE, KEY_FILE)
@ALPN@@CLIENT_CERT@)py");

const QLatin1String PythonAlpn(R"py(
context.set_alpn_protocols([@PROTOCOLS@])
)py");

const QLatin1String PythonClientCertificate(R"py(
context.verify_mode = ssl.@VERIFY@
context.load_verify_locations(@CA@)  # the CAs a client certificate must chain to
)py");

const QLatin1String PythonLoopHandshake(R"py(
        conn.settimeout(HANDSHAKE_TIMEOUT)
        conn = context.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
        try:
            conn.do_handshake()
            print('TLS handshake done, %s, %s' % (conn.version(), conn.cipher()[0]), flush=True)
        except OSError as error:  # ssl.SSLError, or the timeout
            print('TLS failed:', error, flush=True)
)py");

const QLatin1String PythonHandshake(R"py(
    # The handshake runs here and holds up the others for at most HANDSHAKE_TIMEOUT seconds:
    # simple, at their expense.
    conn.settimeout(HANDSHAKE_TIMEOUT)
    conn = context.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
    try:
        conn.do_handshake()
    except OSError as error:  # ssl.SSLError, or the timeout
        print('%s: TLS failed: %s' % (name, error), flush=True)
        conn.close()
        return
    conn.settimeout(None)
    print('%s: TLS handshake done, %s, %s' % (name, conn.version(), conn.cipher()[0]), flush=True)
)py");

const QLatin1String PythonRead(R"py(
def read(conn):
    """What arrived: TLS decrypts whole records, and what it holds already the selector cannot see."""
    data = conn.recv(16384)
    while data and conn.pending():
        data += conn.recv(conn.pending())
    return data


)py");

const QLatin1String CppIncludes(R"cpp(
#include <QFile>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
)cpp");

const QLatin1String CppSessionText(R"cpp(
// "TLSv1.3, TLS_AES_256_GCM_SHA384": what the handshake agreed on
static QString sessionText(const QTcpSocket *socket)
{
    const QSslCipher cipher = qobject_cast<const QSslSocket *>(socket)->sessionCipher();
    return cipher.protocolString() + QStringLiteral(", ") + cipher.name();
}

)cpp");

const QLatin1String CppSetup(R"cpp(
    // TLS: every accepted connection does a handshake with this certificate before any data.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(QSslCertificate::fromPath(QStringLiteral(@CERT@)));
    QFile keyFile(QStringLiteral(@KEY@));
    if (!keyFile.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "Could not read the key: " << keyFile.errorString() << Qt::endl;
        return 1;
    }
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Ec); // an EC key; an RSA one is tried next
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa);
    if (tls.localCertificateChain().isEmpty() || key.isNull()) {
        QTextStream(stderr) << "Could not load the certificate and key (PEM, without a passphrase)" << Qt::endl;
        return 1;
    }
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::@PROTOCOL@);
@ALPN@@CLIENT_CERT@    server.setSslConfiguration(tls);
    server.setHandshakeTimeout(@TIMEOUT_MS@); // ms a client has to finish the handshake
)cpp");

const QLatin1String CppAlpn(R"cpp(
    tls.setAllowedNextProtocols({@PROTOCOLS@});
)cpp");

const QLatin1String CppClientCertificate(R"cpp(
    tls.setPeerVerifyMode(QSslSocket::@VERIFY@);
    tls.setCaCertificates(QSslCertificate::fromPath(QStringLiteral(@CA@))); // a client certificate's CAs
)cpp");

const QLatin1String CppStarted(R"cpp(
    // QSslServer hands out a connection once its handshake is done; it says when one starts.
    QObject::connect(&server, &QSslServer::startedEncryptionHandshake, [&out](QSslSocket *socket) {
        out << "Connection from " << peerName(socket) << Qt::endl;
    });
    QObject::connect(&server, &QSslServer::errorOccurred,
                     [&out](QSslSocket *socket, QAbstractSocket::SocketError) {
        out << peerName(socket) << ": TLS failed: " << socket->errorString() << Qt::endl;
    });
)cpp");

} // namespace TlsCodeTemplates
