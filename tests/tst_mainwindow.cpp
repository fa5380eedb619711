// The window as a person uses it: type, click Start, watch a client appear, click its Close.
#include "windowprobe.h"
#include "posixclient.h"
#include "connectioncolumns.h"
#include "connectioninspector.h"
#include "connectiontablemodel.h"
#include "listenercontroller.h"
#include "acceptqueuegauge.h"
#include "codeview.h"
#include "lifecyclestrip.h"
#include "mainmenubar.h"
#include "faultsdialog.h"
#include "mainwindow.h"
#include "trafficchart.h"

#include <QAbstractItemModelTester>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QTableWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <sys/resource.h>

#include <cmath>

namespace {

constexpr int Timeout = 10000;

// The port the badge shows: "Listening on 127.0.0.1:PORT, backlog N".
void fillForm(QWidget *window, const QString &address, const QString &port)
{
    auto *combo = child<QComboBox>(window, "addressCombo");
    // Select what is there, erase it, type: as a person replaces a field's text.
    combo->lineEdit()->selectAll();
    QTest::keyClick(combo->lineEdit(), Qt::Key_Backspace);
    QTest::keyClicks(combo->lineEdit(), address);
    auto *portEdit = child<QLineEdit>(window, "portEdit");
    portEdit->selectAll();
    QTest::keyClick(portEdit, Qt::Key_Backspace);
    QTest::keyClicks(portEdit, port);
}

// The WCAG contrast ratio of two colours: 1 for the same, 21 for black on white.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &colour) {
        const auto channel = [](double value) {
            return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF());
    };
    const double first = luminance(a) + 0.05;
    const double second = luminance(b) + 0.05;
    return first > second ? first / second : second / first;
}

// What a painted part looks like: its commonest colour (the background) and the colour that
// stands out most from it (the text).
struct PaintedColours
{
    QColor background;
    QColor ink;
};

PaintedColours paintedColours(QWidget *widget)
{
    const QImage image = widget->grab().toImage();
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y) | 0xff000000u];
    }
    PaintedColours colours;
    int most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            colours.background = QColor::fromRgb(it.key());
        }
    }
    double best = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const double ratio = contrast(QColor::fromRgb(it.key()), colours.background);
        if (ratio > best) {
            best = ratio;
            colours.ink = QColor::fromRgb(it.key());
        }
    }
    return colours;
}

// An entry's text as the user reads it: "Close &all" is "Close all".
QString plainText(const QAction *action)
{
    return action->text().remove(QLatin1Char('&'));
}

QStringList entryTexts(const QMenu *menu)
{
    QStringList texts;
    const QList<QAction *> actions = menu->actions();
    for (const QAction *action : actions) {
        if (!action->isSeparator())
            texts.append(plainText(action));
    }
    return texts;
}

QMenu *menuNamed(QWidget *window, const QString &title)
{
    const QList<QAction *> menus = child<QMenuBar>(window, "mainMenuBar")->actions();
    for (const QAction *action : menus) {
        if (plainText(action) == title)
            return action->menu();
    }
    return nullptr;
}

// Starts the window listening on 127.0.0.1 and a free port, from the form; the port, or 0 when
// it did not start.
quint16 startFromForm(QWidget *window)
{
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    return QTest::qWaitFor([window] { return listeningPort(window) != 0; }, Timeout) ? listeningPort(window) : 0;
}

// Whether a client can connect to 127.0.0.1:port now, as the peer sees it.
bool clientConnects(quint16 port)
{
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    const bool connected = client.waitForConnected(Timeout);
    if (!connected && client.error() != QAbstractSocket::ConnectionRefusedError)
        qWarning("connect failed otherwise than refused: %s", qPrintable(client.errorString()));
    return connected;
}

} // namespace

// Takes what QDesktopServices::openUrl is given, instead of starting a viewer.
class UrlCatcher final : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void openUrl(const QUrl &url) { urls.append(url); }
};

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void startCloseFromRowButtonAndStop();
    void invalidPortDisablesStart_data();
    void invalidPortDisablesStart();
    void portInUseShowsErrorAndAllowsRetry();
    void allInterfacesShowsWarning();
    void deleteKeyAndCloseAll();
    void faultsFromTheFormAndTheContextMenu();
    void stopCanCloseConnections();
    void clearClosedAndStatusBar();
    void columnsShowAndHideFromTheHeaderMenu();
    void kernelViewAndTestClients();
    void filterConnections();
    void bigTableFiltersAfterTypingPauses();
    void fitsSmallScreens_data();
    void fitsSmallScreens();
    void peerColumnNeverCollapses();
    void addressListShowsWholeLabels();
    void darkPaletteKeepsPaintedPartsReadable();
    void menusHaveTheirEntries();
    void ctrlQClosesTheWindow();
    void ctrlReturnStartsAndStops();
    void pauseFromTheMenu();
    void ctrlFFocusesTheFilter();
    void ctrlEndSelectsTheLastRowAndDeleteClosesIt();
    void viewMenuShowsAndHidesColumns();
    void resetLayoutRestoresTheDefaults();
    void maxConnectionsShowsTheDescriptorLimit();
    void shortcutsDialogListsEveryShortcut();
    void aboutNamesTheVersions();
    void userGuideOpensAFile();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    // Each test starts from the defaults. Building the window warns about nothing (it once
    // inserted a status bar widget at an index out of range).
    QSettings().clear();
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QStatusBar|out of range")));
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::startCloseFromRowButtonAndStop()
{
    MainWindow *window = m_window.get();
    QAbstractItemModelTester tester(window->connectionModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *start = child<QPushButton>(window, "startButton");
    auto *stop = child<QPushButton>(window, "stopButton");
    QCOMPARE(child<QLabel>(window, "stateBadge")->text(), QStringLiteral("Stopped"));
    QVERIFY(!stop->isEnabled());
    // Nothing to close or clear in an empty table.
    QVERIFY(!child<QPushButton>(window, "closeSelectedButton")->isEnabled());
    QVERIFY(!child<QPushButton>(window, "closeAllButton")->isEnabled());
    QVERIFY(!child<QPushButton>(window, "clearClosedButton")->isEnabled());

    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);
    const quint16 port = listeningPort(window);
    QVERIFY(window->windowTitle().contains(QStringLiteral("Listening on 127.0.0.1:%1").arg(port)));
    QVERIFY(!start->isEnabled());
    QVERIFY(stop->isEnabled());

    QTcpSocket client;
    QSignalSpy disconnected(&client, &QTcpSocket::disconnected);
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(Timeout));
    auto *view = child<QTableView>(window, "connectionsView");
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, Timeout);
    const QModelIndex peer = view->model()->index(0, ConnectionTableModel::PeerColumn);
    QCOMPARE(peer.data().toString(), QStringLiteral("127.0.0.1:%1").arg(client.localPort()));
    QCOMPARE(view->model()->index(0, ConnectionTableModel::StateColumn).data().toString(), QStringLiteral("Open"));

    // Click the painted Close button in the row.
    const QModelIndex closeCell = view->model()->index(0, ConnectionTableModel::CloseColumn);
    view->scrollTo(closeCell);
    const QRect rect = view->visualRect(closeCell);
    QVERIFY(rect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());

    // The client sees the server close its side.
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Timeout);
    QCOMPARE(client.error(), QAbstractSocket::RemoteHostClosedError);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->index(0, ConnectionTableModel::StateColumn).data().toString(),
                              QStringLiteral("Closed"), Timeout);

    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(window, "stateBadge")->text(), QStringLiteral("Stopped"), Timeout);
    QVERIFY(start->isEnabled());
    QTcpSocket late;
    QSignalSpy errors(&late, &QTcpSocket::errorOccurred);
    late.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, Timeout);
    QCOMPARE(late.error(), QAbstractSocket::ConnectionRefusedError);
}

