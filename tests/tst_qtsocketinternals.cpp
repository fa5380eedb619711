// The assumption about Qt that Connection rests on: a connected QTcpSocket keeps its read
// notifier as a child, and it is the one that fires when the peer's bytes arrive. A Qt version
// that keeps it elsewhere fails here first, by name, instead of silently losing reset detection.
#include "qtsocketinternals.h"

#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

namespace {

constexpr int Timeout = 10000;

// Counts the socket activations a notifier delivers.
class ActivationCounter final : public QObject
{
public:
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::SockAct)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

// Connects client to server on 127.0.0.1 and returns the server's side; nullptr on failure.
std::unique_ptr<QTcpSocket> acceptClient(QTcpServer &server, QTcpSocket &client)
{
    if (!server.listen(QHostAddress::LocalHost, 0))
        return nullptr;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    if (!client.waitForConnected(Timeout) || !server.waitForNewConnection(Timeout))
        return nullptr;
    return std::unique_ptr<QTcpSocket>(server.nextPendingConnection());
}

} // namespace

class TestQtSocketInternals final : public QObject
{
    Q_OBJECT

private slots:
    void readNotifierIsTheSocketsChild();
    void writeNotifierAppearsWhenAWriteWaits();
};

void TestQtSocketInternals::readNotifierIsTheSocketsChild()
{
    QTcpServer server;
    QTcpSocket client;
    const std::unique_ptr<QTcpSocket> accepted = acceptClient(server, client);
    QVERIFY(accepted);

    QSocketNotifier *notifier = QtSocketInternals::readNotifier(accepted.get());
    if (!notifier)
        QFAIL("This Qt keeps no read QSocketNotifier under QTcpSocket: Connection can no longer see a "
              "reset before Qt reads it. See app/net/qtsocketinternals.h.");
    QCOMPARE(notifier->type(), QSocketNotifier::Read);
    QCOMPARE(notifier->socket(), accepted->socketDescriptor());

    // It is the notifier that fires when the peer's bytes arrive, and Qt reads them after it.
    ActivationCounter counter;
    notifier->installEventFilter(&counter);
    QSignalSpy readyRead(accepted.get(), &QTcpSocket::readyRead);
    client.write("ping");
    QVERIFY(client.waitForBytesWritten(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(readyRead.size() > 0, Timeout);
    QVERIFY(counter.count > 0);
    QCOMPARE(accepted->readAll(), QByteArray("ping"));
}

void TestQtSocketInternals::writeNotifierAppearsWhenAWriteWaits()
{
    QTcpServer server;
    QTcpSocket client;
    const std::unique_ptr<QTcpSocket> accepted = acceptClient(server, client);
    QVERIFY(accepted);

    // A peer that reads nothing: the kernel's buffers fill and Qt waits to write the rest.
    accepted->write(QByteArray(16 * 1024 * 1024, 'x'));
    QTRY_VERIFY_WITH_TIMEOUT(accepted->bytesToWrite() > 0, Timeout);
    bool writeFound = false;
    const QList<QSocketNotifier *> notifiers = QtSocketInternals::notifiers(accepted.get());
    for (const QSocketNotifier *notifier : notifiers)
        writeFound = writeFound || notifier->type() == QSocketNotifier::Write;
    QVERIFY2(writeFound, "no write QSocketNotifier under a QTcpSocket with a write waiting");
}

QTEST_MAIN(TestQtSocketInternals)
#include "tst_qtsocketinternals.moc"
