#include "listener.h"

#include "acceptedsocket.h"
#include "acceptloop.h"
#include "connection.h"
#include "connectionreport.h"
#include "endpoint.h"
#include "kernelmonitor.h"
#include "listenfailure.h"
#include "memorytrimmer.h"
#include "socketoptions.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

Listener::Listener(QObject *parent)
    : Listener(1, nullptr, parent)
{
}

Listener::Listener(int listenerId, quint64 *nextConnectionId, QObject *parent)
    : QTcpServer(parent)
    , m_listenerId(listenerId)
    , m_nextId(nextConnectionId ? nextConnectionId : &m_ownNextId)
    , m_flushTimer(new QTimer(this))
    , m_idleTimer(new QTimer(this))
    , m_kernel(new KernelMonitor([this](quint64 id) { return descriptorOf(id); }, this))
    , m_acceptLoop(new AcceptLoop(this, m_status, m_totals))
    , m_trimmer(new MemoryTrimmer([this] { return m_connections.isEmpty(); }, this))
{
    connect(m_acceptLoop, &AcceptLoop::accepted, this, &Listener::takeDescriptor);
    connect(m_acceptLoop, &AcceptLoop::logged, this, [this](LogLevel level, const QString &text) { log(level, text); });
    connect(m_acceptLoop, &AcceptLoop::pausedReasonChanged, this, &Listener::setPausedReason);
    connect(m_kernel, &KernelMonitor::changed, this, &Listener::scheduleFlush);
    // One sweep for all connections rather than a timer each: thousands of timers would cost
    // more than looking at every connection twice a second.
    m_idleTimer->setInterval(IdleSweepIntervalMs);
    connect(m_idleTimer, &QTimer::timeout, this, &Listener::closeIdleConnections);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(FlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &Listener::flush);
}

Listener::~Listener()
{
    // Before QTcpServer closes the listening socket.
    closeListeningSocket();
    // Connections are children and go with the listener; their signals must not reach it then.
    for (Connection *connection : std::as_const(m_connections))
        connection->disconnect(this);
}

void Listener::startListening(const QHostAddress &address, quint16 port, int backlog)
{
    closeListeningSocket();
    m_acceptLoop->reset();
    // An access list that cannot be read fails closed: no socket is opened at all.
    if (const QString unreadable = unreadableAccessList(); !unreadable.isEmpty()) {
        ListenerStatus status = failedStatus(address, port, backlog);
        status.errorString = unreadable;
        log(LogLevel::Error, tr("Not listening on %1: %2").arg(Endpoint::format(address, port), unreadable),
            LogEvent::ListenFailed, unreadable);
        setStatus(status);
        return;
    }
    setListenBacklogSize(backlog);
    // "::" means every interface, IPv4 too: Qt makes a socket bound to AnyIPv6 IPv6-only,
    // and one bound to Any dual-stack. IPv4 peers then show as plain IPv4 addresses.
    const bool everyInterface = address == QHostAddress(QHostAddress::AnyIPv6);
    if (!listen(everyInterface ? QHostAddress(QHostAddress::Any) : address, port)) {
        ListenerStatus status = failedStatus(address, port, backlog);
        ListenFailure::describe(&status, serverError(), errorString());
        log(LogLevel::Error, tr("Could not listen on %1: %2").arg(Endpoint::format(address, port), status.errorString),
            LogEvent::ListenFailed, status.errorString);
        setStatus(status);
        return;
    }
    m_tls = m_tlsNext;
    ListenerStatus status;
    status.state = ListenerState::Listening;
    status.paused = false;
    status.tls = m_tls.has_value();
    status.tlsFingerprint = m_tls ? m_tls->fingerprint : QString();
    // Shown as asked: the dual-stack Any behind "::" would print as 0.0.0.0.
    status.address = everyInterface ? address : serverAddress();
    status.port = serverPort();
    status.backlog = listenBacklogSize();
    setStatus(status);
    // Qt's accepting stays off: the accept loop empties the queue faster.
    pauseAccepting();
    m_acceptLoop->start();
    m_kernel->startListenQueue(socketDescriptor());
    log(LogLevel::Info, tr("Socket bound to %1").arg(Endpoint::format(status.address, status.port)), LogEvent::Bound);
    log(LogLevel::Info, tr("Listening with backlog %1").arg(status.backlog), LogEvent::Listening);
    if (m_tls)
        log(LogLevel::Info, tr("TLS certificate SHA-256 fingerprint %1").arg(m_tls->fingerprint));
    if (Endpoint::isAllInterfaces(status.address))
        log(LogLevel::Warning, tr("Bound to all interfaces: other machines can connect"));
    log(LogLevel::Info, tr("Waiting for a connection..."), LogEvent::Waiting);
}

