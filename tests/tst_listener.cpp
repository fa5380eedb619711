// The listener end to end over loopback: real clients, real sockets, the network thread.
#include "listener.h"
#include "listenercontroller.h"
#include "socketoptions.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include "batchrecorder.h"
#include "posixclient.h"

#ifdef Q_OS_UNIX
#  include <arpa/inet.h>
#  include <cerrno>
#  include <netinet/in.h>
#  include <netinet/tcp.h>
#  include <sys/socket.h>
#  include <unistd.h>
#endif

namespace {

constexpr int Timeout = 10000;

} // namespace

class TestListener final : public QObject
{
    Q_OBJECT

private slots:
    void startsOnEphemeralPortAndAcceptsClients();
    void stopRefusesNewClients();
    void restartOnSamePort();
    void portInUseIsReportedAndRecoverable();
    void addressNotOnThisMachine();
    void privilegedPortNamesEacces();
    void probeFindsTheFailingCall();
    void backlogReachesTheKernel();
    void ipv6Loopback();
    void everyInterfaceTakesIpv4AndIpv6();
    void connectionDetailsAndCounters();
    void peerFinGivesPeerClosed();
    void peerResetGivesReset();
    void closeFromServerSendsEof();
    void stopKeepsOrClosesConnections_data();
    void stopKeepsOrClosesConnections();
    void burstArrivesInFewBatches();
};

void TestListener::startsOnEphemeralPortAndAcceptsClients()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);
    QVERIFY(recorder.status().port != 0);
    QCOMPARE(recorder.status().address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(recorder.status().backlog, 5);
    QVERIFY(recorder.logHas(QStringLiteral("Waiting for a connection...")));
    QVERIFY(recorder.logHas(QStringLiteral("Listening with backlog 5")));

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, recorder.status().port);
    QVERIFY(client.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(client.localPort()).has_value(), Timeout);
    QVERIFY(recorder.logHas(QStringLiteral("Connection from 127.0.0.1:%1").arg(client.localPort())));
}

// "::" is every interface, IPv4 included, as the form and the README say.
void TestListener::everyInterfaceTakesIpv4AndIpv6()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress(QStringLiteral("::")), 0, 5);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.status().state != ListenerState::Stopped, Timeout);
    if (recorder.status().state == ListenerState::Error)
        QSKIP("IPv6 is not available here");
    QVERIFY2(recorder.status().text().startsWith(QStringLiteral("Listening on [::]:")), qPrintable(recorder.status().text()));

    QTcpSocket v4;
    v4.connectToHost(QHostAddress::LocalHost, recorder.status().port);
    QVERIFY2(v4.waitForConnected(Timeout), qPrintable(v4.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(v4.localPort()).has_value(), Timeout);
    // Shown as the IPv4 address it is, not ::ffff:127.0.0.1.
    QVERIFY(recorder.logHas(QStringLiteral("Connection from 127.0.0.1:%1").arg(v4.localPort())));

    QTcpSocket v6;
    v6.connectToHost(QHostAddress::LocalHostIPv6, recorder.status().port);
    if (v6.waitForConnected(Timeout)) {
        QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(v6.localPort()).has_value(), Timeout);
        QVERIFY(recorder.logHas(QStringLiteral("Connection from [::1]:%1").arg(v6.localPort())));
    }
}

void TestListener::stopRefusesNewClients()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);
    const quint16 port = recorder.status().port;

    controller.stop(false);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Stopped, Timeout);
    QTcpSocket client;
    QSignalSpy errors(&client, &QTcpSocket::errorOccurred);
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, Timeout);
    QCOMPARE(client.error(), QAbstractSocket::ConnectionRefusedError);
}

void TestListener::restartOnSamePort()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);
    const quint16 port = recorder.status().port;
    controller.stop(true);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Stopped, Timeout);

    controller.start(QHostAddress::LocalHost, port, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);
    QCOMPARE(recorder.status().port, port);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(client.localPort()).has_value(), Timeout);
}

void TestListener::portInUseIsReportedAndRecoverable()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    const quint16 port = occupier.serverPort();

    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, port, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Error, Timeout);
    QCOMPARE(recorder.status().errorString,
             QStringLiteral("Port %1 is already in use on 127.0.0.1").arg(port));
    QVERIFY(recorder.logContains(QStringLiteral("already in use")));
    // For the lifecycle diagram: bind() is the call that failed, and why.
    QCOMPARE(recorder.status().failedStep, LifecycleStep::Bind);
    QCOMPARE(recorder.status().errnoName, QStringLiteral("EADDRINUSE"));
    QCOMPARE(lifecycleStepName(recorder.status().failedStep), QStringLiteral("bind()"));

    // After the error the same controller can try again; success clears the failure.
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);
    QVERIFY(recorder.status().port != port);
    QCOMPARE(recorder.status().failedStep, LifecycleStep::None);
    QVERIFY(recorder.status().errnoName.isEmpty());
    QVERIFY(recorder.status().errorString.isEmpty());
}

