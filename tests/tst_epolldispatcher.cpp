// The epoll event dispatcher of the network thread. The main thread of this suite runs on one
// (set before the application exists), so every QTRY and QSignalSpy wait goes through it; the
// cases that cross threads run a second one on a QThread, installed as the network thread's is.
// Ported in spirit from Qt's tst_QEventDispatcher, tst_QSocketNotifier and tst_QTimer.

#include "epolleventdispatcher.h"
#include "listenercontroller.h"
#include "posixclient.h"
#include "threadinbox.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <set>
#include <utility>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr qint64 NsPerMs = 1000 * 1000;

EpollEventDispatcher *mainDispatcher()
{
    return qobject_cast<EpollEventDispatcher *>(QCoreApplication::eventDispatcher());
}

// Wake-ups and interrupts left by earlier cases would end the next wait at once.
void drainWakeUps()
{
    for (int turn = 0; turn < 3; ++turn)
        mainDispatcher()->processEvents(QEventLoop::AllEvents);
}

// Two connected AF_UNIX stream sockets, non-blocking.
struct SocketPair
{
    int fds[2] = {-1, -1};
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds); }
    ~SocketPair()
    {
        for (const int fd : fds) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    Q_DISABLE_COPY_MOVE(SocketPair)
    bool isValid() const { return fds[0] >= 0 && fds[1] >= 0; }
    // Makes the other end readable.
    void send(int end, const char *text) const { QVERIFY(::write(fds[end], text, qstrlen(text)) > 0); }
};

// Counts its timer events and the monotonic time of each; onTimer runs in the event.
class TimerCounter : public QObject
{
public:
    int count = 0;
    QList<qint64> firedAt;
    std::function<void(int)> onTimer;

    // Nanoseconds from start to the first event, -1 before it.
    qint64 firstAt(qint64 start) const { return firedAt.isEmpty() ? -1 : firedAt.first() - start; }

protected:
    void timerEvent(QTimerEvent *event) override
    {
        ++count;
        firedAt.append(DispatcherTimers::now());
        if (onTimer)
            onTimer(event->timerId());
    }
};

class UserEventCounter : public QObject
{
public:
    std::atomic<int> count{0};

protected:
    bool event(QEvent *event) override
    {
        if (event->type() != QEvent::User)
            return QObject::event(event);
        ++count;
        return true;
    }
};

// A thread whose loop runs on an EpollEventDispatcher, installed before it starts, as the
// network thread's is. run() calls a function there and waits for it: through a ThreadInbox and
// a promise, so that ThreadSanitizer sees both hand-overs.
class EpollThread
{
public:
    EpollThread()
    {
        m_thread.setEventDispatcher(new EpollEventDispatcher);
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        m_inbox = new ThreadInbox;
        m_inbox->moveToThread(&m_thread);
        m_thread.start();
    }
    ~EpollThread()
    {
        QObject *context = m_context;
        run([context] {
            delete context;
            QThread::currentThread()->quit();
        });
        m_thread.wait();
        delete m_inbox;
    }
    Q_DISABLE_COPY_MOVE(EpollThread)

    // Objects made in run() with this as parent are deleted on the thread at the end.
    QObject *context() const { return m_context; }
    void post(std::function<void()> call) { m_inbox->post(std::move(call)); }
    void run(std::function<void()> call)
    {
        std::promise<void> done;
        m_inbox->post([&call, &done] {
            call();
            done.set_value();
        });
        done.get_future().wait();
    }
    int watchedDescriptors()
    {
        int watched = -1;
        run([&watched] {
            if (auto *dispatcher = qobject_cast<EpollEventDispatcher *>(QThread::currentThread()->eventDispatcher()))
                watched = dispatcher->watchedDescriptors();
        });
        return watched;
    }

private:
    QThread m_thread;
    QObject *m_context = nullptr;
    ThreadInbox *m_inbox = nullptr;
};

