// How soon the real socketlab binary accepts: with backlog 5, a client that connects again as
// soon as a connect returns overflows the accept queue whenever the server lets connections wait
// there, and each overflow costs that connect a second (its SYN is dropped and sent again).
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QtTest>

#include "posixclient.h"

#include <vector>

#ifdef Q_OS_LINUX
#  include <sched.h>
#  include <unistd.h>
#endif

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#  define SOCKETLAB_SANITIZER 1
#elif defined(__has_feature)
#  if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#    define SOCKETLAB_SANITIZER 1
#  endif
#endif

namespace {

#if defined(Q_OS_LINUX) && !defined(SOCKETLAB_SANITIZER)
constexpr int Timeout = 10000;
constexpr int Connects = 200;
// Generous: here the app mostly stalls once or twice in 200 (the first connect, while its thread
// wakes up), 10 times at most seen, and the reference server 2 to 8 times. A stall leaves the
// server idle for a second, so the next burst may meet it waking up again: they come in runs.
// Before the app accepted ahead of setting connections up, it stalled 8 to 21 times.
constexpr int MaxStalled = 12;
constexpr qint64 StallMs = 900;    // the kernel's 1 s SYN timeout fires a little early at times
constexpr qint64 MaxRunMs = 30000; // the whole run, every connect included

// The CPUs this process may run on.
std::vector<int> allowedCpus()
{
    std::vector<int> cpus;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof(set), &set) != 0)
        return cpus;
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (CPU_ISSET(cpu, &set))
            cpus.push_back(cpu);
    }
    return cpus;
}

// Keeps the calling thread to one CPU; false when the system refuses.
bool pinTo(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return ::sched_setaffinity(0, sizeof(set), &set) == 0;
}

// The calling thread on one CPU while it lives, on the ones it had before afterwards.
class PinnedThread
{
    Q_DISABLE_COPY_MOVE(PinnedThread)

public:
    explicit PinnedThread(int cpu)
    {
        CPU_ZERO(&m_before);
        m_pinned = ::sched_getaffinity(0, sizeof(m_before), &m_before) == 0 && pinTo(cpu);
    }
    ~PinnedThread()
    {
        if (m_pinned)
            ::sched_setaffinity(0, sizeof(m_before), &m_before);
    }
    bool isPinned() const { return m_pinned; }

private:
    cpu_set_t m_before;
    bool m_pinned = false;
};
#endif

} // namespace

class TestAcceptLatency final : public QObject
{
    Q_OBJECT

private slots:
    void sequentialConnectsDoNotStall_data();
    void sequentialConnectsDoNotStall();
};

void TestAcceptLatency::sequentialConnectsDoNotStall_data()
{
    QTest::addColumn<bool>("keep");
    QTest::newRow("each closed") << false;
    QTest::newRow("all kept open") << true;
}

void TestAcceptLatency::sequentialConnectsDoNotStall()
{
#if defined(SOCKETLAB_SANITIZER)
    // Instrumented, setting a connection up takes several times as long as a client's connect,
    // so the queue fills during a single set-up: 16 to 29 stalls in 200, which says nothing about
    // the release build.
    QSKIP("Times the release build's accepting; a sanitizer's instrumentation outweighs it");
#elif defined(Q_OS_LINUX)
    QFETCH(bool, keep);
    const QString binary = qEnvironmentVariable("SOCKETLAB_BINARY");
    if (binary.isEmpty())
        QSKIP("SOCKETLAB_BINARY is not set");
    // The client and the server each get a CPU of their own. Sharing one, a woken server waits
    // until the client blocks, on its dropped SYN: any server stalls then, the reference too, and
    // what the test would measure is the scheduler rather than how soon the app accepts.
    const std::vector<int> cpus = allowedCpus();
    if (cpus.size() < 2)
        QSKIP("Needs two CPUs, one for the client and one for the server");
    const int serverCpu = cpus.at(0);
    const int clientCpu = cpus.at(1);
    QVERIFY(ensureDescriptors(Connects + 64));

    QProcess process;
    process.setChildProcessModifier([serverCpu] { pinTo(serverCpu); });
    QStringList lines;
    QByteArray partial;
    connect(&process, &QProcess::readyReadStandardOutput, &process, [&] {
        partial += process.readAllStandardOutput();
        qsizetype newline = partial.indexOf('\n');
        while (newline >= 0) {
            // Without the "hh:mm:ss.zzz  " prefix.
            lines.append(QString::fromLocal8Bit(partial.left(newline)).mid(14));
            partial.remove(0, newline + 1);
            newline = partial.indexOf('\n');
        }
    });
    std::vector<int> fds;
    const auto cleanup = qScopeGuard([&] {
        closeAll(fds);
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(Timeout);
        }
    });
    process.start(binary, {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--backlog"), QStringLiteral("5")});
    QVERIFY(process.waitForStarted(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(lines.contains(QStringLiteral("Waiting for a connection...")), Timeout);
    static const QRegularExpression bound(QStringLiteral("^Socket bound to 127\\.0\\.0\\.1:(\\d+)$"));
    quint16 port = 0;
    for (const QString &line : std::as_const(lines)) {
        if (const QRegularExpressionMatch match = bound.match(line); match.hasMatch())
            port = quint16(match.captured(1).toUInt());
    }
    QVERIFY2(port != 0, qPrintable(lines.join(QLatin1Char('\n'))));

    // Connect, close or keep, connect again at once: the natural first experiment.
    QList<qint64> slow; // ms of each stalled connect
    int connected = 0;
    QElapsedTimer run;
    {
        const PinnedThread pinned(clientCpu);
        QVERIFY(pinned.isPinned());
        run.start();
        for (int i = 0; i < Connects && run.elapsed() < MaxRunMs; ++i) {
            QElapsedTimer connecting;
            connecting.start();
            const int fd = posixConnect(port);
            const qint64 ms = connecting.elapsed();
            if (fd < 0)
                break;
            ++connected;
            if (ms >= StallMs)
                slow.append(ms);
            if (keep)
                fds.push_back(fd);
            else
                ::close(fd);
        }
    }
    const qint64 runMs = run.elapsed();

    QStringList stalls;
    for (const qint64 ms : std::as_const(slow))
        stalls.append(QString::number(ms));
    const QString summary = QStringLiteral("%1 of %2 connects stalled (ms: %3); %4 connected in %5 ms")
                                .arg(slow.size())
                                .arg(Connects)
                                .arg(stalls.join(QLatin1Char(',')))
                                .arg(connected)
                                .arg(runMs);
    qInfo("%s", qPrintable(summary));
    QVERIFY2(slow.size() <= MaxStalled, qPrintable(summary));
    QVERIFY2(connected == Connects && runMs < MaxRunMs, qPrintable(summary));
    static const QRegularExpression accepted(QStringLiteral("^Connection from "));
    QTRY_COMPARE_WITH_TIMEOUT(lines.filter(accepted).size(), Connects, Timeout);

    process.terminate();
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitCode(), 0);
#else
    QSKIP("Needs Linux (sched_setaffinity)");
#endif
}

QTEST_GUILESS_MAIN(TestAcceptLatency)
#include "tst_acceptlatency.moc"
