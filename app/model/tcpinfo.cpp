#include "tcpinfo.h"

#include <QCoreApplication>

#include <array>

bool TcpInfo::operator==(const TcpInfo &other) const
{
    return available == other.available && state == other.state && rttUs == other.rttUs
        && rttVarUs == other.rttVarUs && sndCwnd == other.sndCwnd && retransmits == other.retransmits
        && totalRetrans == other.totalRetrans && bytesAcked == other.bytesAcked
        && bytesReceived == other.bytesReceived && unacked == other.unacked
        && lastDataSentMs == other.lastDataSentMs && lastDataRecvMs == other.lastDataRecvMs;
}

bool tcpInfoSupported()
{
#ifdef Q_OS_LINUX
    return true;
#else
    return false;
#endif
}

QString tcpStateName(quint8 state)
{
    // Linux's numbering (include/net/tcp_states.h); ss prints the same names.
    static constexpr std::array<const char *, 12> names = {
        nullptr,     "ESTABLISHED", "SYN_SENT",  "SYN_RECV",   "FIN_WAIT1", "FIN_WAIT2",
        "TIME_WAIT", "CLOSE",       "CLOSE_WAIT", "LAST_ACK", "LISTEN",    "CLOSING",
    };
    if (state < names.size() && names[state])
        return QLatin1String(names[state]);
    return QCoreApplication::translate("TcpInfo", "UNKNOWN (%1)").arg(state);
}