// A loopback TCP pair made with plain POSIX calls: {client, accepted}.
std::pair<int, int> tcpPair()
{
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    auto *generic = reinterpret_cast<sockaddr *>(&address);
    if (::bind(listener, generic, length) != 0 || ::listen(listener, 1) != 0
        || ::getsockname(listener, generic, &length) != 0) {
        ::close(listener);
        return {-1, -1};
    }
    const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (::connect(client, generic, length) != 0) {
        ::close(client);
        ::close(listener);
        return {-1, -1};
    }
    const int accepted = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    ::close(listener);
    return {client, accepted};
}

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void postedEventsAreSentFirst();
    void precisionOfTimerTypes();
    void registeredTimersAndRemainingTime();
    void zeroTimerFiresEachTurnWithoutStarvingSockets();
    void killAndRestartTimersFromTimerEvents();
    void readAndWriteNotifiersOnOneSocket();
    void exceptionNotifierSeesUrgentData();
    void disableNotifierDuringActivation();
    void enableNotifierDuringActivation();
    void deleteNotifiersFromOwnSlot();
    void excludeSocketNotifiers();
    void interruptEndsTheWait();
    void interruptEndsTheTurn();
    void wakeUpFromAnotherThread();
    void postedBeforeReadyGoesFirst();
    void tcpEchoAcrossThreads();
    void manyConnections();
    void networkThreadRunsOnEpoll();
};

void TestEpollDispatcher::initTestCase()
{
    QVERIFY2(mainDispatcher(), "the main thread must run on the epoll dispatcher");
    QVERIFY(mainDispatcher()->isValid());
    EpollThread thread;
    bool onEpoll = false;
    thread.run([&onEpoll] {
        onEpoll = qobject_cast<EpollEventDispatcher *>(QThread::currentThread()->eventDispatcher()) != nullptr;
    });
    QVERIFY(onEpoll);
}

void TestEpollDispatcher::postedEventsAreSentFirst()
{
    UserEventCounter receiver;
    QCoreApplication::postEvent(&receiver, new QEvent(QEvent::User));
    QCoreApplication::postEvent(&receiver, new QEvent(QEvent::User));
    mainDispatcher()->processEvents(QEventLoop::AllEvents);
    QCOMPARE(receiver.count.load(), 2);
    // A waiting call sends them too, and does not block while they are waiting.
    QCoreApplication::postEvent(&receiver, new QEvent(QEvent::User));
    QElapsedTimer elapsed;
    elapsed.start();
    mainDispatcher()->processEvents(QEventLoop::WaitForMoreEvents);
    QCOMPARE(receiver.count.load(), 3);
    QVERIFY(elapsed.elapsed() < 5000);
}

void TestEpollDispatcher::precisionOfTimerTypes()
{
    TimerCounter precise;
    TimerCounter coarse;
    TimerCounter veryCoarse;
    QEventLoop loop;
    veryCoarse.onTimer = [&loop](int) { loop.quit(); };
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    const qint64 start = DispatcherTimers::now();
    precise.startTimer(50, Qt::PreciseTimer);
    coarse.startTimer(400, Qt::CoarseTimer);
    veryCoarse.startTimer(1400, Qt::VeryCoarseTimer);
    loop.exec();
    QCOMPARE(veryCoarse.count, 1);

    // Never early; late by a few ms at most (the machine may be busy with other suites).
    const qint64 slackNs = 25 * NsPerMs;
    QVERIFY(precise.count >= 5); // the very coarse one may fire after 500 ms
    const qint64 preciseFirst = precise.firstAt(start);
    QVERIFY2(preciseFirst >= 50 * NsPerMs && preciseFirst <= 50 * NsPerMs + slackNs, QByteArray::number(preciseFirst).constData());
    for (int i = 1; i < precise.firedAt.size(); ++i) {
        // Each due 50 ms after the one before was due, not after it fired: no drift.
        const qint64 sinceStart = precise.firedAt.at(i) - start;
        QVERIFY2(sinceStart >= (i + 1) * 50 * NsPerMs, QByteArray::number(sinceStart).constData());
    }
    // A coarse timer may be up to 5 % late.
    QVERIFY(coarse.count >= 1);
    const qint64 coarseFirst = coarse.firstAt(start);
    QVERIFY2(coarseFirst >= 400 * NsPerMs && coarseFirst <= 420 * NsPerMs + slackNs, QByteArray::number(coarseFirst).constData());
    // A very coarse one: the interval rounded to a whole second, due on a second's boundary.
    const qint64 veryCoarseFirst = veryCoarse.firstAt(start);
    QVERIFY2(veryCoarseFirst >= 500 * NsPerMs && veryCoarseFirst <= 1500 * NsPerMs + slackNs,
             QByteArray::number(veryCoarseFirst).constData());
    QVERIFY2(veryCoarse.firedAt.first() % (1000 * NsPerMs) <= 4 * slackNs, QByteArray::number(veryCoarse.firedAt.first()).constData());
}

