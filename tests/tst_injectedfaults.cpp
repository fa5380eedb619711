// The faults a listener injects (latency, bandwidth, slicer, stalled reads, reset and close after,
// accept then reset, slow close), checked from a real client over loopback: what it receives, when,
// and how the connection ends, through ListenerController as the window drives it.
#include "listenercontroller.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QtTest>

#include "batchrecorder.h"
#include "posixclient.h"

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr int Timeout = 10000;

ServerBehaviour behaviourWith(ServerMode mode, const Faults &faults)
{
    ServerBehaviour behaviour;
    behaviour.mode = mode;
    behaviour.faults = faults;
    return behaviour;
}

// Collects what the client receives, with when each piece came.
struct Reader
{
    explicit Reader(QTcpSocket *socket)
    {
        clock.start();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            const QByteArray piece = socket->readAll();
            received += piece;
            pieces.append(piece);
            times.append(clock.elapsed());
        });
    }
    QElapsedTimer clock;
    QByteArray received;
    QList<QByteArray> pieces;
    QList<qint64> times;
};

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + i % 26);
    return bytes;
}

// Closes the descriptor when the test leaves, whichever way.
struct Fd
{
    explicit Fd(int descriptor)
        : fd(descriptor)
    {
    }
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int fd;
};

// What a POSIX client read until the server's side ended: 0 for EOF, the errno for a failure
// (ECONNRESET for RST), -1 when it did not end in time.
struct Ending
{
    QByteArray data;
    int code = -1;
};

Ending readToEnd(int fd, int timeoutMs = Timeout)
{
    Ending ending;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        pollfd poller{fd, POLLIN, 0};
        if (::poll(&poller, 1, 50) <= 0)
            continue;
        char buffer[4096];
        const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
        if (n > 0) {
            ending.data.append(buffer, n);
            continue;
        }
        ending.code = n == 0 ? 0 : errno;
        break;
    }
    return ending;
}

bool sendAll(int fd, const QByteArray &data)
{
    return ::send(fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL) == data.size();
}

} // namespace

// Starts listening with the behaviour, connects a POSIX client and declares the id of its
// connection once the batches report it.
#define CONNECT_POSIX(controller, recorder, behaviour, client, id)                                           \
    (controller).setBehaviour(behaviour);                                                                    \
    START_LISTENING(controller, recorder, 5);                                                                \
    Fd client(posixConnect((recorder).status().port));                                                       \
    QVERIFY(client.fd >= 0);                                                                                 \
    QTRY_VERIFY_WITH_TIMEOUT((recorder).byPeerPort(posixLocalPort(client.fd)).has_value(), Timeout);         \
    const quint64 id = (recorder).idOf(posixLocalPort(client.fd))

// Starts listening with the behaviour, connects a QTcpSocket and its Reader, and declares the id
// of its connection once the batches report it.
#define CONNECT_CLIENT(controller, recorder, behaviour, client, reader, id)                                   \
    (controller).setBehaviour(behaviour);                                                                    \
    START_LISTENING(controller, recorder, 5);                                                                \
    QTcpSocket client;                                                                                       \
    Reader reader(&client);                                                                                  \
    client.connectToHost(QHostAddress::LocalHost, (recorder).status().port);                                 \
    QVERIFY(client.waitForConnected(Timeout));                                                               \
    QTRY_VERIFY_WITH_TIMEOUT((recorder).byPeerPort(client.localPort()).has_value(), Timeout);                \
    const quint64 id = (recorder).idOf(client.localPort())

class TestInjectedFaults final : public QObject
{
    Q_OBJECT

private slots:
    void latencyDelaysEcho();
    void jitterStaysInBounds();
    void bandwidthCapsBothDirections();
    void slicerWritesInPieces();
    void stallReadsThenResume();
    void resetAfterBytes();
    void resetAfterTime();
    void closeAfterBytesReceived();
    void closeAfterBytesSent();
    void acceptThenReset();
    void slowClose();
    void liveToggle();
    void ruleRepliesAreDelayedToo();
    void latencyKeepsMemoryBounded();
};

