#include "listener.h"

#include "acceptgate.h"
#include "connection.h"
#include "endpoint.h"
#include "kernelmonitor.h"
#include "listenfailure.h"
#include "socketoptions.h"
#include "tlssession.h"

#include <QDateTime>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

#ifdef __GLIBC__
#  include <malloc.h>
#endif

Listener::Listener(QObject *parent)
    : Listener(1, nullptr, parent)
{
}

Listener::Listener(int listenerId, quint64 *nextConnectionId, QObject *parent)
    : QTcpServer(parent)
    , m_listenerId(listenerId)
    , m_nextId(nextConnectionId ? nextConnectionId : &m_ownNextId)
    , m_flushTimer(new QTimer(this))
    , m_trimTimer(new QTimer(this))
    , m_idleTimer(new QTimer(this))
    , m_kernel(new KernelMonitor([this](quint64 id) { return descriptorOf(id); }, this))
    , m_gate(new AcceptGate(this, m_status, m_totals))
{
    connect(m_gate, &AcceptGate::logged, this, &Listener::log);
    connect(m_gate, &AcceptGate::pausedReasonChanged, this, &Listener::setPausedReason);
    connect(m_kernel, &KernelMonitor::changed, this, &Listener::scheduleFlush);
    // glibc keeps the memory of freed connections for reuse; after a churn of thousands that
    // is tens of MiB the process would otherwise hold at its peak for good.
    m_trimTimer->setInterval(TrimIntervalMs);
    connect(m_trimTimer, &QTimer::timeout, this, &Listener::releaseFreedMemory);
    m_trimTimer->start();
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
    m_gate->reset();
    // An access list that cannot be read fails closed: no socket is opened at all.
    if (const QString unreadable = unreadableAccessList(); !unreadable.isEmpty()) {
        ListenerStatus status = failedStatus(address, port, backlog);
        status.errorString = unreadable;
        log(LogLevel::Error, tr("Not listening on %1: %2").arg(Endpoint::format(address, port), unreadable));
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
        log(LogLevel::Error,
            tr("Could not listen on %1: %2").arg(Endpoint::format(address, port), status.errorString));
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
    // Qt's accept loop sets each connection up before it accepts the next, and so takes too long
    // to empty a short queue: a client connecting again at once overflows a backlog of 5 and
    // waits a second for its SYN to be sent again. Qt's accepting stays off; acceptReady() does it.
    pauseAccepting();
    m_acceptNotifier = new QSocketNotifier(socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_acceptNotifier, &QSocketNotifier::activated, this, &Listener::acceptReady);
    m_kernel->startListenQueue(socketDescriptor());
    m_gate->watch(m_acceptNotifier);
    log(LogLevel::Info, tr("Socket bound to %1").arg(Endpoint::format(status.address, status.port)));
    log(LogLevel::Info, tr("Listening with backlog %1").arg(status.backlog));
    if (m_tls)
        log(LogLevel::Info, tr("TLS certificate SHA-256 fingerprint %1").arg(m_tls->fingerprint));
    if (Endpoint::isAllInterfaces(status.address))
        log(LogLevel::Warning, tr("Bound to all interfaces: other machines can connect"));
    log(LogLevel::Info, tr("Waiting for a connection..."));
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
        log(LogLevel::Info, tr("Stopped listening on %1").arg(where));
    }
    m_kernel->stopListenQueue();
    m_gate->reset();
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
    updateAccepting();
    if (paused) {
        log(LogLevel::Info, tr("Accepting paused: new connections wait in the kernel's accept queue (backlog %1)")
                                .arg(m_status.backlog));
    } else {
        log(LogLevel::Info, tr("Accepting resumed"));
    }
}

void Listener::updateAccepting()
{
    if (m_acceptNotifier)
        m_acceptNotifier->setEnabled(!m_status.paused && !m_gate->isShut());
}

