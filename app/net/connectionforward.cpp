// Connection's Forward mode: the glue between the client's socket and its UpstreamRelay. Kept
// apart from connection.cpp, which holds what every mode shares.
#include "connection.h"
#include "connectionobserver.h"

#include "upstreamrelay.h"

#include <QDateTime>
#include <QTcpSocket>

void Connection::startForwarding(const ForwardTarget &target)
{
    if (m_relay || isFinished())
        return;
    m_mode = ServerMode::Forward;
    m_info.upstream = target.toString();
    m_relay = new UpstreamRelay(target, [this] { return pendingOut(); }, this);
    connectRelay();
    // The client's bytes wait in the kernel until the upstream is up.
    m_readStalled = true;
    m_relay->start();
    m_info.upstreamState = m_relay->state();
}

void Connection::connectRelay()
{
    connect(m_relay, &UpstreamRelay::stateChanged, this, [this] {
        if (!m_relay)
            return;
        m_info.upstreamState = m_relay->state();
        m_observer->connectionChanged(m_info.id, 0, 0);
    });
    connect(m_relay, &UpstreamRelay::connected, this, [this] {
        m_observer->connectionUpstreamConnected(m_info.id);
        resumeReading();
    });
    connect(m_relay, &UpstreamRelay::received, this, [this](const QByteArray &data) {
        m_info.lastActivityMs = QDateTime::currentMSecsSinceEpoch();
        sendRelayed(data);
    });
    connect(m_relay, &UpstreamRelay::drained, this, [this] {
        if (m_readStalled)
            resumeReading();
    });
    connect(m_relay, &UpstreamRelay::upstreamEnded, this, &Connection::onUpstreamEnded);
    connect(m_relay, &UpstreamRelay::upstreamReset, this, [this](const QString &reason) {
        m_observer->connectionUpstreamFailed(m_info.id, reason);
        close(CloseMode::Reset);
    });
    connect(m_relay, &UpstreamRelay::failed, this, [this](const QString &reason) {
        m_info.upstreamError = reason;
        m_observer->connectionUpstreamFailed(m_info.id, reason);
        close(CloseMode::Graceful);
    });
}

bool Connection::relayHoldsReading() const
{
    return m_relay && (!m_relay->acceptsClientBytes() || m_relay->upstreamBacklogFull());
}

void Connection::onClientEnded()
{
    if (m_clientEnded)
        return;
    m_clientEnded = true;
    m_clientEndedFirst = !m_upstreamEnded;
    passOnClientEnd();
}

void Connection::passOnClientEnd()
{
    // Only once every byte before the FIN went upstream.
    if (!m_relay || !m_clientEnded || m_clientEndPassed || m_socket->bytesAvailable() > 0
        || !m_relay->acceptsClientBytes())
        return;
    m_clientEndPassed = true;
    m_relay->clientEnded();
    finishRelayedIfDone();
}

void Connection::onUpstreamEnded()
{
    m_upstreamEnded = true;
    // TLS has no portable half-close: the client's connection ends with the upstream's.
    close(m_tls ? CloseMode::Graceful : CloseMode::HalfClose);
    finishRelayedIfDone();
}

void Connection::finishRelayedIfDone()
{
    if (!m_relay || !m_clientEndPassed || !m_upstreamEnded || !m_halfClosed || isFinished())
        return;
    // Both ways ended with a FIN passed on: PeerClosed when the client ended first, Closed
    // (half-closed by the server first) when the upstream did.
    const bool clientFirst = m_clientEndedFirst;
    finish(clientFirst ? ConnectionState::PeerClosed : ConnectionState::Closed);
}
