#pragma once

#include "connectioninfo.h"
#include "rulematcher.h"
#include "serverbehaviour.h"
#include "transcript.h"

#include <QAbstractSocket>
#include <QObject>

class ConnectionObserver;
class FaultShaper;
class QSocketNotifier;
class QTimer;
class QTcpSocket;
class TlsSession;
class UpstreamRelay;
struct TlsServerSetup;

// One accepted TCP connection, owned by the Listener on the network thread.
class Connection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)

public:
    // Takes ownership of an accepted socket.
    // The peer as accept() gave it: the socket forgets it once the peer resets.
    // The observer hears what happens to it; with the parent (the listener, normally both) it
    // outlives the connection.
    explicit Connection(quint64 id, QTcpSocket *socket, const QHostAddress &peerAddress, quint16 peerPort,
                        ConnectionObserver *observer, QObject *parent);
    ~Connection() override;

    // Makes this a TLS connection and starts the server handshake; the socket must be the
    // QSslSocket TlsSession::createSocket() made. Called once, right after construction.
    void startTls(const TlsServerSetup &setup);
    bool isTls() const { return m_tls != nullptr; }

    quint64 id() const { return m_info.id; }
    const ConnectionInfo &info() const { return m_info; }
    bool isFinished() const { return m_info.isFinished(); }
    // The server asked for a full close (FIN or RST), not only a half-close.
    bool closeRequested() const { return m_closeRequested; }
    const Transcript &transcript() const { return m_transcript; }
    // The socket's descriptor, for the kernel's figures; -1 once it is closed.
    qintptr socketDescriptor() const;

    // Hold, Echo and Discard apply from now on; Greeting and Accept and close act on accept.
    void setMode(ServerMode mode);
    // Forward mode: opens the connection's own connection to the target and relays both ways
    // from now on, whatever the mode becomes. Called once, right after construction.
    void startForwarding(const ForwardTarget &target);
    void setTranscriptCapacity(qsizetype bytes);
    // The response rules for what arrives from now on; their replies go out in order, each
    // after its delay.
    void setRules(const QList<ResponseRule> &rules);
    // The faults injected from now on (Faults' byte counts start again); accept-then-reset is
    // the listener's. Every byte sent goes through them.
    void setFaults(const Faults &faults);
    // Queues bytes for the peer; false when the connection can no longer send, or when the
    // peer has left so much unread that more would only pile up here.
    // rule: the response rule (from 1) whose reply this is, marked so in the transcript; 0 for none.
    bool send(const QByteArray &data, int rule = 0);
    // send() for what the upstream sent (Forward mode); the transcript says so.
    bool sendRelayed(const QByteArray &data);
    bool canSend() const;
    // So much waits unsent that send() refuses more until the peer reads.
    bool sendBacklogFull() const;
    void close(CloseMode mode = CloseMode::Graceful);

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void watchNotifiers();
    void watchWritesIfQueued();
    void onReadyRead();
    // How much the faults let the next read take: the bandwidth cap, reset-after and close-after.
    qint64 readLimit();
    // The fault shaper, made when faults are first set; without one, writes go out at once.
    void makeShaper();
    // Bytes for the peer, through the shaper when there is one.
    void enqueue(const QByteArray &data, bool merge, int rule, bool relayed);
    // Acts on reset-after and close-after once what arrived reaches them; true when it reset.
    bool reachedReadLimits();
    // The shaper's writer: the piece onto the socket and into the transcript.
    void writeOut(const QByteArray &piece, bool merge, int rule, bool relayed);
    // FIN once the shaper has let everything out, after the slow-close wait.
    void sendFin();
    void actOnFault(const QString &what, CloseMode mode);
    // Echo waits unsent past the high-water mark: reading stops until the peer takes some.
    bool echoBacklogFull() const;
    void resumeReading();
    QSocketNotifier *readNotifier() const;
    void onBytesWritten(qint64 bytes);
    // What waits to go out: for TLS also the encrypted bytes Qt holds.
    qint64 pendingOut() const;
    // Something went onto the wire: a half-close, stalled reading or a held end may go on.
    void afterWrite();
    void onTlsTimedOut();
    // Queues a rule's reply behind those still waiting; sends it now when it may.
    void respond(const RuleMatcher::Response &response);
    // Sends the replies that are due, then waits for the next.
    void sendDueReplies();
    void onErrorOccurred(QAbstractSocket::SocketError error);
    void onDisconnected();
    void checkPendingError();
    void shutdownWrite();
    // Closed, Peer closed or Reset, from what this side asked and what the socket reported.
    void finishAsObserved();
    void finish(ConnectionState state, const QString &errorString = {});
    // Forward mode (connectionforward.cpp): the relay's ends, and the client's FIN passed on
    // once every byte before it went upstream.
    void connectRelay();
    bool relayHoldsReading() const;
    void onClientEnded();
    void passOnClientEnd();
    void onUpstreamEnded();
    void finishRelayedIfDone();

    QTcpSocket *m_socket = nullptr;
    ConnectionObserver *m_observer = nullptr;
    TlsSession *m_tls = nullptr; // nullptr on a plain connection
    ConnectionInfo m_info;
    Transcript m_transcript;
    ServerMode m_mode = ServerMode::Hold;
    bool m_resetSeen = false;
    bool m_closeRequested = false;
    bool m_halfClosePending = false;
    bool m_halfClosed = false;
    // Reading stopped until the peer takes what waits for it; Qt's read notifier is off then.
    bool m_readStalled = false;
    // The peer's end of stream waits until everything queued for it is sent.
    bool m_endHeld = false;
    bool m_watchingWrites = false;
    FaultShaper *m_shaper = nullptr;
    bool m_finPending = false;   // a graceful close waits for the shaper to drain
    bool m_slowCloseWaited = false;
    RuleMatcher m_rules;
    struct DueReply
    {
        qint64 dueMs = 0;
        RuleMatcher::Response response;
    };
    QList<DueReply> m_replies; // waiting for their delay, in order
    QTimer *m_replyTimer = nullptr;
    UpstreamRelay *m_relay = nullptr; // Forward mode only
    bool m_clientEnded = false;       // the client's FIN is in, held back from Qt
    bool m_clientEndPassed = false;
    bool m_clientEndedFirst = false;
    bool m_upstreamEnded = false;
};
