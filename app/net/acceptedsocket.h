#pragma once

#include "socketoptions.h"

class QObject;
class QTcpSocket;
struct TlsServerSetup;

// The Qt socket on a descriptor accept() gave.
namespace AcceptedSocket {

// A QTcpSocket, or with tls a server-mode QSslSocket whose handshake is not started yet; nullptr
// with *error set when Qt cannot take the descriptor, which is closed then.
QTcpSocket *open(const SocketOptions::Accepted &accepted, const TlsServerSetup *tls, QObject *parent, QString *error);

} // namespace AcceptedSocket
