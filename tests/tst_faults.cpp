// Hardening: running out of descriptors, hostile peers and churn, on real sockets over loopback.
// What the peers observe is read with plain POSIX calls, so Qt is not in between.
#include "listenercontroller.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QtTest>

#include "batchrecorder.h"
#include "posixclient.h"
#include "processstats.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#ifdef Q_OS_LINUX
#  include <arpa/inet.h>
#  include <cerrno>
#  include <csignal>
#  include <fcntl.h>
#  include <netinet/in.h>
#  include <netinet/tcp.h>
#  include <poll.h>
#  include <sys/resource.h>
#  include <sys/socket.h>
#  include <unistd.h>
#endif

namespace {

constexpr int Timeout = 10000;

} // namespace

class TestFaults final : public QObject
{
    Q_OBJECT

private slots:
    void descriptorExhaustionPausesAndResumes();
    void peerResetMidTransfer();
    void floodDoesNotStallOthers();
    void silentPeerStaysOpen();
    void userPauseOutlastsShortage();
    void resetInQueueStillNamesPeer();
};

void TestFaults::descriptorExhaustionPausesAndResumes()
{
#ifdef Q_OS_LINUX
    const QString binary = qEnvironmentVariable("SOCKETLAB_BINARY");
    if (binary.isEmpty())
        QSKIP("SOCKETLAB_BINARY is not set");
    QVERIFY(ensureDescriptors(1024));

    QProcess process;
    // 64 descriptors, the hard limit too since the app raises its soft limit as far as allowed:
    // a few dozen connections exhaust them.
    process.setChildProcessModifier([] {
        const rlimit limit = {64, 64};
        ::setrlimit(RLIMIT_NOFILE, &limit);
    });
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
    const auto indexOf = [&lines](const QString &text, int from = 0) {
        for (int i = from; i < lines.size(); ++i) {
            if (lines.at(i).startsWith(text))
                return i;
        }
        return -1;
    };
    std::vector<int> fds;
    const auto cleanup = qScopeGuard([&] {
        closeAll(fds);
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(Timeout);
        }
    });
    process.start(binary, {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--mode"), QStringLiteral("echo"), QStringLiteral("--backlog"),
                           QStringLiteral("128")});
    QVERIFY(process.waitForStarted(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(indexOf(QStringLiteral("Waiting for a connection...")) >= 0, Timeout);
    static const QRegularExpression bound(QStringLiteral("^Socket bound to 127\\.0\\.0\\.1:(\\d+)$"));
    const QRegularExpressionMatch match = bound.match(lines.value(indexOf(QStringLiteral("Socket bound to"))));
    QVERIFY2(match.hasMatch(), qPrintable(lines.join(QLatin1Char('\n'))));
    const auto port = quint16(match.captured(1).toUInt());

    // One client served first, then the rush. Besides being the usual shape of such a fault, this
    // lets the sanitizer build work at the limit: UBSan checks a type's first virtual call with
    // a pipe, which it cannot open once every descriptor is taken, and then reports an error
    // that is not one.
    const int first = posixConnect(port, false);
    QVERIFY(first >= 0);
    fds.push_back(first);
    QTRY_VERIFY_WITH_TIMEOUT(indexOf(QStringLiteral("Connection from")) >= 0, Timeout);
    QVERIFY(roundTrip(first, 'f') >= 0);
    for (int i = 1; i < 200; ++i) {
        const int fd = posixConnect(port, false);
        QVERIFY(fd >= 0);
        fds.push_back(fd);
    }
    const QString paused = QStringLiteral("Accepting paused: too many open files (limit 64)");
    QTRY_VERIFY2_WITH_TIMEOUT(indexOf(paused) >= 0, qPrintable(lines.join(QLatin1Char('\n'))), Timeout);

    // Paused, the process must sit idle rather than retry in a loop. The one fixed wait in the
    // suite: CPU time is measured over an interval.
    const qint64 ticksBefore = cpuTicks(process.processId());
    QElapsedTimer interval;
    interval.start();
    QTest::qWait(1000);
    const qint64 ticks = cpuTicks(process.processId()) - ticksBefore;
    const double share = double(ticks) / double(::sysconf(_SC_CLK_TCK)) / (double(interval.elapsed()) / 1000.0);
    QVERIFY2(ticksBefore >= 0 && share < 0.5, qPrintable(QStringLiteral("CPU share %1").arg(share)));

    // Connections taken before the shortage are still served: they echo.
    static const QRegularExpression from(QStringLiteral("^Connection from 127\\.0\\.0\\.1:(\\d+)$"));
    QHash<quint16, int> byPort;
    for (const int fd : fds)
        byPort.insert(posixLocalPort(fd), fd);
    int echoed = 0;
    for (const QString &line : std::as_const(lines)) {
        const QRegularExpressionMatch accepted = from.match(line);
        if (!accepted.hasMatch())
            continue;
        const int fd = byPort.value(quint16(accepted.captured(1).toUInt()), -1);
        QVERIFY(fd >= 0);
        const int flags = ::fcntl(fd, F_GETFL);
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
        QVERIFY(roundTrip(fd, 'e') >= 0);
        if (++echoed == 5)
            break;
    }
    QCOMPARE(echoed, 5);
    QCOMPARE(lines.count(paused), 1);

    // Descriptors free up: accepting resumes by itself and a new client is taken.
    closeAll(fds);
    QTRY_VERIFY2_WITH_TIMEOUT(indexOf(QStringLiteral("Accepting resumed"), indexOf(paused)) >= 0,
                              qPrintable(lines.join(QLatin1Char('\n'))), Timeout);
    const int fresh = posixConnect(port);
    QVERIFY(fresh >= 0);
    fds.push_back(fresh);
    const QString expected = QStringLiteral("Connection from 127.0.0.1:%1").arg(posixLocalPort(fresh));
    QTRY_VERIFY2_WITH_TIMEOUT(lines.contains(expected), qPrintable(lines.join(QLatin1Char('\n'))), Timeout);
    QVERIFY(roundTrip(fresh, 'n') >= 0);

    process.terminate();
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitCode(), 0);
#else
    QSKIP("Needs Linux (RLIMIT_NOFILE, /proc)");
#endif
}

