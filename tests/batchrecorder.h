#pragma once

#include "updatebatch.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <optional>

class ListenerController;

// Folds the listener's batches into the latest state, as the window does: the status, the
// totals, the last snapshot of every connection and the log lines. A suite that needs more of
// the batch overrides record() and calls this one first.
class BatchRecorder : public QObject
{
    Q_DISABLE_COPY_MOVE(BatchRecorder)

public:
    explicit BatchRecorder(ListenerController *controller, QObject *parent = nullptr);
    ~BatchRecorder() override;

    virtual void record(const UpdateBatch &batch);

    int batches() const { return m_batches; }
    const ListenerStatus &status() const { return m_status; }
    const ListenerTotals &totals() const { return m_totals; }
    const QHash<quint64, ConnectionInfo> &connections() const { return m_connections; }
    const QStringList &log() const { return m_log; }

    std::optional<ConnectionInfo> byPeerPort(quint16 port) const;
    // Open until the connection was reported.
    ConnectionState stateOf(quint16 peerPort) const;
    // 0 until the connection was reported.
    quint64 idOf(quint16 peerPort) const;
    quint64 receivedBy(quint16 peerPort) const;
    // A default (Open, nothing counted) until the connection was reported.
    ConnectionInfo info(quint64 id) const { return m_connections.value(id); }

    bool logHas(const QString &line) const { return m_log.contains(line); }
    bool logContains(const QString &part) const;

private:
    int m_batches = 0;
    ListenerStatus m_status;
    ListenerTotals m_totals;
    QHash<quint64, ConnectionInfo> m_connections;
    QStringList m_log;
};

// Starts the controller listening on 127.0.0.1 with a free port and waits until the recorder's
// batches say so. A macro, since QTRY_COMPARE and QVERIFY return from the test function; the
// suite defines Timeout.
#define START_LISTENING(controller, recorder, backlog)                                                       \
    (controller).start(QHostAddress::LocalHost, 0, (backlog));                                               \
    QTRY_COMPARE_WITH_TIMEOUT((recorder).status().state, ListenerState::Listening, Timeout);                 \
    QVERIFY((recorder).status().port != 0)
