// Bad input where a person enters it: the listener form, a hostile settings file, and the
// Send box with bad hex and pastes of many megabytes. Each is refused with a reason, or fails
// cleanly, and what a client observes is checked as well as what the window says.
#include "windowprobe.h"
#include "hexparser.h"
#include "mainwindow.h"
#include "settings.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <algorithm>

namespace {

constexpr int Timeout = 10000;
// Far above what a paste takes when handled well (about half a second), far below a frozen
// window; a sanitizer slows every allocation and copy severalfold.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr qint64 ResponsiveMs = 9000;
#else
constexpr qint64 ResponsiveMs = 3000;
#endif
constexpr qsizetype HugePaste = 50 * 1000 * 1000;

QString badgeText(QWidget *window)
{
    return child<QLabel>(window, "stateBadge")->text();
}

// The port and backlog the badge shows: "Listening on HOST:PORT, backlog N".
bool listeningBadge(QWidget *window, quint16 *port, int *backlog)
{
    static const QRegularExpression pattern(QStringLiteral("^Listening on .*:(\\d+), backlog (\\d+)$"));
    const QRegularExpressionMatch match = pattern.match(badgeText(window));
    if (!match.hasMatch())
        return false;
    *port = quint16(match.captured(1).toUInt());
    *backlog = match.captured(2).toInt();
    return true;
}

// Select all, erase, type: as a person replaces a field's text.
void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void fillForm(QWidget *window, const QString &address, const QString &port)
{
    retype(child<QComboBox>(window, "addressCombo")->lineEdit(), address);
    retype(child<QLineEdit>(window, "portEdit"), port);
}

// Replaces the edit's text with a paste from the clipboard, Ctrl+V, as a person does.
void paste(QLineEdit *edit, const QString &text)
{
    QApplication::clipboard()->setText(text);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
}

void writeConfig(const QByteArray &contents)
{
    const QString path = QSettings().fileName();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(contents);
}

} // namespace

class TestBadInput final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void formRefusesBadFields_data();
    void formRefusesBadFields();
    void localhostMeansLoopback();
    void scopedIPv6IsAcceptedOrExplained();
    void addressNotOnThisMachineFailsCleanly();
    void backlogIsClamped_data();
    void backlogIsClamped();

    void hostileSettingsFileGivesDefaults();

    void greetingAppliesAsTypedAndFlagsBadEscapes();
    void forwardNeedsAnUpstreamThatReads();

    void badHexIsRefusedAndNothingSent();
    void longSendIsSentButNotRemembered();
    void hugePasteKeepsWindowResponsive_data();
    void hugePasteKeepsWindowResponsive();
    void hexParsingIsLinear();

private:
    MainWindow *startWindow();
    // Starts listening on 127.0.0.1 with a free port and connects a client the table shows.
    quint16 listenAndConnect(QTcpSocket *client);

    std::unique_ptr<MainWindow> m_window;
};

void TestBadInput::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QCoreApplication::setApplicationName(QStringLiteral("socketlab"));
    QVERIFY(!qEnvironmentVariableIsEmpty("XDG_CONFIG_HOME"));
}

void TestBadInput::init()
{
    // Each test starts from the defaults.
    QFile::remove(QSettings().fileName());
}

void TestBadInput::cleanup()
{
    m_window.reset();
}

MainWindow *TestBadInput::startWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get()))
        qFatal("window not active");
    return m_window.get();
}

quint16 TestBadInput::listenAndConnect(QTcpSocket *client)
{
    MainWindow *window = m_window.get();
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    quint16 port = 0;
    int backlog = 0;
    if (!QTest::qWaitFor([&] { return listeningBadge(window, &port, &backlog); }, Timeout))
        return 0;
    client->connectToHost(QHostAddress::LocalHost, port);
    if (!client->waitForConnected(Timeout))
        return 0;
    // The Send buttons follow the table: wait until the connection is in it.
    auto *sendAll = child<QPushButton>(window, "sendAllButton");
    if (!QTest::qWaitFor([&] { return sendAll->isEnabled(); }, Timeout))
        return 0;
    return port;
}

