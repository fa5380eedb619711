#pragma once

#include "listenqueuestats.h"
#include "tcpinfo.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <functional>
#include <optional>

class QTimer;

// What the kernel says about the listener, read on the network thread: the accept queue a few
// times a second while listening, and TCP_INFO about once a second for the connections the
// window names. Never for every connection: with 10,000 open that would be 10,000 calls a round.
class KernelMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KernelMonitor)

public:
    static constexpr int QueueIntervalMs = 200;
    static constexpr int TcpInfoIntervalMs = 1000;
    static constexpr int MaxWatched = 1000; // the rest of a longer watch list is ignored

    // The descriptor of an open connection, or -1 when it has none (any more).
    using DescriptorLookup = std::function<qintptr(quint64 id)>;

    explicit KernelMonitor(DescriptorLookup lookup, QObject *parent = nullptr);
    ~KernelMonitor() override;

    // Follows this listening socket's queue; the counters' baseline is taken now.
    void startListenQueue(qintptr listeningDescriptor);
    void stopListenQueue();
    // The connections to read TCP_INFO for, replacing the previous list; new ones are read now.
    void watch(const QList<quint64> &ids);

    const ListenQueueStats &listenQueue() const { return m_queue; }
    // True once after the queue figures changed.
    bool takeListenQueueChanged();
    // TCP_INFO read since the last call, by connection id.
    QHash<quint64, TcpInfo> takeTcpInfo();

signals:
    // Something new waits to be taken.
    void changed();

private:
    void readListenQueue();
    void readWatched();
    bool read(quint64 id);
    void setListenQueue(const ListenQueueStats &stats);

    DescriptorLookup m_lookup;
    qintptr m_listeningDescriptor = -1;
    std::optional<ListenCounters> m_baseline;
    ListenQueueStats m_queue;
    bool m_queueChanged = false;
    QSet<quint64> m_watched;
    QHash<quint64, TcpInfo> m_tcpInfo;
    QTimer *m_queueTimer = nullptr;
    QTimer *m_tcpInfoTimer = nullptr;
};