void TestMainWindow::invalidPortDisablesStart_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("port");
    QTest::newRow("letters") << QStringLiteral("127.0.0.1") << QStringLiteral("abc");
    QTest::newRow("negative") << QStringLiteral("127.0.0.1") << QStringLiteral("-1");
    QTest::newRow("too big") << QStringLiteral("127.0.0.1") << QStringLiteral("65536");
    QTest::newRow("empty") << QStringLiteral("127.0.0.1") << QString();
    QTest::newRow("bad address") << QStringLiteral("999.1.1.1") << QStringLiteral("9000");
    QTest::newRow("host name") << QStringLiteral("example.com") << QStringLiteral("9000");
}

void TestMainWindow::invalidPortDisablesStart()
{
    QFETCH(QString, address);
    QFETCH(QString, port);
    MainWindow *window = m_window.get();
    fillForm(window, address, port);
    auto *start = child<QPushButton>(window, "startButton");
    auto *error = child<QLabel>(window, "formErrorLabel");
    QVERIFY(!start->isEnabled());
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    // Enter in the port field does not start either.
    QTest::keyClick(child<QLineEdit>(window, "portEdit"), Qt::Key_Return);
    QCOMPARE(child<QLabel>(window, "stateBadge")->text(), QStringLiteral("Stopped"));

    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("9000"));
    QVERIFY(start->isEnabled());
    QVERIFY(!error->isVisible());
}

void TestMainWindow::portInUseShowsErrorAndAllowsRetry()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    MainWindow *window = m_window.get();
    fillForm(window, QStringLiteral("127.0.0.1"), QString::number(occupier.serverPort()));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    auto *badge = child<QLabel>(window, "stateBadge");
    QTRY_COMPARE_WITH_TIMEOUT(
        badge->text(),
        QStringLiteral("Error: Port %1 is already in use on 127.0.0.1").arg(occupier.serverPort()), Timeout);
    QVERIFY(child<QPushButton>(window, "startButton")->isEnabled());
    QVERIFY(!child<QPushButton>(window, "stopButton")->isEnabled());

    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);
}

void TestMainWindow::allInterfacesShowsWarning()
{
    MainWindow *window = m_window.get();
    auto *warning = child<QLabel>(window, "exposureWarning");
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QVERIFY(!warning->isVisible());
    fillForm(window, QStringLiteral("0.0.0.0"), QStringLiteral("0"));
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(QStringLiteral("other machines")));
}

void TestMainWindow::deleteKeyAndCloseAll()
{
    MainWindow *window = m_window.get();
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);
    const quint16 port = listeningPort(window);

    std::vector<std::unique_ptr<QTcpSocket>> clients;
    std::vector<std::unique_ptr<QSignalSpy>> ends;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        ends.push_back(std::make_unique<QSignalSpy>(clients.back().get(), &QTcpSocket::disconnected));
        clients.back()->connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(clients.back()->waitForConnected(Timeout));
    }
    auto *view = child<QTableView>(window, "connectionsView");
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 3, Timeout);

    // Select the first client's row and press Delete.
    const QString firstPeer = QStringLiteral("127.0.0.1:%1").arg(clients[0]->localPort());
    int row = -1;
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->index(r, ConnectionTableModel::PeerColumn).data().toString() == firstPeer)
            row = r;
    }
    QVERIFY(row >= 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(view->model()->index(row, ConnectionTableModel::PeerColumn)).center());
    QTest::keyClick(view, Qt::Key_Delete);
    QTRY_COMPARE_WITH_TIMEOUT(ends[0]->size(), 1, Timeout);
    QCOMPARE(ends[1]->size(), 0);
    QCOMPARE(ends[2]->size(), 0);

    auto *closeAll = child<QPushButton>(window, "closeAllButton");
    QTRY_VERIFY_WITH_TIMEOUT(closeAll->isEnabled(), Timeout);
    QTest::mouseClick(closeAll, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ends[1]->size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(ends[2]->size(), 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!closeAll->isEnabled(), Timeout);
}

