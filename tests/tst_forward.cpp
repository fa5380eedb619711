// Forward mode end to end over loopback: real clients, a real upstream (a plain POSIX listening
// socket in this process), the listener on its network thread. What each end sees is read with
// POSIX calls, so Qt is not in between.
#include "listenercontroller.h"
#include "upstreamrelay.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QtTest>

#include "batchrecorder.h"
#include "posixclient.h"
#include "processstats.h"

#include <atomic>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr int Timeout = 10000;
constexpr qint64 ReadChunk = 64 * 1024;
// The ends' own socket buffers, kept small so that what they can push is mostly the app's.
constexpr int SmallBuffer = 128 * 1024;
// A flood that gets this far was not held back at all.
constexpr qint64 Runaway = 256LL * 1024 * 1024;
constexpr int StuckMs = 500;

char patternAt(qint64 offset)
{
    return char(offset % 251);
}

QByteArray pattern(qint64 size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        data[i] = patternAt(i);
    return data;
}

// A listening socket on the loopback address; accept() waits for one connection.
class Upstream final
{
    Q_DISABLE_COPY_MOVE(Upstream)

public:
    explicit Upstream(bool ipv6 = false)
    {
        m_fd = ::socket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
        int on = 1;
        ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
        sockaddr_storage address = {};
        socklen_t length = 0;
        if (ipv6) {
            auto *in6 = reinterpret_cast<sockaddr_in6 *>(&address);
            in6->sin6_family = AF_INET6;
            in6->sin6_addr = in6addr_loopback;
            length = sizeof(sockaddr_in6);
        } else {
            auto *in4 = reinterpret_cast<sockaddr_in *>(&address);
            in4->sin_family = AF_INET;
            in4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            length = sizeof(sockaddr_in);
        }
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) != 0 || ::listen(m_fd, 16) != 0) {
            ::close(m_fd);
            m_fd = -1;
            return;
        }
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(ipv6 ? reinterpret_cast<sockaddr_in6 *>(&address)->sin6_port
                            : reinterpret_cast<sockaddr_in *>(&address)->sin_port);
    }
    ~Upstream()
    {
        for (const int fd : m_accepted)
            ::close(fd);
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool isListening() const { return m_fd >= 0; }
    quint16 port() const { return m_port; }
    // The next connection the relay opened; -1 when none came in time.
    int accept(int timeoutMs = Timeout)
    {
        pollfd p = {m_fd, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) != 1)
            return -1;
        const int fd = ::accept(m_fd, nullptr, nullptr);
        if (fd >= 0)
            m_accepted.push_back(fd);
        return fd;
    }
    // Closes an accepted connection here rather than at the end.
    void forget(int fd) { m_accepted.erase(std::remove(m_accepted.begin(), m_accepted.end(), fd), m_accepted.end()); }

private:
    int m_fd = -1;
    quint16 m_port = 0;
    std::vector<int> m_accepted;
};

