#pragma once

#include <QHostAddress>
#include <QString>

// Parsing and formatting of bind addresses and ports, shared by the form and the command line.
namespace Endpoint {

struct AddressResult
{
    QHostAddress address;
    QString error; // empty when valid
};

struct PortResult
{
    quint16 port = 0;
    QString error;
};

struct HostPortResult
{
    QHostAddress address;
    quint16 port = 0;
    QString error;
};

// An IPv4 or IPv6 literal, or "localhost" (127.0.0.1); never a DNS lookup.
AddressResult parseAddress(const QString &text);
// 0 to 65535; 0 lets the system choose.
PortResult parsePort(const QString &text);
// "127.0.0.1:9000", "[::1]:9000", "localhost:9000" or a bare port (bound to 127.0.0.1).
HostPortResult parseHostPort(const QString &text);

// "127.0.0.1:9000" or "[::1]:9000"; "unknown peer" for a null address
QString format(const QHostAddress &address, quint16 port);
// The address text without an IPv4-mapped prefix: "127.0.0.1", "::1"
QString formatAddress(const QHostAddress &address);
// True for 0.0.0.0 and ::, which accept connections from other machines.
bool isAllInterfaces(const QHostAddress &address);

} // namespace Endpoint