// The form's Faults… sets the faults of new connections; the context menu's switches them live for
// the selected row. The table shows them, and "stalled" in the state.
void TestMainWindow::faultsFromTheFormAndTheContextMenu()
{
    MainWindow *window = m_window.get();
    QTest::mouseClick(child<QPushButton>(window, "faultsButton"), Qt::LeftButton);
    FaultsDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window->findChild<FaultsDialog *>()) != nullptr && dialog->isVisible(), Timeout);
    Faults faults;
    faults.latencyMs = 300;
    dialog->setFaults(faults);
    QCOMPARE(dialog->faults(), faults);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(window->findChild<FaultsDialog *>() == nullptr, Timeout);
    QVERIFY(child<QPushButton>(window, "faultsButton")->toolTip().contains(QStringLiteral("latency 300 ms")));

    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, listeningPort(window));
    QVERIFY(client.waitForConnected(Timeout));
    auto *view = child<QTableView>(window, "connectionsView");
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->index(0, ConnectionTableModel::FaultsColumn).data().toString(),
                              QStringLiteral("latency 300 ms"), Timeout);

    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(view->model()->index(0, ConnectionTableModel::PeerColumn)).center());
    QAction *faultsAction = nullptr;
    for (QAction *action : view->actions()) {
        if (action->objectName() == QLatin1String("faultsAction"))
            faultsAction = action;
    }
    QVERIFY(faultsAction);
    QTRY_VERIFY_WITH_TIMEOUT(faultsAction->isEnabled(), Timeout);
    faultsAction->trigger();
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window->findChild<FaultsDialog *>()) != nullptr && dialog->isVisible(), Timeout);
    QCOMPARE(dialog->faults(), faults); // starts from the row's own
    Faults stall;
    stall.stallReads = true;
    stall.acceptThenReset = true; // not offered for open connections
    dialog->setFaults(stall);
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->index(0, ConnectionTableModel::StateColumn).data().toString(),
                              QStringLiteral("Open (stalled)"), Timeout);
    QCOMPARE(view->model()->index(0, ConnectionTableModel::FaultsColumn).data().toString(), QStringLiteral("stall reads"));
}

void TestMainWindow::stopCanCloseConnections()
{
    MainWindow *window = m_window.get();
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);

    QTcpSocket client;
    QSignalSpy disconnected(&client, &QTcpSocket::disconnected);
    client.connectToHost(QHostAddress::LocalHost, listeningPort(window));
    QVERIFY(client.waitForConnected(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionModel()->rowCount(), 1, Timeout);

    auto *closeOnStop = child<QCheckBox>(window, "closeOnStopCheck");
    closeOnStop->setChecked(false);
    QTest::mouseClick(closeOnStop, Qt::LeftButton, {}, QPoint(8, closeOnStop->height() / 2));
    QVERIFY(closeOnStop->isChecked());
    QTest::mouseClick(child<QPushButton>(window, "stopButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Timeout);
}

void TestMainWindow::clearClosedAndStatusBar()
{
    MainWindow *window = m_window.get();
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);

    QTcpSocket staying;
    QTcpSocket leaving;
    staying.connectToHost(QHostAddress::LocalHost, listeningPort(window));
    leaving.connectToHost(QHostAddress::LocalHost, listeningPort(window));
    QVERIFY(staying.waitForConnected(Timeout));
    QVERIFY(leaving.waitForConnected(Timeout));
    staying.write(QByteArray(2048, 'a'));
    leaving.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionModel()->finishedCount(), 1, Timeout);

    const auto statusText = [window] {
        QStringList texts;
        for (QLabel *label : window->statusBar()->findChildren<QLabel *>())
            texts.append(label->text());
        return texts.join(QLatin1Char('|'));
    };
    QTRY_VERIFY_WITH_TIMEOUT(statusText().contains(QStringLiteral("In: 2.00 KiB")), Timeout);
    QVERIFY(statusText().contains(QStringLiteral("Open: 1")));
    QVERIFY(statusText().contains(QStringLiteral("Accepted: 2")));
    QCOMPARE(window->connectionModel()->finishedCount(), 1);

    // Keeping no closed connections drops the finished row at once.
    auto *history = child<QSpinBox>(window, "historySpin");
    QCOMPARE(history->value(), 1000);
    history->selectAll();
    QTest::keyClick(history, Qt::Key_Backspace);
    QTest::keyClicks(history, QStringLiteral("0"));
    QCOMPARE(window->connectionModel()->historyLimit(), 0);
    QCOMPARE(window->connectionModel()->rowCount(), 1);
    QTest::keyClicks(history, QStringLiteral("5"));
    QCOMPARE(window->connectionModel()->historyLimit(), 5);
    leaving.connectToHost(QHostAddress::LocalHost, listeningPort(window));
    QVERIFY(leaving.waitForConnected(Timeout));
    leaving.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionModel()->finishedCount(), 1, Timeout);

    QTest::mouseClick(child<QPushButton>(window, "clearClosedButton"), Qt::LeftButton);
    QCOMPARE(window->connectionModel()->rowCount(), 1);
    QCOMPARE(window->connectionModel()->index(0, ConnectionTableModel::PeerColumn).data().toString(),
             QStringLiteral("127.0.0.1:%1").arg(staying.localPort()));
}

void TestMainWindow::columnsShowAndHideFromTheHeaderMenu()
{
    auto *view = child<QTableView>(m_window.get(), "connectionsView");
    QHeaderView *header = view->horizontalHeader();
    QCOMPARE(header->contextMenuPolicy(), Qt::ActionsContextMenu);
    // Local starts hidden: every row would show the listener's own address.
    QVERIFY(header->isSectionHidden(ConnectionTableModel::LocalColumn));
    QVERIFY(!header->isSectionHidden(ConnectionTableModel::PeerColumn));

    const QList<QAction *> actions = header->actions();
    QCOMPARE(actions.size(), ConnectionTableModel::ColumnCount - 1); // every column but #
    QAction *local = actions.at(ConnectionTableModel::LocalColumn - 1);
    QCOMPARE(local->text(), QStringLiteral("Local"));
    QVERIFY(!local->isChecked());
    local->trigger();
    QVERIFY(!header->isSectionHidden(ConnectionTableModel::LocalColumn));
    QAction *sent = actions.at(ConnectionTableModel::SentColumn - 1);
    QVERIFY(sent->isChecked());
    sent->trigger();
    QVERIFY(header->isSectionHidden(ConnectionTableModel::SentColumn));

    // The choice is kept for the next start.
    m_window->close();
    m_window = std::make_unique<MainWindow>();
    header = child<QTableView>(m_window.get(), "connectionsView")->horizontalHeader();
    QVERIFY(!header->isSectionHidden(ConnectionTableModel::LocalColumn));
    QVERIFY(header->isSectionHidden(ConnectionTableModel::SentColumn));
    QVERIFY(header->actions().at(ConnectionTableModel::LocalColumn - 1)->isChecked());
    QVERIFY(!header->actions().at(ConnectionTableModel::SentColumn - 1)->isChecked());
}

