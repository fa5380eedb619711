#include "pendingbatch.h"

#include "connection.h"

#include <algorithm>
#include <utility>

void PendingBatch::connectionChanged(quint64 id)
{
    m_changed.insert(id);
}

void PendingBatch::connectionEnded(const ConnectionInfo &info)
{
    m_ended.insert(info.id, info);
    m_changed.insert(info.id);
}

void PendingBatch::appendLog(const LogEntry &entry)
{
    m_log.append(entry);
}

void PendingBatch::statusChanged()
{
    m_statusChanged = true;
}

void PendingBatch::handOver(EndedTranscript transcript)
{
    m_handOvers.append(std::move(transcript));
}

void PendingBatch::dropHandOvers()
{
    m_handOvers = {};
}

void PendingBatch::takeInto(UpdateBatch *batch, const QHash<quint64, Connection *> &connections)
{
    QList<quint64> ids(m_changed.cbegin(), m_changed.cend());
    std::sort(ids.begin(), ids.end());
    batch->connections.reserve(ids.size());
    for (const quint64 id : std::as_const(ids)) {
        if (const Connection *connection = connections.value(id)) {
            batch->connections.append(connection->info());
            batch->connections.last().listenerId = batch->listenerId;
        } else if (m_ended.contains(id)) {
            batch->connections.append(m_ended.value(id));
        }
    }
    m_changed.clear();
    m_ended.clear();
    batch->log = std::exchange(m_log, {});
    batch->statusChanged = std::exchange(m_statusChanged, false);
    batch->endedTranscripts = std::exchange(m_handOvers, {});
}