void TestEpollDispatcher::registeredTimersAndRemainingTime()
{
    EpollEventDispatcher *dispatcher = mainDispatcher();
    TimerCounter object;
    const int precise = object.startTimer(1000, Qt::PreciseTimer);
    const int coarse = object.startTimer(2000, Qt::CoarseTimer);
    const int veryCoarse = object.startTimer(2600, Qt::VeryCoarseTimer);
    const int becomesPrecise = object.startTimer(10, Qt::CoarseTimer);
    const int becomesVeryCoarse = object.startTimer(30000, Qt::CoarseTimer);
    using Info = QAbstractEventDispatcher::TimerInfo;
    const QList<Info> infos = dispatcher->registeredTimers(&object);
    QCOMPARE(infos.size(), 5);
    auto find = [&infos](int id) {
        for (const Info &info : infos) {
            if (info.timerId == id)
                return info;
        }
        return Info(-1, -1, Qt::PreciseTimer);
    };
    QCOMPARE(find(precise).interval, 1000);
    QCOMPARE(find(precise).timerType, Qt::PreciseTimer);
    QCOMPARE(find(coarse).timerType, Qt::CoarseTimer);
    QCOMPARE(find(veryCoarse).interval, 3000);
    QCOMPARE(find(veryCoarse).timerType, Qt::VeryCoarseTimer);
    QCOMPARE(find(becomesPrecise).timerType, Qt::PreciseTimer);
    QCOMPARE(find(becomesVeryCoarse).timerType, Qt::VeryCoarseTimer);
    QCOMPARE(find(becomesVeryCoarse).interval, 30000);

    const int left = dispatcher->remainingTime(precise);
    QVERIFY2(left > 900 && left <= 1000, QByteArray::number(left).constData());
    QVERIFY(dispatcher->remainingTime(coarse) >= 1900);
    QVERIFY(dispatcher->remainingTime(coarse) <= 2100);
    QVERIFY(dispatcher->remainingTime(veryCoarse) >= 2400);
    QVERIFY(dispatcher->remainingTime(veryCoarse) <= 3500);

    object.killTimer(precise);
    QCOMPARE(dispatcher->remainingTime(precise), -1);
    QCOMPARE(dispatcher->registeredTimers(&object).size(), 4);
    QVERIFY(dispatcher->unregisterTimers(&object));
    QVERIFY(dispatcher->registeredTimers(&object).isEmpty());
    QCOMPARE(dispatcher->remainingTime(coarse), -1);
    QVERIFY(!dispatcher->unregisterTimer(coarse));
}

void TestEpollDispatcher::zeroTimerFiresEachTurnWithoutStarvingSockets()
{
    EpollEventDispatcher *dispatcher = mainDispatcher();
    SocketPair pair;
    QVERIFY(pair.isValid());
    pair.send(1, "x"); // stays readable: the notifier is level-triggered
    QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
    int reads = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&reads] { ++reads; });
    TimerCounter zero;
    const int id = zero.startTimer(0);
    QCOMPARE(dispatcher->remainingTime(id), 0);
    for (int turn = 1; turn <= 10; ++turn) {
        // Never blocks: a zero timer is always due.
        QVERIFY(dispatcher->processEvents(QEventLoop::WaitForMoreEvents));
        QCOMPARE(zero.count, turn);
        QCOMPARE(reads, turn);
    }
}