void TestMainWindow::filterConnections()
{
    MainWindow *window = m_window.get();
    auto *view = child<QTableView>(window, "connectionsView");
    QAbstractItemModel *shown = view->model();
    QAbstractItemModelTester tester(shown, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *filter = child<QLineEdit>(window, "connectionFilterEdit");
    auto *count = child<QLabel>(window, "filterCountLabel");
    auto *inspector = child<ConnectionInspector>(window, "inspector");
    QCOMPARE(filter->placeholderText(), QStringLiteral("Filter…"));
    QVERIFY(filter->toolTip().contains(QStringLiteral("peer")));
    QVERIFY(filter->isClearButtonEnabled());
    // The filter fits in the toolbar without widening the window.
    QVERIFY(window->minimumSizeHint().width() <= 1240);

    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, listeningPort(window));
        QVERIFY(clients.back()->waitForConnected(Timeout));
    }
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 3, Timeout);
    QVERIFY(!count->isVisible());
    // Taken now: a socket forgets its port once it disconnects.
    QStringList peers;
    for (const auto &client : clients)
        peers.append(QStringLiteral("127.0.0.1:%1").arg(client->localPort()));
    const auto shownPeers = [shown] {
        QStringList texts;
        for (int row = 0; row < shown->rowCount(); ++row)
            texts.append(shown->index(row, ConnectionTableModel::PeerColumn).data().toString());
        return texts;
    };
    const auto clearFilter = [filter] {
        filter->selectAll();
        QTest::keyClick(filter, Qt::Key_Backspace);
    };

    // One client's port: its row alone, and the status bar says how many are hidden.
    QTest::keyClicks(filter, QString::number(clients[1]->localPort()));
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 1, Timeout);
    QCOMPARE(shownPeers(), QStringList{peers.at(1)});
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), QStringLiteral("Showing 1 of 3"), Timeout);
    QVERIFY(count->isVisible());

    // Selecting the shown row inspects that connection and lets Close act on it.
    const quint64 id = shown->index(0, 0).data(ConnectionTableModel::ConnectionIdRole).toULongLong();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(shown->index(0, ConnectionTableModel::PeerColumn)).center());
    QTRY_COMPARE_WITH_TIMEOUT(inspector->connectionId(), id, Timeout);
    QVERIFY(child<QPushButton>(window, "closeSelectedButton")->isEnabled());

    // Cleared: every row again, the inspected one still current.
    clearFilter();
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 3, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!count->isVisible(), Timeout);
    QCOMPARE(view->currentIndex().data(ConnectionTableModel::ConnectionIdRole).toULongLong(), id);
    QCOMPARE(inspector->connectionId(), id);

    // The connection number, as "#N".
    QTest::keyClicks(filter, QStringLiteral("#%1").arg(id));
    QTRY_COMPARE_WITH_TIMEOUT(shownPeers(), QStringList{peers.at(1)}, Timeout);
    clearFilter();
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 3, Timeout);

    // One client leaves: "closed" finds its row only, and the inspector lets go of the
    // connection the filter hid instead of jumping to another one.
    clients[2]->disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionModel()->finishedCount(), 1, Timeout);
    QTest::keyClicks(filter, QStringLiteral("closed"));
    QTRY_COMPARE_WITH_TIMEOUT(shownPeers(), QStringList{peers.at(2)}, Timeout);
    QCOMPARE(shown->index(0, ConnectionTableModel::StateColumn).data().toString(), QStringLiteral("Peer closed"));
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), QStringLiteral("Showing 1 of 3"), Timeout);
    QCOMPARE(inspector->connectionId(), quint64(0));
    QVERIFY(!child<QPushButton>(window, "closeSelectedButton")->isEnabled());

    // Case does not matter.
    clearFilter();
    QTest::keyClicks(filter, QStringLiteral("OPEN"));
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 2, Timeout);
    QVERIFY(!shownPeers().contains(peers.at(2)));

    clearFilter();
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 3, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!count->isVisible(), Timeout);
}

void TestMainWindow::bigTableFiltersAfterTypingPauses()
{
    MainWindow *window = m_window.get();
    child<QSpinBox>(window, "historySpin")->setValue(100000);
    // Rows as the network thread would send them, through the signal the window listens to.
    UpdateBatch batch;
    for (quint64 id = 1; id <= 6000; ++id) {
        ConnectionInfo info;
        info.id = id;
        info.peerAddress = QHostAddress(QHostAddress::LocalHost);
        info.peerPort = quint16(20000 + id);
        info.state = id % 3 == 0 ? ConnectionState::Closed : ConnectionState::Open;
        info.closedAtMs = info.isFinished() ? 1000 : 0;
        batch.connections.append(info);
    }
    emit window->findChild<ListenerController *>()->updated(batch);
    auto *view = child<QTableView>(window, "connectionsView");
    QAbstractItemModel *shown = view->model();
    QAbstractItemModelTester tester(shown, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(shown->rowCount(), 6000);

    // A table this big is not refiltered on every keystroke, only once typing pauses.
    auto *filter = child<QLineEdit>(window, "connectionFilterEdit");
    QTest::keyClicks(filter, QStringLiteral("closed"));
    QCOMPARE(shown->rowCount(), 6000);
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 2000, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(window, "filterCountLabel")->text(),
                              QStringLiteral("Showing %L1 of %L2").arg(2000).arg(6000), Timeout);

    // Enter does not wait.
    filter->selectAll();
    QTest::keyClicks(filter, QStringLiteral("20100"));
    QTest::keyClick(filter, Qt::Key_Return);
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, ConnectionTableModel::IdColumn).data().toString(), QStringLiteral("100"));
}