void TestFaults::peerResetMidTransfer()
{
#ifdef Q_OS_LINUX
    ListenerController controller;
    BatchRecorder recorder(&controller);
    ServerBehaviour behaviour;
    behaviour.mode = ServerMode::Discard;
    controller.setBehaviour(behaviour);
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);

    const int bystander = posixConnect(recorder.status().port);
    const int resetter = posixConnect(recorder.status().port);
    QVERIFY(bystander >= 0 && resetter >= 0);
    const quint16 bystanderPort = posixLocalPort(bystander);
    const quint16 resetterPort = posixLocalPort(resetter);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(resetterPort) && recorder.byPeerPort(bystanderPort), Timeout);

    const QByteArray megabyte(1024 * 1024, 'r');
    qsizetype written = 0;
    while (written < megabyte.size()) {
        const ssize_t n = ::send(resetter, megabyte.constData() + written, size_t(megabyte.size() - written), MSG_NOSIGNAL);
        QVERIFY(n > 0);
        written += n;
    }
    // SO_LINGER {1, 0}: close() sends RST.
    const linger abortive = {1, 0};
    QCOMPARE(::setsockopt(resetter, SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive)), 0);
    ::close(resetter);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.stateOf(resetterPort), ConnectionState::Reset, Timeout);

    // The other connection is still served and was not ended.
    QCOMPARE(::send(bystander, "ping", 4, MSG_NOSIGNAL), ssize_t(4));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.receivedBy(bystanderPort), quint64(4), Timeout);
    QCOMPARE(recorder.stateOf(bystanderPort), ConnectionState::Open);
    QVERIFY(!readable(bystander));
    QCOMPARE(recorder.totals().open, 1);
    ::close(bystander);
