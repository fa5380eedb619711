// Hostile peers and safe defaults over real loopback sockets: access lists refuse at accept,
// idle connections are closed, and binding to all interfaces asks first.
#include "connectiontablemodel.h"
#include "listenercontroller.h"
#include "listenerpanel.h"
#include "mainwindow.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QComboBox>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>

#include "batchrecorder.h"
#include "windowprobe.h"

#include <memory>

namespace {

constexpr int Timeout = 10000;

} // namespace

class TestHostile final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void deniedClientSeesEofAndNoRow();
    void clientOutsideAllowListIsRefused();
    void allowedClientIsServed();
    void idleTimeoutClosesOnlyIdleConnections();
    void allInterfacesAsksOnce();
    void commandLineDoesNotAsk();
    void invalidListIsShownAndNotApplied();

private:
    // Starts the controller on 127.0.0.1 with a free port and the given behaviour.
    quint16 startListening(const ServerBehaviour &behaviour);

    std::unique_ptr<ListenerController> m_controller;
    std::unique_ptr<BatchRecorder> m_recorder;
};

void TestHostile::init()
{
    QSettings().clear();
    m_controller = std::make_unique<ListenerController>();
    m_recorder = std::make_unique<BatchRecorder>(m_controller.get());
}

void TestHostile::cleanup()
{
    m_recorder.reset();
    m_controller.reset();
}

quint16 TestHostile::startListening(const ServerBehaviour &behaviour)
{
    m_controller->setBehaviour(behaviour);
    m_controller->start(QHostAddress::LocalHost, 0, 5);
    if (!QTest::qWaitFor([this] { return m_recorder->status().state == ListenerState::Listening; }, Timeout))
        return 0;
    return m_recorder->status().port;
}

void TestHostile::deniedClientSeesEofAndNoRow()
{
    ServerBehaviour behaviour;
    behaviour.mode = ServerMode::Greeting;
    behaviour.greeting = QByteArrayLiteral("hello\r\n");
    QString error;
    behaviour.denyList = AccessList::parse(QStringLiteral("10.0.0.0/8, 127.0.0.0/8"), &error);
    QVERIFY(error.isEmpty());
    const quint16 port = startListening(behaviour);
    QVERIFY(port != 0);

    QTcpSocket client;
    QSignalSpy disconnected(&client, &QTcpSocket::disconnected);
    QElapsedTimer elapsed;
    elapsed.start();
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(Timeout));
    const quint16 clientPort = client.localPort();
    // The peer reads EOF, not a reset, and not the greeting: it was never served.
    QTRY_VERIFY_WITH_TIMEOUT(disconnected.count() == 1, Timeout);
    QVERIFY2(elapsed.elapsed() < 3000, "the refusal should be at once");
    QCOMPARE(client.error(), QAbstractSocket::RemoteHostClosedError);
    QVERIFY(client.readAll().isEmpty());

    const QString line = QStringLiteral("Refused 127.0.0.1:%1: denied by rule 127.0.0.0/8").arg(clientPort);
    QTRY_VERIFY_WITH_TIMEOUT(m_recorder->logHas(line), Timeout);
    QCOMPARE(m_recorder->totals().refused, quint64(1));
    QCOMPARE(m_recorder->totals().accepted, quint64(0));
    QVERIFY(m_recorder->connections().isEmpty());
}

void TestHostile::clientOutsideAllowListIsRefused()
{
    ServerBehaviour behaviour;
    behaviour.allowList = AccessList::parse(QStringLiteral("10.0.0.0/8 ::1"), nullptr);
    QVERIFY(!behaviour.allowList.isEmpty());
    const quint16 port = startListening(behaviour);
    QVERIFY(port != 0);

    QTcpSocket client;
    QSignalSpy disconnected(&client, &QTcpSocket::disconnected);
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(Timeout));
    const quint16 clientPort = client.localPort();
    QTRY_VERIFY_WITH_TIMEOUT(disconnected.count() == 1, Timeout);
    QCOMPARE(client.error(), QAbstractSocket::RemoteHostClosedError);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_recorder->logHas(QStringLiteral("Refused 127.0.0.1:%1: not in the allow list").arg(clientPort)), Timeout);
    QVERIFY(m_recorder->connections().isEmpty());
}

