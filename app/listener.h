#pragma once

#include "listenerstatus.h"
#include "updatebatch.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QTcpServer>

class Connection;
class QTimer;

// The listening socket and every connection it accepted. Lives on the network thread;
// whatever changes is gathered and sent as one UpdateBatch at most about 30 times a second.
class Listener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    static constexpr int FlushIntervalMs = 33;

    explicit Listener(QObject *parent = nullptr);
    ~Listener() override;

    void startListening(const QHostAddress &address, quint16 port, int backlog);
    // Closes the listening socket; open connections are closed too when asked.
    void stopListening(bool closeConnections);
    void closeConnections(const QList<quint64> &ids);
    void closeAllConnections();

    const ListenerStatus &status() const { return m_status; }
    const ListenerTotals &totals() const { return m_totals; }

signals:
    void updated(const UpdateBatch &batch);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void onConnectionChanged(quint64 id, qint64 receivedDelta, qint64 sentDelta);
    void onConnectionFinished(quint64 id);
    void setStatus(const ListenerStatus &status);
    void log(LogLevel level, const QString &text);
    void scheduleFlush();
    void flush();
    QString listenErrorText(const QHostAddress &address, quint16 port) const;

    QHash<quint64, Connection *> m_connections;
    QHash<quint64, ConnectionInfo> m_finishedInfos; // final snapshots not yet sent
    QSet<quint64> m_dirty;
    QList<LogEntry> m_pendingLog;
    ListenerStatus m_status;
    ListenerTotals m_totals;
    bool m_statusChanged = false;
    bool m_acceptedSinceFlush = false;
    quint64 m_nextId = 1;
    QTimer *m_flushTimer = nullptr;
};
