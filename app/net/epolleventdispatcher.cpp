#include "epolleventdispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <QVarLengthArray>

#include <algorithm>
#include <cerrno>
#include <climits>

#include <poll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

namespace {

constexpr qint64 NsPerMs = 1000 * 1000;
constexpr qint64 NsPerSecond = 1000 * NsPerMs;
// Ready descriptors taken per turn; more stay ready (level-triggered) for the next turn.
constexpr int MaxEventsPerTurn = 1024;

constexpr std::uint8_t bit(int type)
{
    return std::uint8_t(1u << type);
}

timespec toTimespec(qint64 ns)
{
    timespec ts{};
    ts.tv_sec = time_t(ns / NsPerSecond);
    ts.tv_nsec = long(ns % NsPerSecond);
    return ts;
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_events(MaxEventsPerTurn)
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0) {
        qErrnoWarning(errno, "EpollEventDispatcher: epoll_create1 failed");
        return;
    }
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_wakeFd < 0) {
        qErrnoWarning(errno, "EpollEventDispatcher: eventfd failed");
        return;
    }
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = m_wakeFd;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event) < 0) {
        qErrnoWarning(errno, "EpollEventDispatcher: epoll_ctl failed for the wake-up descriptor");
        close(m_wakeFd);
        m_wakeFd = -1;
    }
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wakeFd >= 0)
        close(m_wakeFd);
    if (m_epoll >= 0)
        close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupt.store(false, std::memory_order_release);
    QCoreApplication::sendPostedEvents();
    if (interrupted())
        return false;

    const bool includeTimers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    qint64 timeoutNs = 0;
    if (flags.testFlag(QEventLoop::WaitForMoreEvents) && !(includeNotifiers && !m_unpollable.empty()))
        timeoutNs = includeTimers ? m_timers.waitNs(DispatcherTimers::now()) : -1;

    const bool mayBlock = timeoutNs != 0;
    if (mayBlock)
        emit aboutToBlock();
    const int ready = wait(includeNotifiers, timeoutNs);
    if (mayBlock)
        emit awake();

    int sent = 0;
    bool woken = false;
    // First every ready descriptor is marked, then the notifiers are activated: a handler may
    // register, unregister or delete any notifier, and may run a nested loop that reuses m_events.
    QVarLengthArray<int, 256> readyFds;
    for (int i = 0; i < ready; ++i) {
        const epoll_event &event = m_events[std::size_t(i)];
        const int fd = event.data.fd;
        if (fd == m_wakeFd) {
            drainWakeUps();
            woken = true;
            ++sent;
            continue;
        }
        std::uint8_t types = 0;
        if (event.events & (EPOLLIN | EPOLLHUP | EPOLLERR))
            types |= bit(QSocketNotifier::Read);
        if (event.events & (EPOLLOUT | EPOLLHUP | EPOLLERR))
            types |= bit(QSocketNotifier::Write);
        if (event.events & (EPOLLPRI | EPOLLHUP | EPOLLERR))
            types |= bit(QSocketNotifier::Exception);
        if (markPending(fd, types))
            readyFds.append(fd);
    }
    if (includeNotifiers) {
        // Descriptors epoll cannot watch (regular files) are always ready, as poll() says.
        for (const int fd : m_unpollable) {
            if (markPending(fd, bit(QSocketNotifier::Read) | bit(QSocketNotifier::Write)))
                readyFds.append(fd);
        }
    }
    // Events posted while the thread waited go before the sockets that became ready meanwhile (as
    // with Qt's GLib dispatcher): a call posted to this thread before a client connects is run
    // before that connection is accepted. Unix's own dispatcher would leave them for the next turn.
    if (woken && !interrupted())
        QCoreApplication::sendPostedEvents();
    sent += activateNotifiers(readyFds.constData(), int(readyFds.size()));

    if (includeTimers && !interrupted())
        sent += m_timers.activate(DispatcherTimers::now(), [this] { return !interrupted(); });
    return sent > 0;
}