// Reads exactly size bytes, or what came before the end, a failure or the timeout.
QByteArray readBytes(int fd, qint64 size, int timeoutMs = Timeout)
{
    QByteArray data;
    std::vector<char> buffer(ReadChunk);
    while (data.size() < size && readable(fd, timeoutMs)) {
        const ssize_t n = ::recv(fd, buffer.data(), size_t(std::min<qint64>(qint64(buffer.size()), size - data.size())),
                                 MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            continue;
        if (n <= 0)
            break;
        data.append(buffer.data(), n);
    }
    return data;
}

bool sendAll(int fd, const QByteArray &data)
{
    qint64 sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

void resetClose(int fd)
{
    const linger abortive = {1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive));
    ::close(fd);
}

// Writes the pattern as fast as the kernel takes it, on its own thread, and never reads.
class Flooder final
{
    Q_DISABLE_COPY_MOVE(Flooder)

public:
    explicit Flooder(int fd)
        : m_fd(fd)
    {
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

private:
    void run()
    {
        std::vector<char> chunk(ReadChunk);
        QElapsedTimer sinceProgress;
        sinceProgress.start();
        while (!m_stop && m_written < Runaway) {
            const qint64 offset = m_written;
            for (qint64 i = 0; i < qint64(chunk.size()); ++i)
                chunk[size_t(i)] = patternAt(offset + i);
            const ssize_t n = ::send(m_fd, chunk.data(), chunk.size(), MSG_NOSIGNAL);
            if (n > 0) {
                m_written += n;
                sinceProgress.restart();
                m_held = false;
                continue;
            }
            if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
                break;
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
};

void setSmallBuffers(int fd)
{
    ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &SmallBuffer, sizeof(SmallBuffer));
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &SmallBuffer, sizeof(SmallBuffer));
}

qint64 tcpBufferMax(const char *path)
{
    QFile file{QLatin1String(path)};
    if (!file.open(QIODevice::ReadOnly))
        return 8 * 1024 * 1024;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    return fields.size() == 3 ? fields.at(2).toLongLong() : 8 * 1024 * 1024;
}

// A port on 127.0.0.1 with nothing listening: bound, then closed.
quint16 closedPort()
{
    Upstream probe;
    return probe.port();
}

} // namespace

class TestForward final : public QObject
{
    Q_OBJECT

private slots:
    void relaysBothWays();
    void relaysOverIpv6();
    void clientFinIsPassedOnAsHalfClose();
    void upstreamFinIsPassedOnAsHalfClose();
    void clientResetResetsUpstream();
    void upstreamResetResetsClient();
    void refusedUpstreamEndsTheClient();
    void slowClientHoldsUpstreamBack();
    void slowUpstreamHoldsClientBack();
    void transcriptNamesTheRoute();
};

// Listens on 127.0.0.1 with a free port, forwarding to target.
#define START_FORWARD(controller, recorder, host, upstreamPort)                                               \
    {                                                                                                        \
        ServerBehaviour behaviour;                                                                           \
        behaviour.mode = ServerMode::Forward;                                                                \
        behaviour.forwardTarget = ForwardTarget{QStringLiteral(host), (upstreamPort)};                       \
        controller.setBehaviour(behaviour);                                                                  \
    }                                                                                                        \
    START_LISTENING(controller, recorder, 5)

// A client of the app and the upstream's end of its relay.
#define CONNECT_PAIR(recorder, upstream, client, relayed, guard)                                             \
    const int client = posixConnect(recorder.status().port);                                                 \
    QVERIFY(client >= 0);                                                                                    \
    auto guard = qScopeGuard([&] { ::close(client); });                                                      \
    const int relayed = upstream.accept();                                                                   \
    QVERIFY2(relayed >= 0, "the relay never connected to the upstream")

void TestForward::relaysBothWays()
{
    Upstream upstream;
    QVERIFY(upstream.isListening());
    ListenerController controller;
    BatchRecorder recorder(&controller);
    START_FORWARD(controller, recorder, "127.0.0.1", upstream.port());
    CONNECT_PAIR(recorder, upstream, client, relayed, guard);

    QVERIFY(sendAll(client, "GET / HTTP/1.0\r\n\r\n"));
    QCOMPARE(readBytes(relayed, 18), QByteArray("GET / HTTP/1.0\r\n\r\n"));
    QVERIFY(sendAll(relayed, "HTTP/1.0 200 OK\r\n"));
    QCOMPARE(readBytes(client, 17), QByteArray("HTTP/1.0 200 OK\r\n"));

    const quint16 clientPort = posixLocalPort(client);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.byPeerPort(clientPort).value_or(ConnectionInfo{}).upstreamState,
                              UpstreamState::Connected, Timeout);
    QCOMPARE(recorder.byPeerPort(clientPort)->upstream, QStringLiteral("127.0.0.1:%1").arg(upstream.port()));
    QVERIFY(recorder.logContains(QStringLiteral("connected to upstream 127.0.0.1:%1").arg(upstream.port())));

    // A few MiB each way at once, every byte in order.
    const QByteArray up = pattern(3 * 1024 * 1024 + 17);
    const QByteArray down = pattern(4 * 1024 * 1024 + 5);
    std::thread clientWriter([&] { sendAll(client, up); });
    std::thread upstreamWriter([&] { sendAll(relayed, down); });
    QByteArray atUpstream;
    std::thread upstreamReader([&] { atUpstream = readBytes(relayed, up.size()); });
    const QByteArray atClient = readBytes(client, down.size());
    upstreamReader.join();
    clientWriter.join();
    upstreamWriter.join();
    QCOMPARE(atUpstream.size(), up.size());
    QVERIFY(atUpstream == up);
    QCOMPARE(atClient.size(), down.size());
    QVERIFY(atClient == down);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.receivedBy(clientPort), quint64(18 + up.size()), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.byPeerPort(clientPort)->bytesSent, quint64(17 + down.size()), Timeout);
}