void TestListener::addressNotOnThisMachine()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    // 203.0.113.0/24 is reserved for documentation; no machine has it.
    controller.start(QHostAddress(QStringLiteral("203.0.113.7")), 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Error, Timeout);
    QCOMPARE(recorder.status().errorString,
             QStringLiteral("Address 203.0.113.7 is not an address of this machine"));
    QCOMPARE(recorder.status().failedStep, LifecycleStep::Bind);
    QCOMPARE(recorder.status().errnoName, QStringLiteral("EADDRNOTAVAIL"));

    // Stopping after a failure leaves nothing failed.
    controller.stop(false);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Stopped, Timeout);
    QCOMPARE(recorder.status().failedStep, LifecycleStep::None);
    QVERIFY(recorder.status().errnoName.isEmpty());
}

void TestListener::privilegedPortNamesEacces()
{
#ifdef Q_OS_UNIX
    // Only where this process may not bind port 1 (not root, and the system keeps low ports).
    QTcpServer probe;
    if (probe.listen(QHostAddress::LocalHost, 1))
        QSKIP("This process may bind privileged ports");
    if (probe.serverError() != QAbstractSocket::SocketAccessError)
        QSKIP("Port 1 is unavailable for another reason");

    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, 1, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Error, Timeout);
    QCOMPARE(recorder.status().failedStep, LifecycleStep::Bind);
    QCOMPARE(recorder.status().errnoName, QStringLiteral("EACCES"));
    QVERIFY(recorder.status().errorString.contains(QStringLiteral("Permission denied")));
#else
    QSKIP("errno names are read on Unix");
#endif
}

void TestListener::probeFindsTheFailingCall()
{
#ifdef Q_OS_UNIX
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    const SocketOptions::ListenProbe taken =
        SocketOptions::probeListen(QHostAddress::LocalHost, occupier.serverPort(), 5);
    QCOMPARE(taken.failedStep, LifecycleStep::Bind);
    QCOMPARE(taken.error, EADDRINUSE);

    // A port that was free a moment ago: the probe gets through, and closes what it opened,
    // so the port can be listened on again.
    QTcpServer finder;
    QVERIFY(finder.listen(QHostAddress::LocalHost, 0));
    const quint16 freePort = finder.serverPort();
    finder.close();
    const SocketOptions::ListenProbe free = SocketOptions::probeListen(QHostAddress::LocalHost, freePort, 5);
    QCOMPARE(free.failedStep, LifecycleStep::None);
    QCOMPARE(free.error, 0);
    QTcpServer after;
    QVERIFY2(after.listen(QHostAddress::LocalHost, freePort), qPrintable(after.errorString()));

    QCOMPARE(SocketOptions::errnoName(EADDRINUSE), QStringLiteral("EADDRINUSE"));
    QCOMPARE(SocketOptions::errnoName(EACCES), QStringLiteral("EACCES"));
    QCOMPARE(SocketOptions::errnoName(EADDRNOTAVAIL), QStringLiteral("EADDRNOTAVAIL"));
    QVERIFY(SocketOptions::errnoName(0).isEmpty());
    QVERIFY(SocketOptions::errnoName(987654).contains(QStringLiteral("987654")));
#else
    QSKIP("The probe is Unix only");
#endif
}

void TestListener::backlogReachesTheKernel()
{
#ifdef Q_OS_LINUX
    Listener listener;
    QSignalSpy updates(&listener, &Listener::updated);
    listener.startListening(QHostAddress::LocalHost, 0, 17);
    QVERIFY(listener.isListening());
    QCOMPARE(listener.listenBacklogSize(), 17);
    // On a listening socket the kernel reports its backlog in tcpi_sacked, as `ss -lnt` shows.
    tcp_info info = {};
    socklen_t length = sizeof(info);
    QCOMPARE(::getsockopt(int(listener.socketDescriptor()), IPPROTO_TCP, TCP_INFO, &info, &length), 0);
    QCOMPARE(int(info.tcpi_sacked), 17);
    QTRY_VERIFY_WITH_TIMEOUT(!updates.isEmpty(), Timeout);
    QCOMPARE(updates.last().at(0).value<UpdateBatch>().status.backlog, 17);
#else
    QSKIP("TCP_INFO on a listening socket is Linux only");
#endif
}

void TestListener::ipv6Loopback()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHostIPv6, 0))
        QSKIP("This machine has no IPv6 loopback");
    probe.close();

    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHostIPv6, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);
    QCOMPARE(recorder.status().address, QHostAddress(QHostAddress::LocalHostIPv6));

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHostIPv6, recorder.status().port);
    QVERIFY(client.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(client.localPort()).has_value(), Timeout);
    QCOMPARE(recorder.byPeerPort(client.localPort())->peerAddress, QHostAddress(QHostAddress::LocalHostIPv6));
    QVERIFY(recorder.logHas(QStringLiteral("Connection from [::1]:%1").arg(client.localPort())));
}

