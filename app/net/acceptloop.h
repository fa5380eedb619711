#pragma once

#include "logentry.h"
#include "socketoptions.h"

#include <QList>
#include <QObject>

class AcceptGate;
class QSocketNotifier;
class QTcpServer;
class QTimer;
struct ListenerStatus;
struct ListenerTotals;

// Takes the connections waiting in a listening server's kernel queue, in place of QTcpServer's
// own accepting: that sets each connection up before it accepts the next, and so takes too long
// to empty a short queue (a client connecting again at once overflows a backlog of 5 and waits a
// second for its SYN to be sent again). Accepting is off while the user pauses it and while
// descriptors run out (AcceptGate).
class AcceptLoop final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcceptLoop)

public:
    static constexpr int Batch = 512;         // connections set up per turn of the event loop, at most
    static constexpr int MaxWaiting = 65536;  // accepted and not yet set up, at most

    // A child of the server. The status and totals are the server's own, read afresh each time;
    // the server owns the loop, so both outlive it.
    explicit AcceptLoop(QTcpServer *server, const ListenerStatus &status, const ListenerTotals &totals);
    ~AcceptLoop() override;

    // The server listens now: its descriptor is watched.
    void start();
    // Before the server closes its listening socket.
    void stop();
    // Forgets a shortage of descriptors: listening starts anew or stops.
    void reset();
    // The user paused or resumed: accepting is on unless either pause holds.
    void updateEnabled();

signals:
    // One connection to set up, emitted in the order accept() gave them.
    void accepted(const SocketOptions::Accepted &accepted);
    void logged(LogLevel level, const QString &text);
    // Why accepting stopped by itself; empty once it started again.
    void pausedReasonChanged(const QString &reason);

private:
    // The listening socket is readable, or accepted connections wait: empties the kernel's
    // queue, and sets up at most Batch of what waits.
    void acceptReady();
    // Accepts until the kernel's queue is empty, accepting is off, or MaxWaiting wait.
    void drain();
    // Closes what was accepted and not set up.
    void dropWaiting();

    QTcpServer *m_server = nullptr;
    const ListenerStatus *m_status = nullptr;
    // Turns accepting off while descriptors run out; apart from the user's pause in the status.
    AcceptGate *m_gate = nullptr;
    // Fires while connections wait in the kernel's queue; exists only while the server listens.
    QSocketNotifier *m_notifier = nullptr;
    QList<SocketOptions::Accepted> m_accepted; // accepted, not yet handed on, in order
    // Runs the next turn while accepted connections wait and the kernel's queue may be empty.
    QTimer *m_continue = nullptr;
};
