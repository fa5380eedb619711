#include "upstreamrelay.h"

#include "qtsocketinternals.h"
#include "socketoptions.h"

#include <QEvent>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#  include <cerrno>
#  include <sys/socket.h>
#endif

namespace {

// One read's piece and what Qt may buffer ahead, as for the client (see Connection).
constexpr qint64 ReadChunk = 64 * 1024;
// How long a released relay may take to hand the upstream what waits for it.
constexpr int LingerMs = 30000;

// What waits to be read, looked at without consuming it: one call tells data from the end of
// the stream and from a reset, so the relay's busy path costs one extra call per read.
enum class Pending : quint8 { Data, End, Reset };

Pending peek(qintptr descriptor)
{
#ifdef Q_OS_UNIX
    char byte = 0;
    const ssize_t n = descriptor >= 0 ? ::recv(int(descriptor), &byte, 1, MSG_PEEK | MSG_DONTWAIT) : 1;
    if (n == 0)
        return Pending::End;
    if (n < 0 && (errno == ECONNRESET || errno == EPIPE))
        return Pending::Reset;
    return Pending::Data;
#else
    Q_UNUSED(descriptor);
    return Pending::Data;
#endif
}

} // namespace

UpstreamRelay::UpstreamRelay(const ForwardTarget &target, std::function<qint64()> clientBacklog, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_clientBacklog(std::move(clientBacklog))
    , m_socket(new QTcpSocket(this))
    , m_connectTimer(new QTimer(this))
{
    // Capped, Qt stops reading a upstream the client does not keep up with, and TCP flow
    // control holds the upstream back.
    m_socket->setReadBufferSize(ReadChunk);
    m_connectTimer->setSingleShot(true);
    m_connectTimer->setInterval(ConnectTimeoutMs);
    connect(m_connectTimer, &QTimer::timeout, this, &UpstreamRelay::onTimeout);
    connect(m_socket, &QTcpSocket::connected, this, &UpstreamRelay::onConnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &UpstreamRelay::onErrorOccurred);
    connect(m_socket, &QTcpSocket::readyRead, this, &UpstreamRelay::readUpstream);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &UpstreamRelay::onBytesWritten);
}

UpstreamRelay::~UpstreamRelay() = default;

void UpstreamRelay::start()
{
    setState(UpstreamState::Connecting);
    if (!m_target.isValid()) {
        // Queued, as a refusal would come: the connection is not fully set up yet.
        QMetaObject::invokeMethod(
            this, [this] { fail(UpstreamState::Failed, tr("no upstream is set for Forward mode")); },
            Qt::QueuedConnection);
        return;
    }
    m_connectTimer->start();
    m_socket->connectToHost(m_target.host, m_target.port);
}

bool UpstreamRelay::acceptsClientBytes() const
{
    return (m_state == UpstreamState::Connected || m_state == UpstreamState::HalfClosed) && !m_shutdown
        && !m_shutdownPending && !m_released;
}

bool UpstreamRelay::upstreamBacklogFull() const
{
    return m_socket->bytesToWrite() >= HighWater;
}

void UpstreamRelay::sendUpstream(const QByteArray &data)
{
    if (!acceptsClientBytes() || data.isEmpty())
        return;
    m_socket->write(data);
    if (!m_watchingWrites && m_socket->bytesToWrite() > 0)
        watchNotifiers();
    if (upstreamBacklogFull())
        m_writeStalled = true;
}

void UpstreamRelay::clientEnded()
{
    if (m_shutdown || m_shutdownPending || m_released)
        return;
    m_shutdownPending = true;
    shutdownIfSent();
}

void UpstreamRelay::shutdownIfSent()
{
    if (!m_shutdownPending || m_socket->bytesToWrite() > 0)
        return;
    m_shutdownPending = false;
    m_shutdown = true;
    SocketOptions::shutdownWrite(m_socket->socketDescriptor());
    setState(m_endSeen ? UpstreamState::Closed : UpstreamState::HalfClosed);
}

void UpstreamRelay::resumeReading()
{
    if (!m_readStalled || m_released)
        return;
    m_readStalled = false;
    // Queued: reading passes bytes to the client, which must not happen inside its write path.
    QMetaObject::invokeMethod(this, &UpstreamRelay::readUpstream, Qt::QueuedConnection);
}

void UpstreamRelay::release(bool reset)
{
    if (m_released)
        return;
    m_released = true;
    m_connectTimer->stop();
    disconnect(this, nullptr, nullptr, nullptr); // the client's side says nothing more to it
    const bool up = m_socket->state() == QAbstractSocket::ConnectedState;
    if (reset) {
        if (up) {
            SocketOptions::setAbortiveClose(m_socket->socketDescriptor());
            m_state = UpstreamState::Reset;
        }
        m_socket->abort();
        return;
    }
    if (m_state == UpstreamState::Connecting)
        m_state = UpstreamState::Closed;
    if (!up) {
        m_socket->abort();
        return;
    }
    if (m_state == UpstreamState::Connected || m_state == UpstreamState::HalfClosed)
        m_state = UpstreamState::Closed;
    if (m_socket->bytesToWrite() == 0) {
        m_socket->close(); // FIN now
        return;
    }
    // What waits still goes out: the relay outlives the client's connection until it has.
    setParent(parent() ? parent()->parent() : nullptr);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    QTimer::singleShot(LingerMs, this, &QObject::deleteLater);
    m_socket->disconnectFromHost();
}

