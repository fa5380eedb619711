// Several listeners on one controller and one network thread, over loopback: what each client
// observes, whose connection is whose, and how often the UI thread hears about it.
#include "alllisteners.h"
#include "listener.h"
#include "listenerconfig.h"
#include "listenercontroller.h"
#include "listenerstatus.h"
#include "listenersummary.h"
#include "listenqueuestats.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>

#include <memory>

#include "batchrecorder.h"

namespace {

constexpr int Timeout = 10000;

// The batches folded per listener as well as all together.
class ListenersRecorder final : public BatchRecorder
{
public:
    using BatchRecorder::BatchRecorder;

    void record(const UpdateBatch &batch) override
    {
        BatchRecorder::record(batch);
        if (batch.statusChanged)
            m_statuses.insert(batch.listenerId, batch.status);
        if (batch.listenerRemoved)
            m_removed.append(batch.listenerId);
        ++m_batchesOf[batch.listenerId];
    }

    ListenerStatus statusOf(int listenerId) const { return m_statuses.value(listenerId); }
    QList<int> removed() const { return m_removed; }
    int batchesOf(int listenerId) const { return m_batchesOf.value(listenerId); }

private:
    QHash<int, ListenerStatus> m_statuses;
    QHash<int, int> m_batchesOf;
    QList<int> m_removed;
};

ServerBehaviour behaviourOf(ServerMode mode)
{
    ServerBehaviour behaviour;
    behaviour.mode = mode;
    return behaviour;
}

ListenerConfig config(const QString &address, quint16 port)
{
    ListenerConfig listener;
    listener.address = address;
    listener.port = port;
    return listener;
}

} // namespace

// Both listeners started on free ports; each one's port is in port1 and port2.
#define START_TWO(controller, recorder, second, port1, port2)                                                  \
    const int second = (controller).addListener();                                                           \
    (controller).start(1, QHostAddress::LocalHost, 0, 5);                                                    \
    (controller).start(second, QHostAddress::LocalHost, 0, 5);                                               \
    QTRY_COMPARE_WITH_TIMEOUT((recorder).statusOf(1).state, ListenerState::Listening, Timeout);              \
    QTRY_COMPARE_WITH_TIMEOUT((recorder).statusOf(second).state, ListenerState::Listening, Timeout);         \
    const quint16 port1 = (recorder).statusOf(1).port;                                                       \
    const quint16 port2 = (recorder).statusOf(second).port;                                                  \
    QVERIFY(port1 != 0 && port2 != 0 && port1 != port2)

class TestListeners final : public QObject
{
    Q_OBJECT

private slots:
    void startsWithOneListener();
    void listenerOnItsOwnNumbersFromOne();
    void eachListenerServesItsOwnClients();
    void connectionCallsReachTheOwner();
    void stoppingOneLeavesTheOtherServing();
    void removingAListenerClosesItsConnections();
    void deliveriesStayNearThirtyASecond();
    void summary_data();
    void summary();
    void conflicts_data();
    void conflicts();
    void allListenersAsOne();
};

void TestListeners::startsWithOneListener()
{
    ListenerController controller;
    QCOMPARE(controller.listenerIds(), QList<int>{1});
    const int second = controller.addListener();
    QCOMPARE(second, 2);
    QCOMPARE(controller.listenerIds(), (QList<int>{1, 2}));
    controller.removeListener(2);
    QCOMPARE(controller.listenerIds(), QList<int>{1});
    // Ids are not reused.
    QCOMPARE(controller.addListener(), 3);
}

