// Several listeners in the window, as a person uses them: the Listeners tab's buttons, the
// painted Start and Stop in each row, the form that edits the selected listener, real clients.
#include "windowprobe.h"
#include "posixclient.h"
#include "commandline.h"
#include "connectiontablemodel.h"
#include "listenercontroller.h"
#include "lifecyclestrip.h"
#include "listenertablemodel.h"
#include "acceptqueuegauge.h"
#include "trafficchart.h"
#include "mainwindow.h"
#include "profileactions.h"
#include "profilefile.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTcpSocket>
#include <QTimer>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

#include <unistd.h>

namespace {

constexpr int Timeout = 10000;

void setPort(QWidget *window, const QString &port)
{
    replaceText(child<QLineEdit>(window, "portEdit"), port);
}

ListenerTableModel *listenerModel(QWidget *window)
{
    return qobject_cast<ListenerTableModel *>(child<QTableView>(window, "listenersTable")->model());
}

void showListenersTab(QWidget *window)
{
    child<QTabWidget>(window, "sideTabs")->setCurrentWidget(child<QWidget>(window, "listenersView"));
}

// Clicks the painted Start or Stop button in the listener's row.
void clickRowButton(QWidget *window, int row)
{
    auto *table = child<QTableView>(window, "listenersTable");
    const QModelIndex cell = table->model()->index(row, ListenerTableModel::ActionColumn);
    table->scrollTo(cell);
    const QRect rect = table->visualRect(cell);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.topLeft() + QPoint(12, rect.height() / 2));
}

// The port the listener in that row listens on, as its Address cell shows it; 0 when stopped.
quint16 rowPort(ListenerTableModel *model, int row)
{
    if (ListenerState(model->index(row, 0).data(ListenerTableModel::StateRole).toInt()) != ListenerState::Listening)
        return 0;
    const QString address = model->index(row, ListenerTableModel::AddressColumn).data().toString();
    return quint16(address.section(QLatin1Char(':'), -1).toUInt());
}

} // namespace

class TestListenersWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void addStartTwoAndServeBoth();
    void sameAddressAndPortIsRefusedInTheForm();
    void listenersSurviveARestart();
    void removingAListenerClosesItsConnections();
    void severalListensFromTheCommandLine();
    void stripGaugeAndChartShowAllListeners();
    void openAndSaveProfiles();

private:
    // Two listeners on free ports from --listen, both listening; more: the other options.
    void startTwoFromTheCommandLine(MainWindow &window, const QStringList &more);
};

void TestListenersWindow::init()
{
    QSettings().clear();
}

