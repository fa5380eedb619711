#include "connectionreport.h"

#include "connectioninfo.h"
#include "endpoint.h"

#include <QCoreApplication>

namespace ConnectionReport {

QString accepted(const ConnectionInfo &info)
{
    return QCoreApplication::translate("Listener", "Connection from %1")
        .arg(Endpoint::format(info.peerAddress, info.peerPort));
}

QString tlsEstablished(const ConnectionInfo &info)
{
    return QCoreApplication::translate("Listener", "Connection #%1 from %2: TLS handshake done, %3, %4")
        .arg(info.id)
        .arg(Endpoint::format(info.peerAddress, info.peerPort), info.tlsProtocol, info.tlsCipher);
}

QString halfClosed(const ConnectionInfo &info)
{
    return QCoreApplication::translate(
               "Listener", "Connection #%1 from %2 half-closed by the server: the peer reads EOF and can still send")
        .arg(info.id)
        .arg(Endpoint::format(info.peerAddress, info.peerPort));
}

QString idleReason(qint64 idleMs, int timeoutSeconds)
{
    return QCoreApplication::translate("Listener", "idle for %1 s (the timeout is %2 s)")
        .arg(idleMs / 1000)
        .arg(timeoutSeconds);
}

Line ended(const ConnectionInfo &info, const QString &closeReason, bool closeRequested)
{
    const QString peer = Endpoint::format(info.peerAddress, info.peerPort);
    switch (info.state) {
    case ConnectionState::Closed:
        if (!closeReason.isEmpty()) {
            return {LogLevel::Connection,
                    QCoreApplication::translate("Listener", "Connection #%1 from %2 closed by the server: %3")
                        .arg(info.id)
                        .arg(peer, closeReason)};
        }
        if (info.halfClosedByServer && !closeRequested) {
            return {LogLevel::Connection,
                    QCoreApplication::translate(
                        "Listener",
                        "Connection #%1 from %2 closed: the server half-closed it first, then the peer closed its side")
                        .arg(info.id)
                        .arg(peer)};
        }
        return {LogLevel::Connection,
                QCoreApplication::translate("Listener", "Connection #%1 from %2 closed by the server")
                    .arg(info.id)
                    .arg(peer)};
    case ConnectionState::PeerClosed:
        return {LogLevel::Connection,
                QCoreApplication::translate("Listener", "Connection #%1 from %2 closed by the peer")
                    .arg(info.id)
                    .arg(peer)};
    case ConnectionState::Reset:
        return {LogLevel::Warning,
                QCoreApplication::translate("Listener", "Connection #%1 from %2 reset by the peer")
                    .arg(info.id)
                    .arg(peer)};
    case ConnectionState::Aborted:
        return {LogLevel::Connection,
                QCoreApplication::translate("Listener", "Connection #%1 from %2 reset by the server (RST)")
                    .arg(info.id)
                    .arg(peer)};
    case ConnectionState::TlsFailed:
        return {LogLevel::Warning,
                QCoreApplication::translate("Listener", "Connection #%1 from %2: TLS failed: %3")
                    .arg(info.id)
                    .arg(peer, info.errorString)};
    default:
        return {LogLevel::Error,
                QCoreApplication::translate("Listener", "Connection #%1 from %2 failed: %3")
                    .arg(info.id)
                    .arg(peer, info.errorString)};
    }
}

} // namespace ConnectionReport