// Made without a controller, as many suites do: listener 1, its own numbering.
void TestListeners::listenerOnItsOwnNumbersFromOne()
{
    for (int round = 0; round < 2; ++round) {
        Listener listener;
        QCOMPARE(listener.listenerId(), 1);
        QList<UpdateBatch> batches;
        connect(&listener, &Listener::updated, this, [&batches](const UpdateBatch &batch) { batches.append(batch); });
        listener.startListening(QHostAddress::LocalHost, 0, 5);
        QVERIFY(listener.isListening());
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QVERIFY(client.waitForConnected(Timeout));
        const auto accepted = [&batches] {
            for (const UpdateBatch &batch : batches) {
                if (!batch.connections.isEmpty())
                    return batch.connections.constFirst();
            }
            return ConnectionInfo();
        };
        QTRY_VERIFY_WITH_TIMEOUT(accepted().id != 0, Timeout);
        QCOMPARE(accepted().id, quint64(1));
        QCOMPARE(accepted().listenerId, 1);
        QCOMPARE(batches.constFirst().listenerId, 1);
    }
}

void TestListeners::eachListenerServesItsOwnClients()
{
    ListenerController controller;
    ListenersRecorder recorder(&controller);
    controller.setBehaviour(1, behaviourOf(ServerMode::Echo));
    const int second = controller.addListener();
    controller.setBehaviour(second, behaviourOf(ServerMode::Greeting));
    controller.start(1, QHostAddress::LocalHost, 0, 5);
    controller.start(second, QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.statusOf(1).state, ListenerState::Listening, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.statusOf(second).state, ListenerState::Listening, Timeout);
    const quint16 echoPort = recorder.statusOf(1).port;
    const quint16 greetingPort = recorder.statusOf(second).port;
    QVERIFY(echoPort != greetingPort);

    QTcpSocket echoClient;
    echoClient.connectToHost(QHostAddress::LocalHost, echoPort);
    QVERIFY(echoClient.waitForConnected(Timeout));
    QTcpSocket greetingClient;
    greetingClient.connectToHost(QHostAddress::LocalHost, greetingPort);
    QVERIFY(greetingClient.waitForConnected(Timeout));

    // The greeting listener greets; the echo listener says nothing until spoken to.
    QTRY_COMPARE_WITH_TIMEOUT(greetingClient.bytesAvailable(), qint64(qstrlen(ServerBehaviour::DefaultGreeting)),
                              Timeout);
    QCOMPARE(greetingClient.readAll(), QByteArray(ServerBehaviour::DefaultGreeting));
    QCOMPARE(echoClient.bytesAvailable(), qint64(0));
    echoClient.write("ping");
    QTRY_COMPARE_WITH_TIMEOUT(echoClient.bytesAvailable(), qint64(4), Timeout);
    QCOMPARE(echoClient.readAll(), QByteArrayLiteral("ping"));
    // Held, not echoed.
    greetingClient.write("hello?");
    QTRY_COMPARE_WITH_TIMEOUT(recorder.receivedBy(greetingClient.localPort()), quint64(6), Timeout);
    QCOMPARE(greetingClient.bytesAvailable(), qint64(0));

    // Ids unique across the two, each connection marked with its listener.
    const std::optional<ConnectionInfo> echoInfo = recorder.byPeerPort(echoClient.localPort());
    const std::optional<ConnectionInfo> greetingInfo = recorder.byPeerPort(greetingClient.localPort());
    QVERIFY(echoInfo && greetingInfo);
    QCOMPARE(echoInfo->listenerId, 1);
    QCOMPARE(greetingInfo->listenerId, second);
    QCOMPARE(echoInfo->localPort, echoPort);
    QCOMPARE(greetingInfo->localPort, greetingPort);
    QVERIFY(echoInfo->id != greetingInfo->id);
    QCOMPARE(QSet<quint64>({echoInfo->id, greetingInfo->id}), QSet<quint64>({1, 2}));

    // Per listener and in all.
    QTRY_COMPARE_WITH_TIMEOUT(controller.totals().accepted, quint64(2), Timeout);
    QCOMPARE(controller.totals(1).accepted, quint64(1));
    QCOMPARE(controller.totals(second).accepted, quint64(1));
    QCOMPARE(controller.status(second).port, greetingPort);
    QCOMPARE(controller.status().port, echoPort);
    QCOMPARE(listenerSummary(controller.statuses()), QStringLiteral("2 listening"));
}