void TestEpollDispatcher::killAndRestartTimersFromTimerEvents()
{
    EpollEventDispatcher *dispatcher = mainDispatcher();
    // Killed in its own event: once only.
    TimerCounter once;
    const int id = once.startTimer(0);
    once.onTimer = [&once](int timerId) { once.killTimer(timerId); };
    for (int turn = 0; turn < 3; ++turn)
        dispatcher->processEvents(QEventLoop::AllEvents);
    QCOMPARE(once.count, 1);
    QCOMPARE(dispatcher->remainingTime(id), -1);
    QVERIFY(dispatcher->registeredTimers(&once).isEmpty());

    // Killed and started again in its own event (the id may be reused): once a turn, three times.
    TimerCounter restarting;
    restarting.startTimer(0);
    restarting.onTimer = [&restarting](int timerId) {
        restarting.killTimer(timerId);
        if (restarting.count < 3)
            restarting.startTimer(0);
    };
    for (int turn = 1; turn <= 5; ++turn) {
        dispatcher->processEvents(QEventLoop::AllEvents);
        QCOMPARE(restarting.count, qMin(turn, 3));
    }
    QVERIFY(dispatcher->registeredTimers(&restarting).isEmpty());

    // Two timers due in one turn, each killing the other: only the first fires.
    TimerCounter first;
    TimerCounter second;
    const int firstId = first.startTimer(0);
    const int secondId = second.startTimer(0);
    bool killed = false;
    first.onTimer = [&second, &killed, secondId](int) {
        if (!std::exchange(killed, true))
            second.killTimer(secondId);
    };
    second.onTimer = [&first, &killed, firstId](int) {
        if (!std::exchange(killed, true))
            first.killTimer(firstId);
    };
    dispatcher->processEvents(QEventLoop::AllEvents);
    QCOMPARE(first.count + second.count, 1);
    dispatcher->processEvents(QEventLoop::AllEvents);
    QCOMPARE(first.count + second.count, 2);

    // A due timer's object deleted by the event of a timer due before it: its event never comes.
    auto *victim = new TimerCounter;
    int victimEvents = 0;
    victim->onTimer = [&victimEvents](int) { ++victimEvents; };
    TimerCounter killer;
    killer.startTimer(0);
    victim->startTimer(0);
    killer.onTimer = [&victim, &killer](int timerId) {
        delete victim;
        victim = nullptr;
        killer.killTimer(timerId);
    };
    dispatcher->processEvents(QEventLoop::AllEvents);
    dispatcher->processEvents(QEventLoop::AllEvents);
    QCOMPARE(killer.count, 1);
    QVERIFY(!victim);
    QCOMPARE(victimEvents, 0);
}

