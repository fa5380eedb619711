#include "alllisteners.h"

#include "listenqueuestats.h"
#include "listenerstatus.h"
#include "updatebatch.h"

#include <algorithm>

namespace AllListeners {

ListenerStatus status(const QList<ListenerStatus> &statuses)
{
    ListenerStatus all;
    bool anyListening = false;
    bool allPaused = true;
    const ListenerStatus *failure = nullptr;
    for (const ListenerStatus &one : statuses) {
        if (one.state == ListenerState::Listening) {
            anyListening = true;
            allPaused = allPaused && one.paused;
            all.backlog += one.backlog;
            all.tls = all.tls || one.tls;
        } else if (one.state == ListenerState::Error && !failure) {
            failure = &one;
        }
    }
    if (anyListening) {
        all.state = ListenerState::Listening;
        all.paused = allPaused;
    } else if (failure) {
        all = *failure;
    }
    return all;
}

ListenQueueStats listenQueue(const QList<ListenQueueStats> &queues)
{
    ListenQueueStats all;
    for (const ListenQueueStats &one : queues) {
        if (one.available) {
            all.available = true;
            all.length += one.length;
            all.backlog += one.backlog;
        }
        if (one.countersAvailable) {
            all.countersAvailable = true;
            all.overflows = std::max(all.overflows, one.overflows);
            all.drops = std::max(all.drops, one.drops);
        }
    }
    return all;
}

ListenerTotals totals(const QList<ListenerTotals> &totals)
{
    ListenerTotals all;
    for (const ListenerTotals &one : totals) {
        all.open += one.open;
        all.peakOpen = std::max(all.peakOpen, one.peakOpen);
        all.accepted += one.accepted;
        all.bytesReceived += one.bytesReceived;
        all.bytesSent += one.bytesSent;
        all.refused += one.refused;
        all.handshakesDone += one.handshakesDone;
        all.handshakesFailed += one.handshakesFailed;
    }
    return all;
}

} // namespace AllListeners
