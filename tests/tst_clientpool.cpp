// The built-in test client end to end: ListenerController's pool on the network thread against
// real servers on loopback, checked from the server's side.
#include "clientplan.h"
#include "clientpool.h"
#include "listenercontroller.h"

#include <QElapsedTimer>
#include <QList>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include "batchrecorder.h"

#include <algorithm>

#ifdef Q_OS_UNIX
#  include <sys/socket.h>
#endif

namespace {

constexpr int Timeout = 10000;

// A plain QTcpServer in the test's thread that records, for every connection it accepts, the
// bytes that arrive and how the connection ended.
class RecordingServer final : public QObject
{
public:
    struct Peer
    {
        QByteArray received;
        bool ended = false;
        QAbstractSocket::SocketError error = QAbstractSocket::UnknownSocketError;
        qint64 acceptedAtMs = -1;
        qint64 endedAtMs = -1;
    };

    RecordingServer()
    {
        clock.start();
        connect(&server, &QTcpServer::newConnection, this, &RecordingServer::take);
    }

    bool listen(int backlog = 128)
    {
        server.setListenBacklogSize(backlog);
        return server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return server.serverPort(); }

    int endedCount() const
    {
        return int(std::count_if(peers.cbegin(), peers.cend(), [](const Peer &peer) { return peer.ended; }));
    }
    // Every connection ended with the client's FIN: read() saw EOF, not a reset.
    bool allEndedWithEof() const
    {
        return std::all_of(peers.cbegin(), peers.cend(), [](const Peer &peer) {
            return peer.ended && peer.error == QAbstractSocket::RemoteHostClosedError;
        });
    }
    int countReceived(const QByteArray &bytes) const
    {
        return int(std::count_if(peers.cbegin(), peers.cend(),
                                 [&bytes](const Peer &peer) { return peer.received == bytes; }));
    }
    bool allReceived(const QByteArray &bytes) const
    {
        return std::all_of(peers.cbegin(), peers.cend(), [&bytes](const Peer &peer) { return peer.received == bytes; });
    }

    QTcpServer server;
    QList<Peer> peers;
    QList<QTcpSocket *> sockets; // by the same index as peers
    QElapsedTimer clock;

private:
    void take()
    {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            socket->setParent(this);
            const qsizetype index = peers.size();
            Peer peer;
            peer.acceptedAtMs = clock.elapsed();
            peers.append(peer);
            sockets.append(socket);
            connect(socket, &QTcpSocket::readyRead, this,
                    [this, socket, index] { peers[index].received += socket->readAll(); });
            connect(socket, &QTcpSocket::errorOccurred, this, [this, index](QAbstractSocket::SocketError error) {
                if (peers[index].error == QAbstractSocket::UnknownSocketError)
                    peers[index].error = error;
            });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket, index] {
                peers[index].received += socket->readAll();
                peers[index].ended = true;
                peers[index].endedAtMs = clock.elapsed();
            });
        }
    }
};

// The latest client totals, as the window would show them.
class TotalsRecorder final : public QObject
{
public:
    explicit TotalsRecorder(ListenerController *controller)
    {
        connect(controller, &ListenerController::clientsUpdated, this, [this](const ClientTotals &latest) {
            totals = latest;
            ++updates;
        });
    }

    ClientTotals totals;
    int updates = 0;
};

ClientPlan planFor(quint16 port, int count, int rate)
{
    ClientPlan plan;
    plan.address = QHostAddress(QHostAddress::LocalHost);
    plan.port = port;
    plan.count = count;
    plan.ratePerSecond = rate;
    return plan;
}

// A port on 127.0.0.1 where nothing listens (it did a moment ago).
quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestClientPool final : public QObject
{
    Q_OBJECT

private slots:
    void opensSendsAndClosesAll();
    void closeAfterClosesOnItsOwn();
    void refusedTargetFailsWithoutSpinning();
    void rateIsPaced();
    void startWhileRunningAddsToTheSet();
    void closeAllCancelsPendingStarts();
    void serverCloseEndsClients_data();
    void serverCloseEndsClients();
    void invalidPlanIsRefused();
    void fullBacklogTimesOut();
    void noTimeoutWaitsForResume();
    void ownListenerAcceptsThem();
};

