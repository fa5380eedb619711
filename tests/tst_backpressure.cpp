// Echo against peers that send at full speed and never read: the server stops reading such a
// peer once its echo piles up, so TCP flow control holds the peer back, and the rest go on.
// The peers are plain POSIX clients, so what they manage to send and receive is exact.
#include "listenercontroller.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QtTest>

#include "batchrecorder.h"
#include "posixclient.h"
#include "processstats.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr int Timeout = 10000;
// Mirrors the server's echo high-water mark and read chunk: what one connection may hold unsent.
constexpr qint64 HighWater = 1024 * 1024;
constexpr qint64 ReadChunk = 64 * 1024;
// The peers' own socket buffers, kept small so that what they can push is mostly the server's.
constexpr int PeerBuffer = 128 * 1024;
// A flood that gets this far was not held back at all; stop before it eats the machine.
constexpr qint64 Runaway = 256LL * 1024 * 1024;
// No progress for this long counts as held back by flow control.
constexpr int StuckMs = 500;

// The byte at offset i of every flood, so that the echo can be checked in order.
char patternAt(qint64 offset)
{
    return char(offset % 251);
}

// The largest a kernel lets a TCP buffer grow by itself: the third field of tcp_rmem / tcp_wmem.
qint64 tcpBufferMax(const char *path)
{
    QFile file{QLatin1String(path)};
    if (!file.open(QIODevice::ReadOnly))
        return 8 * 1024 * 1024;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    return fields.size() == 3 ? fields.at(2).toLongLong() : 8 * 1024 * 1024;
}

// A peer that writes the pattern as fast as the kernel takes it, on its own thread, and never
// reads. It keeps trying once held back, as a hostile peer would.
class Flooder final
{
    Q_DISABLE_COPY_MOVE(Flooder)

public:
    explicit Flooder(int fd)
        : m_fd(fd)
    {
        ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &PeerBuffer, sizeof(PeerBuffer));
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &PeerBuffer, sizeof(PeerBuffer));
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        m_thread = std::thread([this] { run(); });
    }
    ~Flooder() { stop(); }

    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    qint64 written() const { return m_written; }
    bool held() const { return m_held; }
    bool ranAway() const { return m_written >= Runaway; }
    int error() const { return m_error; }

private:
    void run()
    {
        std::vector<char> chunk(ReadChunk);
        QElapsedTimer sinceProgress;
        sinceProgress.start();
        while (!m_stop && m_written < Runaway && m_error == 0) {
            const qint64 offset = m_written;
            for (qint64 i = 0; i < qint64(chunk.size()); ++i)
                chunk[size_t(i)] = patternAt(offset + i);
            const ssize_t n = ::send(m_fd, chunk.data(), chunk.size(), MSG_NOSIGNAL);
            if (n > 0) {
                m_written += n;
                sinceProgress.restart();
                continue;
            }
            if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                m_error = errno;
                break;
            }
            pollfd p = {m_fd, POLLOUT, 0};
            ::poll(&p, 1, 100);
            if (sinceProgress.elapsed() >= StuckMs)
                m_held = true;
        }
    }

    int m_fd = -1;
    std::thread m_thread;
    std::atomic<bool> m_stop = false;
    std::atomic<bool> m_held = false;
    std::atomic<qint64> m_written = 0;
    std::atomic<int> m_error = 0;
};

// Reads what the server sends until total bytes arrived, checking each against the pattern.
// The count read; stops early at a wrong byte, the end of the stream or a failure.
qint64 drainPattern(int fd, qint64 total, QByteArray *problem)
{
    std::vector<char> buffer(ReadChunk);
    qint64 received = 0;
    while (received < total) {
        if (!readable(fd, Timeout)) {
            *problem = "no echo within the timeout";
            break;
        }
        const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            continue;
        if (n <= 0) {
            *problem = n == 0 ? QByteArray("end of stream") : QByteArray("recv failed");
            break;
        }
        for (ssize_t i = 0; i < n; ++i) {
            if (buffer[size_t(i)] != patternAt(received + i)) {
                *problem = "wrong byte at offset " + QByteArray::number(received + i);
                return received + i;
            }
        }
        received += n;
    }
    return received;
}

// Also keeps, per connection, the most it ever held unsent: received minus sent.
class BacklogRecorder final : public BatchRecorder
{
    Q_DISABLE_COPY_MOVE(BacklogRecorder)

public:
    explicit BacklogRecorder(ListenerController *controller)
        : BatchRecorder(controller)
    {
    }

    void record(const UpdateBatch &batch) override
    {
        BatchRecorder::record(batch);
        for (const ConnectionInfo &connection : batch.connections) {
            const qint64 held = qint64(connection.bytesReceived) - qint64(connection.bytesSent);
            m_maxHeld[connection.id] = std::max(m_maxHeld.value(connection.id), held);
        }
    }

    qint64 maxHeld(quint64 id) const { return m_maxHeld.value(id); }

private:
    QHash<quint64, qint64> m_maxHeld;
};

} // namespace

