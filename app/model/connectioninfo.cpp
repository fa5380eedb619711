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

QString upstreamStateText(UpstreamState state)
{
    switch (state) {
    case UpstreamState::None:
        return {};
    case UpstreamState::Connecting:
        return QCoreApplication::translate("UpstreamState", "Connecting");
    case UpstreamState::Connected:
        return QCoreApplication::translate("UpstreamState", "Connected");
    case UpstreamState::HalfClosed:
        return QCoreApplication::translate("UpstreamState", "Half-closed");
    case UpstreamState::Closed:
        return QCoreApplication::translate("UpstreamState", "Closed");
    case UpstreamState::Refused:
        return QCoreApplication::translate("UpstreamState", "Refused");
    case UpstreamState::TimedOut:
        return QCoreApplication::translate("UpstreamState", "Timed out");
    case UpstreamState::Reset:
        return QCoreApplication::translate("UpstreamState", "Reset");
    case UpstreamState::Failed:
        return QCoreApplication::translate("UpstreamState", "Failed");
    }
    return {};
}