void TestClientPool::opensSendsAndClosesAll()
{
    RecordingServer server;
    QVERIFY(server.listen());
    ListenerController controller;
    TotalsRecorder recorder(&controller);

    ClientPlan plan = planFor(server.port(), 50, 1000);
    plan.text = QByteArrayLiteral("hello\r\n\x01");
    controller.startClients(plan);

    QTRY_COMPARE_WITH_TIMEOUT(server.peers.size(), 50, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(server.allReceived(plan.text), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals.connected, 50, Timeout);
    QCOMPARE(recorder.totals.requested, 50);
    QCOMPARE(recorder.totals.connecting, 0);
    QCOMPARE(recorder.totals.failed, 0);
    QCOMPARE(recorder.totals.closed, 0);
    QVERIFY(recorder.totals.running);
    // Held: none of them ended on its own.
    QCOMPARE(server.endedCount(), 0);

    controller.closeAllClients();
    QTRY_COMPARE_WITH_TIMEOUT(server.endedCount(), 50, Timeout);
    QVERIFY(server.allEndedWithEof());
    QVERIFY(server.allReceived(plan.text));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals.closed, 50, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.totals.running, Timeout);
    QCOMPARE(recorder.totals.connected, 0);
    QCOMPARE(recorder.totals.failed, 0);
    QCOMPARE(server.peers.size(), 50);
}

void TestClientPool::closeAfterClosesOnItsOwn()
{
    RecordingServer server;
    QVERIFY(server.listen());
    ListenerController controller;
    TotalsRecorder recorder(&controller);

    ClientPlan plan = planFor(server.port(), 5, 1000);
    plan.text = QByteArrayLiteral("bye");
    plan.closeAfterMs = 300;
    const qint64 startedAt = server.clock.elapsed();
    controller.startClients(plan);

    QTRY_COMPARE_WITH_TIMEOUT(server.endedCount(), 5, Timeout);
    QCOMPARE(server.peers.size(), 5);
    QVERIFY(server.allEndedWithEof());
    QVERIFY(server.allReceived(plan.text));
    // None can end before it has been up for closeAfterMs, and it came up after the start.
    for (const RecordingServer::Peer &peer : std::as_const(server.peers))
        QVERIFY2(peer.endedAtMs - startedAt >= 290, qPrintable(QString::number(peer.endedAtMs - startedAt)));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals.closed, 5, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.totals.running, Timeout);
    QCOMPARE(recorder.totals.connected, 0);
}

void TestClientPool::refusedTargetFailsWithoutSpinning()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    ListenerController controller;
    TotalsRecorder recorder(&controller);

    QElapsedTimer clock;
    clock.start();
    controller.startClients(planFor(port, 20, 1000));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals.failed, 20, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.totals.running, Timeout);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(recorder.totals.connecting, 0);
    QCOMPARE(recorder.totals.connected, 0);
    QCOMPARE(recorder.totals.closed, 0);
    QVERIFY2(recorder.totals.lastError.contains(QStringLiteral("127.0.0.1:%1").arg(port)),
             qPrintable(recorder.totals.lastError));
    QVERIFY2(recorder.totals.lastError.contains(QLatin1String("refused"), Qt::CaseInsensitive),
             qPrintable(recorder.totals.lastError));
    // Refusals are counted once each, not retried, and reported at most ten times a second.
    QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
    QVERIFY2(recorder.updates <= elapsed / ClientPool::EmitIntervalMs + 2,
             qPrintable(QStringLiteral("%1 updates in %2 ms").arg(recorder.updates).arg(elapsed)));
}

