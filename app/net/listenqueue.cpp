#include "listenqueue.h"

#include <QFile>
#include <QList>

#ifdef Q_OS_LINUX
#  include <netinet/in.h>
#  include <netinet/tcp.h>
#  include <sys/socket.h>
#endif

namespace ListenQueue {

void readQueue(qintptr listeningDescriptor, ListenQueueStats *stats)
{
    stats->available = false;
    stats->length = 0;
    stats->backlog = 0;
#ifdef Q_OS_LINUX
    if (listeningDescriptor < 0)
        return;
    tcp_info info = {};
    socklen_t length = sizeof(info);
    if (::getsockopt(static_cast<int>(listeningDescriptor), IPPROTO_TCP, TCP_INFO, &info, &length) != 0
        || info.tcpi_state != TCP_LISTEN)
        return;
    // On a listening socket the kernel reuses two fields: tcpi_unacked holds the connections
    // ready for accept() and tcpi_sacked the backlog, which is what `ss -lnt` prints.
    stats->available = true;
    stats->length = int(info.tcpi_unacked);
    stats->backlog = int(info.tcpi_sacked);
#else
    Q_UNUSED(listeningDescriptor);
#endif
}

std::optional<ListenCounters> readCounters()
{
#ifdef Q_OS_LINUX
    QFile file(QStringLiteral("/proc/net/netstat"));
    // A /proc file reports size 0: read it whole, not by its size.
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return parseCounters(file.readAll());
#else
    return std::nullopt;
#endif
}

std::optional<ListenCounters> parseCounters(const QByteArray &netstat)
{
    // Lines come in pairs: "TcpExt: Name1 Name2 ..." then "TcpExt: 1 2 ...".
    const QList<QByteArray> lines = netstat.split('\n');
    const QByteArray prefix("TcpExt:");
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (!lines.at(i).startsWith(prefix) || !lines.at(i + 1).startsWith(prefix))
            continue;
        const QList<QByteArray> names = lines.at(i).simplified().split(' ');
        const QList<QByteArray> values = lines.at(i + 1).simplified().split(' ');
        if (names.size() != values.size())
            return std::nullopt;
        ListenCounters counters;
        bool haveOverflows = false;
        bool haveDrops = false;
        for (qsizetype k = 1; k < names.size(); ++k) {
            bool ok = false;
            const quint64 value = values.at(k).toULongLong(&ok);
            if (!ok)
                continue;
            if (names.at(k) == "ListenOverflows") {
                counters.overflows = value;
                haveOverflows = true;
            } else if (names.at(k) == "ListenDrops") {
                counters.drops = value;
                haveDrops = true;
            }
        }
        if (haveOverflows && haveDrops)
            return counters;
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace ListenQueue
