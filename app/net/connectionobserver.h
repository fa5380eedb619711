#pragma once

#include <QtGlobal>

class QString;

// What a connection tells its listener. A plain interface rather than signals: one listener hears
// all of its connections, and eight signal connections on each of thousands of connections cost
// over a KiB apiece, more than most of the connection itself.
class ConnectionObserver
{
public:
    // Bytes moved or the state changed; the deltas feed the listener's totals.
    virtual void connectionChanged(quint64 id, qint64 receivedDelta, qint64 sentDelta) = 0;
    // The connection reached a final state; it deletes itself afterwards.
    virtual void connectionFinished(quint64 id) = 0;
    // The server's sending side is shut: the peer reads EOF and can still send.
    virtual void connectionHalfClosed(quint64 id) = 0;
    // The TLS handshake completed; the info has the protocol, cipher and the rest.
    virtual void connectionTlsEstablished(quint64 id) = 0;
    // Response rule `rule` (from 0) matched what the peer sent.
    virtual void connectionRuleMatched(quint64 id, int rule) = 0;
    // A fault acted: "reset after 1000 bytes".
    virtual void connectionFaultActed(quint64 id, const QString &what) = 0;
    // Forward mode: the upstream answered, or it failed or reset (reason for the log).
    virtual void connectionUpstreamConnected(quint64 id) = 0;
    virtual void connectionUpstreamFailed(quint64 id, const QString &reason) = 0;

protected:
    ConnectionObserver() = default;
    ~ConnectionObserver() = default;
    Q_DISABLE_COPY_MOVE(ConnectionObserver)
};