void TestBadInput::formRefusesBadFields_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("mentions"); // the problem, named in the message

    const QString loopback = QStringLiteral("127.0.0.1");
    QTest::newRow("port letters") << loopback << QStringLiteral("abc") << QStringLiteral("\"abc\"");
    QTest::newRow("port negative") << loopback << QStringLiteral("-1") << QStringLiteral("\"-1\"");
    QTest::newRow("port 65536") << loopback << QStringLiteral("65536") << QStringLiteral("not 65536");
    QTest::newRow("port huge") << loopback << QStringLiteral("99999999999") << QStringLiteral("not 99999999999");
    QTest::newRow("port empty") << loopback << QString() << QStringLiteral("Enter a port");
    QTest::newRow("port spaces") << loopback << QStringLiteral("   ") << QStringLiteral("Enter a port");
    QTest::newRow("port with inner space") << loopback << QStringLiteral("90 00") << QStringLiteral("\"90 00\"");
    QTest::newRow("port fraction") << loopback << QStringLiteral("80.5") << QStringLiteral("\"80.5\"");
    QTest::newRow("address octet 999") << QStringLiteral("999.1.1.1") << QStringLiteral("9000")
                                       << QStringLiteral("\"999.1.1.1\" is not an IP address");
    QTest::newRow("address three parts") << QStringLiteral("1.2.3") << QStringLiteral("9000")
                                         << QStringLiteral("\"1.2.3\" is not an IP address");
    // Host names other than localhost are refused in the form; nothing is looked up.
    QTest::newRow("address host name") << QStringLiteral("example.com") << QStringLiteral("9000")
                                       << QStringLiteral("\"example.com\" is not an IP address");
    QTest::newRow("address empty") << QString() << QStringLiteral("9000") << QStringLiteral("Enter an address");
    QTest::newRow("address with port") << QStringLiteral("127.0.0.1:80") << QStringLiteral("9000")
                                       << QStringLiteral("\"127.0.0.1:80\" is not an IP address");
}

void TestBadInput::formRefusesBadFields()
{
    QFETCH(QString, address);
    QFETCH(QString, port);
    QFETCH(QString, mentions);
    MainWindow *window = startWindow();
    fillForm(window, address, port);
    // What was typed arrived as typed: no mask or validator silently changed it.
    QCOMPARE(child<QLineEdit>(window, "portEdit")->text(), port);

    auto *start = child<QPushButton>(window, "startButton");
    auto *error = child<QLabel>(window, "formErrorLabel");
    QVERIFY(!start->isEnabled());
    QVERIFY(error->isVisible());
    QCOMPARE(error->textFormat(), Qt::PlainText);
    QVERIFY2(error->text().contains(mentions), qPrintable(error->text()));

    // Neither a click nor Enter starts anything.
    QTest::mouseClick(start, Qt::LeftButton);
    QTest::keyClick(child<QLineEdit>(window, "portEdit"), Qt::Key_Return);
    QCOMPARE(badgeText(window), QStringLiteral("Stopped"));

    // Fixing the field clears the message.
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QVERIFY(start->isEnabled());
    QVERIFY(!error->isVisible());
}

void TestBadInput::localhostMeansLoopback()
{
    MainWindow *window = startWindow();
    fillForm(window, QStringLiteral("localhost"), QStringLiteral("0"));
    QVERIFY(!child<QLabel>(window, "formErrorLabel")->isVisible());
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    quint16 port = 0;
    int backlog = 0;
    QTRY_VERIFY_WITH_TIMEOUT(listeningBadge(window, &port, &backlog), Timeout);
    QVERIFY2(badgeText(window).startsWith(QStringLiteral("Listening on 127.0.0.1:")), qPrintable(badgeText(window)));

    // A client on 127.0.0.1 gets in.
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(Timeout));
}

