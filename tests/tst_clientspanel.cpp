// The Clients panel as a person uses it: typing a target, clicking, reading the counts.
#include "clientplan.h"
#include "clientspanel.h"
#include "windowprobe.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

namespace {

// Focus first, as a person clicks into the field: the panel applies some fields when focus leaves.
void focusAndReplaceText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    replaceText(edit, text);
}

void typeValue(QSpinBox *spin, int value)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
    QTest::keyClick(spin, Qt::Key_Tab);
}

} // namespace

class TestClientsPanel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void defaultsAndPlaceholder();
    void badTargetDisablesStart_data();
    void badTargetDisablesStart();
    void clickingStartEmitsTheTypedPlan();
    void emptyTargetUsesTheListener_data();
    void emptyTargetUsesTheListener();
    void showTotalsUpdatesTheLabels();
    void closeAllIsClickable();

private:
    ClientsPanel *m_panel = nullptr;
};

void TestClientsPanel::init()
{
    m_panel = new ClientsPanel;
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void TestClientsPanel::cleanup()
{
    delete m_panel;
    m_panel = nullptr;
}

void TestClientsPanel::defaultsAndPlaceholder()
{
    QCOMPARE(child<QSpinBox>(m_panel, "clientCountSpin")->value(), 10);
    QCOMPARE(child<QSpinBox>(m_panel, "clientCountSpin")->minimum(), 1);
    QCOMPARE(child<QSpinBox>(m_panel, "clientCountSpin")->maximum(), 10000);
    QCOMPARE(child<QSpinBox>(m_panel, "clientRateSpin")->value(), 100);
    QCOMPARE(child<QSpinBox>(m_panel, "clientRateSpin")->maximum(), 10000);
    QCOMPARE(child<QSpinBox>(m_panel, "clientCloseAfterSpin")->value(), 0);
    QCOMPARE(child<QLineEdit>(m_panel, "clientTargetEdit")->placeholderText(), QStringLiteral("127.0.0.1:9000"));
    QVERIFY(child<QPushButton>(m_panel, "startClientsButton")->isEnabled());
    QVERIFY(!child<QPushButton>(m_panel, "closeClientsButton")->isEnabled());
    QCOMPARE(child<QLabel>(m_panel, "clientTotalsLabel")->text(),
             QStringLiteral("Connected 0 · connecting 0 · failed 0 · closed 0"));

    m_panel->setDefaultTarget(QHostAddress(QStringLiteral("::1")), 4242);
    QCOMPARE(child<QLineEdit>(m_panel, "clientTargetEdit")->placeholderText(), QStringLiteral("[::1]:4242"));
}

void TestClientsPanel::badTargetDisablesStart_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("not an address") << QStringLiteral("example.invalid:80") << QStringLiteral("not an IP address");
    QTest::newRow("port too big") << QStringLiteral("127.0.0.1:70000") << QStringLiteral("65535");
    QTest::newRow("port zero") << QStringLiteral("127.0.0.1:0") << QStringLiteral("Port 0");
    QTest::newRow("bare ipv6") << QStringLiteral("::1:9000") << QStringLiteral("brackets");
}

void TestClientsPanel::badTargetDisablesStart()
{
    QFETCH(QString, target);
    QFETCH(QString, messagePart);
    auto *edit = child<QLineEdit>(m_panel, "clientTargetEdit");
    auto *start = child<QPushButton>(m_panel, "startClientsButton");
    auto *error = child<QLabel>(m_panel, "clientTargetErrorLabel");
    QSignalSpy started(m_panel, &ClientsPanel::startRequested);

    focusAndReplaceText(edit, target);
    QVERIFY(!start->isEnabled());
    QVERIFY(error->isVisible());
    QCOMPARE(error->textFormat(), Qt::PlainText);
    QVERIFY2(error->text().contains(messagePart, Qt::CaseInsensitive), qPrintable(error->text()));
    QCOMPARE(m_panel->errorText(), error->text());
    QTest::mouseClick(start, Qt::LeftButton);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(started.size(), 0);

    focusAndReplaceText(edit, QStringLiteral("127.0.0.1:9001"));
    QVERIFY(start->isEnabled());
    QVERIFY(!error->isVisible());
    QVERIFY(m_panel->errorText().isEmpty());
}

