#include "acceptedsocket.h"

#include "tlsserversetup.h"
#include "tlssession.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace AcceptedSocket {

QTcpSocket *open(const SocketOptions::Accepted &accepted, const TlsServerSetup *tls, QObject *parent, QString *error)
{
    if (tls) {
        QSslSocket *socket = TlsSession::createSocket(accepted.descriptor, *tls, parent, error);
        if (!socket)
            SocketOptions::closeSocket(accepted.descriptor);
        return socket;
    }
    auto *socket = new QTcpSocket(parent);
    // TCP sockets are always buffered in Qt; Connection caps the buffer.
    if (!socket->setSocketDescriptor(accepted.descriptor, QAbstractSocket::ConnectedState, QIODevice::ReadWrite)) {
        *error = socket->errorString();
        delete socket;
        SocketOptions::closeSocket(accepted.descriptor);
        return nullptr;
    }
    return socket;
}

} // namespace AcceptedSocket