void TestInjectedFaults::latencyDelaysEcho()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    Faults faults;
    faults.latencyMs = 300;
    CONNECT_CLIENT(controller, recorder, behaviourWith(ServerMode::Echo, faults), client, reader, id);
    QCOMPARE(recorder.info(id).faults, faults);
    QVERIFY(!recorder.info(id).readsStalled);

    QElapsedTimer clock;
    clock.start();
    client.write("ping");
    QTRY_COMPARE_WITH_TIMEOUT(reader.received, QByteArrayLiteral("ping"), Timeout);
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(elapsed >= 290 && elapsed < 1000, qPrintable(QString::number(elapsed)));
    QVERIFY(recorder.logContains(QStringLiteral("Faults for new connections: latency 300 ms")));
}

void TestInjectedFaults::jitterStaysInBounds()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    Faults faults;
    faults.latencyMs = 200;
    faults.jitterMs = 100;
    CONNECT_CLIENT(controller, recorder, behaviourWith(ServerMode::Echo, faults), client, reader, id);
    Q_UNUSED(id);
    QCOMPARE(faults.summary(), QStringLiteral("latency 200±100 ms"));
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer clock;
        clock.start();
        const QByteArray expected = reader.received + "x";
        client.write("x");
        QTRY_COMPARE_WITH_TIMEOUT(reader.received, expected, Timeout);
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(elapsed >= 95 && elapsed < 1000, qPrintable(QString::number(elapsed)));
    }
}

void TestInjectedFaults::bandwidthCapsBothDirections()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    Faults faults;
    faults.bandwidthKiB = 32;
    CONNECT_CLIENT(controller, recorder, behaviourWith(ServerMode::Echo, faults), client, reader, id);
    const QByteArray payload = pattern(64 * 1024);
    QElapsedTimer clock;
    clock.start();
    client.write(payload);
    // Half way the cap shows: 32 KiB/s in, so 32 KiB take about a second.
    QTRY_VERIFY_WITH_TIMEOUT(recorder.info(id).bytesReceived >= 32 * 1024, Timeout);
    const qint64 half = clock.elapsed();
    QVERIFY2(half >= 800, qPrintable(QString::number(half)));
    QTRY_COMPARE_WITH_TIMEOUT(reader.received.size(), payload.size(), Timeout);
    const qint64 elapsed = clock.elapsed();
    QVERIFY(reader.received == payload);
    QVERIFY2(elapsed >= 1800 && elapsed < 6000, qPrintable(QString::number(elapsed)));
}

void TestInjectedFaults::slicerWritesInPieces()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    Faults faults;
    faults.sliceBytes = 10;
    faults.sliceDelayMs = 100;
    CONNECT_CLIENT(controller, recorder, behaviourWith(ServerMode::Hold, faults), client, reader, id);
    // A manual send goes through the faults too.
    const QByteArray message = pattern(30);
    controller.send({id}, message);
    QTRY_COMPARE_WITH_TIMEOUT(reader.received, message, Timeout);
    QVERIFY2(reader.pieces.size() >= 3, qPrintable(QString::number(reader.pieces.size())));
    for (const QByteArray &piece : std::as_const(reader.pieces))
        QVERIFY(piece.size() <= 10);
    const qint64 spread = reader.times.constLast() - reader.times.constFirst();
    QVERIFY2(spread >= 190 && spread < 1000, qPrintable(QString::number(spread)));
}