void TestBadInput::scopedIPv6IsAcceptedOrExplained()
{
    MainWindow *window = startWindow();
    // fe80::1 is on no interface here, so the form takes it and the bind explains why it fails.
    fillForm(window, QStringLiteral("fe80::1%lo"), QStringLiteral("0"));
    auto *error = child<QLabel>(window, "formErrorLabel");
    auto *start = child<QPushButton>(window, "startButton");
    if (error->isVisible()) {
        QVERIFY(!error->text().isEmpty());
        QVERIFY(!start->isEnabled());
        return;
    }
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(badgeText(window).startsWith(QStringLiteral("Error: "))
                                 || badgeText(window).startsWith(QStringLiteral("Listening on ")),
                             Timeout);
    if (badgeText(window).startsWith(QStringLiteral("Error: "))) {
        QVERIFY2(badgeText(window).contains(QStringLiteral("fe80::1")), qPrintable(badgeText(window)));
        QVERIFY(start->isEnabled());
        QVERIFY(!child<QPushButton>(window, "stopButton")->isEnabled());
    }
}

void TestBadInput::addressNotOnThisMachineFailsCleanly()
{
    MainWindow *window = startWindow();
    // TEST-NET-1: documentation only, never on a machine's interface.
    fillForm(window, QStringLiteral("192.0.2.1"), QStringLiteral("0"));
    auto *start = child<QPushButton>(window, "startButton");
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(badgeText(window).startsWith(QStringLiteral("Error: ")), Timeout);
    // A reason naming the address, not a bare "Error".
    QVERIFY2(badgeText(window).contains(QStringLiteral("192.0.2.1")), qPrintable(badgeText(window)));
    QVERIFY(start->isEnabled());
    QVERIFY(!child<QPushButton>(window, "stopButton")->isEnabled());

    // The window recovers: fix the address and start for real.
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QTest::mouseClick(start, Qt::LeftButton);
    quint16 port = 0;
    int backlog = 0;
    QTRY_VERIFY_WITH_TIMEOUT(listeningBadge(window, &port, &backlog), Timeout);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(Timeout));
}

void TestBadInput::backlogIsClamped_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("expected");
    // Out of range goes to the nearest allowed value; what is not a number is not taken.
    QTest::newRow("zero") << QStringLiteral("0") << 1;
    QTest::newRow("negative") << QStringLiteral("-5") << 5;
    QTest::newRow("huge") << QStringLiteral("99999999") << 9999;
    QTest::newRow("letters") << QStringLiteral("abc") << 5;
}

void TestBadInput::backlogIsClamped()
{
    QFETCH(QString, typed);
    QFETCH(int, expected);
    MainWindow *window = startWindow();
    auto *spin = child<QSpinBox>(window, "backlogSpin");
    QCOMPARE(spin->value(), 5);
    QLineEdit *edit = spin->findChild<QLineEdit *>();
    QVERIFY(edit);
    spin->setFocus();
    edit->selectAll();
    QTest::keyClicks(spin, typed);
    // Enter settles the box on a value it allows, as leaving it does.
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(spin->value(), expected);
    QCOMPARE(spin->text(), QString::number(expected));

    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    quint16 port = 0;
    int backlog = 0;
    QTRY_VERIFY_WITH_TIMEOUT(listeningBadge(window, &port, &backlog), Timeout);
    // The value used is the one the box shows.
    QCOMPARE(backlog, expected);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(Timeout));
}