void UpstreamRelay::onConnected()
{
    m_connectTimer->stop();
    // The client's small writes go on at once, as they would to the upstream directly.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    watchNotifiers();
    setState(UpstreamState::Connected);
    emit connected();
}

void UpstreamRelay::onTimeout()
{
    if (m_state != UpstreamState::Connecting)
        return;
    m_socket->abort();
    fail(UpstreamState::TimedOut,
         tr("upstream %1 did not answer within %2 s").arg(m_target.toString()).arg(ConnectTimeoutMs / 1000));
}

void UpstreamRelay::onErrorOccurred(QAbstractSocket::SocketError error)
{
    if (m_released)
        return;
    if (m_state == UpstreamState::Connecting) {
        m_connectTimer->stop();
        switch (error) {
        case QAbstractSocket::ConnectionRefusedError:
            fail(UpstreamState::Refused, tr("upstream %1 refused the connection").arg(m_target.toString()));
            break;
        case QAbstractSocket::HostNotFoundError:
            fail(UpstreamState::Failed, tr("upstream %1: host not found").arg(m_target.toString()));
            break;
        default:
            fail(UpstreamState::Failed, tr("upstream %1: %2").arg(m_target.toString(), m_socket->errorString()));
            break;
        }
        return;
    }
    if (m_state != UpstreamState::Connected && m_state != UpstreamState::HalfClosed)
        return;
    // The ends Qt would read are held back in eventFilter(); what reaches here is a reset seen
    // by a write, or another failure of an established connection.
    setState(UpstreamState::Reset);
    emit upstreamReset(error == QAbstractSocket::RemoteHostClosedError
                           ? tr("upstream %1 reset the connection").arg(m_target.toString())
                           : tr("upstream %1: %2").arg(m_target.toString(), m_socket->errorString()));
}

void UpstreamRelay::fail(UpstreamState state, const QString &reason)
{
    setState(state);
    emit failed(reason);
}

void UpstreamRelay::watchNotifiers()
{
    // As Connection does: Qt reads a reset as an orderly close and closes the descriptor on
    // the end of the stream, which would drop what the client still sends upstream.
    const QList<QSocketNotifier *> notifiers = QtSocketInternals::notifiers(m_socket);
    for (QSocketNotifier *notifier : notifiers) {
        notifier->installEventFilter(this);
        if (notifier->type() == QSocketNotifier::Write)
            m_watchingWrites = true;
    }
}

bool UpstreamRelay::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::SockAct || m_released
        || (m_state != UpstreamState::Connected && m_state != UpstreamState::HalfClosed))
        return QObject::eventFilter(watched, event);
    auto *notifier = static_cast<QSocketNotifier *>(watched);
    const qintptr descriptor = m_socket->socketDescriptor();
    const bool reading = notifier->type() == QSocketNotifier::Read;
    const Pending pending = reading ? peek(descriptor) : Pending::Data;
    // What is passed on goes out queued: the client's side may close this socket in answer,
    // which must not delete the notifier while it delivers this event.
    if (pending == Pending::Reset || (!reading && !m_shutdown && SocketOptions::isDroppedByKernel(descriptor))) {
        notifier->setEnabled(false);
        setState(UpstreamState::Reset);
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_released)
                    emit upstreamReset(tr("upstream %1 reset the connection").arg(m_target.toString()));
            },
            Qt::QueuedConnection);
        return true;
    }
    if (pending == Pending::End) {
        notifier->setEnabled(false);
        if (!m_endSeen) {
            m_endSeen = true;
            QMetaObject::invokeMethod(this, &UpstreamRelay::passOnEndIfRead, Qt::QueuedConnection);
        }
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void UpstreamRelay::readUpstream()
{
    if (m_readStalled || m_released)
        return;
    for (;;) {
        if (m_clientBacklog() >= HighWater) {
            m_readStalled = true;
            return;
        }
        // Asking for one byte at least makes Qt look at the socket again once its buffer is
        // empty, which turns its read notifier back on.
        const qint64 available = m_socket->bytesAvailable();
        QByteArray data(qBound<qint64>(1, available, ReadChunk), Qt::Uninitialized);
        const qint64 n = m_socket->read(data.data(), data.size());
        if (n <= 0)
            break;
        data.truncate(n);
        emit received(data);
        if (m_released)
            return; // the client's side ended meanwhile
    }
    passOnEndIfRead();
}

void UpstreamRelay::passOnEndIfRead()
{
    if (m_released || !m_endSeen || m_endPassed || m_readStalled || m_socket->bytesAvailable() > 0)
        return;
    m_endPassed = true;
    setState(m_shutdown ? UpstreamState::Closed : UpstreamState::HalfClosed);
    emit upstreamEnded();
}

void UpstreamRelay::onBytesWritten()
{
    const qint64 pending = m_socket->bytesToWrite();
    shutdownIfSent();
    if (m_writeStalled && pending <= LowWater) {
        m_writeStalled = false;
        emit drained();
    }
}

void UpstreamRelay::setState(UpstreamState state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}