bool EpollEventDispatcher::markPending(int fd, std::uint8_t types)
{
    Watch *entry = watch(fd);
    if (!entry)
        return false;
    std::uint8_t present = 0;
    for (int type = 0; type < 3; ++type) {
        if (entry->notifiers[type])
            present |= bit(type);
    }
    types &= present;
    if (types == 0)
        return false;
    // Also listed when an outer turn (further up the stack) has it pending already: the bit makes
    // sure only one of the two turns activates each notifier.
    entry->pending |= types;
    return true;
}

int EpollEventDispatcher::activateNotifiers(const int *fds, int count)
{
    int sent = 0;
    for (int i = 0; i < count; ++i) {
        const int fd = fds[i];
        for (int type = 0; type < 3; ++type) {
            // Looked up again each time: a handler may have grown m_watches or emptied this entry.
            Watch *entry = watch(fd);
            if (!entry)
                break;
            if (!(entry->pending & bit(type)))
                continue;
            if (interrupted()) {
                // Left for a later turn: still ready then, epoll says so again (level-triggered).
                for (int j = i; j < count; ++j) {
                    if (Watch *left = watch(fds[j]))
                        left->pending = 0;
                }
                return sent;
            }
            entry->pending &= std::uint8_t(~bit(type));
            QSocketNotifier *notifier = entry->notifiers[type];
            if (!notifier)
                continue;
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent(notifier, &event);
            ++sent;
        }
    }
    return sent;
}

int EpollEventDispatcher::wait(bool includeNotifiers, qint64 timeoutNs)
{
    timespec timeout = toTimespec(qMax<qint64>(0, timeoutNs));
    timespec *timeoutOrForever = timeoutNs < 0 ? nullptr : &timeout;
    if (!isValid())
        return 0;
    if (!includeNotifiers) {
        // The sockets are left out of this turn: only a wake-up ends the wait.
        pollfd wakeUp{};
        wakeUp.fd = m_wakeFd;
        wakeUp.events = POLLIN;
        const int result = ppoll(&wakeUp, 1, timeoutOrForever, nullptr);
        if (result <= 0)
            return 0;
        m_events[0].events = EPOLLIN;
        m_events[0].data.fd = m_wakeFd;
        return 1;
    }
    int result = -1;
    if (m_havePwait2) {
        result = epoll_pwait2(m_epoll, m_events.data(), int(m_events.size()), timeoutOrForever, nullptr);
        // An older kernel, or a seccomp filter that does not know the call.
        if (result < 0 && (errno == ENOSYS || errno == EPERM))
            m_havePwait2 = false;
    }
    if (!m_havePwait2) {
        // Whole milliseconds, rounded up: a timer is never woken for early.
        const qint64 ms = timeoutNs < 0 ? -1 : std::min<qint64>((timeoutNs + NsPerMs - 1) / NsPerMs, INT_MAX);
        result = epoll_wait(m_epoll, m_events.data(), int(m_events.size()), int(ms));
    }
    if (result < 0) {
        // A signal ends the wait early; processEvents() returns and the loop turns again.
        if (errno != EINTR)
            qErrnoWarning(errno, "EpollEventDispatcher: epoll_wait failed");
        return 0;
    }
    return result;
}

void EpollEventDispatcher::drainWakeUps()
{
    quint64 count = 0;
    while (read(m_wakeFd, &count, sizeof count) < 0 && errno == EINTR) {
    }
    // After the read: a wakeUp() between the two writes again or finds the flag still set, and
    // the events it announces are sent at the start of the next processEvents() either way.
    m_wakeUpPending.store(false, std::memory_order_release);
}