void TestListenersWindow::addStartTwoAndServeBoth()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ListenerTableModel *model = listenerModel(&window);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 1);

    // The first listener: port 0, Echo, started from the form.
    setPort(&window, QStringLiteral("0"));
    auto *mode = child<QComboBox>(&window, "modeCombo");
    mode->setCurrentIndex(mode->findData(int(ServerMode::Echo)));
    QTest::mouseClick(child<QPushButton>(&window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rowPort(model, 0) != 0, Timeout);

    // A second one from the Listeners tab: the form now edits it; Greeting, port 0.
    showListenersTab(&window);
    QTest::mouseClick(child<QPushButton>(&window, "addListenerButton"), Qt::LeftButton);
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(child<QGroupBox>(&window, "listenerPanel")->title().contains(QStringLiteral("#2")));
    QCOMPARE(child<QPushButton>(&window, "startButton")->isEnabled(), true);
    setPort(&window, QStringLiteral("0"));
    mode->setCurrentIndex(mode->findData(int(ServerMode::Greeting)));
    // Started with the row's own button.
    clickRowButton(&window, 1);
    QTRY_VERIFY_WITH_TIMEOUT(rowPort(model, 1) != 0, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.windowTitle().contains(QStringLiteral("2 listening")), Timeout);
    QVERIFY(child<QLabel>(&window, "listenerSummaryLabel")->isVisible());

    // Each serves its own way, seen from the clients.
    const int echoClient = posixConnect(rowPort(model, 0));
    const int greetClient = posixConnect(rowPort(model, 1));
    QVERIFY(echoClient >= 0 && greetClient >= 0);
    QVERIFY(roundTrip(echoClient, 'x') >= 0);
    QVERIFY(readable(greetClient, Timeout));
    char buffer[64] = {};
    const ssize_t got = ::read(greetClient, buffer, sizeof buffer - 1);
    QVERIFY(got > 0);
    QVERIFY(QByteArray(buffer, int(got)).startsWith("Hello from Socket Lab"));

    // Two rows in the table, each with its listener; ids unique.
    ConnectionTableModel *connections = window.connectionModel();
    QTRY_COMPARE_WITH_TIMEOUT(connections->rowCount(), 2, Timeout);
    QSet<int> listeners;
    QSet<quint64> ids;
    for (int row = 0; row < connections->rowCount(); ++row) {
        listeners.insert(connections->connectionAt(row).listenerId);
        ids.insert(connections->connectionAt(row).id);
    }
    QCOMPARE(listeners.size(), 2);
    QCOMPARE(ids.size(), 2);

    // Stop the first from its row: its port refuses, the second still serves.
    const quint16 firstPort = rowPort(model, 0);
    clickRowButton(&window, 0);
    QTRY_COMPARE_WITH_TIMEOUT(rowPort(model, 0), quint16(0), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.windowTitle().contains(QStringLiteral("1 listening")), Timeout);
    QCOMPARE(posixConnect(firstPort), -1);
    const int another = posixConnect(rowPort(model, 1));
    QVERIFY(another >= 0);
    QVERIFY(readable(another, Timeout));
    for (int fd : {echoClient, greetClient, another})
        ::close(fd);

    // Start all brings the first back; Stop all stops both.
    QTest::mouseClick(child<QPushButton>(&window, "startAllButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rowPort(model, 0) != 0, Timeout);
    QTest::mouseClick(child<QPushButton>(&window, "stopAllButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rowPort(model, 0) == 0 && rowPort(model, 1) == 0, Timeout);
}

void TestListenersWindow::sameAddressAndPortIsRefusedInTheForm()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    setPort(&window, QStringLiteral("9123"));
    showListenersTab(&window);
    QTest::mouseClick(child<QPushButton>(&window, "duplicateListenerButton"), Qt::LeftButton);
    ListenerTableModel *model = listenerModel(&window);
    QCOMPARE(model->rowCount(), 2);
    // The copy is put on the next free port; typing the first one's port is refused before bind.
    QCOMPARE(child<QLineEdit>(&window, "portEdit")->text(), QStringLiteral("9124"));
    setPort(&window, QStringLiteral("9123"));
    auto *error = child<QLabel>(&window, "formErrorLabel");
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("127.0.0.1:9123")));
    QVERIFY(!child<QPushButton>(&window, "startButton")->isEnabled());
    // Its own row's button does not start it either: the log says why.
    clickRowButton(&window, 1);
    QCOMPARE(ListenerState(model->index(1, 0).data(ListenerTableModel::StateRole).toInt()), ListenerState::Stopped);
    // Another port is fine.
    setPort(&window, QStringLiteral("0"));
    QVERIFY(!error->isVisible());
    QVERIFY(child<QPushButton>(&window, "startButton")->isEnabled());
}

void TestListenersWindow::listenersSurviveARestart()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        setPort(&window, QStringLiteral("9200"));
        showListenersTab(&window);
        QTest::mouseClick(child<QPushButton>(&window, "addListenerButton"), Qt::LeftButton);
        auto *mode = child<QComboBox>(&window, "modeCombo");
        mode->setCurrentIndex(mode->findData(int(ServerMode::Discard)));
        setPort(&window, QStringLiteral("9300"));
        window.close();
    }
    MainWindow window;
    ListenerTableModel *model = listenerModel(&window);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->config(model->idAt(0)).port, quint16(9200));
    QCOMPARE(model->config(model->idAt(1)).port, quint16(9300));
    QCOMPARE(model->config(model->idAt(1)).behaviour.mode, ServerMode::Discard);
    QCOMPARE(model->config(model->idAt(0)).behaviour.mode, ServerMode::Hold);
}

void TestListenersWindow::removingAListenerClosesItsConnections()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ListenerTableModel *model = listenerModel(&window);
    showListenersTab(&window);
    QTest::mouseClick(child<QPushButton>(&window, "addListenerButton"), Qt::LeftButton);
    QCOMPARE(model->rowCount(), 2);
    setPort(&window, QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(&window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rowPort(model, 1) != 0, Timeout);
    const int client = posixConnect(rowPort(model, 1));
    QVERIFY(client >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionModel()->openCount(), 1, Timeout);
    QTest::mouseClick(child<QPushButton>(&window, "removeListenerButton"), Qt::LeftButton);
    QCOMPARE(model->rowCount(), 1);
    // The peer sees its connection end, and so does the table.
    QCOMPARE(waitForEnd(client, Timeout), 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionModel()->openCount(), 0, Timeout);
    ::close(client);
    QVERIFY(!child<QPushButton>(&window, "removeListenerButton")->isEnabled());
}

