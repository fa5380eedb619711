#include "connection.h"

#include "connectionobserver.h"

#include "faultshaper.h"
#include "qtsocketinternals.h"
#include "socketoptions.h"
#include "tlsserversetup.h"
#include "tlssession.h"
#include "upstreamrelay.h"

#include <QDateTime>
#include <QTimer>
#include <QEvent>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>

#include <array>

#ifdef Q_OS_UNIX
#  include <sys/socket.h>
#endif

namespace {

// One read's piece: it stays below glibc's mmap threshold (128 KiB), as bigger pieces are
// mapped and unmapped on every read until the allocator adapts, which halved a TLS stream.
constexpr qint64 ReadChunk = 64 * 1024;
// What Qt buffers ahead. Each turn through QSslSocket costs a poll, reads, a decryption pass
// and signals, so TLS reads more per turn; memory stays bounded by the cap.
constexpr qint64 PlainReadBuffer = ReadChunk;
constexpr qint64 TlsReadBuffer = 64 * 1024;
// Echo stops reading a peer once this much of its echo waits unsent: the kernel's receive
// buffer then fills and TCP flow control slows a peer that sends without reading.
constexpr qint64 EchoHighWater = 1024 * 1024;
// Reading resumes below this, so that a slow reader does not toggle it on every write.
constexpr qint64 EchoLowWater = 256 * 1024;
// Sends are refused past this much unsent: to a peer that never reads, each would only grow
// the process.
constexpr qint64 SendBacklogLimit = 8 * 1024 * 1024;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Whether what waits to be read is the end of the stream; nothing is consumed.
bool atEndOfStream(qintptr descriptor)
{
#ifdef Q_OS_UNIX
    char byte = 0;
    return descriptor >= 0 && ::recv(int(descriptor), &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
#else
    Q_UNUSED(descriptor);
    return false;
#endif
}

} // namespace

Connection::Connection(quint64 id, QTcpSocket *socket, const QHostAddress &peerAddress, quint16 peerPort,
                       ConnectionObserver *observer, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_observer(observer)
{
    m_socket->setParent(this);
    m_info.id = id;
    m_info.peerAddress = peerAddress;
    m_info.peerPort = peerPort;
    m_info.localAddress = socket->localAddress();
    m_info.localPort = socket->localPort();
    m_info.acceptedAtMs = nowMs();
    m_info.lastActivityMs = m_info.acceptedAtMs;
    // Qt reads ahead into a buffer of its own, without limit by default: a peer that is not read
    // here would fill it for good. Capped, Qt stops reading too and TCP flow control takes over.
    m_socket->setReadBufferSize(PlainReadBuffer);

    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Connection::onBytesWritten);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &Connection::onErrorOccurred);
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);


    watchNotifiers();
}

Connection::~Connection() = default;

void Connection::makeShaper()
{
    // Made when faults are first set: most connections never have any, and there may be many.
    FaultShaper::Events events;
    events.readable = [this] { resumeReading(); };
    events.resetDue = [this] {
        actOnFault(tr("reset after %1 ms").arg(m_shaper->faults().resetAfterMs), CloseMode::Reset);
    };
    // Queued: the FIN must not end the socket inside a read or a write.
    events.drained = [this] {
        QMetaObject::invokeMethod(this, [this] {
            if (m_finPending)
                sendFin();
        }, Qt::QueuedConnection);
    };
    m_shaper = new FaultShaper(
        [this](const QByteArray &piece, bool merge, int rule, bool relayed) { writeOut(piece, merge, rule, relayed); },
        std::move(events), this);
}

void Connection::startTls(const TlsServerSetup &setup)
{
    auto *socket = qobject_cast<QSslSocket *>(m_socket);
    if (!socket || m_tls)
        return;
    socket->setReadBufferSize(TlsReadBuffer);
    m_tls = new TlsSession(socket, &m_info, setup.handshakeTimeoutSeconds, this);
    connect(m_tls, &TlsSession::established, this, [this] {
        m_observer->connectionChanged(m_info.id, 0, 0);
        m_observer->connectionTlsEstablished(m_info.id);
    });
    connect(m_tls, &TlsSession::timedOut, this, &Connection::onTlsTimedOut);
    // QSslSocket's bytesWritten counts application bytes as they enter TLS, before the wire
    // takes them; what waits is only known to drain here.
    connect(m_tls, &TlsSession::wireBytesWritten, this, [this] {
        m_observer->connectionChanged(m_info.id, 0, 0);
        afterWrite();
    });
    m_tls->start();
}

