#pragma once

#include "listenerstatus.h"

#include <QAbstractSocket>

// Why QTcpServer::listen() failed: a sentence for people, and for the lifecycle diagram the
// call that failed with its errno.
namespace ListenFailure {

// Fills errorString, failedStep and errnoName of a status whose address, port and backlog are
// those of the failed attempt. qtErrorString is the server's errorString(), for the rare errors
// without a sentence of their own.
void describe(ListenerStatus *status, QAbstractSocket::SocketError error, const QString &qtErrorString);

} // namespace ListenFailure