void TestInjectedFaults::stallReadsThenResume()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    Faults faults;
    faults.stallReads = true;
    CONNECT_CLIENT(controller, recorder, behaviourWith(ServerMode::Hold, faults), client, reader, id);
    Q_UNUSED(reader);
    QVERIFY(recorder.info(id).readsStalled);
    // The peer's sends block once the windows fill: a non-blocking writer soon hits EAGAIN.
    const int fd = int(client.socketDescriptor());
    const QByteArray block = pattern(64 * 1024);
    qint64 sent = 0;
    for (int i = 0; i < 2000; ++i) {
        const ssize_t n = ::send(fd, block.constData(), size_t(block.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n < 0) {
            QVERIFY(errno == EAGAIN || errno == EWOULDBLOCK);
            break;
        }
        sent += n;
    }
    QVERIFY2(sent < 100 * 1024 * 1024, qPrintable(QString::number(sent)));
    QTest::qWait(200);
    QCOMPARE(recorder.info(id).bytesReceived, quint64(0));
    // Switched off, reading resumes and everything sent arrives.
    controller.setFaults({id}, Faults{});
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesReceived, quint64(sent), Timeout);
    QVERIFY(!recorder.info(id).readsStalled);
    QVERIFY(recorder.info(id).faults == Faults{});
    QVERIFY(recorder.logContains(QStringLiteral("Faults off for 1 connection")));
}

void TestInjectedFaults::resetAfterBytes()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    Faults faults;
    faults.resetAfterBytes = 1000;
    CONNECT_POSIX(controller, recorder, behaviourWith(ServerMode::Hold, faults), client, id);
    QVERIFY(sendAll(client.fd, pattern(600)));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesReceived, quint64(600), Timeout);
    QCOMPARE(recorder.info(id).state, ConnectionState::Open);
    QVERIFY(sendAll(client.fd, pattern(600)));
    QCOMPARE(readToEnd(client.fd).code, ECONNRESET);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).state, ConnectionState::Aborted, Timeout);
    QCOMPARE(recorder.info(id).bytesReceived, quint64(1000));
    QVERIFY(recorder.logContains(QStringLiteral("reset after 1000 bytes (fault)")));
}

void TestInjectedFaults::resetAfterTime()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    Faults faults;
    faults.resetAfterMs = 300;
    QElapsedTimer clock;
    clock.start();
    CONNECT_POSIX(controller, recorder, behaviourWith(ServerMode::Hold, faults), client, id);
    QCOMPARE(readToEnd(client.fd).code, ECONNRESET);
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(elapsed >= 290 && elapsed < 2000, qPrintable(QString::number(elapsed)));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).state, ConnectionState::Aborted, Timeout);
    QVERIFY(recorder.logContains(QStringLiteral("reset after 300 ms (fault)")));
}

void TestInjectedFaults::closeAfterBytesReceived()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    Faults faults;
    faults.closeAfterBytes = 10;
    CONNECT_POSIX(controller, recorder, behaviourWith(ServerMode::Echo, faults), client, id);
    QVERIFY(sendAll(client.fd, "0123456789"));
    // The echo of what arrived goes out, then FIN: the client reads EOF, not a reset.
    const Ending ending = readToEnd(client.fd);
    QCOMPARE(ending.code, 0);
    QCOMPARE(ending.data, QByteArrayLiteral("0123456789"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).state, ConnectionState::Closed, Timeout);
    // The echo reaches the count as the bytes do: either may be the one that closes.
    QVERIFY(recorder.logContains(QStringLiteral("close after 10 bytes")));
}

void TestInjectedFaults::closeAfterBytesSent()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    Faults faults;
    faults.closeAfterBytes = 5;
    CONNECT_POSIX(controller, recorder, behaviourWith(ServerMode::Greeting, faults), client, id);
    const Ending ending = readToEnd(client.fd);
    QCOMPARE(ending.code, 0);
    QCOMPARE(ending.data, QByteArrayLiteral("Hello"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).state, ConnectionState::Closed, Timeout);
    QCOMPARE(recorder.info(id).bytesSent, quint64(5));
    QVERIFY(recorder.logContains(QStringLiteral("close after 5 bytes sent (fault)")));
}

void TestInjectedFaults::acceptThenReset()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    Faults faults;
    faults.acceptThenReset = true;
    CONNECT_POSIX(controller, recorder, behaviourWith(ServerMode::Greeting, faults), client, id);
    const Ending ending = readToEnd(client.fd);
    QCOMPARE(ending.code, ECONNRESET);
    QVERIFY(ending.data.isEmpty()); // no greeting
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).state, ConnectionState::Aborted, Timeout);
    QVERIFY(recorder.logContains(QStringLiteral("reset on accept (fault)")));
}

