#include "tcpinfo.h"

#include <QCoreApplication>

#ifdef Q_OS_LINUX
// The kernel's own header: glibc's struct tcp_info stops before the byte counters.
#  include <linux/tcp.h>
#  include <netinet/in.h>
#  include <sys/socket.h>
#endif

#include <array>
#include <cstddef>

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

TcpInfo readTcpInfo(qintptr descriptor)
{
    TcpInfo result;
#ifdef Q_OS_LINUX
    if (descriptor < 0)
        return result;
    tcp_info info = {};
    socklen_t length = sizeof(info);
    if (::getsockopt(static_cast<int>(descriptor), IPPROTO_TCP, TCP_INFO, &info, &length) != 0)
        return result;
    result.available = true;
    result.state = info.tcpi_state;
    result.rttUs = info.tcpi_rtt;
    result.rttVarUs = info.tcpi_rttvar;
    result.sndCwnd = info.tcpi_snd_cwnd;
    result.retransmits = info.tcpi_retransmits;
    result.totalRetrans = info.tcpi_total_retrans;
    result.unacked = info.tcpi_unacked;
    result.lastDataSentMs = info.tcpi_last_data_sent;
    result.lastDataRecvMs = info.tcpi_last_data_recv;
    // Older kernels fill a shorter struct; the byte counters came later (Linux 4.1, 4.2).
    const auto has = [length](std::size_t offset, std::size_t size) { return length >= offset + size; };
    if (has(offsetof(tcp_info, tcpi_bytes_acked), sizeof(info.tcpi_bytes_acked)))
        result.bytesAcked = info.tcpi_bytes_acked;
    if (has(offsetof(tcp_info, tcpi_bytes_received), sizeof(info.tcpi_bytes_received)))
        result.bytesReceived = info.tcpi_bytes_received;
#else
    Q_UNUSED(descriptor);
#endif
    return result;
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
