#pragma once

#include <QLatin1String>

// The TLS pieces of the printed programs, for a TLS listener; see CodeTemplates.
namespace TlsCodeTemplates {

// Python: the file names and the handshake timeout (@CERT@, @KEY@, @TIMEOUT@).
extern const QLatin1String PythonConstants;
// Python: the SSLContext (@MINIMUM@, @ALPN@, @CLIENT_CERT@).
extern const QLatin1String PythonContext;
extern const QLatin1String PythonAlpn;
// Python: asking for a client certificate (@VERIFY@, @CA@).
extern const QLatin1String PythonClientCertificate;
// Python, the classic loop: the handshake, then the close.
extern const QLatin1String PythonLoopHandshake;
// Python, the selector server: the handshake in accept().
extern const QLatin1String PythonHandshake;
// Python, the selector server: reads that take what TLS holds decrypted already.
extern const QLatin1String PythonRead;

// C++: the headers QSslServer needs.
extern const QLatin1String CppIncludes;
// C++: sessionText(socket), the protocol and cipher agreed on.
extern const QLatin1String CppSessionText;
// C++: the QSslConfiguration (@CERT@, @KEY@, @PROTOCOL@, @ALPN@, @CLIENT_CERT@, @TIMEOUT_MS@).
extern const QLatin1String CppSetup;
extern const QLatin1String CppAlpn;
// C++: asking for a client certificate (@VERIFY@, @CA@).
extern const QLatin1String CppClientCertificate;
// C++: "Connection from" when the handshake starts, and why one failed.
extern const QLatin1String CppStarted;

} // namespace TlsCodeTemplates