// The kernel view and the built-in clients, as a learner uses them: start with backlog 3, open
// connections from the Clients tab, pause and watch the accept queue fill, resume, close all.
void TestMainWindow::kernelViewAndTestClients()
{
    MainWindow *window = m_window.get();
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    auto *backlog = child<QSpinBox>(window, "backlogSpin");
    backlog->selectAll();
    QTest::keyClicks(backlog, QStringLiteral("3"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);
    const quint16 port = listeningPort(window);

    auto *strip = child<LifecycleStrip>(window, "lifecycleStrip");
    QTRY_COMPARE_WITH_TIMEOUT(strip->stage(), LifecycleStrip::Stage::Listening, Timeout);
    QVERIFY2(strip->text().contains(QStringLiteral("listen(3)")), qPrintable(strip->text()));
    auto *gauge = child<AcceptQueueGauge>(window, "acceptQueueGauge");
#ifdef Q_OS_LINUX
    QTRY_VERIFY2_WITH_TIMEOUT(gauge->text().startsWith(QStringLiteral("Accept queue 0 / 3")), qPrintable(gauge->text()),
                              Timeout);
#endif
    // The Code view prints the program for these settings, with the port the system chose.
    auto *code = child<CodeView>(window, "codeView");
    QVERIFY2(code->code().contains(QString::number(port)), qPrintable(code->code()));
    QVERIFY(code->code().contains(QStringLiteral("BACKLOG = 3")));

    // Twenty connections from the Clients tab: the table counts them.
    auto *tabs = child<QTabWidget>(window, "sideTabs");
    tabs->setCurrentWidget(child<QWidget>(window, "clientsPanel"));
    auto *count = child<QSpinBox>(window, "clientCountSpin");
    count->selectAll();
    QTest::keyClicks(count, QStringLiteral("20"));
    QTest::mouseClick(child<QPushButton>(window, "startClientsButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionModel()->rowCount(), 20, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(window, "clientTotalsLabel")->text().startsWith(QStringLiteral("Connected 20")),
                             Timeout);

#ifdef Q_OS_LINUX
    // Paused, new ones wait in the kernel's queue, which the gauge shows filling to the backlog.
    QTest::mouseClick(child<QPushButton>(window, "pauseButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(strip->stage(), LifecycleStrip::Stage::Paused, Timeout);
    count->selectAll();
    QTest::keyClicks(count, QStringLiteral("3"));
    QTest::mouseClick(child<QPushButton>(window, "startClientsButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(gauge->text().startsWith(QStringLiteral("Accept queue 3 / 3")), qPrintable(gauge->text()),
                              Timeout);
    QCOMPARE(window->connectionModel()->rowCount(), 20);
    QTest::mouseClick(child<QPushButton>(window, "pauseButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionModel()->rowCount(), 23, Timeout);
    QTRY_VERIFY2_WITH_TIMEOUT(gauge->text().startsWith(QStringLiteral("Accept queue 0 / 3")), qPrintable(gauge->text()),
                              Timeout);
#endif

    // Close all clients: every row ends, closed by the peer.
    const int rows = window->connectionModel()->rowCount();
    QTest::mouseClick(child<QPushButton>(window, "closeClientsButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionModel()->finishedCount(), rows, Timeout);
    for (int row = 0; row < rows; ++row) {
        QCOMPARE(window->connectionModel()->index(row, ConnectionTableModel::StateColumn).data().toString(),
                 QStringLiteral("Peer closed"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(strip->text().contains(QStringLiteral("close() · %1").arg(rows)), true, Timeout);
    // The chart took a sample a second all along.
    QTRY_VERIFY_WITH_TIMEOUT(child<TrafficChart>(window, "trafficChart")->sampleCount() > 0, Timeout);
}

void TestMainWindow::fitsSmallScreens_data()
{
    // The screen in device pixels, less a panel, and the scale it runs at. CTest runs this suite a
    // second time with QT_SCALE_FACTOR=1.5 for the second row.
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<qreal>("scale");
    QTest::newRow("1024x720 at 100%") << QSize(1024, 720) << 1.0;
    QTest::newRow("1920x1032 at 150%") << QSize(1920, 1032) << 1.5;
}

void TestMainWindow::fitsSmallScreens()
{
    QFETCH(QSize, screen);
    QFETCH(qreal, scale);
    MainWindow *window = m_window.get();
    if (!qFuzzyCompare(window->devicePixelRatio(), scale))
        QSKIP("this row is for another QT_SCALE_FACTOR");
    const QSize available = (QSizeF(screen) / scale).toSize();

    // Listening with a client selected, so the badge, the gauge and the inspector show their
    // longest everyday text.
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, listeningPort(window));
    QVERIFY(client.waitForConnected(Timeout));
    auto *view = child<QTableView>(window, "connectionsView");
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, Timeout);
    view->selectRow(0);

    // The window manager's title bar takes some of the height.
    constexpr int TitleBar = 32;
    const QSize minimum = window->minimumSizeHint().expandedTo(window->minimumSize());
    QVERIFY2(minimum.width() <= available.width() && minimum.height() <= available.height() - TitleBar,
             qPrintable(QStringLiteral("minimum %1x%2 does not fit %3x%4")
                            .arg(minimum.width()).arg(minimum.height()).arg(available.width()).arg(available.height())));
    window->resize(available);
    QTRY_COMPARE_WITH_TIMEOUT(window->size(), available, Timeout);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);

    // Every widget a person sees gets at least its minimum width, and no two neighbours overlap,
    // on each of the side tabs.
    const QStringList problems = layoutProblemsOnEveryTab(window, "sideTabs");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
}

void TestMainWindow::peerColumnNeverCollapses()
{
    MainWindow *window = m_window.get();
    window->resize(1024, 700);
    auto *view = child<QTableView>(window, "connectionsView");
    QHeaderView *header = view->horizontalHeader();
    const int peerText = header->fontMetrics().horizontalAdvance(QStringLiteral("255.255.255.255:65535"));
    QVERIFY(header->sectionSize(ConnectionTableModel::PeerColumn) >= peerText);

    // Every column shown: the table scrolls sideways and Peer keeps its width.
    for (QAction *action : header->actions()) {
        if (!action->isChecked())
            action->trigger();
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QTRY_VERIFY_WITH_TIMEOUT(view->horizontalScrollBar()->maximum() > 0, Timeout);
    QVERIFY(header->sectionSize(ConnectionTableModel::PeerColumn) >= peerText);

    // A layout saved with Peer squeezed to a sliver comes back readable.
    header->resizeSection(ConnectionTableModel::PeerColumn, 12);
    window->close();
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    header = child<QTableView>(m_window.get(), "connectionsView")->horizontalHeader();
    QVERIFY(header->sectionSize(ConnectionTableModel::PeerColumn) >= peerText);
    QVERIFY(!header->isSectionHidden(ConnectionTableModel::TcpStateColumn));
}

void TestMainWindow::addressListShowsWholeLabels()
{
    // "127.0.0.1 (this machine only)" once read "127.0.0.1 (l…achine only)" in the list.
    auto *combo = child<QComboBox>(m_window.get(), "addressCombo");
    QAbstractItemView *list = combo->view();
    QCOMPARE(list->textElideMode(), Qt::ElideNone);
    combo->showPopup();
    QTRY_VERIFY_WITH_TIMEOUT(list->isVisible(), Timeout);
    for (int row = 0; row < combo->count(); ++row) {
        const QString label = combo->itemText(row);
        const QRect shown = list->visualRect(list->model()->index(row, 0));
        QVERIFY2(shown.width() >= list->fontMetrics().horizontalAdvance(label),
                 qPrintable(QStringLiteral("%1 in %2 px").arg(label).arg(shown.width())));
    }
    combo->hidePopup();
}

void TestMainWindow::darkPaletteKeepsPaintedPartsReadable()
{
    // Fusion with a dark palette, as a dark desktop theme gives; restored for the next test.
    const QString style = QApplication::style()->name();
    const QPalette palette = QApplication::palette();
    const auto restore = qScopeGuard([&] {
        QApplication::setStyle(style);
        QApplication::setPalette(palette);
    });
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(darkPalette());

    // Listening, one client open and one ended: the strip, the gauge, the chart, the badge and a
    // greyed closed row all show.
    MainWindow *window = m_window.get();
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);
    QTcpSocket open;
    QTcpSocket ended;
    for (QTcpSocket *client : {&open, &ended}) {
        client->connectToHost(QHostAddress::LocalHost, listeningPort(window));
        QVERIFY(client->waitForConnected(Timeout));
    }
    ended.close();
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionModel()->finishedCount(), 1, Timeout);
    auto *chart = child<TrafficChart>(window, "trafficChart");
    QTRY_VERIFY_WITH_TIMEOUT(chart->sampleCount() > 0, Timeout);

    const QColor base = darkPalette().color(QPalette::Base);
    for (QWidget *part : {static_cast<QWidget *>(child<LifecycleStrip>(window, "lifecycleStrip")),
                          static_cast<QWidget *>(chart), static_cast<QWidget *>(child<AcceptQueueGauge>(window, "acceptQueueGauge"))}) {
        const PaintedColours colours = paintedColours(part);
        // The background follows the palette (dark), and the text stands out from it.
        QVERIFY2(colours.background.lightness() < 100,
                 qPrintable(QStringLiteral("%1 is painted on %2").arg(part->objectName(), colours.background.name())));
        QVERIFY2(contrast(colours.ink, colours.background) >= 4.5,
                 qPrintable(QStringLiteral("%1: %2 on %3").arg(part->objectName(), colours.ink.name(), colours.background.name())));
    }
    const PaintedColours badge = paintedColours(child<QLabel>(window, "stateBadge"));
    QVERIFY2(contrast(badge.ink, badge.background) >= 4.5, qPrintable(badge.ink.name() + badge.background.name()));

    // The closed row is greyed, yet readable on the table's dark base.
    QAbstractItemModel *model = child<QTableView>(window, "connectionsView")->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex peer = model->index(row, ConnectionTableModel::PeerColumn);
        const QVariant foreground = peer.data(Qt::ForegroundRole);
        if (!peer.data(ConnectionTableModel::IsFinishedRole).toBool()) {
            QVERIFY(!foreground.isValid());
            continue;
        }
        const QColor grey = foreground.value<QBrush>().color();
        QVERIFY2(contrast(grey, base) >= 3.0, qPrintable(grey.name()));
        QVERIFY(grey != darkPalette().color(QPalette::Text));
    }
}

void TestMainWindow::menusHaveTheirEntries()
{
    MainWindow *window = m_window.get();
    QMenu *file = menuNamed(window, QStringLiteral("File"));
    QMenu *listener = menuNamed(window, QStringLiteral("Listener"));
    QMenu *view = menuNamed(window, QStringLiteral("View"));
    QMenu *help = menuNamed(window, QStringLiteral("Help"));
    QVERIFY(file && listener && view && help);
    QCOMPARE(entryTexts(file),
             (QStringList{QStringLiteral("Open profile…"), QStringLiteral("Save profile…"), QStringLiteral("Export log…"),
                          QStringLiteral("Export transcript…"), QStringLiteral("Quit")}));
    QCOMPARE(entryTexts(listener), (QStringList{QStringLiteral("Start listening"), QStringLiteral("Pause accepting"),
                                                QStringLiteral("Close all"), QStringLiteral("Clear closed")}));
    QCOMPARE(entryTexts(view), (QStringList{QStringLiteral("Filter connections"), QStringLiteral("Columns"),
                                            QStringLiteral("Reset layout")}));
    QCOMPARE(entryTexts(help), (QStringList{QStringLiteral("User guide"), QStringLiteral("Keyboard shortcuts"),
                                            QStringLiteral("About Socket Lab")}));
    // The columns are the header's own actions, not copies of them.
    QMenu *columns = child<QMenu>(window, "columnsMenu");
    QCOMPARE(columns->actions(), child<QTableView>(window, "connectionsView")->horizontalHeader()->actions());

    // Enabled as the buttons are: nothing to close, clear, pause or export yet.
    const auto action = [window](const char *name) { return window->findChild<QAction *>(QLatin1String(name)); };
    QVERIFY(action("startStopAction")->isEnabled());
    QVERIFY(!action("pauseAction")->isEnabled());
    QVERIFY(!action("closeAllAction")->isEnabled());
    QVERIFY(!action("clearClosedAction")->isEnabled());
    QVERIFY(!action("exportTranscriptAction")->isEnabled());
    QVERIFY(action("exportLogAction")->isEnabled());
    // An invalid port disables Start in the menu too.
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("abc"));
    QVERIFY(!child<QPushButton>(window, "startButton")->isEnabled());
    QVERIFY(!action("startStopAction")->isEnabled());
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QVERIFY(action("startStopAction")->isEnabled());

    // With a connection: Close all, and Export transcript once it is inspected.
    const quint16 port = startFromForm(window);
    QVERIFY(port != 0);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(action("closeAllAction")->isEnabled(), Timeout);
    auto *table = child<QTableView>(window, "connectionsView");
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(table->model()->index(0, ConnectionTableModel::PeerColumn)).center());
    QTRY_VERIFY_WITH_TIMEOUT(action("exportTranscriptAction")->isEnabled(), Timeout);
    QVERIFY(child<QPushButton>(window, "exportButton")->isEnabled());
    action("closeAllAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(action("clearClosedAction")->isEnabled(), Timeout);
    QVERIFY(!action("closeAllAction")->isEnabled());
    action("clearClosedAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionModel()->rowCount(), 0, Timeout);
    QVERIFY(!action("clearClosedAction")->isEnabled());
    QVERIFY(!action("exportTranscriptAction")->isEnabled());
}

void TestMainWindow::ctrlQClosesTheWindow()
{
    MainWindow *window = m_window.get();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QVERIFY(window->isVisible());
    QTest::keyClick(window, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), Timeout);
}

void TestMainWindow::ctrlReturnStartsAndStops()
{
    MainWindow *window = m_window.get();
    QVERIFY(QTest::qWaitForWindowActive(window));
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    auto *startStop = window->findChild<QAction *>(QStringLiteral("startStopAction"));
    QCOMPARE(plainText(startStop), QStringLiteral("Start listening"));

    QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);
    const quint16 port = listeningPort(window);
    QVERIFY(clientConnects(port));
    QCOMPARE(plainText(startStop), QStringLiteral("Stop"));
    QVERIFY(startStop->isEnabled());

    QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(window, "stateBadge")->text(), QStringLiteral("Stopped"), Timeout);
    QVERIFY(!clientConnects(port));
    QCOMPARE(plainText(startStop), QStringLiteral("Start listening"));
}

void TestMainWindow::pauseFromTheMenu()
{
    MainWindow *window = m_window.get();
    auto *pause = window->findChild<QAction *>(QStringLiteral("pauseAction"));
    auto *button = child<QPushButton>(window, "pauseButton");
    QVERIFY(startFromForm(window) != 0);
    QTRY_VERIFY_WITH_TIMEOUT(pause->isEnabled(), Timeout);
    QCOMPARE(plainText(pause), QStringLiteral("Pause accepting"));
    pause->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(child<LifecycleStrip>(window, "lifecycleStrip")->stage(), LifecycleStrip::Stage::Paused,
                              Timeout);
    QVERIFY(button->isChecked());
    QCOMPARE(plainText(pause), QStringLiteral("Resume accepting"));
    pause->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(child<LifecycleStrip>(window, "lifecycleStrip")->stage(),
                              LifecycleStrip::Stage::Listening, Timeout);
    QVERIFY(!button->isChecked());
    QCOMPARE(plainText(pause), QStringLiteral("Pause accepting"));
}

void TestMainWindow::ctrlFFocusesTheFilter()
{
    MainWindow *window = m_window.get();
    QVERIFY(QTest::qWaitForWindowActive(window));
    auto *filter = child<QLineEdit>(window, "connectionFilterEdit");
    QTest::keyClicks(filter, QStringLiteral("open"));
    auto *view = child<QTableView>(window, "connectionsView");
    view->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(view->hasFocus(), Timeout);
    QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(filter->hasFocus(), Timeout);
    QCOMPARE(filter->selectedText(), QStringLiteral("open"));
}

void TestMainWindow::ctrlEndSelectsTheLastRowAndDeleteClosesIt()
{
    MainWindow *window = m_window.get();
    QVERIFY(QTest::qWaitForWindowActive(window));
    const quint16 port = startFromForm(window);
    QVERIFY(port != 0);
    std::vector<int> clients = openClients(port, 3);
    QCOMPARE(clients.size(), size_t(3));
    auto *view = child<QTableView>(window, "connectionsView");
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 3, Timeout);

    // The first row selected by a click, then Ctrl+End: the last row is current and selected.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(view->model()->index(0, ConnectionTableModel::PeerColumn)).center());
    QTRY_VERIFY_WITH_TIMEOUT(view->hasFocus(), Timeout);
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view->currentIndex().row(), 2);
    const QModelIndexList selected = view->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().row(), 2);
    const QString lastPeer = view->model()->index(2, ConnectionTableModel::PeerColumn).data().toString();
    const quint64 lastId = view->model()->index(2, 0).data(ConnectionTableModel::ConnectionIdRole).toULongLong();
    QTRY_COMPARE_WITH_TIMEOUT(child<ConnectionInspector>(window, "inspector")->connectionId(), lastId, Timeout);

    // Delete closes that one: its client reads EOF, the others nothing.
    QTest::keyClick(view, Qt::Key_Delete);
    int closed = -1;
    for (int i = 0; i < 3; ++i) {
        if (lastPeer == QStringLiteral("127.0.0.1:%1").arg(posixLocalPort(clients[size_t(i)])))
            closed = i;
    }
    QVERIFY(closed >= 0);
    QCOMPARE(waitForEnd(clients[size_t(closed)], Timeout), 0);
    for (int i = 0; i < 3; ++i) {
        if (i != closed)
            QVERIFY(!readable(clients[size_t(i)], 100));
    }

    // Ctrl+Home goes back up, selecting the first row.
    QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(view->currentIndex().row(), 0);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
    QVERIFY(view->selectionModel()->isRowSelected(0, {}));
    closeAll(clients);
}

void TestMainWindow::viewMenuShowsAndHidesColumns()
{
    MainWindow *window = m_window.get();
    QHeaderView *header = child<QTableView>(window, "connectionsView")->horizontalHeader();
    QMenu *columns = child<QMenu>(window, "columnsMenu");
    QAction *local = nullptr;
    QAction *peer = nullptr;
    const QList<QAction *> actions = columns->actions();
    for (QAction *action : actions) {
        if (action->text() == QStringLiteral("Local"))
            local = action;
        else if (action->text() == QStringLiteral("Peer"))
            peer = action;
    }
    QVERIFY(local && peer);
    QVERIFY(header->isSectionHidden(ConnectionTableModel::LocalColumn));
    QVERIFY(!local->isChecked());
    local->trigger();
    QVERIFY(!header->isSectionHidden(ConnectionTableModel::LocalColumn));
    QVERIFY(local->isChecked());
    peer->trigger();
    QVERIFY(header->isSectionHidden(ConnectionTableModel::PeerColumn));
    QVERIFY(!peer->isChecked());
    peer->trigger();
    QVERIFY(!header->isSectionHidden(ConnectionTableModel::PeerColumn));
}

void TestMainWindow::resetLayoutRestoresTheDefaults()
{
    MainWindow *window = m_window.get();
    // Room for the panes to move both ways.
    window->resize(1400, 800);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QHeaderView *header = child<QTableView>(window, "connectionsView")->horizontalHeader();
    auto *splitter = child<QSplitter>(window, "splitter");
    auto *mainSplitter = child<QSplitter>(window, "mainSplitter");
    const QList<int> splitterSizes = splitter->sizes();
    const QList<int> mainSplitterSizes = mainSplitter->sizes();
    const int idWidth = header->sectionSize(ConnectionTableModel::IdColumn);
    QCOMPARE(idWidth, ConnectionColumns::defaultWidth(header, ConnectionTableModel::IdColumn));

    // Columns shown, hidden, widened and moved; panes resized.
    window->findChild<QAction *>(QStringLiteral("showColumn%1").arg(ConnectionTableModel::LocalColumn))->trigger();
    window->findChild<QAction *>(QStringLiteral("showColumn%1").arg(ConnectionTableModel::SentColumn))->trigger();
    header->resizeSection(ConnectionTableModel::IdColumn, 200);
    header->moveSection(header->visualIndex(ConnectionTableModel::StateColumn), 0);
    splitter->setSizes({100, 300, 300});
    mainSplitter->setSizes({400, 800});
    QVERIFY(splitter->sizes() != splitterSizes);
    QVERIFY(mainSplitter->sizes() != mainSplitterSizes);

    window->findChild<QAction *>(QStringLiteral("resetLayoutAction"))->trigger();
    QVERIFY(header->isSectionHidden(ConnectionTableModel::LocalColumn));
    QVERIFY(!header->isSectionHidden(ConnectionTableModel::SentColumn));
    QVERIFY(header->isSectionHidden(ConnectionTableModel::TcpStateColumn));
    QCOMPARE(header->sectionSize(ConnectionTableModel::IdColumn), idWidth);
    for (int column = 0; column < ConnectionTableModel::ColumnCount; ++column)
        QCOMPARE(header->visualIndex(column), column);
    // The menus follow the header.
    QVERIFY(!window->findChild<QAction *>(QStringLiteral("showColumn%1").arg(ConnectionTableModel::LocalColumn))
                 ->isChecked());
    QVERIFY(window->findChild<QAction *>(QStringLiteral("showColumn%1").arg(ConnectionTableModel::SentColumn))
                ->isChecked());
    QCOMPARE(splitter->sizes(), splitterSizes);
    QCOMPARE(mainSplitter->sizes(), mainSplitterSizes);
}

void TestMainWindow::shortcutsDialogListsEveryShortcut()
{
    MainWindow *window = m_window.get();
    window->findChild<QAction *>(QStringLiteral("shortcutsAction"))->trigger();
    QTableWidget *table = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((table = window->findChild<QTableWidget *>(QStringLiteral("shortcutsTable")))
                                 && table->isVisible(),
                             Timeout);
    QHash<QString, QString> listed; // action → keys
    for (int row = 0; row < table->rowCount(); ++row)
        listed.insert(table->item(row, 1)->text(), table->item(row, 0)->text());
    QCOMPARE(listed.value(QStringLiteral("Quit")), QKeySequence(Qt::CTRL | Qt::Key_Q).toString(QKeySequence::NativeText));
    QCOMPARE(listed.value(QStringLiteral("User guide")), QKeySequence(Qt::Key_F1).toString(QKeySequence::NativeText));
    QVERIFY(listed.value(QStringLiteral("Start or stop listening"))
                .contains(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
    QCOMPARE(listed.value(QStringLiteral("Filter connections")),
             QKeySequence(Qt::CTRL | Qt::Key_F).toString(QKeySequence::NativeText));
    QCOMPARE(listed.value(QStringLiteral("Close (FIN)")), QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText));
    // Every action of the window that has a shortcut is there.
    const QList<QAction *> actions = window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (!action->shortcut().isEmpty())
            QVERIFY2(listed.contains(action->iconText()), qPrintable(action->iconText()));
    }
    table->window()->close();
}

void TestMainWindow::aboutNamesTheVersions()
{
    MainWindow *window = m_window.get();
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    window->findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = visibleMessageBox(window)) != nullptr, Timeout);
    QVERIFY2(box->text().contains(QStringLiteral("Socket Lab 9.8.7")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QString::fromLatin1(qVersion())), qPrintable(box->text()));
    QVERIFY(box->text().contains(QStringLiteral("GPL-3.0-or-later")));
    QVERIFY(!box->iconPixmap().isNull());
    box->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!visibleMessageBox(window), Timeout);
}

