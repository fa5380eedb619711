#pragma once

#include "connectioninfo.h"
#include "listenerstatus.h"
#include "listenqueuestats.h"
#include "logentry.h"
#include "tcpinfo.h"
#include "transcriptchunk.h"

#include <optional>

#include <QHash>
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
    quint64 refused = 0; // accepted and closed at once: over the maximum or refused by the access lists
    quint64 handshakesDone = 0;   // TLS handshakes that completed
    quint64 handshakesFailed = 0; // TLS connections that ended as TlsFailed
    // How often each response rule answered, by position, since the rules were last changed.
    QList<quint64> ruleMatches;
};

// What is new in the transcript of the connection the window inspects.
struct TranscriptUpdate
{
    quint64 connectionId = 0;
    bool reset = false;     // replaces everything held so far (a new connection is inspected)
    bool available = true;  // false when the transcript was no longer kept
    QList<TranscriptChunk> chunks; // a chunk whose sequence is already held replaces it
    quint64 droppedBytes = 0;
    qsizetype capacity = 0;
};

// The transcript of a connection that ended, handed over whole when asked for (headless
// --transcript-dir).
struct EndedTranscript
{
    ConnectionInfo info;
    QList<TranscriptChunk> chunks;
    quint64 droppedBytes = 0;
};

// Everything that changed on the network thread since the last batch.
struct UpdateBatch
{
    int listenerId = 1; // the listener it comes from; status and totals are that listener's
    bool listenerRemoved = false; // its last batch: the listener is gone after it
    QList<ConnectionInfo> connections; // one snapshot per changed connection, by ascending id
    QList<LogEntry> log;
    ListenerStatus status;
    bool statusChanged = false;
    ListenerTotals totals;
    std::optional<TranscriptUpdate> transcript;
    ListenQueueStats listenQueue; // the latest; not available when not listening or not on Linux
    bool listenQueueChanged = false;
    QHash<quint64, TcpInfo> tcpInfo; // read this round for watched connections, by id
    QList<EndedTranscript> endedTranscripts; // only while handing them over is on
};

Q_DECLARE_METATYPE(UpdateBatch)