void TestForward::relaysOverIpv6()
{
    Upstream upstream(true);
    if (!upstream.isListening())
        QSKIP("IPv6 loopback is not available here");
    ListenerController controller;
    BatchRecorder recorder(&controller);
    START_FORWARD(controller, recorder, "::1", upstream.port());
    CONNECT_PAIR(recorder, upstream, client, relayed, guard);
    QVERIFY(sendAll(client, "ping"));
    QCOMPARE(readBytes(relayed, 4), QByteArray("ping"));
    QVERIFY(sendAll(relayed, "pong"));
    QCOMPARE(readBytes(client, 4), QByteArray("pong"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.byPeerPort(posixLocalPort(client)).value_or(ConnectionInfo{}).upstream,
                              QStringLiteral("[::1]:%1").arg(upstream.port()), Timeout);
}

// The client shuts its sending side: the upstream reads EOF and can still answer.
void TestForward::clientFinIsPassedOnAsHalfClose()
{
    Upstream upstream;
    ListenerController controller;
    BatchRecorder recorder(&controller);
    START_FORWARD(controller, recorder, "127.0.0.1", upstream.port());
    CONNECT_PAIR(recorder, upstream, client, relayed, guard);
    const quint16 clientPort = posixLocalPort(client);

    QVERIFY(sendAll(client, "request"));
    QCOMPARE(::shutdown(client, SHUT_WR), 0);
    QCOMPARE(readBytes(relayed, 7), QByteArray("request"));
    QCOMPARE(waitForEnd(relayed), 0);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.byPeerPort(clientPort).value_or(ConnectionInfo{}).upstreamState,
                              UpstreamState::HalfClosed, Timeout);

    QVERIFY(sendAll(relayed, "answer after the client's FIN"));
    QCOMPARE(readBytes(client, 29), QByteArray("answer after the client's FIN"));
    QCOMPARE(::shutdown(relayed, SHUT_WR), 0);
    QCOMPARE(waitForEnd(client), 0);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.stateOf(clientPort), ConnectionState::PeerClosed, Timeout);
    QCOMPARE(recorder.byPeerPort(clientPort)->upstreamState, UpstreamState::Closed);
}

// The upstream shuts its sending side: the client reads EOF and can still send.
void TestForward::upstreamFinIsPassedOnAsHalfClose()
{
    Upstream upstream;
    ListenerController controller;
    BatchRecorder recorder(&controller);
    START_FORWARD(controller, recorder, "127.0.0.1", upstream.port());
    CONNECT_PAIR(recorder, upstream, client, relayed, guard);
    const quint16 clientPort = posixLocalPort(client);

    QVERIFY(sendAll(relayed, "banner"));
    QCOMPARE(::shutdown(relayed, SHUT_WR), 0);
    QCOMPARE(readBytes(client, 6), QByteArray("banner"));
    QCOMPARE(waitForEnd(client), 0);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.stateOf(clientPort), ConnectionState::HalfClosed, Timeout);

    QVERIFY(sendAll(client, "still talking"));
    QCOMPARE(readBytes(relayed, 13), QByteArray("still talking"));
    QCOMPARE(::shutdown(client, SHUT_WR), 0);
    QCOMPARE(waitForEnd(relayed), 0);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.stateOf(clientPort), ConnectionState::Closed, Timeout);
    const ConnectionInfo info = *recorder.byPeerPort(clientPort);
    QVERIFY(info.halfClosedByServer);
    QCOMPARE(info.upstreamState, UpstreamState::Closed);
    QVERIFY(recorder.logContains(QStringLiteral("the server half-closed it first, then the peer closed its side")));
}

void TestForward::clientResetResetsUpstream()
{
    Upstream upstream;
    ListenerController controller;
    BatchRecorder recorder(&controller);
    START_FORWARD(controller, recorder, "127.0.0.1", upstream.port());
    const int client = posixConnect(recorder.status().port);
    QVERIFY(client >= 0);
    const int relayed = upstream.accept();
    QVERIFY(relayed >= 0);
    const quint16 clientPort = posixLocalPort(client);
    QVERIFY(sendAll(client, "bye"));
    QCOMPARE(readBytes(relayed, 3), QByteArray("bye"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.byPeerPort(clientPort).value_or(ConnectionInfo{}).upstreamState,
                              UpstreamState::Connected, Timeout);

    resetClose(client);
    QCOMPARE(waitForEnd(relayed), ECONNRESET);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.stateOf(clientPort), ConnectionState::Reset, Timeout);
    QCOMPARE(recorder.byPeerPort(clientPort)->upstreamState, UpstreamState::Reset);
}

