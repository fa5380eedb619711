#include "connectioninfo.h"

#include <QCoreApplication>

bool ConnectionInfo::isFinished() const
{
    return state == ConnectionState::PeerClosed || state == ConnectionState::Closed
        || state == ConnectionState::Reset || state == ConnectionState::Aborted
        || state == ConnectionState::Error || state == ConnectionState::TlsFailed;
}

qint64 ConnectionInfo::durationMs(qint64 nowMs) const
{
    const qint64 end = closedAtMs > 0 ? closedAtMs : nowMs;
    return qMax<qint64>(0, end - acceptedAtMs);
}

QString connectionStateText(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Open:
        return QCoreApplication::translate("ConnectionState", "Open", "connection state");
    case ConnectionState::Closing:
        return QCoreApplication::translate("ConnectionState", "Closing", "connection state");
    case ConnectionState::HalfClosed:
        return QCoreApplication::translate("ConnectionState", "Half-closed");
    case ConnectionState::PeerClosed:
        return QCoreApplication::translate("ConnectionState", "Peer closed");
    case ConnectionState::Closed:
        return QCoreApplication::translate("ConnectionState", "Closed", "connection state");
    case ConnectionState::Reset:
        return QCoreApplication::translate("ConnectionState", "Reset by peer");
    case ConnectionState::Aborted:
        return QCoreApplication::translate("ConnectionState", "Reset by server");
    case ConnectionState::Error:
        return QCoreApplication::translate("ConnectionState", "Error");
    case ConnectionState::TlsFailed:
        return QCoreApplication::translate("ConnectionState", "TLS failed");
    }
    return {};
}
