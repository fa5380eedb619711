#include "batchrecorder.h"

#include "listenercontroller.h"

#include <algorithm>

BatchRecorder::BatchRecorder(ListenerController *controller, QObject *parent)
    : QObject(parent)
{
    // Through the virtual record(), so a suite's extension sees every batch too.
    connect(controller, &ListenerController::updated, this, &BatchRecorder::record);
}

BatchRecorder::~BatchRecorder() = default;

void BatchRecorder::record(const UpdateBatch &batch)
{
    ++m_batches;
    for (const ConnectionInfo &connection : batch.connections)
        m_connections.insert(connection.id, connection);
    for (const LogEntry &entry : batch.log)
        m_log.append(entry.text);
    if (batch.statusChanged)
        m_status = batch.status;
    m_totals = batch.totals;
}

std::optional<ConnectionInfo> BatchRecorder::byPeerPort(quint16 port) const
{
    for (const ConnectionInfo &connection : m_connections) {
        if (connection.peerPort == port)
            return connection;
    }
    return std::nullopt;
}

ConnectionState BatchRecorder::stateOf(quint16 peerPort) const
{
    const auto connection = byPeerPort(peerPort);
    return connection ? connection->state : ConnectionState::Open;
}

quint64 BatchRecorder::idOf(quint16 peerPort) const
{
    const auto connection = byPeerPort(peerPort);
    return connection ? connection->id : 0;
}

quint64 BatchRecorder::receivedBy(quint16 peerPort) const
{
    const auto connection = byPeerPort(peerPort);
    return connection ? connection->bytesReceived : 0;
}

bool BatchRecorder::logContains(const QString &part) const
{
    return std::any_of(m_log.cbegin(), m_log.cend(), [&part](const QString &line) { return line.contains(part); });
}