ListenerStatus Listener::failedStatus(const QHostAddress &address, quint16 port, int backlog)
{
    m_kernel->stopListenQueue();
    ListenerStatus status;
    status.state = ListenerState::Error;
    status.address = address;
    status.port = port;
    status.backlog = backlog;
    return status;
}

QString Listener::unreadableAccessList() const
{
    if (!m_behaviour.allowList.isValid())
        return tr("Allow list: %1").arg(m_behaviour.allowList.error());
    if (!m_behaviour.denyList.isValid())
        return tr("Deny list: %1").arg(m_behaviour.denyList.error());
    return {};
}

void Listener::stopListening(bool closeConnections)
{
    if (isListening()) {
        const QString where = Endpoint::format(m_status.address, m_status.port);
        closeListeningSocket();
        log(LogLevel::Info, tr("Stopped listening on %1").arg(where), LogEvent::Stopped);
    }
    m_kernel->stopListenQueue();
    m_acceptLoop->reset();
    if (closeConnections)
        closeAllConnections();
    else if (!m_connections.isEmpty())
        log(LogLevel::Info, tr("%n connection(s) left open", nullptr, int(m_connections.size())));
    ListenerStatus status = m_status;
    status.state = ListenerState::Stopped;
    status.paused = false;
    status.pausedReason.clear();
    status.errorString.clear();
    status.failedStep = LifecycleStep::None;
    status.errnoName.clear();
    setStatus(status);
}

void Listener::setPaused(bool paused)
{
    if (!isListening() || paused == m_status.paused)
        return;
    ListenerStatus status = m_status;
    status.paused = paused;
    setStatus(status);
    // Out of descriptors, accepting stays off until the retry finds some free.
    m_acceptLoop->updateEnabled();
    if (paused) {
        log(LogLevel::Info, tr("Accepting paused: new connections wait in the kernel's accept queue (backlog %1)")
                                .arg(m_status.backlog));
    } else {
        log(LogLevel::Info, tr("Accepting resumed"));
    }
}

void Listener::closeListeningSocket()
{
    // The accept loop stops watching first: the descriptor may be handed out again once closed.
    m_acceptLoop->stop();
    if (isListening())
        close();
}

namespace {

// Greeting and Accept and close act once, on accept; afterwards such a connection is held.
ServerMode ongoingMode(ServerMode mode)
{
    return mode == ServerMode::Echo || mode == ServerMode::Discard ? mode : ServerMode::Hold;
}

} // namespace

void Listener::setBehaviour(const ServerBehaviour &behaviour)
{
    const bool modeChanged = behaviour.mode != m_behaviour.mode
        || (behaviour.mode == ServerMode::Forward && behaviour.forwardTarget != m_behaviour.forwardTarget);
    const bool idleChanged = behaviour.idleTimeoutSeconds != m_behaviour.idleTimeoutSeconds;
    const bool faultsChanged = behaviour.faults != m_behaviour.faults;
    const bool accessChanged =
        behaviour.allowList != m_behaviour.allowList || behaviour.denyList != m_behaviour.denyList;
    const bool rulesChanged = behaviour.rules != m_behaviour.rules;
    m_behaviour = behaviour;
    // Counts of other rules would mislead: they start again with the list.
    if (rulesChanged)
        m_totals.ruleMatches = QList<quint64>(behaviour.rules.size(), 0);
    if (behaviour.idleTimeoutSeconds > 0)
        m_idleTimer->start();
    else
        m_idleTimer->stop();
    if (idleChanged) {
        log(LogLevel::Info, behaviour.idleTimeoutSeconds > 0
                                ? tr("Idle timeout: %n s", nullptr, behaviour.idleTimeoutSeconds)
                                : tr("Idle timeout: off"));
    }
    if (accessChanged) {
        log(LogLevel::Info, tr("Access lists: allow %1; deny %2")
                                .arg(behaviour.allowList.isEmpty() ? tr("everyone") : behaviour.allowList.toString(),
                                     behaviour.denyList.isEmpty() ? tr("nobody") : behaviour.denyList.toString()));
    }
    for (Connection *connection : std::as_const(m_connections)) {
        connection->setMode(ongoingMode(behaviour.mode));
        connection->setTranscriptCapacity(behaviour.transcriptCapacity);
        // A line half received stays in its buffer unless the rules themselves change.
        if (rulesChanged)
            connection->setRules(behaviour.rules);
    }
    if (modeChanged && behaviour.mode == ServerMode::Forward) {
        log(LogLevel::Info, tr("Server mode: Forward to %1: new connections are relayed there")
                                .arg(behaviour.forwardTarget.toString()));
    } else if (modeChanged) {
        log(LogLevel::Info, tr("Server mode: %1").arg(serverModeText(behaviour.mode)));
    }
    if (faultsChanged) {
        log(LogLevel::Info, behaviour.faults.any() ? tr("Faults for new connections: %1").arg(behaviour.faults.summary())
                                                   : tr("Faults for new connections: none"));
    }
}