void TestEpollDispatcher::readAndWriteNotifiersOnOneSocket()
{
    EpollEventDispatcher *dispatcher = mainDispatcher();
    const int watchedBefore = dispatcher->watchedDescriptors();
    SocketPair pair;
    QVERIFY(pair.isValid());
    QSocketNotifier reader(pair.fds[0], QSocketNotifier::Read);
    QSocketNotifier writer(pair.fds[0], QSocketNotifier::Write);
    QSignalSpy reads(&reader, &QSocketNotifier::activated);
    QSignalSpy writes(&writer, &QSocketNotifier::activated);
    // One interest-list entry for the two.
    QCOMPARE(dispatcher->watchedDescriptors(), watchedBefore + 1);

    dispatcher->processEvents(QEventLoop::AllEvents);
    QCOMPARE(writes.count(), 1); // writable at once
    QCOMPARE(reads.count(), 0);  // nothing to read yet

    writer.setEnabled(false);
    pair.send(1, "ping");
    dispatcher->processEvents(QEventLoop::AllEvents);
    QCOMPARE(reads.count(), 1);
    QCOMPARE(writes.count(), 1);
    QCOMPARE(reads.first().at(0).value<QSocketDescriptor>(), QSocketDescriptor(pair.fds[0]));
    QCOMPARE(reads.first().at(1).value<QSocketNotifier::Type>(), QSocketNotifier::Read);

    char buffer[16];
    QCOMPARE(::read(pair.fds[0], buffer, sizeof buffer), 4);
    writer.setEnabled(true);
    dispatcher->processEvents(QEventLoop::AllEvents);
    QCOMPARE(reads.count(), 1);
    QCOMPARE(writes.count(), 2);

    // The peer goes: end of stream is a read event.
    ::close(pair.fds[1]);
    pair.fds[1] = -1;
    dispatcher->processEvents(QEventLoop::AllEvents);
    QCOMPARE(reads.count(), 2);

    reader.setEnabled(false);
    writer.setEnabled(false);
    QCOMPARE(dispatcher->watchedDescriptors(), watchedBefore);
}

void TestEpollDispatcher::exceptionNotifierSeesUrgentData()
{
    const auto [client, accepted] = tcpPair();
    QVERIFY(client >= 0 && accepted >= 0);
    QSocketNotifier exception(accepted, QSocketNotifier::Exception);
    QSocketNotifier reader(accepted, QSocketNotifier::Read);
    QSignalSpy exceptions(&exception, &QSocketNotifier::activated);
    QSignalSpy reads(&reader, &QSocketNotifier::activated);
    mainDispatcher()->processEvents(QEventLoop::AllEvents);
    QCOMPARE(exceptions.count(), 0);
    QCOMPARE(::send(client, "!", 1, MSG_OOB), 1);
    QTRY_VERIFY(exceptions.count() > 0);
    char urgent = 0;
    QCOMPARE(::recv(accepted, &urgent, 1, MSG_OOB), 1);
    QCOMPARE(urgent, '!');
    exception.setEnabled(false);
    reader.setEnabled(false);
    ::close(client);
    ::close(accepted);
}

void TestEpollDispatcher::disableNotifierDuringActivation()
{
    // Two sockets ready in one turn; whichever is activated first disables the other, which
    // must then not be activated in that turn (tst_QSocketNotifier::disableNotifiersInActivatedSlot).
    SocketPair first;
    SocketPair second;
    first.send(1, "a");
    second.send(1, "b");
    QSocketNotifier firstNotifier(first.fds[0], QSocketNotifier::Read);
    QSocketNotifier secondNotifier(second.fds[0], QSocketNotifier::Read);
    int activations = 0;
    connect(&firstNotifier, &QSocketNotifier::activated, this, [&] {
        ++activations;
        secondNotifier.setEnabled(false);
        firstNotifier.setEnabled(false);
    });
    connect(&secondNotifier, &QSocketNotifier::activated, this, [&] {
        ++activations;
        firstNotifier.setEnabled(false);
        secondNotifier.setEnabled(false);
    });
    mainDispatcher()->processEvents(QEventLoop::AllEvents);
    QCOMPARE(activations, 1);
    mainDispatcher()->processEvents(QEventLoop::AllEvents);
    QCOMPARE(activations, 1);
}

void TestEpollDispatcher::enableNotifierDuringActivation()
{
    SocketPair first;
    SocketPair second;
    first.send(1, "a");
    second.send(1, "b");
    QSocketNotifier firstNotifier(first.fds[0], QSocketNotifier::Read);
    QSocketNotifier secondNotifier(second.fds[0], QSocketNotifier::Read);
    secondNotifier.setEnabled(false);
    int firstCount = 0;
    int secondCount = 0;
    connect(&firstNotifier, &QSocketNotifier::activated, this, [&] {
        ++firstCount;
        firstNotifier.setEnabled(false);
        secondNotifier.setEnabled(true);
    });
    connect(&secondNotifier, &QSocketNotifier::activated, this, [&] {
        ++secondCount;
        secondNotifier.setEnabled(false);
    });
    QTRY_COMPARE(secondCount, 1);
    QCOMPARE(firstCount, 1);
}