void TestListeners::connectionCallsReachTheOwner()
{
    ListenerController controller;
    ListenersRecorder recorder(&controller);
    START_TWO(controller, recorder, second, port1, port2);

    QTcpSocket first;
    first.connectToHost(QHostAddress::LocalHost, port1);
    QVERIFY(first.waitForConnected(Timeout));
    QTcpSocket other;
    other.connectToHost(QHostAddress::LocalHost, port2);
    QVERIFY(other.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.idOf(first.localPort()) != 0 && recorder.idOf(other.localPort()) != 0,
                             Timeout);
    const quint64 firstId = recorder.idOf(first.localPort());
    const quint64 otherId = recorder.idOf(other.localPort());

    controller.send({otherId}, QByteArrayLiteral("to the other"));
    QTRY_COMPARE_WITH_TIMEOUT(other.bytesAvailable(), qint64(12), Timeout);
    QCOMPARE(other.readAll(), QByteArrayLiteral("to the other"));
    // To everyone: both get it.
    controller.send({}, QByteArrayLiteral("all"));
    QTRY_COMPARE_WITH_TIMEOUT(other.bytesAvailable(), qint64(3), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(first.bytesAvailable(), qint64(3), Timeout);
    QCOMPARE(first.readAll(), QByteArrayLiteral("all"));

    // Closing the other's connection leaves the first one open.
    QSignalSpy otherClosed(&other, &QTcpSocket::disconnected);
    controller.closeConnections({otherId});
    QTRY_COMPARE_WITH_TIMEOUT(otherClosed.size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(otherId).state, ConnectionState::Closed, Timeout);
    QCOMPARE(recorder.info(firstId).state, ConnectionState::Open);
    QCOMPARE(first.state(), QAbstractSocket::ConnectedState);
}

void TestListeners::stoppingOneLeavesTheOtherServing()
{
    ListenerController controller;
    ListenersRecorder recorder(&controller);
    controller.setBehaviour(1, behaviourOf(ServerMode::Echo));
    START_TWO(controller, recorder, second, port1, port2);

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port1);
    QVERIFY(client.waitForConnected(Timeout));

    controller.stop(second, true);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.statusOf(second).state, ListenerState::Stopped, Timeout);
    QCOMPARE(recorder.statusOf(1).state, ListenerState::Listening);
    QCOMPARE(listenerSummary(controller.statuses()), QStringLiteral("1 listening, 1 stopped"));

    // The stopped port refuses a new client.
    QTcpSocket refused;
    QSignalSpy failed(&refused, &QTcpSocket::errorOccurred);
    refused.connectToHost(QHostAddress::LocalHost, port2);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, Timeout);
    QCOMPARE(refused.error(), QAbstractSocket::ConnectionRefusedError);

    // The other still echoes, to the client it had and to a new one.
    client.write("still here");
    QTRY_COMPARE_WITH_TIMEOUT(client.bytesAvailable(), qint64(10), Timeout);
    QCOMPARE(client.readAll(), QByteArrayLiteral("still here"));
    QTcpSocket newcomer;
    newcomer.connectToHost(QHostAddress::LocalHost, port1);
    QVERIFY(newcomer.waitForConnected(Timeout));
    newcomer.write("new");
    QTRY_COMPARE_WITH_TIMEOUT(newcomer.bytesAvailable(), qint64(3), Timeout);
    QCOMPARE(newcomer.readAll(), QByteArrayLiteral("new"));
}

