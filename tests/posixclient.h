#pragma once

#include <QtGlobal>

#include <vector>

// Plain POSIX clients for the suites, so that what the peer sees is read without Qt in between.

// A client of 127.0.0.1:port; a non-blocking one returns before the handshake ends. -1 when
// connect() fails at once.
int posixConnect(quint16 port, bool blocking = true);
// The client's own port, as the server's log and table name it.
quint16 posixLocalPort(int fd);

// Up to n connected (blocking) clients of 127.0.0.1:port; fewer when a connect() fails.
std::vector<int> openClients(quint16 port, int n);
// Closes every descriptor and empties the list.
void closeAll(std::vector<int> &fds);
// Whether the server sent anything or ended the connection, within waitMs.
bool readable(int fd, int waitMs = 0);
// Waits for the server's side to end: 0 for EOF, an errno for a failure, -1 on timeout.
int waitForEnd(int fd, int timeoutMs = 10000);
// Sends one byte and waits for it to come back; the round trip in ms, or -1.
qint64 roundTrip(int fd, char byte, int timeoutMs = 10000);
// Raises this process's soft descriptor limit to at least wanted; false when the hard limit
// does not allow it.
bool ensureDescriptors(quint64 wanted);