void TestForward::upstreamResetResetsClient()
{
    Upstream upstream;
    ListenerController controller;
    BatchRecorder recorder(&controller);
    START_FORWARD(controller, recorder, "127.0.0.1", upstream.port());
    CONNECT_PAIR(recorder, upstream, client, relayed, guard);
    const quint16 clientPort = posixLocalPort(client);
    QVERIFY(sendAll(relayed, "hi"));
    QCOMPARE(readBytes(client, 2), QByteArray("hi"));

    upstream.forget(relayed);
    resetClose(relayed);
    QCOMPARE(waitForEnd(client), ECONNRESET);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.stateOf(clientPort), ConnectionState::Aborted, Timeout);
    QCOMPARE(recorder.byPeerPort(clientPort)->upstreamState, UpstreamState::Reset);
    QVERIFY(recorder.logContains(QStringLiteral("upstream 127.0.0.1:%1 reset the connection").arg(upstream.port())));
}

void TestForward::refusedUpstreamEndsTheClient()
{
    const quint16 port = closedPort();
    ListenerController controller;
    BatchRecorder recorder(&controller);
    START_FORWARD(controller, recorder, "127.0.0.1", port);
    const int client = posixConnect(recorder.status().port);
    QVERIFY(client >= 0);
    const auto guard = qScopeGuard([&] { ::close(client); });
    const quint16 clientPort = posixLocalPort(client);

    QCOMPARE(waitForEnd(client), 0);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.stateOf(clientPort), ConnectionState::Closed, Timeout);
    const ConnectionInfo info = *recorder.byPeerPort(clientPort);
    QCOMPARE(info.upstreamState, UpstreamState::Refused);
    const QString reason = QStringLiteral("upstream 127.0.0.1:%1 refused the connection").arg(port);
    QCOMPARE(info.upstreamError, reason);
    QVERIFY(recorder.logHas(QStringLiteral("Connection #%1: %2").arg(info.id).arg(reason)));
    QVERIFY(recorder.logHas(
        QStringLiteral("Connection #%1 from 127.0.0.1:%2 closed by the server: %3").arg(info.id).arg(clientPort).arg(reason)));
}

// A client that does not read: the relay stops reading the upstream, whose writes then block,
// and the app holds no more than its high-water mark; once the client reads, all of it arrives.
void TestForward::slowClientHoldsUpstreamBack()
{
    Upstream upstream;
    ListenerController controller;
    BatchRecorder recorder(&controller);
    START_FORWARD(controller, recorder, "127.0.0.1", upstream.port());
    const int client = posixConnect(recorder.status().port);
    QVERIFY(client >= 0);
    const auto guard = qScopeGuard([&] { ::close(client); });
    setSmallBuffers(client);
    const int relayed = upstream.accept();
    QVERIFY(relayed >= 0);
    setSmallBuffers(relayed);

    const qint64 residentBefore = residentBytes(QCoreApplication::applicationPid());
    Flooder flooder(relayed);
    QTRY_VERIFY2_WITH_TIMEOUT(flooder.held() || flooder.ranAway(), "the upstream was never held back", 30000);
    QVERIFY2(!flooder.ranAway(), "the relay kept reading an upstream whose client never reads");
    const qint64 written = flooder.written();
    const qint64 growth = residentBytes(QCoreApplication::applicationPid()) - residentBefore;
    const qint64 buffers = tcpBufferMax("/proc/sys/net/ipv4/tcp_rmem") + tcpBufferMax("/proc/sys/net/ipv4/tcp_wmem")
        + 4 * 2 * SmallBuffer;
    qInfo("upstream wrote %lld bytes before it was held back; resident +%lld KiB", written, growth / 1024);
    QVERIFY2(written <= UpstreamRelay::HighWater + 2 * ReadChunk + buffers + 1024 * 1024,
             QByteArray::number(written).constData());
    QVERIFY2(growth < 32 * 1024 * 1024, QByteArray::number(growth).constData());
    // What the client was sent stays within the mark ahead of what the kernel took.
    const quint16 clientPort = posixLocalPort(client);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(clientPort).has_value(), Timeout);

    flooder.stop();
    const qint64 total = flooder.written();
    QCOMPARE(::shutdown(relayed, SHUT_WR), 0);
    const QByteArray received = readBytes(client, total, Timeout);
    QCOMPARE(received.size(), total);
    QVERIFY(received == pattern(total));
    QCOMPARE(waitForEnd(client), 0);
}

