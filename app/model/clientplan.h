#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QMetaType>
#include <QString>

// What the built-in test client is asked to do: open count connections to address:port.
struct ClientPlan
{
    QHostAddress address{QHostAddress::LocalHost};
    quint16 port = 9000;
    int count = 10;           // 1 to ClientPool::MaxClients; more is cut to the limit
    int ratePerSecond = 100;  // new connections started per second
    QByteArray text;          // sent once on each connection as soon as it is up; empty: nothing
    int closeAfterMs = 0;     // close each connection this long after it is up; 0: hold until Close all
    // Give up on a connect after this long; 0 waits as long as the system does. The default is
    // long enough for a paused listener to be resumed by hand, as in the backlog demo.
    int connectTimeoutMs = 60000;
};

// Where the test client's connections stand. requested counts every connection taken on
// (less the ones Close all cancelled before they started); those not yet in one of the
// other counters are still waiting for their turn.
struct ClientTotals
{
    int requested = 0;
    int connecting = 0;
    int connected = 0;
    int failed = 0; // never connected: refused, unreachable or timed out
    int closed = 0; // were connected (or connecting when Close all came) and ended
    bool running = false; // connections open, connecting or waiting to start
    QString lastError;    // the latest failure or refusal, for the window to show

    int waiting() const { return requested - connecting - connected - failed - closed; }
};

Q_DECLARE_METATYPE(ClientPlan)
Q_DECLARE_METATYPE(ClientTotals)