#else
    QSKIP("Needs Linux sockets");
#endif
}

void TestFaults::floodDoesNotStallOthers()
{
#ifdef Q_OS_LINUX
    ListenerController controller;
    BatchRecorder recorder(&controller);
    ServerBehaviour behaviour;
    behaviour.mode = ServerMode::Echo;
    controller.setBehaviour(behaviour);
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);

    const int talker = posixConnect(recorder.status().port);
    const int flooder = posixConnect(recorder.status().port, false);
    QVERIFY(talker >= 0 && flooder >= 0);
    QVERIFY(roundTrip(talker, 'w') >= 0);

    // The flooder writes as fast as it can and drains the echo, on its own thread.
    constexpr qint64 FloodBytes = 200LL * 1024 * 1024;
    constexpr qint64 FloodMs = 3000; // whichever comes first keeps the suite short
    std::atomic<bool> done = false;
    std::atomic<qint64> echoedBack = 0;
    std::thread flood([&] {
        std::vector<char> chunk(64 * 1024, 'f');
        std::vector<char> sink(256 * 1024);
        qint64 sent = 0;
        QElapsedTimer timer;
        timer.start();
        while (sent < FloodBytes && timer.elapsed() < FloodMs) {
            pollfd p = {flooder, POLLIN | POLLOUT, 0};
            if (::poll(&p, 1, 1000) <= 0)
                continue;
            if (p.revents & POLLIN) {
                const ssize_t n = ::recv(flooder, sink.data(), sink.size(), MSG_DONTWAIT);
                if (n > 0)
                    echoedBack += n;
                else if (n == 0 || errno != EAGAIN)
                    break;
            }
            if (p.revents & POLLOUT) {
                const ssize_t n = ::send(flooder, chunk.data(), chunk.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
                if (n > 0)
                    sent += n;
                else if (errno != EAGAIN)
                    break;
            }
        }
        done = true;
    });

    qint64 worst = 0;
    int trips = 0;
    bool failed = false;
    while (!done) {
        const qint64 trip = roundTrip(talker, char('a' + trips % 26));
        if (trip < 0) {
            failed = true;
            break;
        }
        worst = std::max(worst, trip);
        ++trips;
    }
    flood.join();
    QVERIFY(!failed);
    QVERIFY2(trips >= 5, qPrintable(QString::number(trips)));
    // Generous: a stalled event loop shows as seconds.
    QVERIFY2(worst < 1000, qPrintable(QStringLiteral("worst round trip %1 ms").arg(worst)));
    QVERIFY(echoedBack > 1024 * 1024);
    ::close(flooder);
    ::close(talker);
#else
    QSKIP("Needs Linux sockets");
#endif
}

void TestFaults::silentPeerStaysOpen()
{
#ifdef Q_OS_LINUX
    ListenerController controller;
    BatchRecorder recorder(&controller);
    ServerBehaviour behaviour;
    behaviour.mode = ServerMode::Echo;
    controller.setBehaviour(behaviour);
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);

    const int silent = posixConnect(recorder.status().port);
    QVERIFY(silent >= 0);
    const quint16 silentPort = posixLocalPort(silent);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(silentPort).has_value(), Timeout);
    // Another connection's round trips pass the time on the network thread.
    const int other = posixConnect(recorder.status().port);
    QVERIFY(other >= 0);
    for (int i = 0; i < 20; ++i)
        QVERIFY(roundTrip(other, 's') >= 0);
    ::close(other);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().open, 1, Timeout);
    QCOMPARE(recorder.stateOf(silentPort), ConnectionState::Open);
    QVERIFY(!readable(silent));
    QVERIFY(roundTrip(silent, 'x') >= 0);
    ::close(silent);
#else
    QSKIP("Needs Linux sockets");
#endif
}