void TestHostile::allowedClientIsServed()
{
    // Allowed by the first list, not denied by the second: served as usual.
    ServerBehaviour behaviour;
    behaviour.mode = ServerMode::Echo;
    behaviour.allowList = AccessList::parse(QStringLiteral("127.0.0.1"), nullptr);
    behaviour.denyList = AccessList::parse(QStringLiteral("127.0.0.2 10.0.0.0/8"), nullptr);
    const quint16 port = startListening(behaviour);
    QVERIFY(port != 0);

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(Timeout));
    client.write("ping");
    QByteArray echoed;
    QTRY_VERIFY_WITH_TIMEOUT((echoed += client.readAll()) == QByteArrayLiteral("ping"), Timeout);
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder->connections().size(), 1, Timeout);
    QCOMPARE(m_recorder->totals().refused, quint64(0));

    // Deny wins: the same peer, once denied, is refused although the allow list has it.
    behaviour.denyList = AccessList::parse(QStringLiteral("127.0.0.1"), nullptr);
    m_controller->setBehaviour(behaviour);
    QTcpSocket second;
    QSignalSpy disconnected(&second, &QTcpSocket::disconnected);
    // Commands reach the network thread in order; the behaviour applies before this accept.
    second.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(second.waitForConnected(Timeout));
    const quint16 secondPort = second.localPort();
    QTRY_VERIFY_WITH_TIMEOUT(disconnected.count() == 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_recorder->logHas(QStringLiteral("Refused 127.0.0.1:%1: denied by rule 127.0.0.1/32")
                                                    .arg(secondPort)),
                             Timeout);
    // The one already open stays open.
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
}

void TestHostile::idleTimeoutClosesOnlyIdleConnections()
{
    ServerBehaviour behaviour;
    behaviour.idleTimeoutSeconds = 1;
    const quint16 port = startListening(behaviour);
    QVERIFY(port != 0);

    QTcpSocket idle;
    QTcpSocket active;
    QSignalSpy idleClosed(&idle, &QTcpSocket::disconnected);
    QSignalSpy activeClosed(&active, &QTcpSocket::disconnected);
    QElapsedTimer elapsed;
    elapsed.start();
    idle.connectToHost(QHostAddress::LocalHost, port);
    active.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(idle.waitForConnected(Timeout));
    QVERIFY(active.waitForConnected(Timeout));
    const quint16 idlePort = idle.localPort();

    int sends = 0;
    QTimer ticker;
    ticker.setInterval(300);
    connect(&ticker, &QTimer::timeout, &active, [&] {
        active.write("x");
        ++sends;
    });
    ticker.start();

    // The idle one reads EOF after about a second, not before.
    QTRY_VERIFY_WITH_TIMEOUT(idleClosed.count() == 1, Timeout);
    QVERIFY2(elapsed.elapsed() >= 900, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(idle.error(), QAbstractSocket::RemoteHostClosedError);
    // One line for it, saying who closed it and how long it really was idle.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_recorder->log()
                .filter(QRegularExpression(QStringLiteral("^Connection #\\d+ from 127\\.0\\.0\\.1:%1 closed by the server: "
                                                          "idle for [12] s \\(the timeout is 1 s\\)$")
                                               .arg(idlePort)))
                .size()
            == 1,
        Timeout);
    QCOMPARE(m_recorder->log().filter(QStringLiteral("127.0.0.1:%1 closed").arg(idlePort)).size(), 1);

    // The active one outlives the timeout several times over.
    QTRY_VERIFY_WITH_TIMEOUT(sends >= 10, Timeout);
    QCOMPARE(activeClosed.count(), 0);
    QCOMPARE(active.state(), QAbstractSocket::ConnectedState);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder->totals().bytesReceived, quint64(sends), Timeout);
    // Once it falls silent, it goes the same way.
    ticker.stop();
    QTRY_VERIFY_WITH_TIMEOUT(activeClosed.count() == 1, Timeout);
}

