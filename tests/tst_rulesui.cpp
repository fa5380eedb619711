// Response rules from the window: the Rules… dialog edited with clicks, a real client answered by
// the listener the window starts, the match counts shown back, a bad rule refused, and the rules
// kept across runs.
#include "windowprobe.h"
#include "mainwindow.h"
#include "responseruletablemodel.h"
#include "rulesdialog.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QTableView>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

namespace {

constexpr int Timeout = 10000;

bool dialogClosed(const QPointer<RulesDialog> &dialog)
{
    const RulesDialog *shown = dialog.data();
    return shown == nullptr || shown->isHidden();
}


RulesDialog *openDialog(QWidget *window)
{
    QTest::mouseClick(child<QPushButton>(window, "rulesButton"), Qt::LeftButton);
    RulesDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = window->findChild<RulesDialog *>()) && dialog->isVisible(); },
                         Timeout))
        return nullptr;
    return dialog;
}

void clickButton(QWidget *dialog, const char *name)
{
    QTest::mouseClick(child<QPushButton>(dialog, name), Qt::LeftButton);
}

void clickOk(RulesDialog *dialog)
{
    QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

// OK clicked, and the dialog gone: it deletes itself on closing.
bool closeWithOk(RulesDialog *dialog)
{
    const QPointer<RulesDialog> guard(dialog);
    clickOk(dialog);
    return QTest::qWaitFor([&] { return dialogClosed(guard); }, Timeout);
}

void choose(QComboBox *combo, const QString &text)
{
    const int index = combo->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    combo->setCurrentIndex(index);
}

// Adds a rule with the Add button and types its pattern and reply.
void addRule(RulesDialog *dialog, const QString &pattern, const QString &reply)
{
    clickButton(dialog, "addRuleButton");
    replaceText(child<QLineEdit>(dialog, "patternEdit"), pattern);
    replaceText(child<QLineEdit>(dialog, "replyEdit"), reply);
}

// Clicks the check box painted in a row's first cell.
void clickEnabledBox(QTableView *view, int row)
{
    const QRect cell = view->visualRect(view->model()->index(row, ResponseRuleTableModel::EnabledColumn));
    const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    const int indicator = view->style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, view);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(cell.left() + margin + indicator / 2, cell.center().y()));
}

void startOnFreePort(QWidget *window)
{
    replaceText(child<QComboBox>(window, "addressCombo")->lineEdit(), QStringLiteral("127.0.0.1"));
    replaceText(child<QLineEdit>(window, "portEdit"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
}

// What a client gets back for what it sends: until `expected` bytes came or the server closed.
QByteArray exchange(quint16 port, const QByteArray &request, qsizetype expected, bool *closed = nullptr)
{
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    if (!client.waitForConnected(Timeout))
        return "not connected";
    client.write(request);
    QByteArray received;
    const bool ended = QTest::qWaitFor(
        [&] {
            received += client.readAll();
            return received.size() >= expected || client.state() == QAbstractSocket::UnconnectedState;
        },
        Timeout);
    if (!ended)
        return received; // the caller compares and says what came
    if (closed) {
        const bool disconnected =
            QTest::qWaitFor([&] { return client.state() == QAbstractSocket::UnconnectedState; }, Timeout);
        received += client.readAll();
        if (!disconnected)
            return received;
        *closed = client.state() == QAbstractSocket::UnconnectedState
            && client.error() == QAbstractSocket::RemoteHostClosedError;
    }
    return received;
}

} // namespace

class TestRulesUi final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rulesAnswerClientsAndCount();
    void orderAndSwitchingOff();
    void badRuleKeepsTheDialogOpen();
    void rulesAreKept();

private:
    void makeWindow();
    std::unique_ptr<MainWindow> m_window;
};

void TestRulesUi::init()
{
    QSettings().clear();
    makeWindow();
}

void TestRulesUi::cleanup()
{
    m_window.reset();
}

void TestRulesUi::makeWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestRulesUi::rulesAnswerClientsAndCount()
{
    MainWindow *window = m_window.get();
    QCOMPARE(child<QPushButton>(window, "rulesButton")->text(), QStringLiteral("&Rules…"));
    RulesDialog *dialog = openDialog(window);
    QVERIFY(dialog);
    QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    addRule(dialog, QStringLiteral("^GET (\\S+)"), QStringLiteral("HTTP/1.0 200 OK\\r\\n\\r\\npath=\\1"));
    choose(child<QComboBox>(dialog, "matchCombo"), QStringLiteral("regular expression"));
    choose(child<QComboBox>(dialog, "thenCombo"), QStringLiteral("close (FIN)"));
    QCOMPARE(dialog->model()->rowCount(), 1);
    const QStringList problems = layoutProblems(dialog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(closeWithOk(dialog));
    QCOMPARE(child<QPushButton>(window, "rulesButton")->text(), QStringLiteral("&Rules (1)…"));

    startOnFreePort(window);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);
    const quint16 port = listeningPort(window);
    bool closed = false;
    const QByteArray expected("HTTP/1.0 200 OK\r\n\r\npath=/index.html");
    QCOMPARE(exchange(port, "GET /index.html HTTP/1.0\r\n\r\n", expected.size(), &closed), expected);
    QVERIFY(closed); // then close: the client reads EOF after the reply

    dialog = openDialog(window);
    QVERIFY(dialog);
    const QModelIndex matches = dialog->model()->index(0, ResponseRuleTableModel::MatchesColumn);
    QTRY_COMPARE_WITH_TIMEOUT(matches.data().toString(), QStringLiteral("1"), Timeout);
    dialog->reject();
}

