#pragma once

#include <QtGlobal>

// The listening socket's accept queue as the kernel sees it, and the system's count of
// connections it turned away; sent to the UI when it changes.
struct ListenQueueStats
{
    bool available = false;         // the queue was read: Linux, while listening
    int length = 0;                 // connections waiting for accept() (ss -lnt Recv-Q)
    int backlog = 0;                // the queue's limit as the kernel holds it (ss -lnt Send-Q)
    bool countersAvailable = false; // the counters below were read (/proc/net/netstat)
    quint64 overflows = 0;          // TcpExtListenOverflows since listening started, all sockets
    quint64 drops = 0;              // TcpExtListenDrops since listening started, all sockets

    bool operator==(const ListenQueueStats &other) const;
    bool operator!=(const ListenQueueStats &other) const { return !(*this == other); }
};

// System-wide totals of connections refused at a full accept queue, since boot.
struct ListenCounters
{
    quint64 overflows = 0; // the accept queue was full
    quint64 drops = 0;     // dropped at a listening socket for any reason, overflows included
};
