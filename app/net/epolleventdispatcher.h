#pragma once

#include "dispatchertimers.h"

#include <QAbstractEventDispatcher>

#include <atomic>
#include <cstdint>
#include <vector>

#include <sys/epoll.h>

class QSocketNotifier;

// An event dispatcher for the network thread on Linux that waits with epoll instead of poll():
// a socket notifier is added to or removed from the kernel's interest list once, with
// epoll_ctl, so a turn of the loop costs O(ready sockets + due timers), not O(open sockets).
// Installed with QThread::setEventDispatcher before the thread starts; the UI thread keeps Qt's.
//
// As Qt's Unix dispatcher: posted events are sent at the start of each processEvents(), and
// (as Qt's GLib dispatcher does) again after a wait that a wake-up ended, before the sockets; the
// notifiers of a socket that is ready are activated with QEvent::SockAct (read, write, then
// exception; an error or a hang-up activates all three); timers get a QTimerEvent; wakeUp() may
// be called from any thread. The waiting is level-triggered, like poll().
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EpollEventDispatcher)

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    // False when the kernel refused the epoll instance or the eventfd: use Qt's dispatcher then.
    bool isValid() const { return m_epoll >= 0 && m_wakeFd >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    using QAbstractEventDispatcher::registerTimer;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

    // The descriptors in the interest list and the timers registered (for tests and statistics).
    int watchedDescriptors() const { return m_watchedCount; }
    int timerCount() const { return m_timers.count(); }

private:
    // The notifiers of one descriptor: Read, Write and Exception share the fd's one epoll entry.
    struct Watch
    {
        QSocketNotifier *notifiers[3] = {nullptr, nullptr, nullptr};
        std::uint32_t events = 0;  // as given to epoll_ctl; 0 when not in the interest list
        std::uint8_t pending = 0;  // bit per type: ready in this turn and not yet activated
        bool unpollable = false;   // refused by epoll (a regular file): ready in every turn
    };

    Watch *watch(int fd);
    void updateInterest(int fd, Watch &entry);
    bool markPending(int fd, std::uint8_t types);
    int wait(bool includeNotifiers, qint64 timeoutNs);
    int activateNotifiers(const int *fds, int count);
    void drainWakeUps();
    bool interrupted() const { return m_interrupt.load(std::memory_order_acquire); }

    int m_epoll = -1;
    int m_wakeFd = -1;
    bool m_havePwait2 = true;
    std::atomic<bool> m_wakeUpPending{false};
    std::atomic<bool> m_interrupt{false};
    std::vector<Watch> m_watches; // indexed by descriptor
    int m_watchedCount = 0;
    std::vector<int> m_unpollable;
    std::vector<epoll_event> m_events;
    DispatcherTimers m_timers;
};