void TestEpollDispatcher::deleteNotifiersFromOwnSlot()
{
    // Read and write ready on one socket: the read slot deletes both notifiers, so the write one,
    // due next in the same turn, must not be touched (ASan would see it).
    SocketPair pair;
    pair.send(1, "x");
    auto *reader = new QSocketNotifier(pair.fds[0], QSocketNotifier::Read);
    auto *writer = new QSocketNotifier(pair.fds[0], QSocketNotifier::Write);
    int reads = 0;
    int writes = 0;
    connect(reader, &QSocketNotifier::activated, this, [&] {
        ++reads;
        delete writer;
        writer = nullptr;
        delete reader;
        reader = nullptr;
    });
    connect(writer, &QSocketNotifier::activated, this, [&writes] { ++writes; });
    const int watchedBefore = mainDispatcher()->watchedDescriptors();
    mainDispatcher()->processEvents(QEventLoop::AllEvents);
    QCOMPARE(reads, 1);
    QCOMPARE(writes, 0);
    QVERIFY(!reader && !writer);
    QCOMPARE(mainDispatcher()->watchedDescriptors(), watchedBefore - 1);

    // The write notifier deleting itself from its own slot.
    auto *self = new QSocketNotifier(pair.fds[0], QSocketNotifier::Write);
    connect(self, &QSocketNotifier::activated, this, [&] {
        ++writes;
        delete self;
        self = nullptr;
    });
    QTRY_VERIFY(!self);
    QCOMPARE(writes, 1);
}

void TestEpollDispatcher::excludeSocketNotifiers()
{
    SocketPair pair;
    pair.send(1, "x");
    QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
    QSignalSpy reads(&notifier, &QSocketNotifier::activated);
    mainDispatcher()->processEvents(QEventLoop::ExcludeSocketNotifiers);
    QCOMPARE(reads.count(), 0);
    // Waiting without the sockets: the timer ends the wait, the ready socket does not.
    TimerCounter timer;
    timer.startTimer(30, Qt::PreciseTimer);
    while (timer.count == 0)
        mainDispatcher()->processEvents(QEventLoop::ExcludeSocketNotifiers | QEventLoop::WaitForMoreEvents);
    QCOMPARE(reads.count(), 0);
    mainDispatcher()->processEvents(QEventLoop::AllEvents);
    QCOMPARE(reads.count(), 1);
}

void TestEpollDispatcher::interruptEndsTheWait()
{
    EpollEventDispatcher *dispatcher = mainDispatcher();
    drainWakeUps();
    TimerCounter far;
    far.startTimer(60000);
    QSemaphore blocking;
    const auto connection = connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this,
                                    [&blocking] { blocking.release(); }, Qt::DirectConnection);
    QSignalSpy awake(dispatcher, &QAbstractEventDispatcher::awake);
    std::unique_ptr<QThread> other(QThread::create([&blocking, dispatcher] {
        blocking.acquire();
        dispatcher->interrupt();
    }));
    other->start();
    QElapsedTimer elapsed;
    elapsed.start();
    dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
    QVERIFY(elapsed.elapsed() < 30000);
    QVERIFY(other->wait(10000));
    disconnect(connection);
    QCOMPARE(awake.count(), 1);
    QCOMPARE(far.count, 0);
}

void TestEpollDispatcher::interruptEndsTheTurn()
{
    // Two timers due in one turn, each interrupting: processEvents() returns after the first.
    EpollEventDispatcher *dispatcher = mainDispatcher();
    TimerCounter first;
    TimerCounter second;
    first.onTimer = [dispatcher](int) { dispatcher->interrupt(); };
    second.onTimer = [dispatcher](int) { dispatcher->interrupt(); };
    first.startTimer(0);
    second.startTimer(0);
    dispatcher->processEvents(QEventLoop::AllEvents);
    QCOMPARE(first.count + second.count, 1);
    dispatcher->processEvents(QEventLoop::AllEvents);
    QCOMPARE(first.count + second.count, 2);
}