class TestBackpressure final : public QObject
{
    Q_OBJECT

private slots:
    void floodIsHeldBackAndEchoedInFull();
    void resetWhileHeldBackEndsReset();
    void halfCloseWhileHeldBackGetsAllEcho();
    void sendsToPeerThatNeverReadsAreCapped();
};

// Listens on 127.0.0.1 with a free port, in Echo.
#define START_ECHO(controller, recorder)                                                                     \
    {                                                                                                        \
        ServerBehaviour behaviour;                                                                           \
        behaviour.mode = ServerMode::Echo;                                                                   \
        controller.setBehaviour(behaviour);                                                                  \
    }                                                                                                        \
    START_LISTENING(controller, recorder, 5)

// Connects a POSIX client and declares its descriptor and the id of its connection.
#define ACCEPT(recorder, fd, id, fds)                                                                        \
    const int fd = posixConnect(recorder.status().port);                                                     \
    QVERIFY(fd >= 0);                                                                                        \
    fds.push_back(fd);                                                                                       \
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(posixLocalPort(fd)).has_value(), Timeout);                  \
    const quint64 id = recorder.idOf(posixLocalPort(fd))

// Floods until the server holds the peer back; fails when it never does.
#define FLOOD_UNTIL_HELD(flooder)                                                                            \
    QTRY_VERIFY2_WITH_TIMEOUT(flooder.held() || flooder.ranAway() || flooder.error() != 0,                   \
                              "the flood was neither held back nor ran away", 30000);                        \
    QVERIFY2(!flooder.ranAway(), "the server kept reading a peer that never reads");                         \
    QCOMPARE(flooder.error(), 0)

void TestBackpressure::floodIsHeldBackAndEchoedInFull()
{
    ListenerController controller;
    BacklogRecorder recorder(&controller);
    START_ECHO(controller, recorder);
    std::vector<int> fds;
    const auto cleanup = qScopeGuard([&fds] { closeAll(fds); });
    ACCEPT(recorder, other, otherId, fds);
    ACCEPT(recorder, flood, floodId, fds);
    QVERIFY(roundTrip(other, 'a') >= 0);

    const qint64 residentBefore = residentBytes(QCoreApplication::applicationPid());
    Flooder flooder(flood);
    // The other connection answers while the flood runs. The pause paces the probes.
    qint64 slowest = 0;
    while (!flooder.held() && !flooder.ranAway() && flooder.error() == 0) {
        const qint64 trip = roundTrip(other, 'b');
        QVERIFY(trip >= 0);
        slowest = std::max(slowest, trip);
        QTest::qWait(50);
    }
    const qint64 writtenWhenHeld = flooder.written();
    const qint64 residentGrowth = residentBytes(QCoreApplication::applicationPid()) - residentBefore;
    qInfo("peer wrote %lld bytes before it was held back; server held at most %lld unsent; resident +%lld KiB",
          writtenWhenHeld, recorder.maxHeld(floodId), residentGrowth / 1024);
    // What one connection holds unsent: the high-water mark and the chunk read past it.
    QVERIFY2(recorder.maxHeld(floodId) <= HighWater + ReadChunk, QByteArray::number(recorder.maxHeld(floodId)).constData());
    QVERIFY2(residentGrowth < 32 * 1024 * 1024, QByteArray::number(residentGrowth).constData());
    FLOOD_UNTIL_HELD(flooder);

    // Held back, the server's thread sits idle: CPU time over an interval, the one fixed wait.
    const qint64 ticksBefore = cpuTicks(QCoreApplication::applicationPid());
    QTest::qWait(1000);
    const qint64 ticks = cpuTicks(QCoreApplication::applicationPid()) - ticksBefore;
    const qint64 ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    for (int i = 0; i < 5; ++i) {
        const qint64 trip = roundTrip(other, 'c');
        QVERIFY(trip >= 0);
        slowest = std::max(slowest, trip);
    }
    const qint64 written = flooder.written();
    flooder.stop();
    qInfo("peer wrote %lld bytes in all; %lld of %lld ticks over 1 s held back; slowest round trip %lld ms", written,
          ticks, ticksPerSecond, slowest);
    QVERIFY2(ticks >= 0 && ticks * 2 < ticksPerSecond, QByteArray::number(ticks).constData());
    QVERIFY2(slowest < 2000, QByteArray::number(slowest).constData());
    // What the peer got in, still trying all along: the server's share, plus the kernel's
    // buffers on both sides.
    const qint64 buffers = tcpBufferMax("/proc/sys/net/ipv4/tcp_rmem") + tcpBufferMax("/proc/sys/net/ipv4/tcp_wmem")
                         + 4 * 2 * PeerBuffer;
    QVERIFY2(written <= HighWater + ReadChunk + buffers + 1024 * 1024, QByteArray::number(written).constData());
    QCOMPARE(recorder.info(floodId).state, ConnectionState::Open);

    // Once the peer reads, every byte comes back in order, and the connection works as before.
    QByteArray problem;
    QCOMPARE(drainPattern(flood, written, &problem), written);
    QVERIFY2(problem.isEmpty(), problem.constData());
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(floodId).bytesSent, quint64(written), Timeout);
    QCOMPARE(recorder.info(floodId).bytesReceived, quint64(written));
    QVERIFY(roundTrip(flood, patternAt(written)) >= 0);
    QCOMPARE(recorder.info(floodId).state, ConnectionState::Open);
    QCOMPARE(recorder.info(otherId).state, ConnectionState::Open);
}

