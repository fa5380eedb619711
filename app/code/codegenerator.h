#pragma once

#include "serverbehaviour.h"
#include "tlssettings.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

// What the printed program is for: the form's address, port and backlog and the server's mode.
struct CodeSettings
{
    // QHostAddress("::") is IPv6 only, as Qt binds it; QHostAddress::Any takes IPv4 clients too.
    QHostAddress address{QHostAddress::LocalHost};
    quint16 port = 9000;
    int backlog = 5;
    ServerMode mode = ServerMode::Hold;
    QByteArray greeting;
    ForwardTarget forward; // Forward mode's upstream
    int maxConnections = ServerBehaviour::DefaultMaxConnections;
    // Settings the programs do not reproduce; each one in force is named in a comment at the top.
    QString allowList;
    QString denyList;
    int idleTimeoutSeconds = 0;
    // A TLS listener's settings, its certificate and key paths filled in even for a self-signed
    // pair; nothing for plain TCP.
    std::optional<TlsSettings> tls;

    bool operator==(const CodeSettings &other) const;
    bool operator!=(const CodeSettings &other) const { return !(*this == other); }
};

// The server the app runs, as a program a learner can save, read and run on their own.
namespace CodeGenerator {

// Python 3.8 or newer, standard library only: the classic accept loop for Accept and close,
// one thread with `selectors` for the modes that keep connections open, a thread per client and
// direction for Forward; `ssl` for TLS (not for Forward).
QString python(const CodeSettings &settings);
// C++17 with Qt 6.3 or newer (QtNetwork), in the fortune server's style, without Q_OBJECT;
// QSslServer (Qt 6.4) for TLS. Forward mode has none: the text says so.
QString cpp(const CodeSettings &settings);

// b'...' with every byte that is not printable ASCII escaped: b'Hi\r\n\x00\xc3\xa9'
QString pythonBytesLiteral(const QByteArray &bytes);
// "..." with every byte that is not printable ASCII escaped; adjacent literals ("\xc3" "a")
// where a hex escape would otherwise swallow the next character.
QString cppStringLiteral(const QByteArray &bytes);

} // namespace CodeGenerator
