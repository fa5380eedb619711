#pragma once

#include <QtGlobal>

// Plain POSIX clients for the suites, so that what the peer sees is read without Qt in between.

// A client of 127.0.0.1:port; a non-blocking one returns before the handshake ends. -1 when
// connect() fails at once.
int posixConnect(quint16 port, bool blocking = true);
// The client's own port, as the server's log and table name it.
quint16 posixLocalPort(int fd);
