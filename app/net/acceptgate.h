#pragma once

#include "logentry.h"

#include <QObject>
#include <QPointer>

struct ListenerStatus;
struct ListenerTotals;
class QSocketNotifier;
class QTcpServer;
class QTimer;

// Turns a server's accepting off when the process runs out of file descriptors and back on once
// some are free, so a listener at its limit neither spins on accept() nor stays deaf for good.
// The user's own pause (ListenerStatus::paused) is left alone: resuming by itself never undoes it.
class AcceptGate final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcceptGate)

public:
    // After a failed accept, how soon to look again; doubles up to the maximum.
    static constexpr int RetryMs = 250;
    static constexpr int RetryMaxMs = 2000;

    // A child of the server. The status and totals are the server's own, read afresh each time;
    // the server owns the gate, so both outlive it.
    explicit AcceptGate(QTcpServer *server, const ListenerStatus &status, const ListenerTotals &totals);
    ~AcceptGate() override;

    // Listening started: reads the descriptor limit. Accepting stops and starts again by turning
    // off and on the listener's notifier that accepts.
    void watch(QSocketNotifier *acceptNotifier);
    // Forgets a shortage: listening starts anew or stops.
    void reset();
    // Accepting is off for want of descriptors until the retry finds some.
    bool isShut() const { return m_shut; }
    // accept() failed with this error (errno): accepting stops, and starts again once
    // descriptors are free.
    void acceptFailed(int error);

signals:
    void logged(LogLevel level, const QString &text);
    // Why accepting stopped by itself; empty once it started again.
    void pausedReasonChanged(const QString &reason);

private:
    void retry();

    QTcpServer *m_server = nullptr;
    QPointer<QSocketNotifier> m_notifier; // the listener's, gone when it stops listening
    const ListenerStatus *m_status = nullptr;
    const ListenerTotals *m_totals = nullptr;
    QTimer *m_retryTimer = nullptr;
    bool m_shut = false;
    int m_retryMs = RetryMs;
    qint64 m_descriptorLimit = -1;            // the soft RLIMIT_NOFILE when listening started
    quint64 m_acceptedAtResume = ~quint64{0}; // accepted total when accepting last resumed by itself
};
