#pragma once

#include "connectioninfo.h"
#include "listenerstatus.h"
#include "logentry.h"

#include <QList>
#include <QMetaType>

// Running totals of the listener since the application started.
struct ListenerTotals
{
    int open = 0;
    int peakOpen = 0;
    quint64 accepted = 0;
    quint64 bytesReceived = 0;
    quint64 bytesSent = 0;
};

// Everything that changed on the network thread since the last batch.
struct UpdateBatch
{
    QList<ConnectionInfo> connections; // one snapshot per changed connection, by ascending id
    QList<LogEntry> log;
    ListenerStatus status;
    bool statusChanged = false;
    ListenerTotals totals;
};

Q_DECLARE_METATYPE(UpdateBatch)