void TestListeners::removingAListenerClosesItsConnections()
{
    ListenerController controller;
    ListenersRecorder recorder(&controller);
    controller.setBehaviour(1, behaviourOf(ServerMode::Echo));
    START_TWO(controller, recorder, second, port1, port2);

    QTcpSocket stays;
    stays.connectToHost(QHostAddress::LocalHost, port1);
    QVERIFY(stays.waitForConnected(Timeout));
    QTcpSocket goes;
    goes.connectToHost(QHostAddress::LocalHost, port2);
    QVERIFY(goes.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.idOf(goes.localPort()) != 0, Timeout);

    QSignalSpy eof(&goes, &QTcpSocket::disconnected);
    controller.removeListener(second);
    QCOMPARE(controller.listenerIds(), QList<int>{1});
    // The peer reads EOF: the socket closed without a reset and without data.
    QTRY_COMPARE_WITH_TIMEOUT(eof.size(), 1, Timeout);
    QCOMPARE(goes.readAll(), QByteArray());
    QVERIFY(goes.error() == QAbstractSocket::RemoteHostClosedError || goes.error() == QAbstractSocket::UnknownSocketError);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.removed(), QList<int>{second}, Timeout);
    QCOMPARE(controller.status(second).state, ListenerState::Stopped); // unknown now: a default

    // Its port is free and refuses; the first listener serves on.
    QTcpSocket refused;
    QSignalSpy failed(&refused, &QTcpSocket::errorOccurred);
    refused.connectToHost(QHostAddress::LocalHost, port2);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, Timeout);
    stays.write("echo");
    QTRY_COMPARE_WITH_TIMEOUT(stays.bytesAvailable(), qint64(4), Timeout);
    QCOMPARE(controller.statuses().size(), qsizetype(1));
}