void Listener::closeListeningSocket()
{
    // The notifier goes first: it must never watch a closed descriptor, which the system may
    // hand out again.
    delete m_acceptNotifier;
    m_acceptNotifier = nullptr;
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
    const bool modeChanged = behaviour.mode != m_behaviour.mode;
    const bool idleChanged = behaviour.idleTimeoutSeconds != m_behaviour.idleTimeoutSeconds;
    const bool accessChanged =
        behaviour.allowList != m_behaviour.allowList || behaviour.denyList != m_behaviour.denyList;
    m_behaviour = behaviour;
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
    }
    if (modeChanged)
        log(LogLevel::Info, tr("Server mode: %1").arg(serverModeText(behaviour.mode)));
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
    log(LogLevel::Info, tr("Sent %n byte(s)", nullptr, int(data.size())) + QLatin1Char(' ')
                            + tr("to %n connection(s)", nullptr, sent));
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
    releaseMemoryNow();
}

void Listener::handOverEndedTranscripts(bool handOver)
{
    m_handOverTranscripts = handOver;
    if (!handOver)
        m_endedTranscripts = {};
}

void Listener::note(const QString &text)
{
    // The application's own line, carried in this listener's batch: it names no listener.
    m_pendingLog.append(LogEntry{QDateTime::currentMSecsSinceEpoch(), LogLevel::Info, text, 0});
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
    log(LogLevel::Warning, tr("Refused %1: %2").arg(peer, reason));
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
        m_closeReasons.insert(info.id, tr("idle for %1 s (the timeout is %2 s)")
                                           .arg((now - info.lastActivityMs) / 1000)
                                           .arg(m_behaviour.idleTimeoutSeconds));
        connection->close();
    }
}

void Listener::acceptReady()
{
    // Setting a connection up costs many times what accepting it does, so the kernel's queue is
    // emptied first and looked at again before each set-up: a client that connects again at once
    // would otherwise fill a short backlog meanwhile. At most AcceptBatch per turn of the event
    // loop, so that a flood of new connections cannot starve the open ones of their reads and
    // closes; the notifier fires again on the next turn while more wait.
    int taken = 0;
    while (taken < AcceptBatch) {
        while (m_acceptNotifier && m_acceptNotifier->isEnabled() && taken + m_accepted.size() < AcceptBatch) {
            const SocketOptions::Accepted accepted = SocketOptions::acceptConnection(socketDescriptor());
            if (accepted.descriptor < 0) {
                if (accepted.error != 0)
                    m_gate->acceptFailed(accepted.error);
                break;
            }
            m_accepted.append(accepted);
        }
        if (m_accepted.isEmpty())
            break;
        takeDescriptor(m_accepted.takeFirst());
        ++taken;
    }
}

void Listener::takeDescriptor(const SocketOptions::Accepted &accepted)
{
    m_sinceAccept.start();
    if (m_tls) {
        takeTlsDescriptor(accepted);
        return;
    }
    auto *socket = new QTcpSocket(this);
    // TCP sockets are always buffered in Qt; Connection caps the buffer.
    if (!socket->setSocketDescriptor(accepted.descriptor, QAbstractSocket::ConnectedState, QIODevice::ReadWrite)) {
        log(LogLevel::Error, tr("Could not take an accepted connection: %1").arg(socket->errorString()));
        delete socket;
        SocketOptions::closeSocket(accepted.descriptor);
        return;
    }
    take(socket, accepted.peerAddress, accepted.peerPort);
}

void Listener::takeTlsDescriptor(const SocketOptions::Accepted &accepted)
{
    QString error;
    QSslSocket *socket = TlsSession::createSocket(accepted.descriptor, *m_tls, this, &error);
    if (!socket) {
        log(LogLevel::Error, tr("Could not take an accepted connection: %1").arg(error));
        SocketOptions::closeSocket(accepted.descriptor);
        return;
    }
    take(socket, accepted.peerAddress, accepted.peerPort);
}