void TestClientPool::rateIsPaced()
{
    RecordingServer server;
    QVERIFY(server.listen());
    ListenerController controller;
    TotalsRecorder recorder(&controller);

    // The 20th of 20 at 100 per second starts 190 ms after the first.
    const qint64 startedAt = server.clock.elapsed();
    controller.startClients(planFor(server.port(), 20, 100));
    QTRY_COMPARE_WITH_TIMEOUT(server.peers.size(), 20, Timeout);
    const qint64 lastAccepted = server.peers.constLast().acceptedAtMs;
    QVERIFY2(lastAccepted - startedAt >= 150, qPrintable(QString::number(lastAccepted - startedAt)));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals.connected, 20, Timeout);
}

void TestClientPool::startWhileRunningAddsToTheSet()
{
    RecordingServer server;
    QVERIFY(server.listen());
    ListenerController controller;
    TotalsRecorder recorder(&controller);

    controller.startClients(planFor(server.port(), 5, 1000));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals.connected, 5, Timeout);
    ClientPlan more = planFor(server.port(), 7, 1000);
    more.text = QByteArrayLiteral("more");
    controller.startClients(more);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals.connected, 12, Timeout);
    QCOMPARE(recorder.totals.requested, 12);
    QTRY_COMPARE_WITH_TIMEOUT(server.peers.size(), 12, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(server.countReceived(more.text), 7, Timeout);
    QCOMPARE(server.endedCount(), 0);
}

void TestClientPool::closeAllCancelsPendingStarts()
{
    RecordingServer server;
    QVERIFY(server.listen());
    ListenerController controller;
    TotalsRecorder recorder(&controller);

    // 100 at 20 per second would take five seconds; close all as soon as a few are up.
    controller.startClients(planFor(server.port(), 100, 20));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.totals.connected >= 3, Timeout);
    controller.closeAllClients();
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.totals.running, Timeout);
    const ClientTotals totals = recorder.totals;
    QVERIFY2(totals.requested < 100, qPrintable(QString::number(totals.requested)));
    QCOMPARE(totals.waiting(), 0);
    QCOMPARE(totals.connected + totals.connecting, 0);
    QCOMPARE(totals.closed + totals.failed, totals.requested);
    // Every connection the server saw ends with EOF, and no more arrive than were started.
    QTRY_COMPARE_WITH_TIMEOUT(server.endedCount(), int(server.peers.size()), Timeout);
    QVERIFY(server.peers.size() <= totals.requested);
    QVERIFY(server.allEndedWithEof());
}

void TestClientPool::serverCloseEndsClients_data()
{
    QTest::addColumn<bool>("reset");
    QTest::newRow("FIN") << false;
#ifdef Q_OS_UNIX
    QTest::newRow("RST") << true;
#endif
}

void TestClientPool::serverCloseEndsClients()
{
    QFETCH(bool, reset);
    RecordingServer server;
    QVERIFY(server.listen());
    ListenerController controller;
    TotalsRecorder recorder(&controller);

    controller.startClients(planFor(server.port(), 4, 1000));
    QTRY_COMPARE_WITH_TIMEOUT(server.peers.size(), 4, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals.connected, 4, Timeout);
    for (QTcpSocket *socket : std::as_const(server.sockets)) {
#ifdef Q_OS_UNIX
        if (reset) {
            // An abortive close: the kernel sends RST instead of FIN.
            const linger abortive = {1, 0};
            QCOMPARE(::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &abortive,
                                  sizeof(abortive)),
                     0);
            socket->abort();
            continue;
        }
#endif
        socket->disconnectFromHost();
    }
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals.closed, 4, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.totals.running, Timeout);
    QCOMPARE(recorder.totals.connected, 0);
    QCOMPARE(recorder.totals.failed, 0);
}

void TestClientPool::invalidPlanIsRefused()
{
    RecordingServer server;
    QVERIFY(server.listen());
    ListenerController controller;
    TotalsRecorder recorder(&controller);

    controller.startClients(planFor(server.port(), 0, 100));
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.totals.lastError.isEmpty(), Timeout);
    QCOMPARE(recorder.totals.requested, 0);
    QVERIFY(!recorder.totals.running);

    controller.startClients(planFor(0, 5, 100));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.totals.lastError.contains(QLatin1String("Port 0")), Timeout);
    QCOMPARE(recorder.totals.requested, 0);

    // The server never saw a connection: a valid start afterwards is the first it gets.
    controller.startClients(planFor(server.port(), 1, 100));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals.connected, 1, Timeout);
    QCOMPARE(server.peers.size(), 1);
}

