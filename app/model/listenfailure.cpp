#include "listenfailure.h"

#include "endpoint.h"
#include "socketoptions.h"

#include <QCoreApplication>

#include <cerrno>

namespace {

// The Listener's translation context: these sentences were its own.
QString sentence(const ListenerStatus &status, QAbstractSocket::SocketError error, const QString &qtErrorString)
{
    const QString host = Endpoint::formatAddress(status.address);
    switch (error) {
    case QAbstractSocket::AddressInUseError:
        return QCoreApplication::translate("Listener", "Port %1 is already in use on %2").arg(status.port).arg(host);
    case QAbstractSocket::SocketAddressNotAvailableError:
        return QCoreApplication::translate("Listener", "Address %1 is not an address of this machine").arg(host);
    case QAbstractSocket::SocketAccessError:
        return QCoreApplication::translate(
                   "Listener", "Permission denied to bind port %1 on %2 (ports below 1024 need privileges)")
            .arg(status.port)
            .arg(host);
    case QAbstractSocket::UnsupportedSocketOperationError:
        return QCoreApplication::translate("Listener", "This machine does not support %1 (%2)").arg(host, qtErrorString);
    default:
        return qtErrorString;
    }
}

// What Qt's error says about the failed call, when the probe could not repeat the failure.
SocketOptions::ListenProbe fromQtError(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::AddressInUseError:
        return {LifecycleStep::Bind, EADDRINUSE};
    case QAbstractSocket::SocketAddressNotAvailableError:
        return {LifecycleStep::Bind, EADDRNOTAVAIL};
    case QAbstractSocket::SocketAccessError:
        return {LifecycleStep::Bind, EACCES};
    case QAbstractSocket::UnsupportedSocketOperationError:
        return {LifecycleStep::Socket, EAFNOSUPPORT};
    case QAbstractSocket::SocketResourceError:
        return {LifecycleStep::Socket, 0}; // EMFILE, ENFILE, ENOBUFS or ENOMEM: Qt does not say
    default:
        return {};
    }
}

} // namespace

namespace ListenFailure {

void describe(ListenerStatus *status, QAbstractSocket::SocketError error, const QString &qtErrorString)
{
    status->errorString = sentence(*status, error, qtErrorString);
    // Qt keeps the error class, not errno: repeating the three calls finds both, unless what
    // stood in the way went away meanwhile.
    SocketOptions::ListenProbe probe = SocketOptions::probeListen(status->address, status->port, status->backlog);
    if (probe.failedStep == LifecycleStep::None)
        probe = fromQtError(error);
    status->failedStep = probe.failedStep;
    status->errnoName = SocketOptions::errnoName(probe.error);
}

} // namespace ListenFailure