void Listener::setTls(const std::optional<TlsServerSetup> &setup)
{
    m_tlsNext = setup;
}

void Listener::closeConnections(const QList<quint64> &ids, CloseMode mode)
{
    for (const quint64 id : ids) {
        Connection *connection = m_connections.value(id);
        if (!connection)
            continue;
        if (mode == CloseMode::HalfClose && connection->isTls() && !connection->isFinished()) {
            log(LogLevel::Warning,
                tr("Connection #%1: half-close is not available on TLS: TLS 1.3 half-close is not portable").arg(id));
            continue;
        }
        connection->close(mode);
    }
}

void Listener::setFaults(const QList<quint64> &ids, const Faults &faults)
{
    int count = 0;
    for (const quint64 id : ids) {
        Connection *connection = m_connections.value(id);
        if (!connection || connection->isFinished())
            continue;
        connection->setFaults(faults);
        ++count;
    }
    if (count == 0)
        return;
    log(LogLevel::Info, faults.any() ? tr("Faults for %n connection(s): %1", nullptr, count).arg(faults.summary())
                                     : tr("Faults off for %n connection(s)", nullptr, count));
}

void Listener::send(const QList<quint64> &ids, const QByteArray &data)
{
    int sent = 0;
    int backlogged = 0;
    int shut = 0; // half-closed or closing: the server's sending side is shut
    const auto sendTo = [&](Connection *connection) {
        if (connection->send(data))
            ++sent;
        else if (connection->canSend() && connection->sendBacklogFull())
            ++backlogged;
        else if (!connection->canSend() && !connection->isFinished())
            ++shut;
    };
    if (ids.isEmpty()) {
        for (Connection *connection : std::as_const(m_connections))
            sendTo(connection);
    } else {
        for (const quint64 id : ids) {
            if (Connection *connection = m_connections.value(id))
                sendTo(connection);
        }
    }
    LogEntry line;
    line.text = tr("Sent %n byte(s)", nullptr, int(data.size())) + QLatin1Char(' ')
        + tr("to %n connection(s)", nullptr, sent);
    line.event = LogEvent::Sent;
    line.bytesOut = data.size();
    log(line);
    if (backlogged > 0)
        log(LogLevel::Warning, tr("Not sent to %n connection(s): the peer is not reading what was sent before",
                                  nullptr, backlogged));
    if (shut > 0)
        log(LogLevel::Warning, tr("Not sent to %n connection(s): the server has shut its sending side (half-closed "
                                  "or closing)",
                                  nullptr, shut));
}

void Listener::inspect(quint64 connectionId)
{
    m_feed.follow(connectionId);
    scheduleFlush();
}

void Listener::watchTcpInfo(const QList<quint64> &ids)
{
    m_kernel->watch(ids);
}

void Listener::keepEndedTranscripts(int count)
{
    m_archive.setCountLimit(count);
}

void Listener::forgetEndedTranscripts()
{
    m_archive.clear();
    m_trimmer->trimNow();
}

void Listener::handOverEndedTranscripts(bool handOver)
{
    m_handOverTranscripts = handOver;
    if (!handOver)
        m_pending.dropHandOvers();
}

void Listener::note(const QString &text)
{
    // The application's own line, carried in this listener's batch: it names no listener.
    m_pending.appendLog(LogEntry{QDateTime::currentMSecsSinceEpoch(), LogLevel::Info, text, 0});
    scheduleFlush();
}