void Listener::startTls(Connection *connection)
{
    connect(connection, &Connection::tlsEstablished, this, [this](quint64 id) {
        ++m_totals.handshakesDone;
        if (const Connection *established = m_connections.value(id)) {
            const ConnectionInfo &info = established->info();
            log(LogLevel::Connection, tr("Connection #%1 from %2: TLS handshake done, %3, %4")
                                          .arg(id)
                                          .arg(Endpoint::format(info.peerAddress, info.peerPort), info.tlsProtocol,
                                               info.tlsCipher));
        }
    });
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
    auto *connection = new Connection(id, socket, peerAddress, peerPort, this);
    connection->setTranscriptCapacity(m_behaviour.transcriptCapacity);
    connection->setMode(ongoingMode(m_behaviour.mode));
    connect(connection, &Connection::changed, this, &Listener::onConnectionChanged);
    connect(connection, &Connection::finished, this, &Listener::onConnectionFinished);
    connect(connection, &Connection::halfClosed, this, [this](quint64 halfClosedId) {
        if (const Connection *halfClosedConnection = m_connections.value(halfClosedId)) {
            const ConnectionInfo &halfInfo = halfClosedConnection->info();
            log(LogLevel::Connection,
                tr("Connection #%1 from %2 half-closed by the server: the peer reads EOF and can still send")
                    .arg(halfClosedId)
                    .arg(Endpoint::format(halfInfo.peerAddress, halfInfo.peerPort)));
        }
    });
    m_connections.insert(id, connection);

    ++m_totals.accepted;
    m_totals.open = int(m_connections.size());
    m_totals.peakOpen = std::max(m_totals.peakOpen, m_totals.open);
    m_acceptedSinceFlush = true;
    log(LogLevel::Connection, tr("Connection from %1").arg(Endpoint::format(connection->info().peerAddress,
                                                                            connection->info().peerPort)));
    m_dirty.insert(id);
    scheduleFlush();
    // Before the greeting: written earlier, it would go out in clear.
    if (m_tls)
        startTls(connection);

    if (m_behaviour.mode == ServerMode::Greeting)
        connection->send(m_behaviour.greeting);
    else if (m_behaviour.mode == ServerMode::AcceptAndClose)
        connection->close();
}

void Listener::onConnectionChanged(quint64 id, qint64 receivedDelta, qint64 sentDelta)
{
    m_totals.bytesReceived += static_cast<quint64>(receivedDelta);
    m_totals.bytesSent += static_cast<quint64>(sentDelta);
    m_dirty.insert(id);
    scheduleFlush();
}

void Listener::onConnectionFinished(quint64 id)
{
    Connection *connection = m_connections.take(id);
    if (!connection)
        return;
    ++m_finishedSinceTrim;
    ConnectionInfo info = connection->info();
    info.listenerId = m_listenerId;
    m_finishedInfos.insert(id, info);
    m_archive.insert(id, connection->transcript());
    if (m_handOverTranscripts) {
        m_endedTranscripts.append(
            EndedTranscript{info, connection->transcript().chunks(), connection->transcript().droppedBytes()});
    }
    m_totals.open = int(m_connections.size());

    const QString peer = Endpoint::format(info.peerAddress, info.peerPort);
    const QString reason = m_closeReasons.take(id);
    switch (info.state) {
    case ConnectionState::Closed:
        if (!reason.isEmpty())
            log(LogLevel::Connection, tr("Connection #%1 from %2 closed by the server: %3").arg(id).arg(peer, reason));
        else if (info.halfClosedByServer && !connection->closeRequested())
            log(LogLevel::Connection,
                tr("Connection #%1 from %2 closed: the server half-closed it first, then the peer closed its side")
                    .arg(id)
                    .arg(peer));
        else
            log(LogLevel::Connection, tr("Connection #%1 from %2 closed by the server").arg(id).arg(peer));
        break;
    case ConnectionState::PeerClosed:
        log(LogLevel::Connection, tr("Connection #%1 from %2 closed by the peer").arg(id).arg(peer));
        break;
    case ConnectionState::Reset:
        log(LogLevel::Warning, tr("Connection #%1 from %2 reset by the peer").arg(id).arg(peer));
        break;
    case ConnectionState::Aborted:
        log(LogLevel::Connection, tr("Connection #%1 from %2 reset by the server (RST)").arg(id).arg(peer));
        break;
    case ConnectionState::TlsFailed:
        ++m_totals.handshakesFailed;
        log(LogLevel::Warning, tr("Connection #%1 from %2: TLS failed: %3").arg(id).arg(peer, info.errorString));
        break;
    default:
        log(LogLevel::Error, tr("Connection #%1 from %2 failed: %3").arg(id).arg(peer, info.errorString));
        break;
    }
    m_dirty.insert(id);
    scheduleFlush();
}