void EpollEventDispatcher::wakeUp()
{
    if (m_wakeUpPending.exchange(true, std::memory_order_acq_rel) || m_wakeFd < 0)
        return;
    const quint64 one = 1;
    while (write(m_wakeFd, &one, sizeof one) < 0 && errno == EINTR) {
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupt.store(true, std::memory_order_release);
    wakeUp();
}

EpollEventDispatcher::Watch *EpollEventDispatcher::watch(int fd)
{
    return fd >= 0 && std::size_t(fd) < m_watches.size() ? &m_watches[std::size_t(fd)] : nullptr;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    const qintptr socket = notifier->socket();
    if (socket < 0 || socket > INT_MAX) {
        qWarning("EpollEventDispatcher: cannot watch socket %lld", static_cast<long long>(socket));
        return;
    }
    if (notifier->thread() != thread() || thread() != QThread::currentThread()) {
        qWarning("EpollEventDispatcher: socket notifiers cannot be enabled from another thread");
        return;
    }
    const int fd = int(socket);
    const int type = notifier->type();
    if (std::size_t(fd) >= m_watches.size())
        m_watches.resize(std::size_t(fd) + 1);
    Watch &entry = m_watches[std::size_t(fd)];
    if (entry.notifiers[type] && entry.notifiers[type] != notifier)
        qWarning("EpollEventDispatcher: multiple socket notifiers for socket %d and type %d", fd, type);
    entry.notifiers[type] = notifier;
    updateInterest(fd, entry);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    if (notifier->thread() != thread() || thread() != QThread::currentThread()) {
        qWarning("EpollEventDispatcher: socket notifiers cannot be disabled from another thread");
        return;
    }
    const qintptr socket = notifier->socket();
    const int type = notifier->type();
    Watch *entry = socket >= 0 && socket <= INT_MAX ? watch(int(socket)) : nullptr;
    if (!entry || entry->notifiers[type] != notifier)
        return;
    entry->notifiers[type] = nullptr;
    // Not activated later in this turn, nor in one further up the stack.
    entry->pending &= std::uint8_t(~bit(type));
    updateInterest(int(socket), *entry);
}

void EpollEventDispatcher::updateInterest(int fd, Watch &entry)
{
    std::uint32_t events = 0;
    if (entry.notifiers[QSocketNotifier::Read])
        events |= EPOLLIN;
    if (entry.notifiers[QSocketNotifier::Write])
        events |= EPOLLOUT;
    if (entry.notifiers[QSocketNotifier::Exception])
        events |= EPOLLPRI;
    if (events == entry.events)
        return;
    if (entry.unpollable) {
        if (events == 0) {
            entry.unpollable = false;
            m_unpollable.erase(std::find(m_unpollable.begin(), m_unpollable.end(), fd));
        }
    } else {
        epoll_event event{};
        event.events = events;
        event.data.fd = fd;
        const int op = events == 0 ? EPOLL_CTL_DEL : entry.events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
        int result = epoll_ctl(m_epoll, op, fd, &event);
        // The descriptor was closed while watched (the kernel dropped it) and its number reused,
        // or it is still in the list from before: do the other of the two.
        if (result < 0 && op == EPOLL_CTL_MOD && errno == ENOENT)
            result = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
        else if (result < 0 && op == EPOLL_CTL_ADD && errno == EEXIST)
            result = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
        if (result < 0 && op == EPOLL_CTL_ADD && errno == EPERM) {
            // A regular file or a directory: poll() calls it always ready, so does this dispatcher.
            entry.unpollable = true;
            m_unpollable.push_back(fd);
        } else if (result < 0 && op != EPOLL_CTL_DEL) {
            // Closed already when it is taken out: nothing left to do then.
            qErrnoWarning(errno, "EpollEventDispatcher: epoll_ctl failed for socket %d", fd);
            return;
        }
    }
    if (entry.events == 0)
        ++m_watchedCount;
    else if (events == 0)
        --m_watchedCount;
    entry.events = events;
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerId < 1 || interval < 0 || !object) {
        qWarning("EpollEventDispatcher: invalid timer %d", timerId);
        return;
    }
    m_timers.add(timerId, interval, timerType, object, DispatcherTimers::now());
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    return m_timers.remove(timerId);
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    return m_timers.removeAll(object);
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    return m_timers.infos(object);
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    return m_timers.remainingMs(timerId, DispatcherTimers::now());
}