void TestListener::connectionDetailsAndCounters()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);

    QTcpSocket first;
    QTcpSocket second;
    first.connectToHost(QHostAddress::LocalHost, recorder.status().port);
    second.connectToHost(QHostAddress::LocalHost, recorder.status().port);
    QVERIFY(first.waitForConnected(Timeout));
    QVERIFY(second.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(first.localPort()) && recorder.byPeerPort(second.localPort()),
                             Timeout);

    const ConnectionInfo info = *recorder.byPeerPort(first.localPort());
    QCOMPARE(info.peerAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(info.localPort, recorder.status().port);
    QCOMPARE(info.localAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(info.state, ConnectionState::Open);
    QVERIFY(info.acceptedAtMs > 0);
    QVERIFY(recorder.byPeerPort(second.localPort())->id != info.id);
    QCOMPARE(recorder.totals().open, 2);
    QCOMPARE(recorder.totals().accepted, quint64(2));

    const QByteArray payload(100000, 'x');
    first.write(payload);
    second.write("hello\n");
    QTRY_COMPARE_WITH_TIMEOUT(recorder.byPeerPort(first.localPort())->bytesReceived, quint64(payload.size()),
                              Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.byPeerPort(second.localPort())->bytesReceived, quint64(6), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().bytesReceived, quint64(payload.size() + 6), Timeout);
    QVERIFY(recorder.byPeerPort(first.localPort())->lastActivityMs >= info.acceptedAtMs);
    QCOMPARE(recorder.byPeerPort(first.localPort())->bytesSent, quint64(0));
}

void TestListener::peerFinGivesPeerClosed()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, recorder.status().port);
    QVERIFY(client.waitForConnected(Timeout));
    const quint16 port = client.localPort();
    client.write("bye");
    QVERIFY(client.waitForBytesWritten(Timeout));
    client.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.stateOf(port), ConnectionState::PeerClosed, Timeout);
    const ConnectionInfo info = *recorder.byPeerPort(port);
    QCOMPARE(info.bytesReceived, quint64(3));
    QVERIFY(info.closedAtMs >= info.acceptedAtMs);
    QVERIFY(recorder.logContains(QStringLiteral("closed by the peer")));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().open, 0, Timeout);
}

void TestListener::peerResetGivesReset()
{
#ifdef Q_OS_UNIX
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);

    const int fd = posixConnect(recorder.status().port);
    QVERIFY(fd >= 0);
    const quint16 port = posixLocalPort(fd);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(port).has_value(), Timeout);
    // SO_LINGER {1, 0} makes close() send RST instead of FIN.
    const linger abortive = {1, 0};
    QCOMPARE(::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive)), 0);
    ::close(fd);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.stateOf(port), ConnectionState::Reset, Timeout);
    QVERIFY(!recorder.byPeerPort(port)->errorString.isEmpty());
    QVERIFY(recorder.logContains(QStringLiteral("reset by the peer")));
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestListener::closeFromServerSendsEof()
{
#ifdef Q_OS_UNIX
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);

    const int fd = posixConnect(recorder.status().port);
    QVERIFY(fd >= 0);
    const quint16 port = posixLocalPort(fd);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(port).has_value(), Timeout);
    controller.closeConnections({recorder.byPeerPort(port)->id});
    // The peer reads EOF, not a reset.
    QCOMPARE(waitForEnd(fd, Timeout), 0);
    ::close(fd);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.stateOf(port), ConnectionState::Closed, Timeout);
    QVERIFY(recorder.logContains(QStringLiteral("closed by the server")));
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestListener::stopKeepsOrClosesConnections_data()
{
    QTest::addColumn<bool>("closeConnections");
    QTest::newRow("keep open") << false;
    QTest::newRow("close") << true;
}

void TestListener::stopKeepsOrClosesConnections()
{
    QFETCH(bool, closeConnections);
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);

    QTcpSocket client;
    QSignalSpy disconnected(&client, &QTcpSocket::disconnected);
    client.connectToHost(QHostAddress::LocalHost, recorder.status().port);
    QVERIFY(client.waitForConnected(Timeout));
    const quint16 port = client.localPort();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(port).has_value(), Timeout);

    controller.stop(closeConnections);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Stopped, Timeout);
    if (closeConnections) {
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.stateOf(port), ConnectionState::Closed, Timeout);
    } else {
        // Still served after the listening socket is gone.
        client.write("still here");
        QTRY_COMPARE_WITH_TIMEOUT(recorder.byPeerPort(port)->bytesReceived, quint64(10), Timeout);
        QCOMPARE(disconnected.size(), 0);
        QCOMPARE(recorder.stateOf(port), ConnectionState::Open);
    }
}

void TestListener::burstArrivesInFewBatches()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.start(QHostAddress::LocalHost, 0, 128);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Listening, Timeout);
    const int before = recorder.batches();

    constexpr int Clients = 300;
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < Clients; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, recorder.status().port);
    }
    QTRY_COMPARE_WITH_TIMEOUT(int(recorder.connections().size()), Clients, Timeout);
    QCOMPARE(recorder.totals().open, Clients);
    QCOMPARE(recorder.totals().peakOpen, Clients);
    // Updates are gathered: far fewer batches than connections.
    QVERIFY2(recorder.batches() - before < Clients / 2,
             qPrintable(QStringLiteral("%1 batches for %2 connections").arg(recorder.batches() - before).arg(Clients)));
}

QTEST_GUILESS_MAIN(TestListener)
#include "tst_listener.moc"