// An upstream that does not read: the app stops reading the client, whose writes then block.
void TestForward::slowUpstreamHoldsClientBack()
{
    Upstream upstream;
    ListenerController controller;
    BatchRecorder recorder(&controller);
    START_FORWARD(controller, recorder, "127.0.0.1", upstream.port());
    const int client = posixConnect(recorder.status().port);
    QVERIFY(client >= 0);
    const auto guard = qScopeGuard([&] { ::close(client); });
    setSmallBuffers(client);
    const int relayed = upstream.accept();
    QVERIFY(relayed >= 0);
    setSmallBuffers(relayed);

    Flooder flooder(client);
    QTRY_VERIFY2_WITH_TIMEOUT(flooder.held() || flooder.ranAway(), "the client was never held back", 30000);
    QVERIFY2(!flooder.ranAway(), "the app kept reading a client whose upstream never reads");
    const qint64 written = flooder.written();
    const qint64 buffers = tcpBufferMax("/proc/sys/net/ipv4/tcp_rmem") + tcpBufferMax("/proc/sys/net/ipv4/tcp_wmem")
        + 4 * 2 * SmallBuffer;
    qInfo("client wrote %lld bytes before it was held back", written);
    QVERIFY2(written <= UpstreamRelay::HighWater + 2 * ReadChunk + buffers + 1024 * 1024,
             QByteArray::number(written).constData());
    // The app read no more than it could hand on, plus the mark.
    const quint16 clientPort = posixLocalPort(client);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(clientPort).has_value(), Timeout);

    flooder.stop();
    const qint64 total = flooder.written();
    QCOMPARE(::shutdown(client, SHUT_WR), 0);
    const QByteArray received = readBytes(relayed, total, Timeout);
    QCOMPARE(received.size(), total);
    QVERIFY(received == pattern(total));
    QCOMPARE(waitForEnd(relayed), 0);
}

// Keeps the transcripts of ended connections, as a headless --transcript-dir run gets them.
class TranscriptRecorder final : public BatchRecorder
{
    Q_DISABLE_COPY_MOVE(TranscriptRecorder)

public:
    using BatchRecorder::BatchRecorder;

    void record(const UpdateBatch &batch) override
    {
        BatchRecorder::record(batch);
        for (const EndedTranscript &ended : batch.endedTranscripts)
            m_chunks.insert(ended.info.id, ended.chunks);
    }
    QList<TranscriptChunk> chunks(quint64 id) const { return m_chunks.value(id); }
    bool has(quint64 id) const { return m_chunks.contains(id); }

private:
    QHash<quint64, QList<TranscriptChunk>> m_chunks;
};

// The transcript keeps both directions, each chunk marked as relayed; what the server sends of
// its own is not.
void TestForward::transcriptNamesTheRoute()
{
    Upstream upstream;
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    controller.handOverEndedTranscripts(true);
    START_FORWARD(controller, recorder, "127.0.0.1", upstream.port());
    CONNECT_PAIR(recorder, upstream, client, relayed, guard);
    const quint16 clientPort = posixLocalPort(client);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.idOf(clientPort) != 0, Timeout);
    const quint64 id = recorder.idOf(clientPort);

    QVERIFY(sendAll(client, "question"));
    QCOMPARE(readBytes(relayed, 8), QByteArray("question"));
    QVERIFY(sendAll(relayed, "answer"));
    QCOMPARE(readBytes(client, 6), QByteArray("answer"));
    controller.send({id}, "note");
    QCOMPARE(readBytes(client, 4), QByteArray("note"));
    resetClose(relayed);
    upstream.forget(relayed);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.has(id), Timeout);

    QList<std::pair<QByteArray, bool>> received;
    QList<std::pair<QByteArray, bool>> sent;
    for (const TranscriptChunk &chunk : recorder.chunks(id))
        (chunk.direction == TranscriptChunk::Direction::Received ? received : sent).append({chunk.data, chunk.relayed});
    QCOMPARE(received, (QList<std::pair<QByteArray, bool>>{{"question", true}}));
    QCOMPARE(sent, (QList<std::pair<QByteArray, bool>>{{"answer", true}, {"note", false}}));
}

QTEST_GUILESS_MAIN(TestForward)
#include "tst_forward.moc"