void TestMainWindow::userGuideOpensAFile()
{
    MainWindow *window = m_window.get();
    QVERIFY(QTest::qWaitForWindowActive(window));
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "openUrl");
    QTest::keyClick(window, Qt::Key_F1);
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(catcher.urls.size(), 1);
    const QUrl url = catcher.urls.first();
    QVERIFY(url.isLocalFile());
    QVERIFY2(MainMenuBar::userGuideCandidates().contains(url.toLocalFile()), qPrintable(url.toLocalFile()));
    QFile guide(url.toLocalFile());
    QVERIFY(guide.open(QIODevice::ReadOnly));
    QVERIFY(guide.readAll().contains("## Using it"));
    QVERIFY(!visibleMessageBox(window));
}

// The form says how many connections the descriptor limit allows, and takes no more.
void TestMainWindow::maxConnectionsShowsTheDescriptorLimit()
{
    rlimit limit = {};
    QVERIFY(::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY);
    const int allowed = int(std::min<rlim_t>(limit.rlim_cur - 64, 1000000));
    MainWindow *window = m_window.get();
    auto *label = child<QLabel>(window, "maxConnectionsLimitLabel");
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), QStringLiteral("max %1 by the descriptor limit").arg(QLocale().toString(allowed)));
    auto *spin = child<QSpinBox>(window, "maxConnectionsSpin");
    QCOMPARE(spin->maximum(), allowed);
    QCOMPARE(spin->value(), std::min(10000, allowed));
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(allowed + 1));
    QTest::keyClick(spin, Qt::Key_Enter);
    QVERIFY2(spin->value() <= allowed, qPrintable(QString::number(spin->value())));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