void TestEpollDispatcher::wakeUpFromAnotherThread()
{
    EpollEventDispatcher *dispatcher = mainDispatcher();
    drainWakeUps();
    UserEventCounter receiver;
    QSemaphore blocking;
    const auto connection = connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this,
                                    [&blocking] { blocking.release(); }, Qt::DirectConnection);
    // A plain wakeUp() ends a wait with no timer at all.
    std::unique_ptr<QThread> waker(QThread::create([&blocking, dispatcher] {
        blocking.acquire();
        dispatcher->wakeUp();
    }));
    waker->start();
    dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
    QVERIFY(waker->wait(10000));

    // An event posted from another thread ends the wait and is sent.
    std::unique_ptr<QThread> poster(QThread::create([&blocking, &receiver] {
        blocking.acquire();
        QCoreApplication::postEvent(&receiver, new QEvent(QEvent::User));
    }));
    poster->start();
    // Sent in the same call, once the wake-up ends the wait (a call that sends posted events at
    // its start still waits after them: only a wake-up during the wait ends it).
    dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
    QCOMPARE(receiver.count.load(), 1);
    QVERIFY(poster->wait(10000));
    disconnect(connection);

    // Many threads waking at once while the loop turns: none lost, none blocks.
    std::atomic<int> done{0};
    std::vector<std::unique_ptr<QThread>> wakers;
    for (int i = 0; i < 4; ++i) {
        wakers.emplace_back(QThread::create([&done, &receiver, dispatcher] {
            for (int n = 0; n < 500; ++n)
                dispatcher->wakeUp();
            QCoreApplication::postEvent(&receiver, new QEvent(QEvent::User));
            ++done;
        }));
        wakers.back()->start();
    }
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count.load(), 5, 20000);
    for (auto &thread : wakers)
        QVERIFY(thread->wait(10000));
    QCOMPARE(done.load(), 4);
}

void TestEpollDispatcher::postedBeforeReadyGoesFirst()
{
    // A call posted to the thread before its socket becomes readable runs before the notifier,
    // even when one wait sees both: what the network thread relies on when the window changes a
    // listener's rules just before a client connects.
    SocketPair pair;
    QVERIFY(pair.isValid());
    QStringList order; // touched on the thread only; read here after run()
    EpollThread network;
    const int fd = pair.fds[0];
    network.run([&order, &network, fd] {
        auto *notifier = new QSocketNotifier(fd, QSocketNotifier::Read, network.context());
        QObject::connect(notifier, &QSocketNotifier::activated, notifier, [&order, fd] {
            char byte = 0;
            if (::read(fd, &byte, 1) == 1)
                order.append(QStringLiteral("read"));
        });
    });
    constexpr int Rounds = 50;
    for (int round = 0; round < Rounds; ++round) {
        network.post([&order] { order.append(QStringLiteral("posted")); });
        pair.send(1, "x");
        int seen = 0;
        QTRY_VERIFY((network.run([&order, &seen] { seen = int(order.size()); }), seen == 2 * (round + 1)));
    }
    QStringList expected;
    for (int round = 0; round < Rounds; ++round)
        expected << QStringLiteral("posted") << QStringLiteral("read");
    QStringList seenOrder;
    network.run([&order, &seenOrder] { seenOrder = order; });
    QCOMPARE(seenOrder, expected);
}

