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

bool Connection::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::SockAct && !m_resetSeen)
        checkPendingError();
    return QObject::eventFilter(watched, event);
}

Connection::~Connection() = default;

void Connection::close()
{
    if (isFinished() || m_closeRequested)
        return;
    m_closeRequested = true;
    m_info.state = ConnectionState::Closing;
    emit changed(m_info.id, 0, 0);
    m_socket->disconnectFromHost();
}

void Connection::checkPendingError()
{
    // A reset leaves ECONNRESET pending on the socket until something reads it.
    if (SocketOptions::isResetError(SocketOptions::takePendingError(m_socket->socketDescriptor())))
        m_resetSeen = true;
}

void Connection::onReadyRead()
{
    std::array<char, ReadChunk> buffer;
    qint64 received = 0;
    for (;;) {
        const qint64 n = m_socket->read(buffer.data(), ReadChunk);
        if (n <= 0)
            break; // 0: nothing more for now; -1: closed or failed, reported by the signals
        received += n;
    }
    if (received > 0) {
        m_info.bytesReceived += static_cast<quint64>(received);
        m_info.lastActivityMs = nowMs();
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
    else
        finish(m_closeRequested ? ConnectionState::Closed : ConnectionState::PeerClosed);
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