void TestFaults::userPauseOutlastsShortage()
{
#ifdef Q_OS_LINUX
    // This process's own limit, lowered so that it has room for 60 more descriptors: the
    // clients and the connections the listener takes share them.
    rlimit saved = {};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &saved), 0);
    const auto restore = qScopeGuard([&saved] { ::setrlimit(RLIMIT_NOFILE, &saved); });
    rlim_t room = 0;
    rlim_t limit = 0;
    while (room < 60 && limit < saved.rlim_cur) {
        if (::fcntl(int(limit), F_GETFD) == -1)
            ++room;
        ++limit;
    }
    QCOMPARE(room, rlim_t(60));
    const rlimit lowered = {limit, saved.rlim_max};
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &lowered), 0);

    ListenerController controller;
    BatchRecorder recorder(&controller);
    ServerBehaviour behaviour;
    behaviour.mode = ServerMode::Echo;
    controller.setBehaviour(behaviour);
    controller.start(QHostAddress::LocalHost, 0, 128);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);
    const quint16 port = recorder.status().port;

    // 40 clients wait in the accept queue while the user has accepting paused.
    controller.setPaused(true);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.status().paused, Timeout);
    std::vector<int> fds = openClients(port, 40);
    const auto cleanup = qScopeGuard([&fds] { closeAll(fds); });
    QCOMPARE(int(fds.size()), 40);

    // Resumed, the listener takes what the remaining descriptors allow, then stops by itself.
    controller.setPaused(false);
    const QString paused = QStringLiteral("Accepting paused: too many open files (limit %1)").arg(limit);
    QTRY_VERIFY2_WITH_TIMEOUT(recorder.logHas(paused), qPrintable(recorder.log().join(QLatin1Char('\n'))), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.status().pausedReason.isEmpty(), Timeout);
    QVERIFY(recorder.totals().accepted < 40);

    // The user pauses during the shortage; when descriptors free up, the user's pause stays.
    controller.setPaused(true);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.status().paused, Timeout);
    const qsizetype resumes = recorder.log().count(QStringLiteral("Accepting resumed"));
    for (int i = 0; i < 30; ++i)
        ::close(fds.at(i));
    fds.erase(fds.begin(), fds.begin() + 30);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.logHas(QStringLiteral("Descriptors are free again; accepting stays paused")), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.status().pausedReason.isEmpty(), Timeout);
    QVERIFY(recorder.status().paused);
    QCOMPARE(recorder.log().count(QStringLiteral("Accepting resumed")), resumes);
    const quint64 acceptedWhilePaused = recorder.totals().accepted;
    QVERIFY(acceptedWhilePaused < 40);

    // The user's own resume takes the rest of the queue, and the clients still open are served.
    controller.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().accepted, quint64(40), Timeout);
    QVERIFY(!recorder.status().paused);
    for (const int fd : fds)
        QVERIFY(roundTrip(fd, 'u') >= 0);
#else
    QSKIP("Needs Linux descriptor limits");
#endif
}

// Peers that connect and reset while they wait in the accept queue: the kernel no longer tells
// getpeername() who they were, but accept() does, and every log line names the peer.
void TestFaults::resetInQueueStillNamesPeer()
{
#ifdef Q_OS_LINUX
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, 0, 64);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);
    controller.setPaused(true);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.status().paused, Timeout);

    QList<quint16> ports;
    for (int i = 0; i < 20; ++i) {
        const int fd = posixConnect(recorder.status().port);
        QVERIFY(fd >= 0);
        ports.append(posixLocalPort(fd));
        const linger abortive = {1, 0};
        QCOMPARE(::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive)), 0);
        ::close(fd); // RST while the connection waits to be accepted
    }
    controller.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().accepted, quint64(20), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().open, 0, Timeout);
    for (const quint16 port : std::as_const(ports)) {
        QVERIFY2(recorder.logHas(QStringLiteral("Connection from 127.0.0.1:%1").arg(port)),
                 qPrintable(recorder.log().join(u'\n')));
    }
    QVERIFY2(!recorder.logContains(QStringLiteral("unknown peer")), qPrintable(recorder.log().join(u'\n')));
#else
    QSKIP("Relies on Linux keeping reset connections in the accept queue");
#endif
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
