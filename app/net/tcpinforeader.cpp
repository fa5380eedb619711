#include "tcpinforeader.h"

#ifdef Q_OS_LINUX
// The kernel's own header: glibc's struct tcp_info stops before the byte counters.
#  include <linux/tcp.h>
#  include <netinet/in.h>
#  include <sys/socket.h>
#endif

#include <cstddef>

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