void TestClientPool::fullBacklogTimesOut()
{
#ifndef Q_OS_LINUX
    QSKIP("Relies on Linux dropping SYNs when the accept queue is full");
#else
    // Not accepting, with a queue of one: Linux queues two and drops the SYNs of the rest,
    // whose connects then hang until the pool gives up on them.
    RecordingServer server;
    QVERIFY(server.listen(1));
    server.server.pauseAccepting();
    ListenerController controller;
    TotalsRecorder recorder(&controller);

    ClientPlan plan = planFor(server.port(), 6, 1000);
    plan.connectTimeoutMs = 500;
    controller.startClients(plan);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.totals.requested == 6 && recorder.totals.connecting == 0
                                 && recorder.totals.waiting() == 0,
                             Timeout);
    QVERIFY2(recorder.totals.failed >= 1, qPrintable(QString::number(recorder.totals.failed)));
    QVERIFY(recorder.totals.connected >= 1);
    QCOMPARE(recorder.totals.connected + recorder.totals.failed, 6);
    QVERIFY(recorder.totals.running); // the queued ones stay open
    QVERIFY2(recorder.totals.lastError.contains(QLatin1String("timed out")), qPrintable(recorder.totals.lastError));
    QCOMPARE(server.peers.size(), 0);
#endif
}

// The README's demo: backlog 5, accepting paused, 20 clients with no connect timeout. The ones
// past the queue wait on the kernel's SYN retries instead of failing, and every one connects once
// accepting resumes.
void TestClientPool::noTimeoutWaitsForResume()
{
#ifndef Q_OS_LINUX
    QSKIP("Relies on Linux dropping SYNs when the accept queue is full");
#else
    ListenerController controller;
    BatchRecorder batches(&controller);
    TotalsRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(batches.status().state, ListenerState::Listening, Timeout);
    controller.setPaused(true);
    QTRY_VERIFY_WITH_TIMEOUT(batches.status().paused, Timeout);

    ClientPlan plan = planFor(batches.status().port, 20, 1000);
    plan.connectTimeoutMs = 0;
    controller.startClients(plan);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.totals.waiting() == 0 && recorder.totals.connecting > 0, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.totals.connected >= 1, Timeout);
    QCOMPARE(recorder.totals.failed, 0);

    // Resumed: the queue empties and the connections the kernel held back come in as their
    // handshakes are retried (the kernel spaces those retries out, so not all at once).
    controller.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals.connected, 20, 30000);
    QCOMPARE(recorder.totals.failed, 0);
    QTRY_VERIFY_WITH_TIMEOUT(batches.totals().accepted > 6, 20000);
#endif
}

void TestClientPool::ownListenerAcceptsThem()
{
    ListenerController controller;
    BatchRecorder batches(&controller);
    TotalsRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, 0, 128);
    QTRY_COMPARE_WITH_TIMEOUT(batches.status().state, ListenerState::Listening, Timeout);

    ClientPlan plan = planFor(batches.status().port, 30, 1000);
    plan.text = QByteArrayLiteral("ping\n");
    controller.startClients(plan);
    QTRY_COMPARE_WITH_TIMEOUT(batches.totals().accepted, quint64(30), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(batches.totals().bytesReceived, quint64(30 * plan.text.size()), Timeout);
    QCOMPARE(batches.totals().open, 30);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals.connected, 30, Timeout);

    controller.closeAllClients();
    QTRY_COMPARE_WITH_TIMEOUT(batches.totals().open, 0, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals.closed, 30, Timeout);
    QCOMPARE(batches.totals().accepted, quint64(30));
}

QTEST_GUILESS_MAIN(TestClientPool)
#include "tst_clientpool.moc"