// Two busy listeners each flush up to 30 times a second; the UI thread still hears from the
// network thread at most about 30 times a second in all.
void TestListeners::deliveriesStayNearThirtyASecond()
{
    ListenerController controller;
    ListenersRecorder recorder(&controller);
    controller.setBehaviour(1, behaviourOf(ServerMode::Echo));
    const int secondId = controller.addListener();
    controller.setBehaviour(secondId, behaviourOf(ServerMode::Echo));
    controller.start(1, QHostAddress::LocalHost, 0, 5);
    controller.start(secondId, QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.statusOf(1).state, ListenerState::Listening, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.statusOf(secondId).state, ListenerState::Listening, Timeout);

    QList<std::shared_ptr<QTcpSocket>> clients;
    for (const int id : {1, secondId}) {
        for (int i = 0; i < 4; ++i) {
            auto client = std::make_shared<QTcpSocket>();
            client->connectToHost(QHostAddress::LocalHost, recorder.statusOf(id).port);
            QVERIFY(client->waitForConnected(Timeout));
            // What comes back is read and dropped, so the echo never stalls.
            connect(client.get(), &QTcpSocket::readyRead, client.get(), [c = client.get()] { c->readAll(); });
            clients.append(client);
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(controller.totals().open, 8, Timeout);

    // Every client sends every 2 ms: both listeners have something new at every flush.
    QTimer load;
    load.setInterval(2);
    connect(&load, &QTimer::timeout, this, [&clients] {
        for (const auto &client : std::as_const(clients))
            client->write("x");
    });
    load.start();
    // A warm-up, then the count.
    QTest::qWait(200);
    const quint64 deliveriesBefore = controller.deliveries();
    const int firstBefore = recorder.batchesOf(1);
    const int secondBefore = recorder.batchesOf(secondId);
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= 1500, 5000);
    const qint64 elapsed = clock.elapsed();
    const quint64 deliveries = controller.deliveries() - deliveriesBefore;
    const int firstBatches = recorder.batchesOf(1) - firstBefore;
    const int secondBatches = recorder.batchesOf(secondId) - secondBefore;
    load.stop();

    const double perSecond = double(deliveries) * 1000.0 / double(elapsed);
    qInfo("%llu deliveries in %lld ms (%.1f/s) carrying %d + %d batches", static_cast<unsigned long long>(deliveries),
          static_cast<long long>(elapsed), perSecond, firstBatches, secondBatches);
    QVERIFY2(perSecond <= 40.0, qPrintable(QStringLiteral("%1 deliveries a second").arg(perSecond)));
    // Both were busy all along, and their batches travelled together.
    QVERIFY(firstBatches >= 10 && secondBatches >= 10);
    QVERIFY(quint64(firstBatches + secondBatches) > deliveries);
}

void TestListeners::summary_data()
{
    QTest::addColumn<QList<ListenerState>>("states");
    QTest::addColumn<QString>("expected");
    using S = ListenerState;
    QTest::newRow("none") << QList<S>{} << QString();
    QTest::newRow("one listening") << QList<S>{S::Listening} << QStringLiteral("1 listening");
    QTest::newRow("one failed") << QList<S>{S::Error} << QStringLiteral("1 failed");
    QTest::newRow("mixed") << QList<S>{S::Listening, S::Stopped, S::Listening}
                           << QStringLiteral("2 listening, 1 stopped");
    QTest::newRow("all three") << QList<S>{S::Error, S::Stopped, S::Stopped, S::Listening, S::Error}
                               << QStringLiteral("1 listening, 2 stopped, 2 failed");
}

void TestListeners::summary()
{
    QFETCH(QList<ListenerState>, states);
    QFETCH(QString, expected);
    QList<ListenerStatus> statuses;
    for (const ListenerState state : states) {
        ListenerStatus status;
        status.state = state;
        status.paused = state == ListenerState::Listening && statuses.size() == 2; // paused still listens
        statuses.append(status);
    }
    QCOMPARE(listenerSummary(statuses), expected);
}

void TestListeners::conflicts_data()
{
    QTest::addColumn<QList<ListenerConfig>>("configs");
    QTest::addColumn<int>("conflicts");
    QTest::newRow("one") << QList<ListenerConfig>{config(QStringLiteral("127.0.0.1"), 9000)} << 0;
    QTest::newRow("same address and port")
        << QList<ListenerConfig>{config(QStringLiteral("127.0.0.1"), 9000), config(QStringLiteral("127.0.0.1"), 9000)}
        << 1;
    QTest::newRow("other port") << QList<ListenerConfig>{config(QStringLiteral("127.0.0.1"), 9000),
                                                         config(QStringLiteral("127.0.0.1"), 9001)}
                                << 0;
    QTest::newRow("any IPv4 covers loopback") << QList<ListenerConfig>{config(QStringLiteral("0.0.0.0"), 9000),
                                                                       config(QStringLiteral("127.0.0.1"), 9000)}
                                              << 1;
    QTest::newRow("loopback then any IPv4") << QList<ListenerConfig>{config(QStringLiteral("127.0.0.1"), 9000),
                                                                     config(QStringLiteral("0.0.0.0"), 9000)}
                                            << 1;
    QTest::newRow("dual stack covers IPv4") << QList<ListenerConfig>{config(QStringLiteral("::"), 9000),
                                                                     config(QStringLiteral("127.0.0.1"), 9000)}
                                            << 1;
    QTest::newRow("dual stack covers IPv6") << QList<ListenerConfig>{config(QStringLiteral("::1"), 9000),
                                                                     config(QStringLiteral("::"), 9000)}
                                            << 1;
    QTest::newRow("dual stack and any IPv4") << QList<ListenerConfig>{config(QStringLiteral("::"), 9000),
                                                                      config(QStringLiteral("0.0.0.0"), 9000)}
                                             << 1;
    QTest::newRow("any IPv4 leaves IPv6 loopback") << QList<ListenerConfig>{config(QStringLiteral("0.0.0.0"), 9000),
                                                                            config(QStringLiteral("::1"), 9000)}
                                                   << 0;
    QTest::newRow("two loopbacks") << QList<ListenerConfig>{config(QStringLiteral("127.0.0.1"), 9000),
                                                            config(QStringLiteral("127.0.0.2"), 9000)}
                                   << 0;
    // Not an address to listen on (the form refuses it): left to the form, not called a clash.
    QTest::newRow("IPv4-mapped is refused elsewhere")
        << QList<ListenerConfig>{config(QStringLiteral("127.0.0.1"), 9000), config(QStringLiteral("::ffff:127.0.0.1"), 9000)}
        << 0;
    QTest::newRow("port 0 never conflicts") << QList<ListenerConfig>{config(QStringLiteral("127.0.0.1"), 0),
                                                                     config(QStringLiteral("127.0.0.1"), 0),
                                                                     config(QStringLiteral("0.0.0.0"), 0)}
                                            << 0;
    QTest::newRow("three on one port") << QList<ListenerConfig>{config(QStringLiteral("127.0.0.1"), 80),
                                                                config(QStringLiteral("0.0.0.0"), 80),
                                                                config(QStringLiteral("::"), 80)}
                                       << 3;
}

void TestListeners::conflicts()
{
    QFETCH(QList<ListenerConfig>, configs);
    QFETCH(int, conflicts);
    const QStringList lines = ListenerConfig::conflicts(configs);
    QCOMPARE(lines.size(), qsizetype(conflicts));
    if (conflicts == 1 && configs.size() == 2)
        QCOMPARE(lines.constFirst(), QStringLiteral("Listener 1 and listener 2 both use port %1 on %2")
                                         .arg(configs.at(0).port)
                                         .arg(configs.at(0).address == configs.at(1).address
                                                  ? configs.at(0).address
                                                  : configs.at(0).address + QLatin1Char('/') + configs.at(1).address));
}

void TestListeners::allListenersAsOne()
{
    ListenerStatus listening;
    listening.state = ListenerState::Listening;
    listening.backlog = 5;
    ListenerStatus pausedTls = listening;
    pausedTls.paused = true;
    pausedTls.tls = true;
    pausedTls.backlog = 128;
    ListenerStatus failed;
    failed.state = ListenerState::Error;
    failed.failedStep = LifecycleStep::Bind;
    failed.errnoName = QStringLiteral("EADDRINUSE");
    const ListenerStatus stopped;

    ListenerStatus all = AllListeners::status({listening, pausedTls, failed, stopped});
    QCOMPARE(all.state, ListenerState::Listening);
    QVERIFY(!all.paused); // one still accepts
    QVERIFY(all.tls);
    QCOMPARE(all.backlog, 133);
    all = AllListeners::status({pausedTls, stopped});
    QVERIFY(all.paused);
    all = AllListeners::status({stopped, failed});
    QCOMPARE(all.state, ListenerState::Error);
    QCOMPARE(all.errnoName, QStringLiteral("EADDRINUSE"));
    QCOMPARE(AllListeners::status({stopped, stopped}).state, ListenerState::Stopped);
    QCOMPARE(AllListeners::status({}).state, ListenerState::Stopped);

    ListenQueueStats first;
    first.available = true;
    first.length = 2;
    first.backlog = 5;
    first.countersAvailable = true;
    first.overflows = 7;
    first.drops = 9;
    ListenQueueStats second = first;
    second.length = 3;
    second.backlog = 128;
    second.overflows = 4;
    const ListenQueueStats unread;
    const ListenQueueStats queue = AllListeners::listenQueue({first, second, unread});
    QVERIFY(queue.available);
    QCOMPARE(queue.length, 5);
    QCOMPARE(queue.backlog, 133);
    QCOMPARE(queue.overflows, quint64(7)); // system-wide: not counted twice
    QCOMPARE(queue.drops, quint64(9));
    QVERIFY(!AllListeners::listenQueue({unread}).available);

    ListenerTotals a;
    a.open = 2;
    a.peakOpen = 4;
    a.accepted = 10;
    a.bytesReceived = 100;
    a.bytesSent = 50;
    a.refused = 1;
    ListenerTotals b;
    b.open = 1;
    b.peakOpen = 3;
    b.accepted = 5;
    b.bytesReceived = 1;
    b.handshakesDone = 4;
    b.handshakesFailed = 1;
    const ListenerTotals totals = AllListeners::totals({a, b});
    QCOMPARE(totals.open, 3);
    QCOMPARE(totals.peakOpen, 4);
    QCOMPARE(totals.accepted, quint64(15));
    QCOMPARE(totals.bytesReceived, quint64(101));
    QCOMPARE(totals.bytesSent, quint64(50));
    QCOMPARE(totals.refused, quint64(1));
    QCOMPARE(totals.handshakesDone, quint64(4));
    QCOMPARE(totals.handshakesFailed, quint64(1));
}

QTEST_MAIN(TestListeners)
#include "tst_listeners.moc"