void TestEpollDispatcher::tcpEchoAcrossThreads()
{
    EpollThread network;
    quint16 port = 0;
    network.run([&port, &network] {
        auto *server = new QTcpServer(network.context());
        QObject::connect(server, &QTcpServer::newConnection, server, [server] {
            while (QTcpSocket *socket = server->nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->write(socket->readAll()); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        if (server->listen(QHostAddress::LocalHost, 0))
            port = server->serverPort();
    });
    QVERIFY(port != 0);

    QTcpSocket client;
    QByteArray received;
    connect(&client, &QTcpSocket::readyRead, this, [&] { received += client.readAll(); });
    QSignalSpy connected(&client, &QTcpSocket::connected);
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(connected.wait(10000));
    client.write("hello\n");
    QTRY_COMPARE(received, QByteArray("hello\n"));

    // More than the socket buffers hold: both sides go through their write notifiers.
    QByteArray payload(8 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(i * 7 + i / 4096);
    received.clear();
    client.write(payload);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), payload.size(), 60000);
    QVERIFY(received == payload);

    QSignalSpy disconnected(&client, &QTcpSocket::disconnected);
    client.disconnectFromHost();
    if (client.state() != QAbstractSocket::UnconnectedState)
        QVERIFY(disconnected.wait(10000));
    // Only the listening socket is left on the network thread.
    QTRY_COMPARE(network.watchedDescriptors(), 1);
}

void TestEpollDispatcher::manyConnections()
{
    constexpr int Connections = 2000;
    QVERIFY(ensureDescriptors(2 * Connections + 256));
    // Before the thread: its sockets count into these until they are deleted there.
    quint16 port = 0;
    std::atomic<int> accepted{0};
    std::atomic<int> closed{0};
    EpollThread network;
    network.run([&] {
        auto *server = new QTcpServer(network.context());
        server->setListenBacklogSize(4096);
        QObject::connect(server, &QTcpServer::newConnection, server, [server, &accepted, &closed] {
            while (QTcpSocket *socket = server->nextPendingConnection()) {
                const int number = accepted++;
                socket->write(QByteArray::number(number) + '\n');
                QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, &closed] {
                    ++closed;
                    socket->deleteLater();
                });
            }
        });
        if (server->listen(QHostAddress::LocalHost, 0))
            port = server->serverPort();
    });
    QVERIFY(port != 0);

    std::vector<int> clients = openClients(port, Connections);
    QCOMPARE(int(clients.size()), Connections);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.load(), Connections, 60000);
    // Each client gets its own greeting: every number once.
    std::set<int> numbers;
    for (const int fd : clients) {
        QVERIFY(readable(fd, 10000));
        char line[16] = {};
        const ssize_t got = ::read(fd, line, sizeof line - 1);
        QVERIFY(got > 1 && line[got - 1] == '\n');
        numbers.insert(QByteArray(line, int(got) - 1).toInt());
    }
    QCOMPARE(int(numbers.size()), Connections);
    QCOMPARE(*numbers.begin(), 0);
    QCOMPARE(*numbers.rbegin(), Connections - 1);
    QCOMPARE(network.watchedDescriptors(), Connections + 1);

    closeAll(clients);
    QTRY_COMPARE_WITH_TIMEOUT(closed.load(), Connections, 60000);
    QTRY_COMPARE(network.watchedDescriptors(), 1);
}

void TestEpollDispatcher::networkThreadRunsOnEpoll()
{
    {
        ListenerController controller;
        auto *network = controller.findChild<QThread *>(QStringLiteral("network"));
        QVERIFY(network);
        QVERIFY(qobject_cast<EpollEventDispatcher *>(network->eventDispatcher()));
    }
    // Qt's own, when asked for (to compare the two).
    qputenv("SOCKETLAB_EVENT_DISPATCHER", "qt");
    {
        ListenerController controller;
        auto *network = controller.findChild<QThread *>(QStringLiteral("network"));
        QVERIFY(network);
        QTRY_VERIFY(network->eventDispatcher());
        QVERIFY(!qobject_cast<EpollEventDispatcher *>(network->eventDispatcher()));
    }
    qunsetenv("SOCKETLAB_EVENT_DISPATCHER");
}

int main(int argc, char *argv[])
{
    // The main thread's dispatcher, set before the application exists.
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"
