#include "connection.h"

#include "socketoptions.h"

#include <QDateTime>
#include <QEvent>
#include <QSocketNotifier>
#include <QTcpSocket>

#include <array>

namespace {

constexpr qint64 ReadChunk = 64 * 1024;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

Connection::Connection(quint64 id, QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    m_info.id = id;
    m_info.peerAddress = socket->peerAddress();
    m_info.peerPort = socket->peerPort();
    m_info.localAddress = socket->localAddress();
    m_info.localPort = socket->localPort();
    m_info.acceptedAtMs = nowMs();
    m_info.lastActivityMs = m_info.acceptedAtMs;

    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Connection::onBytesWritten);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &Connection::onErrorOccurred);
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);

    // Qt reads a reset as an orderly close and closes the descriptor before it says so; its
    // read notifier is the one place to look at the socket first.
    const QList<QSocketNotifier *> notifiers = m_socket->findChildren<QSocketNotifier *>();
    for (QSocketNotifier *notifier : notifiers) {
        if (notifier->type() == QSocketNotifier::Read)
            notifier->installEventFilter(this);
    }
}

Connection::~Connection() = default;

bool Connection::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::SockAct && !m_resetSeen)
        checkPendingError();
    return QObject::eventFilter(watched, event);
}

void Connection::setMode(ServerMode mode)
{
    m_mode = mode;
    const bool recording = mode != ServerMode::Discard;
    if (recording != m_info.recording) {
        m_info.recording = recording;
        emit changed(m_info.id, 0, 0);
    }
}

void Connection::setTranscriptCapacity(qsizetype bytes)
{
    m_transcript.setCapacity(bytes);
}

bool Connection::canSend() const
{
    return !isFinished() && !m_closeRequested && !m_halfClosed && !m_halfClosePending;
}

bool Connection::send(const QByteArray &data)
{
    if (!canSend() || data.isEmpty())
        return false;
    if (m_info.recording)
        m_transcript.append(TranscriptChunk::Direction::Sent, data, nowMs(), Transcript::Merge::Never);
    m_socket->write(data);
    emit changed(m_info.id, 0, 0);
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
        emit changed(m_info.id, 0, 0);
        m_socket->disconnectFromHost();
        break;
    case CloseMode::HalfClose:
        if (m_closeRequested || m_halfClosed || m_halfClosePending)
            return;
        // Pending data goes out first; the FIN follows it.
        m_halfClosePending = true;
        if (m_socket->bytesToWrite() == 0)
            shutdownWrite();
        break;
    case CloseMode::Reset:
        m_closeRequested = true;
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
    emit changed(m_info.id, 0, 0);
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

void Connection::onReadyRead()
{
    std::array<char, ReadChunk> buffer;
    qint64 received = 0;
    const qint64 now = nowMs();
    for (;;) {
        const qint64 n = m_socket->read(buffer.data(), ReadChunk);
        if (n <= 0)
            break; // 0: nothing more for now; -1: closed or failed, reported by the signals
        received += n;
        const QByteArray data(buffer.data(), n);
        if (m_info.recording)
            m_transcript.append(TranscriptChunk::Direction::Received, data, now);
        if (m_mode == ServerMode::Echo && canSend()) {
            if (m_info.recording)
                m_transcript.append(TranscriptChunk::Direction::Sent, data, now);
            m_socket->write(data);
        }
    }
    if (received > 0) {
        m_info.bytesReceived += static_cast<quint64>(received);
        m_info.lastActivityMs = now;
        emit changed(m_info.id, received, 0);
    }
    // An unbuffered read that hit EOF closes the socket without a disconnected() signal.
    if (m_socket->state() == QAbstractSocket::UnconnectedState && !isFinished())
        onDisconnected();
}

void Connection::onBytesWritten(qint64 bytes)
{
    m_info.bytesSent += static_cast<quint64>(bytes);
    m_info.lastActivityMs = nowMs();
    emit changed(m_info.id, 0, bytes);
    if (m_halfClosePending && m_socket->bytesToWrite() == 0)
        shutdownWrite();
}

void Connection::onErrorOccurred(QAbstractSocket::SocketError error)
{
    if (isFinished())
        return;
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
    m_info.state = state;
    m_info.errorString = errorString;
    m_info.closedAtMs = nowMs();
    emit changed(m_info.id, 0, 0);
    emit finished(m_info.id);
    deleteLater();
}
