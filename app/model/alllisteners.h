#pragma once

#include <QList>

struct ListenerStatus;
struct ListenerTotals;
struct ListenQueueStats;

// Every listener seen as one, for the views' "All listeners" choice.
namespace AllListeners {

// Listening when any listener is (paused only when every listening one is); otherwise the
// first failure, or stopped. The backlog is the sum over the listening ones, TLS when any of
// them is.
ListenerStatus status(const QList<ListenerStatus> &statuses);
// The queues of the listeners whose queue was read, added up. The counters are system-wide,
// each since its listener started: the largest, from the longest listening, not a sum.
ListenQueueStats listenQueue(const QList<ListenQueueStats> &queues);
// Counts added up; the peak is the largest single peak, as peaks need not coincide.
ListenerTotals totals(const QList<ListenerTotals> &totals);

} // namespace AllListeners
