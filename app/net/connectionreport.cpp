#include "connectionreport.h"

#include "connectioninfo.h"
#include "endpoint.h"

#include <QCoreApplication>

namespace {

// A line about the connection: its id and peer, and with ending events its byte counts.
LogEntry about(const ConnectionInfo &info, LogLevel level, LogEvent event, const QString &text,
               const QString &reason = {})
{
    LogEntry entry;
    entry.level = level;
    entry.text = text;
    entry.event = event;
    entry.connectionId = info.id;
    entry.peer = Endpoint::format(info.peerAddress, info.peerPort);
    entry.reason = reason;
    if (info.isFinished()) {
        entry.bytesIn = qint64(info.bytesReceived);
        entry.bytesOut = qint64(info.bytesSent);
    }
    return entry;
}

} // namespace

namespace ConnectionReport {

LogEntry accepted(const ConnectionInfo &info)
{
    return about(info, LogLevel::Connection, LogEvent::Accepted,
                 QCoreApplication::translate("Listener", "Connection from %1")
                     .arg(Endpoint::format(info.peerAddress, info.peerPort)));
}

LogEntry tlsEstablished(const ConnectionInfo &info)
{
    return about(info, LogLevel::Connection, LogEvent::TlsEstablished,
                 QCoreApplication::translate("Listener", "Connection #%1 from %2: TLS handshake done, %3, %4")
                     .arg(info.id)
                     .arg(Endpoint::format(info.peerAddress, info.peerPort), info.tlsProtocol, info.tlsCipher));
}

LogEntry halfClosed(const ConnectionInfo &info)
{
    return about(info, LogLevel::Connection, LogEvent::Other,
                 QCoreApplication::translate(
                     "Listener", "Connection #%1 from %2 half-closed by the server: the peer reads EOF and can still send")
                     .arg(info.id)
                     .arg(Endpoint::format(info.peerAddress, info.peerPort)));
}

LogEntry faultActed(const ConnectionInfo &info, const QString &what)
{
    return about(info, LogLevel::Warning, LogEvent::Other,
                 QCoreApplication::translate("Listener", "Connection #%1 from %2: %3 (fault)")
                     .arg(info.id)
                     .arg(Endpoint::format(info.peerAddress, info.peerPort), what),
                 what);
}

QString idleReason(qint64 idleMs, int timeoutSeconds)
{
    return QCoreApplication::translate("Listener", "idle for %1 s (the timeout is %2 s)")
        .arg(idleMs / 1000)
        .arg(timeoutSeconds);
}

LogEntry ended(const ConnectionInfo &info, const QString &closeReason, bool closeRequested)
{
    const QString peer = Endpoint::format(info.peerAddress, info.peerPort);
    const QString byPeer = QStringLiteral("peer");
    const QString byServer = QStringLiteral("server");
    switch (info.state) {
    case ConnectionState::Closed:
        if (!closeReason.isEmpty()) {
            return about(info, LogLevel::Connection, LogEvent::Closed,
                         QCoreApplication::translate("Listener", "Connection #%1 from %2 closed by the server: %3")
                             .arg(info.id)
                             .arg(peer, closeReason),
                         closeReason);
        }
        if (info.halfClosedByServer && !closeRequested) {
            return about(info, LogLevel::Connection, LogEvent::Closed,
                         QCoreApplication::translate(
                             "Listener",
                             "Connection #%1 from %2 closed: the server half-closed it first, then the peer closed its side")
                             .arg(info.id)
                             .arg(peer),
                         byPeer);
        }
        return about(info, LogLevel::Connection, LogEvent::Closed,
                     QCoreApplication::translate("Listener", "Connection #%1 from %2 closed by the server")
                         .arg(info.id)
                         .arg(peer),
                     byServer);
    case ConnectionState::PeerClosed:
        return about(info, LogLevel::Connection, LogEvent::Closed,
                     QCoreApplication::translate("Listener", "Connection #%1 from %2 closed by the peer")
                         .arg(info.id)
                         .arg(peer),
                     byPeer);
    case ConnectionState::Reset:
        return about(info, LogLevel::Warning, LogEvent::Reset,
                     QCoreApplication::translate("Listener", "Connection #%1 from %2 reset by the peer")
                         .arg(info.id)
                         .arg(peer),
                     byPeer);
    case ConnectionState::Aborted:
        return about(info, LogLevel::Connection, LogEvent::Reset,
                     QCoreApplication::translate("Listener", "Connection #%1 from %2 reset by the server (RST)")
                         .arg(info.id)
                         .arg(peer),
                     byServer);
    case ConnectionState::TlsFailed:
        return about(info, LogLevel::Warning, LogEvent::TlsFailed,
                     QCoreApplication::translate("Listener", "Connection #%1 from %2: TLS failed: %3")
                         .arg(info.id)
                         .arg(peer, info.errorString),
                     info.errorString);
    default:
        return about(info, LogLevel::Error, LogEvent::Failed,
                     QCoreApplication::translate("Listener", "Connection #%1 from %2 failed: %3")
                         .arg(info.id)
                         .arg(peer, info.errorString),
                     info.errorString);
    }
}

} // namespace ConnectionReport