void Connection::onTlsTimedOut()
{
    if (isFinished() || !m_tls || m_tls->isEstablished())
        return;
    finish(ConnectionState::TlsFailed, m_tls->timeoutReason());
    m_socket->abort();
}

qint64 Connection::pendingOut() const
{
    const qint64 held = m_shaper ? m_shaper->queuedBytes() : 0;
    return held + (m_tls ? m_socket->bytesToWrite() + m_tls->encryptedBytesToWrite() : m_socket->bytesToWrite());
}

void Connection::watchNotifiers()
{
    // Qt reads a reset as an orderly close and closes the descriptor before it says so; its
    // notifiers are the one place to look at the socket first. The write notifier only comes
    // with the first write the kernel does not take at once; then it is the one that sees a
    // reset while reading is stalled.
    const QList<QSocketNotifier *> notifiers = QtSocketInternals::notifiers(m_socket);
    for (QSocketNotifier *notifier : notifiers) {
        notifier->installEventFilter(this); // installing twice keeps one filter
        if (notifier->type() == QSocketNotifier::Write)
            m_watchingWrites = true;
    }
}

void Connection::watchWritesIfQueued()
{
    if (!m_watchingWrites && pendingOut() > 0)
        watchNotifiers();
}

bool Connection::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::SockAct || m_resetSeen)
        return QObject::eventFilter(watched, event);
    checkPendingError();
    // Qt closes the socket as soon as it reads the end of the stream, dropping what it has not
    // sent yet: a peer that half-closes would lose the end of its echo. The end waits, with the
    // notifier off, until that is sent.
    auto *notifier = static_cast<QSocketNotifier *>(watched);
    // Forward mode passes the client's FIN on as a half-close and keeps relaying the other way.
    if (m_relay && notifier->type() == QSocketNotifier::Read && !m_resetSeen
        && atEndOfStream(m_socket->socketDescriptor())) {
        notifier->setEnabled(false);
        onClientEnded();
        return true;
    }
    if (notifier->type() == QSocketNotifier::Read && !m_resetSeen && pendingOut() > 0
        && atEndOfStream(m_socket->socketDescriptor())) {
        notifier->setEnabled(false);
        m_endHeld = true;
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void Connection::setMode(ServerMode mode)
{
    if (m_relay)
        mode = ServerMode::Forward; // a relayed connection stays one
    const bool modeChanged = mode != m_mode;
    m_mode = mode;
    // Out of Echo a backlog no longer holds reading back.
    if (modeChanged && m_readStalled)
        resumeReading();
    const bool recording = mode != ServerMode::Discard;
    if (recording != m_info.recording) {
        m_info.recording = recording;
        m_observer->connectionChanged(m_info.id, 0, 0);
    }
}

void Connection::setRules(const QList<ResponseRule> &rules)
{
    m_rules = RuleMatcher(rules);
}

void Connection::respond(const RuleMatcher::Response &response)
{
    m_observer->connectionRuleMatched(m_info.id, response.rule);
    const qint64 now = nowMs();
    // A later reply never overtakes an earlier one that waits.
    const qint64 due = std::max(now + response.delayMs, m_replies.isEmpty() ? now : m_replies.constLast().dueMs);
    m_replies.append({due, response});
    sendDueReplies();
}

void Connection::sendDueReplies()
{
    const qint64 now = nowMs();
    while (!m_replies.isEmpty() && m_replies.constFirst().dueMs <= now) {
        const RuleMatcher::Response response = m_replies.takeFirst().response;
        if (isFinished() || m_closeRequested)
            break;
        send(response.reply, response.rule + 1);
        if (response.then == ResponseRule::Then::Close)
            close(CloseMode::Graceful);
        else if (response.then == ResponseRule::Then::Reset)
            close(CloseMode::Reset);
    }
    if (m_replies.isEmpty() || isFinished() || m_closeRequested) {
        m_replies.clear();
        return;
    }
    if (!m_replyTimer) {
        m_replyTimer = new QTimer(this);
        m_replyTimer->setSingleShot(true);
        m_replyTimer->setTimerType(Qt::PreciseTimer);
        connect(m_replyTimer, &QTimer::timeout, this, &Connection::sendDueReplies);
    }
    m_replyTimer->start(int(std::max<qint64>(0, m_replies.constFirst().dueMs - now)));
}

void Connection::setTranscriptCapacity(qsizetype bytes)
{
    m_transcript.setCapacity(bytes);
}

bool Connection::canSend() const
{
    return !isFinished() && !m_closeRequested && !m_halfClosed && !m_halfClosePending;
}

bool Connection::sendBacklogFull() const
{
    return pendingOut() >= SendBacklogLimit;
}

bool Connection::send(const QByteArray &data, int rule)
{
    if (!canSend() || data.isEmpty() || sendBacklogFull())
        return false;
    enqueue(data, false, rule, false);
    m_observer->connectionChanged(m_info.id, 0, 0);
    return true;
}

bool Connection::sendRelayed(const QByteArray &data)
{
    if (!canSend() || data.isEmpty() || sendBacklogFull())
        return false;
    enqueue(data, true, 0, true);
    m_observer->connectionChanged(m_info.id, 0, 0);
    return true;
}

void Connection::close(CloseMode mode)
{
    if (isFinished())
        return;
    switch (mode) {
    case CloseMode::Graceful:
        if (m_closeRequested)
            return;
        m_closeRequested = true;
        m_info.state = ConnectionState::Closing;
        m_observer->connectionChanged(m_info.id, 0, 0);
        sendFin();
        break;
    case CloseMode::HalfClose:
        // TLS 1.3 allows it, but many stacks end the whole connection on close_notify; the
        // listener says so in the log.
        if (m_closeRequested || m_halfClosed || m_halfClosePending || m_tls)
            return;
        // Pending data goes out first; the FIN follows it.
        m_halfClosePending = true;
        if (pendingOut() == 0)
            shutdownWrite();
        break;
    case CloseMode::Reset:
        m_closeRequested = true;
        if (m_shaper)
            m_shaper->clear();
        SocketOptions::setAbortiveClose(m_socket->socketDescriptor());
        finish(ConnectionState::Aborted);
        m_socket->abort();
        break;
    }
}

void Connection::shutdownWrite()
{
    m_halfClosePending = false;
    if (!SocketOptions::shutdownWrite(m_socket->socketDescriptor())) {
        finish(ConnectionState::Error, tr("Could not shut down the sending side"));
        m_socket->abort();
        return;
    }
    m_halfClosed = true;
    m_info.state = ConnectionState::HalfClosed;
    m_info.halfClosedByServer = true;
    m_observer->connectionChanged(m_info.id, 0, 0);
    m_observer->connectionHalfClosed(m_info.id);
    finishRelayedIfDone();
}

void Connection::checkPendingError()
{
    const qintptr descriptor = m_socket->socketDescriptor();
#ifdef Q_OS_LINUX
    // After a reset the TCP state is CLOSE; a FIN leaves CLOSE_WAIT (or, once this side has
    // shut down too, LAST_ACK or TIME_WAIT). One call, nothing consumed.
    if (!m_closeRequested && !m_halfClosed && SocketOptions::isDroppedByKernel(descriptor))
        m_resetSeen = true;
#else
    // Elsewhere a reset leaves ECONNRESET pending until something reads it.
    if (SocketOptions::isResetError(SocketOptions::takePendingError(descriptor)))
        m_resetSeen = true;
#endif
}

bool Connection::echoBacklogFull() const
{
    return m_mode == ServerMode::Echo && pendingOut() >= EchoHighWater;
}

QSocketNotifier *Connection::readNotifier() const
{
    return QtSocketInternals::readNotifier(m_socket);
}

qintptr Connection::socketDescriptor() const
{
    return m_socket->socketDescriptor();
}

void Connection::resumeReading()
{
    m_readStalled = false;
    // Queued: a read may end the socket, which must not happen inside Qt's write path.
    QMetaObject::invokeMethod(this, &Connection::onReadyRead, Qt::QueuedConnection);
}

void Connection::onReadyRead()
{
    // Left unread, Qt's buffer fills and Qt turns its read notifier off until the next read, so
    // a stalled connection costs nothing while its peer's bytes wait in the kernel.
    if (m_readStalled || isFinished() || m_info.readsStalled)
        return;
    qint64 received = 0;
    const qint64 now = nowMs();
    for (;;) {
        if (echoBacklogFull() || relayHoldsReading()) {
            m_readStalled = true;
            break;
        }
        const qint64 limit = std::min(ReadChunk, readLimit());
        if (limit <= 0)
            break; // a fault holds reading back
        // Read straight into the chunk the transcript and the echo share: no second copy.
        const qint64 available = m_socket->bytesAvailable();
        QByteArray data(qBound<qint64>(1, available, limit), Qt::Uninitialized);
        const qint64 n = m_socket->read(data.data(), data.size());
        if (n <= 0)
            break; // 0: nothing more for now; -1: closed or failed, reported by the signals
        received += n;
        data.truncate(n);
        if (m_shaper)
            m_shaper->countRead(n);
        if (m_info.recording)
            m_transcript.append(TranscriptChunk::Direction::Received, data, now, Transcript::Merge::SameMillisecond, 0,
                                m_relay != nullptr);
        if (m_relay) {
            m_relay->sendUpstream(data);
            continue;
        }
        // The echo first: a rule's reply answers what arrived, and may close after it.
        if (m_mode == ServerMode::Echo && canSend())
            enqueue(data, true, 0, false);
        if (!m_rules.isEmpty()) {
            for (const RuleMatcher::Response &response : m_rules.feed(data))
                respond(response);
        }
    }
    if (received > 0) {
        if (m_tls)
            m_tls->updateWireBytesReceived(now);
        m_info.bytesReceived += static_cast<quint64>(received);
        m_info.lastActivityMs = now;
        m_observer->connectionChanged(m_info.id, received, 0);
        if (reachedReadLimits())
            return;
    }
    if (m_relay)
        passOnClientEnd();
    // An unbuffered read that hit EOF closes the socket without a disconnected() signal.
    if (m_socket->state() == QAbstractSocket::UnconnectedState && !isFinished())
        onDisconnected();
}

void Connection::onBytesWritten(qint64 bytes)
{
    m_info.bytesSent += static_cast<quint64>(bytes);
    m_info.lastActivityMs = nowMs();
    m_observer->connectionChanged(m_info.id, 0, bytes);
    afterWrite();
}

void Connection::afterWrite()
{
    const qint64 pending = pendingOut();
    if (m_halfClosePending && pending == 0)
        shutdownWrite();
    if (m_readStalled && !m_relay && pending <= EchoLowWater)
        resumeReading();
    if (m_relay && pending <= UpstreamRelay::LowWater)
        m_relay->resumeReading();
    if (m_endHeld && pending == 0) {
        m_endHeld = false;
        if (QSocketNotifier *notifier = readNotifier())
            notifier->setEnabled(true);
    }
}

void Connection::onErrorOccurred(QAbstractSocket::SocketError error)
{
    if (isFinished())
        return;
    if (m_tls && !m_tls->isEstablished()) {
        finish(ConnectionState::TlsFailed, m_tls->failureReason(m_socket->errorString()));
        return;
    }
    switch (error) {
    case QAbstractSocket::RemoteHostClosedError:
        checkPendingError();
        finishAsObserved();
        break;
    default:
        checkPendingError();
        if (m_resetSeen)
            finishAsObserved();
        else
            finish(ConnectionState::Error, m_socket->errorString());
        break;
    }
}

void Connection::onDisconnected()
{
    if (m_tls && !m_tls->isEstablished() && !m_closeRequested) {
        finish(ConnectionState::TlsFailed, m_tls->failureReason(m_socket->errorString()));
        return;
    }
    finishAsObserved();
}

void Connection::finishAsObserved()
{
    if (m_resetSeen)
        finish(ConnectionState::Reset, tr("Connection reset by peer"));
    else if (m_closeRequested || m_halfClosed)
        finish(ConnectionState::Closed);
    else
        finish(ConnectionState::PeerClosed);
}

void Connection::finish(ConnectionState state, const QString &errorString)
{
    if (isFinished())
        return;
    if (m_tls)
        m_tls->updateWireBytesReceived(); // the last count, while the socket may still tell it
    if (m_relay) {
        // A reset is passed on as one; any other end closes the upstream after what waits for it.
        m_relay->release(state == ConnectionState::Reset || state == ConnectionState::Aborted
                         || state == ConnectionState::Error);
        m_info.upstreamState = m_relay->state();
        m_relay = nullptr; // it may outlive this connection, or go with it
    }
    m_info.state = state;
    m_info.errorString = errorString;
    m_info.closedAtMs = nowMs();
    m_observer->connectionChanged(m_info.id, 0, 0);
    m_observer->connectionFinished(m_info.id);
    deleteLater();
}
