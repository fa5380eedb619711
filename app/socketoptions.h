#pragma once

#include <QtGlobal>

// Native socket calls that Qt does not wrap, on the descriptor of a connected socket.
namespace SocketOptions {

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

} // namespace SocketOptions