void TestBackpressure::resetWhileHeldBackEndsReset()
{
    ListenerController controller;
    BacklogRecorder recorder(&controller);
    START_ECHO(controller, recorder);
    std::vector<int> fds;
    const auto cleanup = qScopeGuard([&fds] { closeAll(fds); });
    ACCEPT(recorder, flood, floodId, fds);

    Flooder flooder(flood);
    FLOOD_UNTIL_HELD(flooder);
    flooder.stop();
    const linger abortive = {1, 0};
    QCOMPARE(::setsockopt(flood, SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive)), 0);
    fds.clear();
    QCOMPARE(::close(flood), 0);

    // Noticed while reading is held back, not left open for good.
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(floodId).state, ConnectionState::Reset, 3000);
}

void TestBackpressure::halfCloseWhileHeldBackGetsAllEcho()
{
    ListenerController controller;
    BacklogRecorder recorder(&controller);
    START_ECHO(controller, recorder);
    std::vector<int> fds;
    const auto cleanup = qScopeGuard([&fds] { closeAll(fds); });
    ACCEPT(recorder, flood, floodId, fds);

    Flooder flooder(flood);
    FLOOD_UNTIL_HELD(flooder);
    flooder.stop();
    const qint64 written = flooder.written();
    QCOMPARE(::shutdown(flood, SHUT_WR), 0);

    // All the echo first, then the server's end of the stream.
    QByteArray problem;
    QCOMPARE(drainPattern(flood, written, &problem), written);
    QVERIFY2(problem.isEmpty(), problem.constData());
    QCOMPARE(waitForEnd(flood), 0);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(floodId).state, ConnectionState::PeerClosed, Timeout);
    QCOMPARE(recorder.info(floodId).bytesReceived, quint64(written));
    QCOMPARE(recorder.info(floodId).bytesSent, quint64(written));
}

void TestBackpressure::sendsToPeerThatNeverReadsAreCapped()
{
    ListenerController controller;
    BacklogRecorder recorder(&controller);
    START_ECHO(controller, recorder);
    std::vector<int> fds;
    const auto cleanup = qScopeGuard([&fds] { closeAll(fds); });
    ACCEPT(recorder, peer, id, fds);
    ::setsockopt(peer, SOL_SOCKET, SO_RCVBUF, &PeerBuffer, sizeof(PeerBuffer));

    // 1 MiB at a time to a peer that reads nothing: taken until the server holds its limit,
    // then refused, each send saying so in the log.
    constexpr qint64 Size = 1024 * 1024;
    const QString taken = QStringLiteral("Sent %1 byte(s) to 1 connection(s)").arg(Size);
    const QString refused = QStringLiteral("Sent %1 byte(s) to 0 connection(s)").arg(Size);
    qint64 queued = 0;
    for (int i = 0; i < 64 && !recorder.logHas(refused); ++i) {
        QByteArray payload(Size, Qt::Uninitialized);
        for (qint64 j = 0; j < Size; ++j)
            payload[j] = patternAt(queued + j);
        controller.send({id}, payload);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.log().count(taken) + recorder.log().count(refused), qsizetype(i + 1), Timeout);
        if (!recorder.logHas(refused))
            queued += Size;
    }
    QVERIFY2(recorder.logHas(refused), "every send was queued");
    // The refusal says why.
    QVERIFY(recorder.logHas(QStringLiteral("Not sent to 1 connection(s): the peer is not reading what was sent before")));
    qInfo("%lld bytes queued before the sends were refused", queued);
    // The server's limit, with the kernel's buffers and one send past the limit.
    const qint64 limit = 8 * Size + tcpBufferMax("/proc/sys/net/ipv4/tcp_wmem") + 2 * PeerBuffer + Size;
    QVERIFY2(queued <= limit, QByteArray::number(queued).constData());
    QCOMPARE(recorder.info(id).state, ConnectionState::Open);

    // What was taken arrives whole and in order; nothing of the refused sends.
    QByteArray problem;
    QCOMPARE(drainPattern(peer, queued, &problem), queued);
    QVERIFY2(problem.isEmpty(), problem.constData());
    QVERIFY(!readable(peer, 200));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesSent, quint64(queued), Timeout);
    controller.send({id}, QByteArray(1, patternAt(queued)));
    QByteArray back(1, '\0');
    QVERIFY(readable(peer, Timeout));
    QCOMPARE(::recv(peer, back.data(), 1, 0), ssize_t(1));
    QCOMPARE(back.at(0), patternAt(queued));
}

QTEST_GUILESS_MAIN(TestBackpressure)
#include "tst_backpressure.moc"