void TestListenersWindow::startTwoFromTheCommandLine(MainWindow &window, const QStringList &more)
{
    const CommandLine::Result parsed = CommandLine::parse(
        QStringList{QStringLiteral("socketlab"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}
        + more);
    QVERIFY(parsed.outcome == CommandLine::Outcome::Run);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.applyCommandLine(parsed.options);
    ListenerTableModel *model = listenerModel(&window);
    QCOMPARE(model->rowCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(rowPort(model, 0) != 0 && rowPort(model, 1) != 0, Timeout);
}

void TestListenersWindow::severalListensFromTheCommandLine()
{
    MainWindow window;
    startTwoFromTheCommandLine(window, {QStringLiteral("--mode"), QStringLiteral("echo")});
    if (QTest::currentTestFailed())
        return;
    ListenerTableModel *model = listenerModel(&window);
    // Both echo, as the one --mode says.
    for (int row = 0; row < 2; ++row) {
        const int client = posixConnect(rowPort(model, row));
        QVERIFY(client >= 0);
        QVERIFY(roundTrip(client, 'e') >= 0);
        ::close(client);
    }
}

void TestListenersWindow::stripGaugeAndChartShowAllListeners()
{
    MainWindow window;
    startTwoFromTheCommandLine(window, {QStringLiteral("--backlog"), QStringLiteral("5")});
    if (QTest::currentTestFailed())
        return;
    ListenerTableModel *model = listenerModel(&window);

    // One client on the first listener, two on the second, held open.
    QList<int> clients;
    for (const int row : {0, 1, 1}) {
        clients.append(posixConnect(rowPort(model, row)));
        QVERIFY(clients.constLast() >= 0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionModel()->openCount(), 3, Timeout);

    auto *strip = child<LifecycleStrip>(&window, "lifecycleStrip");
    auto *gauge = child<AcceptQueueGauge>(&window, "acceptQueueGauge");
    auto *chart = child<TrafficChart>(&window, "trafficChart");
    auto *scope = child<QComboBox>(&window, "viewScopeCombo");
    QVERIFY(scope->isVisible());
    QVERIFY2(scope->currentText().startsWith(QStringLiteral("#1 TCP 127.0.0.1:")), qPrintable(scope->currentText()));
    QTRY_VERIFY2_WITH_TIMEOUT(strip->text().contains(QStringLiteral("accept() · 1 ")), qPrintable(strip->text()),
                              Timeout);
    QVERIFY2(strip->text().contains(QStringLiteral("listen(5)")), qPrintable(strip->text()));
    QTRY_VERIFY2_WITH_TIMEOUT(chart->text().startsWith(QStringLiteral("Open connections 1 ")), qPrintable(chart->text()),
                              Timeout);

    // "All listeners": every listener as one.
    scope->setFocus();
    QTest::keyClick(scope, Qt::Key_Down);
    QCOMPARE(scope->currentText(), QStringLiteral("All listeners"));
    QVERIFY2(strip->text().contains(QStringLiteral("listen(10)")), qPrintable(strip->text()));
    QVERIFY2(strip->text().contains(QStringLiteral("accept() · 3 ")), qPrintable(strip->text()));
    QTRY_VERIFY2_WITH_TIMEOUT(gauge->text().startsWith(QStringLiteral("Accept queue 0 / 10")), qPrintable(gauge->text()),
                              Timeout);
    QTRY_VERIFY2_WITH_TIMEOUT(chart->text().startsWith(QStringLiteral("Open connections 3 ")), qPrintable(chart->text()),
                              Timeout);

    // Choosing a connection of the second listener makes the form follow it; the views stay on all.
    auto *table = child<QTableView>(&window, "connectionsView");
    int secondRow = -1;
    for (int row = 0; row < table->model()->rowCount() && secondRow < 0; ++row) {
        if (table->model()->index(row, ConnectionTableModel::ListenerColumn).data().toString() == QStringLiteral("#2"))
            secondRow = row;
    }
    QVERIFY(secondRow >= 0);
    const QRect cell = table->visualRect(table->model()->index(secondRow, ConnectionTableModel::PeerColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_VERIFY2_WITH_TIMEOUT(scope->itemText(0).startsWith(QStringLiteral("#2 TCP")), qPrintable(scope->itemText(0)),
                              Timeout);
    QCOMPARE(scope->currentText(), QStringLiteral("All listeners"));
    QVERIFY2(strip->text().contains(QStringLiteral("accept() · 3 ")), qPrintable(strip->text()));

    // Back to the followed listener, with its own chart history.
    QTest::keyClick(scope, Qt::Key_Up);
    QVERIFY2(strip->text().contains(QStringLiteral("accept() · 2 ")), qPrintable(strip->text()));
    QVERIFY2(chart->text().startsWith(QStringLiteral("Open connections 2 ")), qPrintable(chart->text()));
    QTRY_VERIFY2_WITH_TIMEOUT(gauge->text().startsWith(QStringLiteral("Accept queue 0 / 5")), qPrintable(gauge->text()),
                              Timeout);
    // With several listeners each line of the log says whose it is, as shown in the log view.
    auto *log = child<QListView>(&window, "logView");
    QStringList lines;
    for (int row = 0; row < log->model()->rowCount(); ++row)
        lines.append(log->model()->index(row, 0).data().toString());
    const QString port1 = QString::number(rowPort(model, 0));
    const QString port2 = QString::number(rowPort(model, 1));
    QVERIFY2(lines.filter(QStringLiteral("  [#1] Socket bound to 127.0.0.1:") + port1).size() == 1,
             qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY2(lines.filter(QStringLiteral("  [#2] Socket bound to 127.0.0.1:") + port2).size() == 1,
             qPrintable(lines.join(QLatin1Char('\n'))));
    QCOMPARE(lines.filter(QStringLiteral("  [#1] Connection from 127.0.0.1:")).size(), 1);
    QCOMPARE(lines.filter(QStringLiteral("  [#2] Connection from 127.0.0.1:")).size(), 2);
    for (const int client : std::as_const(clients))
        ::close(client);
}

// File > Open profile… through the file dialog, as a person picks a file; answers the dialog
// once it is shown.
void chooseInFileDialog(const QString &path)
{
    QTimer::singleShot(0, [path] {
        const bool shown = QTest::qWaitFor([] { return qobject_cast<QFileDialog *>(QApplication::activeModalWidget()); },
                                           Timeout);
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!shown || !dialog)
            return;
        dialog->selectFile(path);
        QMetaObject::invokeMethod(dialog, "accept", Qt::QueuedConnection);
    });
}

void TestListenersWindow::openAndSaveProfiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ListenerTableModel *model = listenerModel(&window);

    // Two listeners on free ports, an echo and a greeter with a rule, both stopped once opened.
    ListenerConfig echo;
    echo.port = 0;
    echo.behaviour.mode = ServerMode::Echo;
    ListenerConfig greeter;
    greeter.port = 0;
    greeter.name = QStringLiteral("greeter");
    greeter.behaviour.mode = ServerMode::Greeting;
    greeter.greetingText = QStringLiteral("220 ready\\r\\n");
    greeter.behaviour.greeting = "220 ready\r\n";
    ResponseRule quit;
    quit.pattern = QStringLiteral("QUIT");
    quit.reply = QStringLiteral("221 bye\\r\\n");
    quit.then = ResponseRule::Then::Close;
    greeter.behaviour.rules = {quit};
    const QString path = dir.filePath(QStringLiteral("two.json"));
    QString error;
    QVERIFY2(ProfileFile::save(path, {QStringLiteral("two"), {echo, greeter}}, &error), qPrintable(error));

    chooseInFileDialog(path);
    window.findChild<QAction *>(QStringLiteral("openProfileAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, Timeout);
    QCOMPARE(rowPort(model, 0), quint16(0));
    QCOMPARE(rowPort(model, 1), quint16(0));
    QCOMPARE(child<QPushButton>(&window, "rulesButton")->text(), QStringLiteral("&Rules…")); // the echo's form
    showListenersTab(&window);
    QTest::mouseClick(child<QPushButton>(&window, "startAllButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rowPort(model, 0) != 0 && rowPort(model, 1) != 0, Timeout);

    // What the clients see: an echo, and a greeting answered by the rule.
    QTcpSocket echoClient;
    echoClient.connectToHost(QHostAddress::LocalHost, rowPort(model, 0));
    QVERIFY(echoClient.waitForConnected(Timeout));
    echoClient.write("abc");
    QByteArray echoed;
    QTRY_COMPARE_WITH_TIMEOUT(echoed += echoClient.readAll(), QByteArray("abc"), Timeout);
    QTcpSocket greetClient;
    greetClient.connectToHost(QHostAddress::LocalHost, rowPort(model, 1));
    QVERIFY(greetClient.waitForConnected(Timeout));
    greetClient.write("QUIT\r\n");
    QByteArray greeted;
    QTRY_COMPARE_WITH_TIMEOUT(greeted += greetClient.readAll(), QByteArray("220 ready\r\n221 bye\r\n"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(greetClient.state(), QAbstractSocket::UnconnectedState, Timeout);

    // Saved back, it is the same set-up.
    const QString saved = dir.filePath(QStringLiteral("saved.json"));
    QVERIFY2(window.profiles()->save(saved, &error), qPrintable(error));
    const auto back = ProfileFile::load(saved, &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->listeners.size(), 2);
    QCOMPARE(back->listeners.at(1).behaviour.rules, greeter.behaviour.rules);
    QCOMPARE(back->listeners.at(1).name, QStringLiteral("greeter"));

    // A bad profile changes nothing and says why.
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "listeners": [{"mode": "mirror"}]})");
    file.close();
    QVERIFY(!window.profiles()->open(bad, &error));
    QVERIFY2(error.contains(QStringLiteral("listeners[1].mode")), qPrintable(error));
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(rowPort(model, 0) != 0);
}

QTEST_MAIN(TestListenersWindow)
#include "tst_listenerswindow.moc"
