#pragma once

#include "updatebatch.h"

#include <QHash>
#include <QList>
#include <QSet>

class Connection;

// What a listener's next UpdateBatch carries of its connections and its log, gathered as it
// happens between two batches.
class PendingBatch final
{
public:
    void connectionChanged(quint64 id);
    // The connection is gone; its final snapshot goes out in the batch.
    void connectionEnded(const ConnectionInfo &info);
    void appendLog(const LogEntry &entry);
    void statusChanged();
    void handOver(EndedTranscript transcript);
    void dropHandOvers();

    // Moves what is pending into the batch, whose listenerId is set: a snapshot of each changed
    // connection by ascending id (from connections while open), the log, whether the status
    // changed and the ended transcripts.
    void takeInto(UpdateBatch *batch, const QHash<quint64, Connection *> &connections);

private:
    QSet<quint64> m_changed;
    QHash<quint64, ConnectionInfo> m_ended; // final snapshots not yet sent
    QList<LogEntry> m_log;
    bool m_statusChanged = false;
    QList<EndedTranscript> m_handOvers; // not yet handed over
};
