#include "kernelmonitor.h"

#include "listenqueue.h"
#include "tcpinforeader.h"

#include <QTimer>

#include <algorithm>
#include <utility>

KernelMonitor::KernelMonitor(DescriptorLookup lookup, QObject *parent)
    : QObject(parent)
    , m_lookup(std::move(lookup))
    , m_queueTimer(new QTimer(this))
    , m_tcpInfoTimer(new QTimer(this))
{
    m_queueTimer->setInterval(QueueIntervalMs);
    connect(m_queueTimer, &QTimer::timeout, this, &KernelMonitor::readListenQueue);
    m_tcpInfoTimer->setInterval(TcpInfoIntervalMs);
    connect(m_tcpInfoTimer, &QTimer::timeout, this, &KernelMonitor::readWatched);
}

KernelMonitor::~KernelMonitor() = default;

void KernelMonitor::startListenQueue(qintptr listeningDescriptor)
{
    m_listeningDescriptor = listeningDescriptor;
    m_baseline = ListenQueue::readCounters();
    readListenQueue();
    // Where the kernel cannot tell, there is nothing to poll for.
    if (m_queue.available || m_queue.countersAvailable)
        m_queueTimer->start();
    else
        m_queueTimer->stop();
}

void KernelMonitor::stopListenQueue()
{
    m_queueTimer->stop();
    m_listeningDescriptor = -1;
    m_baseline.reset();
    setListenQueue({});
}

void KernelMonitor::readListenQueue()
{
    ListenQueueStats stats;
    ListenQueue::readQueue(m_listeningDescriptor, &stats);
    if (m_baseline) {
        if (const std::optional<ListenCounters> now = ListenQueue::readCounters()) {
            stats.countersAvailable = true;
            // Counters only grow; a smaller one means a reset, counted from zero again.
            stats.overflows = now->overflows >= m_baseline->overflows ? now->overflows - m_baseline->overflows : 0;
            stats.drops = now->drops >= m_baseline->drops ? now->drops - m_baseline->drops : 0;
        }
    }
    setListenQueue(stats);
}

void KernelMonitor::setListenQueue(const ListenQueueStats &stats)
{
    if (stats == m_queue)
        return;
    m_queue = stats;
    m_queueChanged = true;
    emit changed();
}

bool KernelMonitor::takeListenQueueChanged()
{
    return std::exchange(m_queueChanged, false);
}

void KernelMonitor::watch(const QList<quint64> &ids)
{
    QSet<quint64> watched;
    watched.reserve(std::min<qsizetype>(ids.size(), MaxWatched));
    bool readAny = false;
    for (const quint64 id : ids) {
        if (watched.size() >= MaxWatched)
            break;
        watched.insert(id);
        if (!m_watched.contains(id))
            readAny = read(id) || readAny;
    }
    m_watched = std::move(watched);
    // Elsewhere than Linux the first answer (not available) is all there is to say.
    if (m_watched.isEmpty() || !tcpInfoSupported())
        m_tcpInfoTimer->stop();
    else if (!m_tcpInfoTimer->isActive())
        m_tcpInfoTimer->start();
    if (readAny)
        emit changed();
}

void KernelMonitor::readWatched()
{
    bool readAny = false;
    for (const quint64 id : std::as_const(m_watched))
        readAny = read(id) || readAny;
    if (readAny)
        emit changed();
}

bool KernelMonitor::read(quint64 id)
{
    const qintptr descriptor = m_lookup(id);
    if (descriptor < 0)
        return false;
    m_tcpInfo.insert(id, readTcpInfo(descriptor));
    return true;
}

QHash<quint64, TcpInfo> KernelMonitor::takeTcpInfo()
{
    return std::exchange(m_tcpInfo, {});
}
