#pragma once

#include "listenqueuestats.h"

#include <QByteArray>

#include <optional>

// Reads the listening socket's accept queue (getsockopt) and the system's counters
// (/proc/net/netstat), on the network thread.
namespace ListenQueue {

// Fills available, length and backlog from TCP_INFO on a listening socket (Linux only).
void readQueue(qintptr listeningDescriptor, ListenQueueStats *stats);
// The counters from /proc/net/netstat; nullopt where that file is missing or lacks them.
std::optional<ListenCounters> readCounters();
// Finds ListenOverflows and ListenDrops in the "TcpExt:" header and value lines.
std::optional<ListenCounters> parseCounters(const QByteArray &netstat);

} // namespace ListenQueue