qintptr Listener::descriptorOf(quint64 id) const
{
    // A closed connection's socket reports -1.
    const Connection *connection = m_connections.value(id);
    return connection ? connection->socketDescriptor() : -1;
}

void Listener::closeAllConnections()
{
    if (m_connections.isEmpty())
        return;
    log(LogLevel::Info, tr("Closing %n connection(s)", nullptr, int(m_connections.size())));
    // close() may finish a connection at once, which edits the hash.
    const QList<Connection *> connections = m_connections.values();
    for (Connection *connection : connections)
        connection->close();
}

void Listener::refuse(QTcpSocket *socket, const QString &peer, const QString &reason)
{
    ++m_totals.refused;
    LogEntry line;
    line.level = LogLevel::Warning;
    line.text = tr("Refused %1: %2").arg(peer, reason);
    line.event = LogEvent::Refused;
    line.peer = peer;
    line.reason = reason;
    log(line);
    socket->close();
    delete socket;
    scheduleFlush();
}

void Listener::closeIdleConnections()
{
    const qint64 limitMs = qint64(m_behaviour.idleTimeoutSeconds) * 1000;
    if (limitMs <= 0)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // close() may finish a connection at once, which edits the hash.
    const QList<Connection *> connections = m_connections.values();
    for (Connection *connection : connections) {
        const ConnectionInfo &info = connection->info();
        if (info.state != ConnectionState::Open || now - info.lastActivityMs <= limitMs)
            continue;
        // Said once, in the line that tells how the connection ended, with how long it was idle.
        m_closeReasons.insert(info.id,
                              ConnectionReport::idleReason(now - info.lastActivityMs, m_behaviour.idleTimeoutSeconds));
        connection->close();
    }
}

void Listener::takeDescriptor(const SocketOptions::Accepted &accepted)
{
    m_trimmer->connectionAccepted();
    QString error;
    QTcpSocket *socket = AcceptedSocket::open(accepted, m_tls ? &*m_tls : nullptr, this, &error);
    if (!socket) {
        log(LogLevel::Error, tr("Could not take an accepted connection: %1").arg(error));
        return;
    }
    take(socket, accepted.peerAddress, accepted.peerPort);
}

void Listener::startTls(Connection *connection)
{
    connection->startTls(*m_tls);
}

void Listener::take(QTcpSocket *socket, const QHostAddress &peerAddress, quint16 peerPort)
{
    const QString peer = Endpoint::format(peerAddress, peerPort);
    const QString refusal = AccessList::refusalReason(m_behaviour.allowList, m_behaviour.denyList, peerAddress);
    if (!refusal.isEmpty()) {
        refuse(socket, peer, refusal);
        return;
    }
    if (m_connections.size() >= m_behaviour.maxConnections) {
        refuse(socket, peer, tr("already %n connection(s) open, the maximum", nullptr, int(m_connections.size())));
        return;
    }
    const quint64 id = (*m_nextId)++;
    auto *connection = new Connection(id, socket, peerAddress, peerPort, this, this);
    connection->setTranscriptCapacity(m_behaviour.transcriptCapacity);
    connection->setRules(m_behaviour.rules);
    connection->setMode(ongoingMode(m_behaviour.mode));
    connection->setFaults(m_behaviour.faults);
    m_connections.insert(id, connection);

    ++m_totals.accepted;
    m_totals.open = int(m_connections.size());
    m_totals.peakOpen = std::max(m_totals.peakOpen, m_totals.open);
    m_acceptedSinceFlush = true;
    log(ConnectionReport::accepted(connection->info()));
    m_pending.connectionChanged(id);
    scheduleFlush();
    if (m_behaviour.faults.acceptThenReset) {
        log(ConnectionReport::faultActed(connection->info(), tr("reset on accept")));
        connection->close(CloseMode::Reset);
        return;
    }
    // Before the greeting: written earlier, it would go out in clear.
    if (m_tls)
        startTls(connection);

    if (m_behaviour.mode == ServerMode::Forward)
        connection->startForwarding(m_behaviour.forwardTarget);
    else if (m_behaviour.mode == ServerMode::Greeting)
        connection->send(m_behaviour.greeting);
    else if (m_behaviour.mode == ServerMode::AcceptAndClose)
        connection->close();
}