void TestHostile::allInterfacesAsksOnce()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *panel = window.findChild<ListenerPanel *>();
    QVERIFY(panel);
    QSignalSpy startRequested(panel, &ListenerPanel::startRequested);
    auto *combo = child<QComboBox>(&window, "addressCombo");
    replaceText(combo->lineEdit(), QStringLiteral("0.0.0.0"));
    replaceText(child<QLineEdit>(&window, "portEdit"), QStringLiteral("0"));
    auto *start = child<QPushButton>(&window, "startButton");
    auto *stop = child<QPushButton>(&window, "stopButton");
    auto *warning = child<QLabel>(&window, "exposureWarning");

    // Cancel: nothing is started.
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = visibleMessageBox(&window)) != nullptr, Timeout);
    QAbstractButton *cancel = box->button(QMessageBox::Cancel);
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(visibleMessageBox(&window) == nullptr, Timeout);
    QCOMPARE(startRequested.count(), 0);
    QCOMPARE(child<QLabel>(&window, "stateBadge")->text(), QStringLiteral("Stopped"));
    QVERIFY(start->isEnabled());

    // Confirm: it listens, and the warning stays up while it does.
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((box = visibleMessageBox(&window)) != nullptr, Timeout);
    QAbstractButton *listen = nullptr;
    for (QAbstractButton *button : box->buttons()) {
        if (button->text() == QStringLiteral("Listen on all interfaces"))
            listen = button;
    }
    QVERIFY(listen);
    QTest::mouseClick(listen, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(&window) != 0, Timeout);
    QCOMPARE(startRequested.count(), 1);
    QVERIFY(warning->isVisible());
    QCOMPARE(window.controller()->status().address, QHostAddress(QHostAddress::AnyIPv4));
    {
        // Reachable through loopback like any other interface.
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, listeningPort(&window));
        QVERIFY(client.waitForConnected(Timeout));
        QTRY_COMPARE_WITH_TIMEOUT(window.connectionModel()->rowCount(), 1, Timeout);
        QVERIFY(warning->isVisible());
    }
    QVERIFY(QSettings().value(QStringLiteral("listener/allInterfacesConfirmed")).toBool());

    // Stopped and started again: not asked a second time.
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&window, "stateBadge")->text(), QStringLiteral("Stopped"), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), Timeout);
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(startRequested.count(), 2);
    QVERIFY(visibleMessageBox(&window) == nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(&window) != 0, Timeout);
    QVERIFY(warning->isVisible());
}

void TestHostile::commandLineDoesNotAsk()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // As --listen 0.0.0.0:0 does: the command line is the confirmation.
    window.startListening(QHostAddress(QHostAddress::AnyIPv4), 0, 5);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(&window) != 0, Timeout);
    QVERIFY(visibleMessageBox(&window) == nullptr);
    QVERIFY(child<QLabel>(&window, "exposureWarning")->isVisible());
}

void TestHostile::invalidListIsShownAndNotApplied()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *panel = window.findChild<ListenerPanel *>();
    QVERIFY(panel);
    auto *deny = child<QLineEdit>(&window, "denyEdit");
    auto *error = child<QLabel>(&window, "accessErrorLabel");
    QVERIFY(!error->isVisible());

    QTest::mouseClick(deny, Qt::LeftButton);
    QTest::keyClicks(deny, QStringLiteral("127.0.0.0/33"));
    QTest::keyClick(deny, Qt::Key_Return);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("\"127.0.0.0/33\"")), qPrintable(error->text()));
    // Stopped, the unreadable list goes with the next start, which it then refuses.
    QVERIFY(!panel->behaviour().denyList.isValid());

    replaceText(deny, QStringLiteral("127.0.0.0/8"));
    QTest::keyClick(deny, Qt::Key_Return);
    QVERIFY(!error->isVisible());
    QCOMPARE(panel->behaviour().denyList.toString(), QStringLiteral("127.0.0.0/8"));

    auto *combo = child<QComboBox>(&window, "addressCombo");
    replaceText(combo->lineEdit(), QStringLiteral("127.0.0.1"));
    replaceText(child<QLineEdit>(&window, "portEdit"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(&window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(&window) != 0, Timeout);

    // A denied client reads EOF and no row appears in the table.
    QTcpSocket client;
    QSignalSpy disconnected(&client, &QTcpSocket::disconnected);
    client.connectToHost(QHostAddress::LocalHost, listeningPort(&window));
    QVERIFY(client.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(disconnected.count() == 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.controller()->totals().refused, quint64(1), Timeout);
    QCOMPARE(window.connectionModel()->rowCount(), 0);

    // The idle timeout reads "Off" at 0.
    QCOMPARE(child<QSpinBox>(&window, "idleTimeoutSpin")->text(), QStringLiteral("Off"));
}

QTEST_MAIN(TestHostile)
#include "tst_hostile.moc"
