#pragma once

#include <QHostAddress>

#include "listenerstatus.h"

#include <QtGlobal>

class QHostAddress;

// Native socket calls that Qt does not wrap, mostly on the descriptor of a connected socket.
namespace SocketOptions {

// Where socket() → bind() → listen() stopped, and errno there.
struct ListenProbe
{
    LifecycleStep failedStep = LifecycleStep::None; // None: all three succeeded
    int error = 0;
};

// Takes the socket's pending error (SO_ERROR), 0 if none; reading it clears it.
int takePendingError(qintptr descriptor);
// True when the error is a connection reset (ECONNRESET or EPIPE after a reset).
bool isResetError(int error);
// SO_LINGER {1, 0}: closing the socket then sends RST instead of FIN.
bool setAbortiveClose(qintptr descriptor);
// shutdown(SHUT_WR): sends FIN, keeps the receiving side open.
bool shutdownWrite(qintptr descriptor);
// True when the kernel already dropped the connection (TCP state CLOSE) while the application
// still holds it: what a reset leaves, whereas a FIN leaves CLOSE_WAIT. Linux only; false elsewhere.
bool isDroppedByKernel(qintptr descriptor);

// What acceptConnection() found in a listening socket's queue.
struct Accepted
{
    qintptr descriptor = -1; // the new connection's; -1 when there was none
    int error = 0;           // 0 when the queue was empty, else why accept() failed (errno)
    // Who connected, as accept() gives it: still known when the peer reset the connection while it
    // waited in the queue, which getpeername() (and so Qt) then no longer tells.
    QHostAddress peerAddress;
    quint16 peerPort = 0;
};

// Takes the next connection from a non-blocking listening socket's queue. Connections that
// ended while they waited (ECONNABORTED and the like) are skipped, as an accept loop should;
// the descriptor is close-on-exec.
Accepted acceptConnection(qintptr listeningDescriptor);
// Closes a descriptor that nothing else owns.
void closeSocket(qintptr descriptor);

// Repeats socket() → bind() → listen() natively, with the options QTcpServer sets, to learn
// which call fails and its errno, which Qt does not keep; a socket that gets through is closed
// at once. Unix only: elsewhere the step is None.
ListenProbe probeListen(const QHostAddress &address, quint16 port, int backlog);
// The errno's symbolic name: "EADDRINUSE", "EACCES", ...; "errno 123" when it has none here;
// empty for 0.
QString errnoName(int error);

} // namespace SocketOptions