void TestRulesUi::orderAndSwitchingOff()
{
    MainWindow *window = m_window.get();
    RulesDialog *dialog = openDialog(window);
    QVERIFY(dialog);
    addRule(dialog, QStringLiteral("PING"), QStringLiteral("first"));
    addRule(dialog, QStringLiteral("PING"), QStringLiteral("second"));
    // The second moves above the first, then is switched off with the box in its row.
    clickButton(dialog, "moveUpButton");
    QCOMPARE(dialog->model()->rule(0).reply, QStringLiteral("second"));
    clickEnabledBox(dialog->view(), 0);
    QVERIFY(!dialog->model()->rule(0).enabled);
    QVERIFY(!child<QCheckBox>(dialog, "enabledCheck")->isChecked());
    QVERIFY(closeWithOk(dialog));

    startOnFreePort(window);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);
    QCOMPARE(exchange(listeningPort(window), "PING", 5), QByteArray("first"));

    // Switched on again, it wins: rules apply to open and new connections at once.
    dialog = openDialog(window);
    QVERIFY(dialog);
    clickEnabledBox(dialog->view(), 0);
    QVERIFY(dialog->model()->rule(0).enabled);
    QVERIFY(closeWithOk(dialog));
    QCOMPARE(exchange(listeningPort(window), "PING", 6), QByteArray("second"));

    // Removed, the other answers again.
    dialog = openDialog(window);
    QVERIFY(dialog);
    dialog->view()->selectRow(0);
    clickButton(dialog, "removeRuleButton");
    QCOMPARE(dialog->model()->rowCount(), 1);
    QVERIFY(closeWithOk(dialog));
    QCOMPARE(exchange(listeningPort(window), "PING", 5), QByteArray("first"));
}

void TestRulesUi::badRuleKeepsTheDialogOpen()
{
    MainWindow *window = m_window.get();
    RulesDialog *dialog = openDialog(window);
    QVERIFY(dialog);
    addRule(dialog, QStringLiteral("(unclosed"), QStringLiteral("x"));
    choose(child<QComboBox>(dialog, "matchCombo"), QStringLiteral("regular expression"));
    clickOk(dialog);
    QVERIFY(dialog->isVisible());
    const QString problem = child<QLabel>(dialog, "problemLabel")->text();
    QVERIFY2(problem.startsWith(QStringLiteral("Rule 1: ")), qPrintable(problem));
    QVERIFY(!dialog->model()->index(0, 0).data(ResponseRuleTableModel::ProblemRole).toString().isEmpty());
    // Mended, it goes through.
    replaceText(child<QLineEdit>(dialog, "patternEdit"), QStringLiteral("(closed)"));
    QVERIFY(child<QLabel>(dialog, "problemLabel")->text().isEmpty());
    QVERIFY(closeWithOk(dialog));
    QCOMPARE(child<QPushButton>(window, "rulesButton")->text(), QStringLiteral("&Rules (1)…"));
}

void TestRulesUi::rulesAreKept()
{
    RulesDialog *dialog = openDialog(m_window.get());
    QVERIFY(dialog);
    addRule(dialog, QStringLiteral("de ad"), QStringLiteral("be ef"));
    choose(child<QComboBox>(dialog, "matchCombo"), QStringLiteral("hex bytes"));
    QTest::mouseClick(child<QCheckBox>(dialog, "replyHexCheck"), Qt::LeftButton);
    child<QSpinBox>(dialog, "delaySpin")->setValue(120);
    choose(child<QComboBox>(dialog, "thenCombo"), QStringLiteral("reset (RST)"));
    const QList<ResponseRule> rules = dialog->rules();
    QVERIFY(closeWithOk(dialog));

    m_window.reset();
    makeWindow();
    QCOMPARE(child<QPushButton>(m_window.get(), "rulesButton")->text(), QStringLiteral("&Rules (1)…"));
    dialog = openDialog(m_window.get());
    QVERIFY(dialog);
    QCOMPARE(dialog->rules(), rules);
    QVERIFY(dialog->rules().constFirst().replyHex);
    QCOMPARE(dialog->rules().constFirst().delayMs, 120);
    dialog->reject();
}

QTEST_MAIN(TestRulesUi)
#include "tst_rulesui.moc"
