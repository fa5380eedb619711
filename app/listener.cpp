#include "listener.h"

#include "connection.h"
#include "endpoint.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

Listener::Listener(QObject *parent)
    : QTcpServer(parent)
    , m_flushTimer(new QTimer(this))
{
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(FlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &Listener::flush);
    // Connections are taken in incomingConnection(), so the pending queue never fills up.
    setMaxPendingConnections(1 << 20);
}

Listener::~Listener()
{
    // Connections are children and go with the listener; their signals must not reach it then.
    for (Connection *connection : std::as_const(m_connections))
        connection->disconnect(this);
}

void Listener::startListening(const QHostAddress &address, quint16 port, int backlog)
{
    if (isListening())
        close();
    setListenBacklogSize(backlog);
    if (!listen(address, port)) {
        const QString reason = listenErrorText(address, port);
        log(LogLevel::Error, tr("Could not listen on %1: %2").arg(Endpoint::format(address, port), reason));
        ListenerStatus status;
        status.state = ListenerState::Error;
        status.address = address;
        status.port = port;
        status.backlog = backlog;
        status.errorString = reason;
        setStatus(status);
        return;
    }
    ListenerStatus status;
    status.state = ListenerState::Listening;
    status.address = serverAddress();
    status.port = serverPort();
    status.backlog = listenBacklogSize();
    setStatus(status);
    log(LogLevel::Info, tr("Socket bound to %1").arg(Endpoint::format(status.address, status.port)));
    log(LogLevel::Info, tr("Listening with backlog %1").arg(status.backlog));
    if (Endpoint::isAllInterfaces(status.address))
        log(LogLevel::Warning, tr("Bound to all interfaces: other machines can connect"));
    log(LogLevel::Info, tr("Waiting for a connection..."));
}

void Listener::stopListening(bool closeConnections)
{
    if (isListening()) {
        const QString where = Endpoint::format(m_status.address, m_status.port);
        close();
        log(LogLevel::Info, tr("Stopped listening on %1").arg(where));
    }
    if (closeConnections)
        closeAllConnections();
    else if (!m_connections.isEmpty())
        log(LogLevel::Info, tr("%n connection(s) left open", nullptr, int(m_connections.size())));
    ListenerStatus status = m_status;
    status.state = ListenerState::Stopped;
    status.errorString.clear();
    setStatus(status);
}

void Listener::closeConnections(const QList<quint64> &ids)
{
    for (const quint64 id : ids) {
        if (Connection *connection = m_connections.value(id))
            connection->close();
    }
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

void Listener::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor, QAbstractSocket::ConnectedState,
                                     QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        log(LogLevel::Error, tr("Could not take an accepted connection: %1").arg(socket->errorString()));
        delete socket;
        return;
    }
    const quint64 id = m_nextId++;
    auto *connection = new Connection(id, socket, this);
    connect(connection, &Connection::changed, this, &Listener::onConnectionChanged);
    connect(connection, &Connection::finished, this, &Listener::onConnectionFinished);
    m_connections.insert(id, connection);

    ++m_totals.accepted;
    m_totals.open = int(m_connections.size());
    m_totals.peakOpen = std::max(m_totals.peakOpen, m_totals.open);
    m_acceptedSinceFlush = true;
    log(LogLevel::Connection, tr("Connection from %1").arg(Endpoint::format(connection->info().peerAddress,
                                                                            connection->info().peerPort)));
    m_dirty.insert(id);
    scheduleFlush();
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
    const ConnectionInfo &info = connection->info();
    m_finishedInfos.insert(id, info);
    m_totals.open = int(m_connections.size());

    const QString peer = Endpoint::format(info.peerAddress, info.peerPort);
    switch (info.state) {
    case ConnectionState::Closed:
        log(LogLevel::Connection, tr("Connection #%1 from %2 closed by the server").arg(id).arg(peer));
        break;
    case ConnectionState::PeerClosed:
        log(LogLevel::Connection, tr("Connection #%1 from %2 closed by the peer").arg(id).arg(peer));
        break;
    case ConnectionState::Reset:
        log(LogLevel::Warning, tr("Connection #%1 from %2 reset by the peer").arg(id).arg(peer));
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

void Listener::log(LogLevel level, const QString &text)
{
    m_pendingLog.append(LogEntry{QDateTime::currentMSecsSinceEpoch(), level, text});
    scheduleFlush();
}

void Listener::scheduleFlush()
{
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
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
    QList<quint64> ids(m_dirty.cbegin(), m_dirty.cend());
    std::sort(ids.begin(), ids.end());
    batch.connections.reserve(ids.size());
    for (const quint64 id : std::as_const(ids)) {
        if (const Connection *connection = m_connections.value(id))
            batch.connections.append(connection->info());
        else if (m_finishedInfos.contains(id))
            batch.connections.append(m_finishedInfos.value(id));
    }
    m_dirty.clear();
    m_finishedInfos.clear();
    batch.log = std::exchange(m_pendingLog, {});
    batch.status = m_status;
    batch.statusChanged = std::exchange(m_statusChanged, false);
    batch.totals = m_totals;
    emit updated(batch);
}

QString Listener::listenErrorText(const QHostAddress &address, quint16 port) const
{
    const QString host = Endpoint::formatAddress(address);
    switch (serverError()) {
    case QAbstractSocket::AddressInUseError:
        return tr("Port %1 is already in use on %2").arg(port).arg(host);
    case QAbstractSocket::SocketAddressNotAvailableError:
        return tr("Address %1 is not an address of this machine").arg(host);
    case QAbstractSocket::SocketAccessError:
        return tr("Permission denied to bind port %1 on %2 (ports below 1024 need privileges)").arg(port).arg(host);
    case QAbstractSocket::UnsupportedSocketOperationError:
        return tr("This machine does not support %1 (%2)").arg(host, errorString());
    default:
        return errorString();
    }
}