void TestClientsPanel::clickingStartEmitsTheTypedPlan()
{
    QSignalSpy started(m_panel, &ClientsPanel::startRequested);
    focusAndReplaceText(child<QLineEdit>(m_panel, "clientTargetEdit"), QStringLiteral("[::1]:4321"));
    typeValue(child<QSpinBox>(m_panel, "clientCountSpin"), 250);
    typeValue(child<QSpinBox>(m_panel, "clientRateSpin"), 40);
    focusAndReplaceText(child<QLineEdit>(m_panel, "clientTextEdit"), QStringLiteral("GET / HTTP/1.0\\r\\n\\r\\n\\x00\\xff\\t"));
    typeValue(child<QSpinBox>(m_panel, "clientCloseAfterSpin"), 3);

    QTest::mouseClick(child<QPushButton>(m_panel, "startClientsButton"), Qt::LeftButton);
    QCOMPARE(started.size(), 1);
    const auto plan = started.at(0).at(0).value<ClientPlan>();
    QCOMPARE(plan.address, QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(plan.port, quint16(4321));
    QCOMPARE(plan.count, 250);
    QCOMPARE(plan.ratePerSecond, 40);
    QCOMPARE(plan.text, QByteArray("GET / HTTP/1.0\r\n\r\n\0\xff\t", 21));
    QCOMPARE(plan.closeAfterMs, 3000);

    // Enter in the target field starts too.
    QTest::keyClick(child<QLineEdit>(m_panel, "clientTargetEdit"), Qt::Key_Return);
    QCOMPARE(started.size(), 2);
}

void TestClientsPanel::emptyTargetUsesTheListener_data()
{
    QTest::addColumn<QHostAddress>("listening");
    QTest::addColumn<QHostAddress>("expected");
    QTest::newRow("loopback") << QHostAddress(QHostAddress::LocalHost) << QHostAddress(QHostAddress::LocalHost);
    QTest::newRow("all IPv4") << QHostAddress(QHostAddress::AnyIPv4) << QHostAddress(QHostAddress::LocalHost);
    QTest::newRow("all IPv6") << QHostAddress(QStringLiteral("::")) << QHostAddress(QHostAddress::LocalHostIPv6);
    QTest::newRow("an interface") << QHostAddress(QStringLiteral("192.0.2.7"))
                                  << QHostAddress(QStringLiteral("192.0.2.7"));
}

void TestClientsPanel::emptyTargetUsesTheListener()
{
    QFETCH(QHostAddress, listening);
    QFETCH(QHostAddress, expected);
    QSignalSpy started(m_panel, &ClientsPanel::startRequested);
    m_panel->setDefaultTarget(listening, 5555);
    auto *edit = child<QLineEdit>(m_panel, "clientTargetEdit");
    QVERIFY(edit->text().isEmpty());
    QVERIFY(edit->placeholderText().endsWith(QLatin1String(":5555")));

    QTest::mouseClick(child<QPushButton>(m_panel, "startClientsButton"), Qt::LeftButton);
    QCOMPARE(started.size(), 1);
    const auto plan = started.at(0).at(0).value<ClientPlan>();
    QCOMPARE(plan.address, expected);
    QCOMPARE(plan.address.protocol(), expected.protocol());
    QCOMPARE(plan.port, quint16(5555));
    QCOMPARE(plan.count, 10);
    QCOMPARE(plan.ratePerSecond, 100);
    QVERIFY(plan.text.isEmpty());
    QCOMPARE(plan.closeAfterMs, 0);
}

void TestClientsPanel::showTotalsUpdatesTheLabels()
{
    auto *label = child<QLabel>(m_panel, "clientTotalsLabel");
    auto *lastError = child<QLabel>(m_panel, "clientLastErrorLabel");
    auto *close = child<QPushButton>(m_panel, "closeClientsButton");

    ClientTotals totals;
    totals.requested = 10;
    totals.connected = 8;
    totals.connecting = 2;
    totals.running = true;
    m_panel->showTotals(totals);
    QCOMPARE(label->text(), QStringLiteral("Connected 8 · connecting 2 · failed 0 · closed 0"));
    QVERIFY(close->isEnabled());
    QVERIFY(!lastError->isVisible());

    totals.requested = 50;
    totals.failed = 3;
    m_panel->showTotals(totals);
    QCOMPARE(label->text(), QStringLiteral("Connected 8 · connecting 2 · failed 3 · closed 0 · waiting 37"));

    // Error text may quote what a peer or the system said: it stays plain text.
    totals = ClientTotals();
    totals.requested = 4;
    totals.failed = 1;
    totals.closed = 3;
    totals.lastError = QStringLiteral("<b>Could not connect</b>");
    m_panel->showTotals(totals);
    QCOMPARE(label->text(), QStringLiteral("Connected 0 · connecting 0 · failed 1 · closed 3"));
    QVERIFY(!close->isEnabled());
    QVERIFY(lastError->isVisible());
    QCOMPARE(lastError->text(), QStringLiteral("<b>Could not connect</b>"));
    QCOMPARE(lastError->textFormat(), Qt::PlainText);
    QCOMPARE(label->textFormat(), Qt::PlainText);
}

void TestClientsPanel::closeAllIsClickable()
{
    QSignalSpy closeAll(m_panel, &ClientsPanel::closeAllRequested);
    auto *close = child<QPushButton>(m_panel, "closeClientsButton");
    QTest::mouseClick(close, Qt::LeftButton);
    QCOMPARE(closeAll.size(), 0); // nothing running yet

    ClientTotals totals;
    totals.requested = 1;
    totals.connected = 1;
    totals.running = true;
    m_panel->showTotals(totals);
    QTest::mouseClick(close, Qt::LeftButton);
    QCOMPARE(closeAll.size(), 1);
}

QTEST_MAIN(TestClientsPanel)
#include "tst_clientspanel.moc"
