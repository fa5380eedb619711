#pragma once

#include "acceptloop.h"
#include "connectioninfo.h"
#include "connectionobserver.h"
#include "listenerstatus.h"
#include "memorytrimmer.h"
#include "pendingbatch.h"
#include "serverbehaviour.h"
#include "socketoptions.h"
#include "tlsserversetup.h"
#include "transcriptarchive.h"
#include "transcriptfeed.h"
#include "updatebatch.h"

#include <QHash>
#include <QList>
#include <QTcpServer>

#include <limits>
#include <optional>

class Connection;
class KernelMonitor;
class QTimer;

// The listening socket and every connection it accepted. Lives on the network thread;
// whatever changes is gathered and sent as one UpdateBatch at most about 30 times a second.
class Listener final : public QTcpServer, private ConnectionObserver
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    static constexpr int FlushIntervalMs = 33;
    static constexpr int AcceptBatch = AcceptLoop::Batch;
    static constexpr int TrimIntervalMs = MemoryTrimmer::IntervalMs;
    static constexpr int TrimAfterFinished = MemoryTrimmer::AfterFinished;
    static constexpr int TrimQuietMs = MemoryTrimmer::QuietMs;
    static constexpr int IdleSweepIntervalMs = 500; // how often idle connections are looked for

    // On its own: listener 1, numbering its connections from 1.
    explicit Listener(QObject *parent = nullptr);
    // One of several: connection ids come from *nextConnectionId, shared with the others so that
    // they stay unique; the counter must outlive the listener.
    Listener(int listenerId, quint64 *nextConnectionId, QObject *parent = nullptr);
    ~Listener() override;

    void startListening(const QHostAddress &address, quint16 port, int backlog);
    // Closes the listening socket; open connections are closed too when asked.
    void stopListening(bool closeConnections);
    // While paused, new connections wait in the kernel's accept queue, up to the backlog.
    void setPaused(bool paused);
    void setBehaviour(const ServerBehaviour &behaviour);
    // Makes the next startListening() a TLS listener (or a plain one again with nullopt); the
    // setup is loaded and checked beforehand (TlsCredentials). A running listener keeps what it
    // started with until it starts again.
    void setTls(const std::optional<TlsServerSetup> &setup);

    void closeConnections(const QList<quint64> &ids, CloseMode mode = CloseMode::Graceful);
    void closeAllConnections();
    // Switches the given open connections' faults to these, live; the listener's own, for new
    // connections, stay.
    void setFaults(const QList<quint64> &ids, const Faults &faults);
    // Sends to the given connections, or to every open one when ids is empty.
    void send(const QList<quint64> &ids, const QByteArray &data);
    // The connection whose transcript goes out with the batches; 0 for none.
    void inspect(quint64 connectionId);
    // The connections whose TCP_INFO goes out with the batches, about once a second.
    void watchTcpInfo(const QList<quint64> &ids);
    // How many ended connections keep their transcript for inspection (the window keeps as many
    // as its table keeps closed rows; headless none); 0 keeps none.
    void keepEndedTranscripts(int count);
    // Drops every kept transcript of an ended connection and hands the memory back.
    void forgetEndedTranscripts();
    // Each ended connection's transcript goes out once, whole, in the next batch.
    void handOverEndedTranscripts(bool handOver);
    // The application's informational line for the event log, in order with the listener's own; it
    // names no listener.
    void note(const QString &text);
    // Stops following a transcript without a batch saying so (another listener's connection is
    // inspected now).
    void dropInspected() { m_feed.drop(); }
    // Sends what is pending now rather than at the next tick (before the listener goes away).
    void flushNow();
    // Something changed that has not gone out yet.
    bool isFlushPending() const;
    // The connection is open here, or its transcript is kept here after it ended.
    bool holds(quint64 id) const;

    int listenerId() const { return m_listenerId; }
    const ListenerStatus &status() const { return m_status; }
    const ListenerTotals &totals() const { return m_totals; }
    const ServerBehaviour &behaviour() const { return m_behaviour; }

signals:
    void updated(const UpdateBatch &batch);

private:
    // ConnectionObserver: what each of its connections tells it.
    void connectionChanged(quint64 id, qint64 receivedDelta, qint64 sentDelta) override;
    void connectionFinished(quint64 id) override;
    void connectionHalfClosed(quint64 id) override;
    void connectionTlsEstablished(quint64 id) override;
    void connectionRuleMatched(quint64 id, int rule) override;
    void connectionFaultActed(quint64 id, const QString &what) override;
    void connectionUpstreamConnected(quint64 id) override;
    void connectionUpstreamFailed(quint64 id, const QString &reason) override;
    // Sets up a connection the accept loop took.
    void takeDescriptor(const SocketOptions::Accepted &accepted);
    // Counts and logs the handshake's end, then starts it.
    void startTls(Connection *connection);
    // peer is the address accept() gave; the socket's own is gone once the peer reset.
    void take(QTcpSocket *socket, const QHostAddress &peerAddress, quint16 peerPort);
    void closeListeningSocket();
    // Closes a connection at once: over the maximum, or refused by the access lists (reason as
    // AccessList::refusalReason gives it).
    void refuse(QTcpSocket *socket, const QString &peer, const QString &reason);
    void closeIdleConnections();
    void setStatus(const ListenerStatus &status);
    void log(LogLevel level, const QString &text, LogEvent event = LogEvent::Other, const QString &reason = {});
    // A line with its details filled in; the time and this listener are stamped here.
    void log(LogEntry entry);
    void scheduleFlush();
    void flush();
    std::optional<TranscriptUpdate> transcriptUpdate();
    qintptr descriptorOf(quint64 id) const;
    void setPausedReason(const QString &reason);
    // Which access list cannot be read and why, for refusing to listen; empty when both can.
    QString unreadableAccessList() const;
    // Listening failed before it began: the error status without its reason, the queue unwatched.
    ListenerStatus failedStatus(const QHostAddress &address, quint16 port, int backlog);

    QHash<quint64, Connection *> m_connections;
    QHash<quint64, QString> m_closeReasons;          // why the server is closing them, for the log
    TranscriptArchive m_archive{std::numeric_limits<qsizetype>::max()}; // bounded by count
    bool m_handOverTranscripts = false;
    PendingBatch m_pending; // what the next batch carries
    ListenerStatus m_status;
    ListenerTotals m_totals;
    ServerBehaviour m_behaviour;
    bool m_acceptedSinceFlush = false;
    int m_listenerId = 1;
    quint64 m_ownNextId = 1;            // the counter of a listener on its own
    quint64 *m_nextId = &m_ownNextId;   // or the one it shares with the other listeners
    TranscriptFeed m_feed; // the inspected connection's transcript, as far as it went out
    QTimer *m_flushTimer = nullptr;
    QTimer *m_idleTimer = nullptr; // runs only while an idle timeout is set
    KernelMonitor *m_kernel = nullptr;
    AcceptLoop *m_acceptLoop = nullptr;
    MemoryTrimmer *m_trimmer = nullptr;
    std::optional<TlsServerSetup> m_tlsNext; // what the next start uses
    std::optional<TlsServerSetup> m_tls;     // what this run uses; accepted connections are TLS
};
