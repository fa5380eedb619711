#pragma once

#include <QByteArray>
#include <QString>

// Reads the start of what a TLS client sent first, without consuming it: Qt 6.4 gives a server no
// way to learn the server name (SNI) the client asked for, but the ClientHello carries it in clear.
class ClientHello final
{
public:
    static constexpr quint8 HandshakeRecord = 0x16;

    // The host_name of the server_name extension; empty when there is none or the hello is not
    // whole in bytes (a hello split over several TCP segments is left unread).
    static QString serverName(const QByteArray &bytes);
};