void TestBadInput::hostileSettingsFileGivesDefaults()
{
    writeConfig(QByteArray("[listener]\naddress=999.1.1.1\nport=-1\nbacklog=99999999999\n"
                           "closeConnectionsOnStop=maybe\n"
                           "[connections]\nhistoryLimit=-7\n"
                           "[server]\nmode=42\nmaxConnections=0\ntranscriptKiB=abc\ngreeting=")
                + QByteArray(10 * 1024 * 1024, 'G')
                + QByteArray("\n[send]\nhistory=@ByteArray(")
                + QByteArray(1024 * 1024, '\x01')
                + QByteArray(")\nformat=7\nlineEnding=-1\n[window]\ngeometry=garbage\n"
                             "splitter=@ByteArray(\xff\xfe)\nconnectionsHeader=@Variant(\\0\\x1)\n"));
    {
        // What the window reads, the Settings says it replaced.
        const Settings settings;
        QCOMPARE(settings.bindAddress(), QStringLiteral("127.0.0.1"));
        QCOMPARE(settings.port(), Settings::DefaultPort);
        QCOMPARE(settings.backlog(), Settings::DefaultBacklog);
        QCOMPARE(settings.greetingText().size(), qsizetype(Settings::MaxGreetingLength));
        QCOMPARE(settings.sendHistory(), QStringList());
        const QString warnings = settings.warnings().join(QLatin1Char('\n'));
        for (const char *key : {"listener/address", "listener/port", "listener/backlog", "server/greeting",
                                "send/history"})
            QVERIFY2(warnings.contains(QLatin1String(key)), qPrintable(warnings));
    }
    MainWindow *window = startWindow();
    QCOMPARE(child<QComboBox>(window, "addressCombo")->currentText(), QStringLiteral("127.0.0.1"));
    QCOMPARE(child<QLineEdit>(window, "portEdit")->text(), QStringLiteral("9000"));
    QCOMPARE(child<QSpinBox>(window, "backlogSpin")->value(), Settings::DefaultBacklog);
    QVERIFY(!child<QLabel>(window, "formErrorLabel")->isVisible());
    QVERIFY(child<QPushButton>(window, "startButton")->isEnabled());
    QCOMPARE(child<QComboBox>(window, "messageCombo")->count(), 0);

    // And it works: the defaults listen.
    fillForm(window, QStringLiteral("127.0.0.1"), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    quint16 port = 0;
    int backlog = 0;
    QTRY_VERIFY_WITH_TIMEOUT(listeningBadge(window, &port, &backlog), Timeout);
    QCOMPARE(backlog, Settings::DefaultBacklog);
}

// Each edit of the greeting is in force at once, without Enter; one with a bad escape is marked,
// explained and not applied, and clients keep getting the last good greeting.
void TestBadInput::greetingAppliesAsTypedAndFlagsBadEscapes()
{
    MainWindow *window = startWindow();
    auto *mode = child<QComboBox>(window, "modeCombo");
    mode->setCurrentIndex(mode->findData(int(ServerMode::Greeting)));
    auto *greeting = child<QLineEdit>(window, "greetingEdit");
    auto *error = child<QLabel>(window, "greetingErrorLabel");
    greeting->setFocus();
    greeting->selectAll();
    QTest::keyClick(greeting, Qt::Key_Backspace);
    QTest::keyClicks(greeting, QStringLiteral("ok\\x21"));
    QVERIFY(!error->isVisible());
    QTest::keyClicks(greeting, QStringLiteral("\\xZZ"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("\"\\xZZ\" at position 7")), qPrintable(error->text()));
    QVERIFY(!greeting->styleSheet().isEmpty());

    // Listening started with the focus still in the field: the greeting is the last good one.
    QTcpSocket client;
    QVERIFY(listenAndConnect(&client) != 0);
    QTRY_COMPARE_WITH_TIMEOUT(client.bytesAvailable(), qint64(3), Timeout);
    QCOMPARE(client.readAll(), QByteArray("ok!"));

    // Mended: the next client gets it, with no Enter pressed.
    QTest::keyClick(greeting, Qt::Key_Backspace);
    QTest::keyClick(greeting, Qt::Key_Backspace);
    QTest::keyClicks(greeting, QStringLiteral("3f"));
    QVERIFY(!error->isVisible());
    quint16 port = 0;
    int backlog = 0;
    QVERIFY(listeningBadge(window, &port, &backlog));
    QTcpSocket second;
    second.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(second.waitForConnected(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(second.bytesAvailable(), qint64(4), Timeout);
    QCOMPARE(second.readAll(), QByteArray("ok!?"));
}

// Forward shows the upstream field; a missing or bad upstream holds Start back with the reason,
// and a good one relays the window's clients there.
void TestBadInput::forwardNeedsAnUpstreamThatReads()
{
    MainWindow *window = startWindow();
    auto *mode = child<QComboBox>(window, "modeCombo");
    auto *forward = child<QLineEdit>(window, "forwardEdit");
    auto *start = child<QPushButton>(window, "startButton");
    auto *error = child<QLabel>(window, "formErrorLabel");
    QVERIFY(!forward->isVisible());
    QVERIFY(start->isEnabled());

    mode->setCurrentIndex(mode->findData(int(ServerMode::Forward)));
    QVERIFY(forward->isVisible());
    QVERIFY(!start->isEnabled());
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(QStringLiteral("Forward to: ")), qPrintable(error->text()));

    forward->setFocus();
    QTest::keyClicks(forward, QStringLiteral("127.0.0.1"));
    QVERIFY(!start->isEnabled());
    QVERIFY2(error->text().contains(QStringLiteral("HOST:PORT")), qPrintable(error->text()));
    QVERIFY(!forward->styleSheet().isEmpty());
    QTest::keyClicks(forward, QStringLiteral(":0"));
    QVERIFY(!start->isEnabled());
    QVERIFY2(error->text().contains(QStringLiteral("1 to 65535")), qPrintable(error->text()));

    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    replaceText(forward, QStringLiteral("127.0.0.1:%1").arg(upstream.serverPort()));
    QVERIFY(start->isEnabled());
    QVERIFY(!error->isVisible());
    QVERIFY(forward->styleSheet().isEmpty());

    QTcpSocket client;
    QVERIFY(listenAndConnect(&client) != 0);
    QTRY_VERIFY_WITH_TIMEOUT(upstream.hasPendingConnections(), Timeout);
    QTcpSocket *relayed = upstream.nextPendingConnection();
    client.write("through the window");
    QTRY_COMPARE_WITH_TIMEOUT(relayed->bytesAvailable(), qint64(18), Timeout);
    QCOMPARE(relayed->readAll(), QByteArray("through the window"));

    // Switched away and back, the field keeps the upstream.
    mode->setCurrentIndex(mode->findData(int(ServerMode::Echo)));
    QVERIFY(!forward->isVisible());
    mode->setCurrentIndex(mode->findData(int(ServerMode::Forward)));
    QCOMPARE(forward->text(), QStringLiteral("127.0.0.1:%1").arg(upstream.serverPort()));
}

void TestBadInput::badHexIsRefusedAndNothingSent()
{
    MainWindow *window = startWindow();
    QTcpSocket client;
    QVERIFY(listenAndConnect(&client) != 0);
    auto *format = child<QComboBox>(window, "formatCombo");
    format->setFocus();
    QTest::keyClick(format, Qt::Key_Down);
    QCOMPARE(format->currentIndex(), 1);

    QLineEdit *message = child<QComboBox>(window, "messageCombo")->lineEdit();
    auto *sendAll = child<QPushButton>(window, "sendAllButton");
    auto *error = child<QLabel>(window, "errorLabel");
    retype(message, QStringLiteral("48 6g"));
    QVERIFY2(error->text().contains(QStringLiteral("\"g\" at position 5")), qPrintable(error->text()));
    QCOMPARE(error->textFormat(), Qt::PlainText);
    QVERIFY(!sendAll->isEnabled());
    QTest::keyClick(message, Qt::Key_Return);

    retype(message, QStringLiteral("41 4"));
    QVERIFY2(error->text().contains(QStringLiteral("Incomplete byte")), qPrintable(error->text()));
    QVERIFY(!sendAll->isEnabled());
    QTest::keyClick(message, Qt::Key_Return);

    // The first bytes the client reads are the valid send that follows: nothing came before.
    retype(message, QStringLiteral("0x41,0x42"));
    QVERIFY(error->text().isEmpty());
    QTest::mouseClick(sendAll, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(client.bytesAvailable(), qint64(2), Timeout);
    QCOMPARE(client.readAll(), QByteArray("AB"));
}

void TestBadInput::longSendIsSentButNotRemembered()
{
    MainWindow *window = startWindow();
    QTcpSocket client;
    QVERIFY(listenAndConnect(&client) != 0);
    auto *combo = child<QComboBox>(window, "messageCombo");
    const QString longText(Settings::MaxSendHistoryEntry + 1000, QLatin1Char('L'));
    paste(combo->lineEdit(), longText);
    QCOMPARE(combo->currentText(), longText);
    QTest::mouseClick(child<QPushButton>(window, "sendAllButton"), Qt::LeftButton);
    // Sent whole, with the default LF.
    const QByteArray expected = longText.toUtf8() + '\n';
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += client.readAll()).size() >= expected.size(), Timeout);
    QCOMPARE(received, expected);
    // A short send is remembered; the long one is not.
    paste(combo->lineEdit(), QStringLiteral("short"));
    QTest::mouseClick(child<QPushButton>(window, "sendAllButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(client.bytesAvailable(), qint64(6), Timeout);
    QCOMPARE(combo->count(), 1);
    QCOMPARE(combo->itemText(0), QStringLiteral("short"));
}

void TestBadInput::hugePasteKeepsWindowResponsive_data()
{
    QTest::addColumn<bool>("hex");
    QTest::newRow("text") << false;
    QTest::newRow("hex") << true;
}

void TestBadInput::hugePasteKeepsWindowResponsive()
{
    QFETCH(bool, hex);
    MainWindow *window = startWindow();
    QTcpSocket client;
    QVERIFY(listenAndConnect(&client) != 0);
    if (hex) {
        auto *format = child<QComboBox>(window, "formatCombo");
        format->setFocus();
        QTest::keyClick(format, Qt::Key_Down);
        QCOMPARE(format->currentIndex(), 1);
    }
    QString huge;
    if (hex) {
        huge = QStringLiteral("4a ").repeated(HugePaste / 3);
    } else {
        huge = QString(HugePaste, QLatin1Char('x'));
    }

    // The event loop keeps turning: a timer set to fire now does so right after the paste.
    auto *combo = child<QComboBox>(window, "messageCombo");
    auto *sendAll = child<QPushButton>(window, "sendAllButton");
    QElapsedTimer elapsed;
    elapsed.start();
    paste(combo->lineEdit(), huge);
    QTest::mouseClick(sendAll, Qt::LeftButton);
    QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
    bool ticked = false;
    QTimer::singleShot(0, this, [&] { ticked = true; });
    QTRY_VERIFY_WITH_TIMEOUT(ticked, Timeout);
    QVERIFY2(elapsed.elapsed() < ResponsiveMs, qPrintable(QString::number(elapsed.elapsed())));

    // The box says what happened and sends nothing; the history stays empty.
    const QString error = child<QLabel>(window, "errorLabel")->text();
    QVERIFY2(error.contains(QStringLiteral("Too long")), qPrintable(error));
    QVERIFY(!sendAll->isEnabled());
    QCOMPARE(combo->count(), 0);

    // The first bytes the client reads are the short send that follows.
    paste(combo->lineEdit(), hex ? QStringLiteral("6f 6b") : QStringLiteral("ok"));
    QVERIFY(sendAll->isEnabled());
    QTest::mouseClick(sendAll, Qt::LeftButton);
    const QByteArray expected = hex ? QByteArray("ok") : QByteArray("ok\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.bytesAvailable(), qint64(expected.size()), Timeout);
    QCOMPARE(client.readAll(), expected);
}

void TestBadInput::hexParsingIsLinear()
{
    // 50 MB of hex in one go, as a file's worth pasted elsewhere would be: one pass, no
    // quadratic rescans; a second, ten times smaller, bounds the growth.
    const QString small = QStringLiteral("0x4A,").repeated(HugePaste / 50);
    const QString large = QStringLiteral("0x4A,").repeated(HugePaste / 5);
    QElapsedTimer elapsed;
    elapsed.start();
    const HexParser::Result smallResult = HexParser::parse(small);
    const qint64 smallMs = qMax<qint64>(elapsed.restart(), 1);
    const HexParser::Result largeResult = HexParser::parse(large);
    const qint64 largeMs = elapsed.elapsed();
    QVERIFY(smallResult.ok());
    QVERIFY(largeResult.ok());
    QCOMPARE(largeResult.bytes.size(), HugePaste / 5);
    QVERIFY(std::all_of(largeResult.bytes.cbegin(), largeResult.bytes.cend(), [](char c) { return c == 'J'; }));
    QVERIFY2(largeMs < 20000, qPrintable(QString::number(largeMs)));
    // Linear is ten times; quadratic would be a hundred.
    QVERIFY2(largeMs < 40 * smallMs + 500, qPrintable(QStringLiteral("%1 ms vs %2 ms").arg(largeMs).arg(smallMs)));

    // An error at the very end still names the right position.
    const HexParser::Result bad = HexParser::parse(large + QStringLiteral("zz"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.errorPosition, int(large.size()) + 1);
}

QTEST_MAIN(TestBadInput)
#include "tst_badinput.moc"