void TestInjectedFaults::slowClose()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    Faults faults;
    faults.slowCloseMs = 300;
    CONNECT_POSIX(controller, recorder, behaviourWith(ServerMode::Hold, faults), client, id);
    QElapsedTimer clock;
    clock.start();
    controller.closeConnections({id}, CloseMode::Graceful);
    QCOMPARE(readToEnd(client.fd).code, 0);
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(elapsed >= 290 && elapsed < 2000, qPrintable(QString::number(elapsed)));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).state, ConnectionState::Closed, Timeout);
    QVERIFY(recorder.logContains(QStringLiteral("slow close: FIN in 300 ms (fault)")));
}

void TestInjectedFaults::liveToggle()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    CONNECT_CLIENT(controller, recorder, behaviourWith(ServerMode::Echo, Faults{}), client, reader, id);
    Faults faults;
    faults.latencyMs = 300;
    controller.setFaults({id}, faults);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).faults, faults, Timeout);
    QVERIFY(recorder.logContains(QStringLiteral("Faults for 1 connection(s): latency 300 ms")));
    QElapsedTimer clock;
    clock.start();
    client.write("slow");
    QTRY_COMPARE_WITH_TIMEOUT(reader.received, QByteArrayLiteral("slow"), Timeout);
    qint64 elapsed = clock.elapsed();
    QVERIFY2(elapsed >= 290 && elapsed < 1000, qPrintable(QString::number(elapsed)));

    controller.setFaults({id}, Faults{});
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.info(id).faults.any(), Timeout);
    clock.restart();
    client.write("fast");
    QTRY_COMPARE_WITH_TIMEOUT(reader.received, QByteArrayLiteral("slowfast"), Timeout);
    elapsed = clock.elapsed();
    QVERIFY2(elapsed < 250, qPrintable(QString::number(elapsed)));
}

void TestInjectedFaults::ruleRepliesAreDelayedToo()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    Faults faults;
    faults.latencyMs = 300;
    ServerBehaviour behaviour = behaviourWith(ServerMode::Hold, faults);
    QString error;
    const std::optional<ResponseRule> rule = ResponseRule::parse(QStringLiteral("PING=>PONG"), &error);
    QVERIFY2(rule.has_value(), qPrintable(error));
    behaviour.rules = {*rule};
    CONNECT_CLIENT(controller, recorder, behaviour, client, reader, id);
    Q_UNUSED(id);
    QElapsedTimer clock;
    clock.start();
    client.write("PING");
    QTRY_COMPARE_WITH_TIMEOUT(reader.received, QByteArrayLiteral("PONG"), Timeout);
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(elapsed >= 290 && elapsed < 1000, qPrintable(QString::number(elapsed)));
}

// Held echo counts against the echo's high-water mark: a peer that floods a delayed echo is read
// no further until it drains, and everything still comes back in order.
void TestInjectedFaults::latencyKeepsMemoryBounded()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    Faults faults;
    faults.latencyMs = 200;
    CONNECT_CLIENT(controller, recorder, behaviourWith(ServerMode::Echo, faults), client, reader, id);
    const QByteArray payload = pattern(8 * 1024 * 1024);
    client.write(payload);
    qint64 worst = 0;
    QElapsedTimer clock;
    clock.start();
    while (reader.received.size() < payload.size() && clock.elapsed() < 30000) {
        QTest::qWait(20);
        const ConnectionInfo info = recorder.info(id);
        worst = std::max(worst, qint64(info.bytesReceived) - qint64(info.bytesSent));
    }
    QCOMPARE(reader.received.size(), payload.size());
    QVERIFY(reader.received == payload);
    // 1 MiB waiting stops reading; one read of 64 KiB may come on top.
    QVERIFY2(worst <= 1024 * 1024 + 64 * 1024, qPrintable(QString::number(worst)));
}

QTEST_MAIN(TestInjectedFaults)
#include "tst_injectedfaults.moc"
