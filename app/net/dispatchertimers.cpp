#include "dispatchertimers.h"

#include <QCoreApplication>
#include <QObject>
#include <QTimerEvent>

#include <chrono>

namespace {

constexpr qint64 NsPerMs = 1000 * 1000;
constexpr qint64 NsPerSecond = 1000 * NsPerMs;

// Coarse timers of 20 ms or less are precise; of 20 s or more, very coarse (as in Qt).
constexpr qint64 PreciseUpToMs = 20;
constexpr qint64 VeryCoarseFromMs = 20 * 1000;

qint64 roundUp(qint64 value, qint64 step)
{
    const qint64 rest = value % step;
    return rest == 0 ? value : value + step - rest;
}

// A coarse timer may be late by 5 % of its interval: it is moved to the next boundary of the
// coarsest step that fits in that slack, so that timers of similar intervals fire in one wake-up.
qint64 coarseDue(qint64 ideal, qint64 intervalMs)
{
    const qint64 slackMs = intervalMs / 20;
    static constexpr qint64 steps[] = {1000, 500, 250, 100, 50, 25, 10, 5};
    for (const qint64 step : steps) {
        if (step <= slackMs)
            return roundUp(ideal, step * NsPerMs);
    }
    return ideal;
}

// The nearest whole second of the monotonic clock.
qint64 nearestSecond(qint64 ns)
{
    return (ns + NsPerSecond / 2) / NsPerSecond * NsPerSecond;
}

} // namespace

qint64 DispatcherTimers::now()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void DispatcherTimers::add(int timerId, qint64 intervalMs, Qt::TimerType type, QObject *object, qint64 nowNs)
{
    if (m_timers.count(timerId) != 0)
        remove(timerId);
    Timer timer;
    timer.object = object;
    timer.interval = qMax<qint64>(0, intervalMs);
    timer.type = type;
    if (type == Qt::CoarseTimer) {
        if (timer.interval >= VeryCoarseFromMs)
            timer.type = Qt::VeryCoarseTimer;
        else if (timer.interval <= PreciseUpToMs)
            timer.type = Qt::PreciseTimer;
    }
    if (timer.type == Qt::VeryCoarseTimer)
        timer.interval = (timer.interval + 500) / 1000;
    timer.serial = m_nextSerial++;
    Timer &stored = m_timers.emplace(timerId, timer).first->second;
    m_byObject.emplace(object, timerId);
    schedule(timerId, stored, nowNs, true);
}

void DispatcherTimers::schedule(int timerId, Timer &timer, qint64 nowNs, bool first)
{
    // A rescheduled timer keeps its node of the set: no allocation per expiry.
    decltype(m_queue)::node_type node;
    if (!first)
        node = m_queue.extract({timer.due, timerId});
    if (timer.type == Qt::VeryCoarseTimer) {
        const qint64 step = timer.interval * NsPerSecond;
        timer.due = first ? nearestSecond(nowNs) + step : timer.due + step;
        if (timer.due < nowNs)
            timer.due = nearestSecond(nowNs) + step;
        timer.ideal = timer.due;
    } else {
        const qint64 step = timer.interval * NsPerMs;
        timer.ideal = first ? nowNs + step : timer.ideal + step;
        // Fallen behind (a long handler, a busy thread): the missed expiries are dropped.
        if (timer.ideal < nowNs)
            timer.ideal = nowNs + step;
        timer.due = timer.type == Qt::CoarseTimer ? coarseDue(timer.ideal, timer.interval) : timer.ideal;
    }
    if (node.empty()) {
        m_queue.emplace(timer.due, timerId);
    } else {
        node.value() = {timer.due, timerId};
        m_queue.insert(std::move(node));
    }
}

bool DispatcherTimers::remove(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_queue.erase({it->second.due, timerId});
    auto [first, last] = m_byObject.equal_range(it->second.object);
    for (auto byObject = first; byObject != last; ++byObject) {
        if (byObject->second == timerId) {
            m_byObject.erase(byObject);
            break;
        }
    }
    m_timers.erase(it);
    return true;
}

bool DispatcherTimers::removeAll(QObject *object)
{
    auto [first, last] = m_byObject.equal_range(object);
    if (first == last)
        return false;
    for (auto it = first; it != last; ++it) {
        const auto timer = m_timers.find(it->second);
        if (timer != m_timers.end()) {
            m_queue.erase({timer->second.due, it->second});
            m_timers.erase(timer);
        }
    }
    m_byObject.erase(first, last);
    return true;
}

QList<QAbstractEventDispatcher::TimerInfo> DispatcherTimers::infos(QObject *object) const
{
    QList<QAbstractEventDispatcher::TimerInfo> list;
    auto [first, last] = m_byObject.equal_range(object);
    for (auto it = first; it != last; ++it) {
        const Timer &timer = m_timers.at(it->second);
        const qint64 intervalMs = timer.type == Qt::VeryCoarseTimer ? timer.interval * 1000 : timer.interval;
        list.append(QAbstractEventDispatcher::TimerInfo(it->second, int(intervalMs), timer.type));
    }
    return list;
}

int DispatcherTimers::remainingMs(int timerId, qint64 nowNs) const
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    const qint64 left = it->second.due - nowNs;
    return left <= 0 ? 0 : int((left + NsPerMs / 2) / NsPerMs);
}

qint64 DispatcherTimers::waitNs(qint64 nowNs) const
{
    // A timer whose own event is running (a nested event loop in its handler) does not count:
    // otherwise a due zero timer would keep the nested loop from ever waiting.
    for (const auto &[due, timerId] : m_queue) {
        if (m_timers.at(timerId).inEvent)
            continue;
        return due <= nowNs ? 0 : due - nowNs;
    }
    return -1;
}

bool DispatcherTimers::sendOne(int timerId, quint64 serial, qint64 nowNs)
{
    auto it = m_timers.find(timerId);
    // Killed (and perhaps its id reused) by an earlier event of this turn, or in its own event.
    if (it == m_timers.end() || it->second.serial != serial || it->second.inEvent)
        return false;
    Timer &timer = it->second;
    schedule(timerId, timer, nowNs, false);
    timer.inEvent = true;
    QObject *object = timer.object;
    QTimerEvent event(timerId);
    QCoreApplication::sendEvent(object, &event);
    // The handler may have killed it, or killed it and started another under the same id.
    it = m_timers.find(timerId);
    if (it != m_timers.end() && it->second.serial == serial)
        it->second.inEvent = false;
    return true;
}
