#pragma once

#include "clientplan.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>

class QTcpSocket;
class QTimer;

// The built-in test client: opens paced TCP connections so that the table, the backlog and the
// overflow counters can be filled without another tool. Lives on the network thread, beside
// the Listener; totals go out at most ten times a second.
class ClientPool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientPool)

public:
    static constexpr int MaxClients = 10000;     // per start, and open or starting at once
    static constexpr int EmitIntervalMs = 100;   // totalsChanged at most this often
    static constexpr int SweepIntervalMs = 50;   // how often deadlines are checked, at most
    static constexpr int CloseGraceMs = 5000;    // a graceful close that cannot flush is then aborted
    static constexpr int MaxStartsPerTick = 64;  // so that a high rate cannot starve the listener

    explicit ClientPool(QObject *parent = nullptr);
    ~ClientPool() override;

    // Adds plan.count connections to those already running, up to MaxClients open or starting
    // at once; a start that fits none is refused and says why in lastError.
    void start(const ClientPlan &plan);
    // Closes every connection gracefully, aborts those still connecting, cancels pending starts.
    void closeAll();

    const ClientTotals &totals() const { return m_totals; }

signals:
    void totalsChanged(const ClientTotals &totals);

private:
    enum class Phase : quint8 { Connecting, Connected, Closing };

    struct Client
    {
        Phase phase = Phase::Connecting;
        qint64 deadline = -1; // connect timeout, close-after or close grace, on m_clock; -1: none
        QByteArray text; // until it is sent
        QHostAddress address;
        quint16 port = 0;
        int closeAfterMs = 0;
        int connectTimeoutMs = 0;
    };

    // A start whose connections have not all been opened yet.
    struct Run
    {
        ClientPlan plan;
        int remaining = 0;
        int started = 0;
        qint64 startedAt = -1; // on m_clock, once the run is at the head of the queue
    };

    void startDue();
    void openOne(const ClientPlan &plan);
    void onConnected(QTcpSocket *socket);
    void onErrorOccurred(QTcpSocket *socket, QAbstractSocket::SocketError error);
    void onDisconnected(QTcpSocket *socket);
    void beginClose(QTcpSocket *socket, Client &client);
    // Removes the client and counts how it ended.
    void finish(QTcpSocket *socket, bool failed, const QString &error = {});
    void sweep();
    void scheduleSweep(qint64 deadline);
    int pendingStarts() const;
    void updateRunning();
    void scheduleEmit();
    void emitTotals();

    QHash<QTcpSocket *, Client> m_clients;
    QList<Run> m_runs;
    ClientTotals m_totals;
    QElapsedTimer m_clock;
    QTimer *m_startTimer = nullptr;
    QTimer *m_sweepTimer = nullptr;
    QTimer *m_emitTimer = nullptr;
    qint64 m_nextSweepAt = -1;
    qint64 m_lastSweepAt = -1;
};