void Listener::connectionChanged(quint64 id, qint64 receivedDelta, qint64 sentDelta)
{
    m_totals.bytesReceived += static_cast<quint64>(receivedDelta);
    m_totals.bytesSent += static_cast<quint64>(sentDelta);
    m_pending.connectionChanged(id);
    scheduleFlush();
}

void Listener::connectionFinished(quint64 id)
{
    Connection *connection = m_connections.take(id);
    if (!connection)
        return;
    m_trimmer->connectionEnded();
    ConnectionInfo info = connection->info();
    info.listenerId = m_listenerId;
    m_archive.insert(id, connection->transcript());
    if (m_handOverTranscripts) {
        m_pending.handOver(
            EndedTranscript{info, connection->transcript().chunks(), connection->transcript().droppedBytes()});
    }
    m_totals.open = int(m_connections.size());

    if (info.state == ConnectionState::TlsFailed)
        ++m_totals.handshakesFailed;
    log(ConnectionReport::ended(info, m_closeReasons.take(id), connection->closeRequested()));
    m_pending.connectionEnded(info);
    scheduleFlush();
}

void Listener::setStatus(const ListenerStatus &status)
{
    m_status = status;
    m_pending.statusChanged();
    scheduleFlush();
}

void Listener::setPausedReason(const QString &reason)
{
    ListenerStatus status = m_status;
    status.pausedReason = reason;
    setStatus(status);
}

void Listener::log(LogLevel level, const QString &text, LogEvent event, const QString &reason)
{
    LogEntry entry;
    entry.level = level;
    entry.text = text;
    entry.event = event;
    entry.reason = reason;
    log(entry);
}

void Listener::log(LogEntry entry)
{
    entry.timestampMs = QDateTime::currentMSecsSinceEpoch();
    entry.listenerId = m_listenerId;
    m_pending.appendLog(entry);
    scheduleFlush();
}

void Listener::scheduleFlush()
{
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void Listener::flushNow()
{
    m_flushTimer->stop();
    flush();
}

bool Listener::isFlushPending() const
{
    return m_flushTimer->isActive();
}

bool Listener::holds(quint64 id) const
{
    return m_connections.contains(id) || m_archive.find(id);
}

void Listener::flush()
{
    if (m_acceptedSinceFlush && isListening()) {
        // The seed's loop prints this before each accept(); once per burst keeps the log readable.
        m_acceptedSinceFlush = false;
        log(LogLevel::Info, tr("Waiting for a connection..."), LogEvent::Waiting);
        m_flushTimer->stop();
    }

    UpdateBatch batch;
    batch.listenerId = m_listenerId;
    m_pending.takeInto(&batch, m_connections);
    batch.status = m_status;
    batch.totals = m_totals;
    batch.transcript = transcriptUpdate();
    batch.listenQueue = m_kernel->listenQueue();
    batch.listenQueueChanged = m_kernel->takeListenQueueChanged();
    batch.tcpInfo = m_kernel->takeTcpInfo();
    emit updated(batch);
}

std::optional<TranscriptUpdate> Listener::transcriptUpdate()
{
    const quint64 id = m_feed.connectionId();
    const Connection *connection = m_connections.value(id);
    return m_feed.take(connection ? &connection->transcript() : m_archive.find(id));
}

void Listener::connectionHalfClosed(quint64 id)
{
    if (const Connection *connection = m_connections.value(id))
        log(ConnectionReport::halfClosed(connection->info()));
}

void Listener::connectionTlsEstablished(quint64 id)
{
    ++m_totals.handshakesDone;
    if (const Connection *established = m_connections.value(id))
        log(ConnectionReport::tlsEstablished(established->info()));
}

void Listener::connectionRuleMatched(quint64, int rule)
{
    if (rule >= 0 && rule < m_totals.ruleMatches.size())
        ++m_totals.ruleMatches[rule];
}

void Listener::connectionFaultActed(quint64 id, const QString &what)
{
    if (const Connection *faulted = m_connections.value(id))
        log(ConnectionReport::faultActed(faulted->info(), what));
}

void Listener::connectionUpstreamConnected(quint64 id)
{
    if (const Connection *relayed = m_connections.value(id))
        log(LogLevel::Connection, tr("Connection #%1: connected to upstream %2").arg(id).arg(relayed->info().upstream));
}

void Listener::connectionUpstreamFailed(quint64 id, const QString &reason)
{
    m_closeReasons.insert(id, reason);
    log(LogLevel::Warning, tr("Connection #%1: %2").arg(id).arg(reason));
}