void Listener::setStatus(const ListenerStatus &status)
{
    m_status = status;
    m_statusChanged = true;
    scheduleFlush();
}

void Listener::setPausedReason(const QString &reason)
{
    ListenerStatus status = m_status;
    status.pausedReason = reason;
    setStatus(status);
}

void Listener::log(LogLevel level, const QString &text)
{
    m_pendingLog.append(LogEntry{QDateTime::currentMSecsSinceEpoch(), level, text, m_listenerId});
    scheduleFlush();
}

void Listener::scheduleFlush()
{
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void Listener::releaseFreedMemory()
{
    // Enough ended to be worth it, or the last of a crowd ended after the previous trim.
    const bool lastLeft = m_finishedSinceTrim > 0 && m_connections.isEmpty();
    if (m_finishedSinceTrim < TrimAfterFinished && !lastLeft)
        return;
    // The trim holds this thread for milliseconds (4 ms after 3,000 connections), long enough for
    // a client that keeps connecting to overflow a short backlog: it waits for a pause in new
    // connections, looking again soon.
    if (m_sinceAccept.isValid() && m_sinceAccept.elapsed() < TrimQuietMs) {
        m_trimTimer->start(TrimQuietMs);
        return;
    }
    m_trimTimer->start(TrimIntervalMs);
    releaseMemoryNow();
    // Some of what the last connections held is freed after the trim (their deferred deletes,
    // the batch on its way to the UI): once everyone has left, the next tick trims once more.
    if (lastLeft && !m_trimmedAfterLastLeft) {
        m_finishedSinceTrim = 1;
        m_trimmedAfterLastLeft = true;
    } else {
        m_trimmedAfterLastLeft = false;
    }
}

void Listener::releaseMemoryNow()
{
    m_finishedSinceTrim = 0;
#ifdef __GLIBC__
    ::malloc_trim(0);
#endif
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
        log(LogLevel::Info, tr("Waiting for a connection..."));
        m_flushTimer->stop();
    }

    UpdateBatch batch;
    batch.listenerId = m_listenerId;
    QList<quint64> ids(m_dirty.cbegin(), m_dirty.cend());
    std::sort(ids.begin(), ids.end());
    batch.connections.reserve(ids.size());
    for (const quint64 id : std::as_const(ids)) {
        if (const Connection *connection = m_connections.value(id)) {
            batch.connections.append(connection->info());
            batch.connections.last().listenerId = m_listenerId;
        } else if (m_finishedInfos.contains(id)) {
            batch.connections.append(m_finishedInfos.value(id));
        }
    }
    m_dirty.clear();
    m_finishedInfos.clear();
    batch.log = std::exchange(m_pendingLog, {});
    batch.status = m_status;
    batch.statusChanged = std::exchange(m_statusChanged, false);
    batch.totals = m_totals;
    batch.transcript = transcriptUpdate();
    batch.listenQueue = m_kernel->listenQueue();
    batch.listenQueueChanged = m_kernel->takeListenQueueChanged();
    batch.tcpInfo = m_kernel->takeTcpInfo();
    batch.endedTranscripts = std::exchange(m_endedTranscripts, {});
    emit updated(batch);
}

std::optional<TranscriptUpdate> Listener::transcriptUpdate()
{
    const quint64 id = m_feed.connectionId();
    const Connection *connection = m_connections.value(id);
    return m_feed.take(connection ? &connection->transcript() : m_archive.find(id));
}
