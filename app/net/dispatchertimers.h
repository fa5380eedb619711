#pragma once

#include <QAbstractEventDispatcher>
#include <QList>
#include <QVarLengthArray>

#include <set>
#include <unordered_map>
#include <utility>

class QObject;

// The timers of one EpollEventDispatcher, ordered by the time each is next due: adding, removing
// and finding the next one cost O(log n), a turn costs O(due timers). Times are nanoseconds of
// the monotonic clock. The timer types follow Qt's Unix dispatcher:
// - Qt::PreciseTimer fires at the millisecond asked for;
// - Qt::CoarseTimer may fire up to 5 % of its interval late, so that timers started close together
//   fire together; one of 20 ms or less is precise, one of 20 s or more is very coarse;
// - Qt::VeryCoarseTimer has its interval rounded to whole seconds and fires on a second's boundary.
// Lives on the dispatcher's thread; nothing here is thread-safe.
class DispatcherTimers final
{
public:
    static qint64 now();

    void add(int timerId, qint64 intervalMs, Qt::TimerType type, QObject *object, qint64 nowNs);
    bool remove(int timerId);
    bool removeAll(QObject *object);
    QList<QAbstractEventDispatcher::TimerInfo> infos(QObject *object) const;
    // Milliseconds until the timer is due, 0 when it is due already, -1 when there is no such timer.
    int remainingMs(int timerId, qint64 nowNs) const;
    // Nanoseconds until the first timer not in its own event is due, 0 when one is due, -1 when
    // there is none.
    qint64 waitNs(qint64 nowNs) const;
    // Sends a QTimerEvent to the object of each timer due at nowNs, each at most once, none whose
    // event is already running further up the stack. A timer's handler may kill, restart or add
    // any timer, its own included. Stops early when keepGoing() says so. Returns the events sent.
    template <typename KeepGoing>
    int activate(qint64 nowNs, KeepGoing keepGoing);
    bool isEmpty() const { return m_timers.empty(); }
    int count() const { return int(m_timers.size()); }

private:
    struct Timer
    {
        QObject *object = nullptr;
        qint64 interval = 0; // milliseconds; whole seconds for a very coarse timer
        Qt::TimerType type = Qt::CoarseTimer;
        qint64 ideal = 0;    // when it would be due with no coarse adjustment
        qint64 due = 0;      // when it is due: the key in m_queue
        quint64 serial = 0;  // tells a timer from a later one that reuses its id
        bool inEvent = false;
    };

    void schedule(int timerId, Timer &timer, qint64 nowNs, bool first);
    bool sendOne(int timerId, quint64 serial, qint64 nowNs);

    std::unordered_map<int, Timer> m_timers;
    std::set<std::pair<qint64, int>> m_queue; // (due, id)
    std::unordered_multimap<QObject *, int> m_byObject;
    quint64 m_nextSerial = 1;
};

template <typename KeepGoing>
int DispatcherTimers::activate(qint64 nowNs, KeepGoing keepGoing)
{
    // Taken first: a timer rescheduled, restarted or added while the events go out waits for the
    // next turn, so a zero timer fires once a turn and the sockets get their turn between.
    QVarLengthArray<std::pair<int, quint64>, 32> due;
    for (auto it = m_queue.cbegin(); it != m_queue.cend() && it->first <= nowNs; ++it)
        due.append({it->second, m_timers.at(it->second).serial});
    int sent = 0;
    for (const auto &[timerId, serial] : due) {
        if (!keepGoing())
            break;
        if (sendOne(timerId, serial, nowNs))
            ++sent;
    }
    return sent;
}
