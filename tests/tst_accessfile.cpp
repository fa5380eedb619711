// The window reading a settings file a person wrote by hand: access lists in both of QSettings'
// forms, lists that cannot be read (which must fail closed), the file kept as written, and
// command-line flags that are for one run. Checked from real clients on loopback.
#include "commandline.h"
#include "connectiontablemodel.h"
#include "eventlogmodel.h"
#include "listenercontroller.h"
#include "mainwindow.h"
#include "windowprobe.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

namespace {

constexpr int Timeout = 10000;

QString configPath()
{
    return QSettings().fileName();
}

void writeConfig(const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(configPath()).absolutePath());
    QFile file(configPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(configPath()));
    file.write(contents);
}

// A port the system just handed out and took back: free, so a refused connect means nothing listens.
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool logHas(const EventLogModel *log, const QString &text)
{
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->index(row, 0).data(EventLogModel::MessageRole).toString().contains(text))
            return true;
    }
    return false;
}

CommandLineOptions options(const QStringList &arguments)
{
    const CommandLine::Result result = CommandLine::parse(QStringList{QStringLiteral("socketlab")} + arguments);
    if (result.outcome != CommandLine::Outcome::Run)
        qFatal("bad test arguments: %s", qPrintable(result.message));
    return result.options;
}

} // namespace

class TestAccessFile final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void unquotedDenyListRefusesClient();
    void badEntryRefusesToListen();
    void wrongTypeFailsClosed();
    void oneRunFlagsAreNotSaved();
    void behaviourFlagsInTheWindow();
};

void TestAccessFile::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QCoreApplication::setApplicationName(QStringLiteral("socketlab"));
    QVERIFY(!qEnvironmentVariableIsEmpty("XDG_CONFIG_HOME"));
}

void TestAccessFile::init()
{
    QFile::remove(configPath());
}

// denyList=127.0.0.1/32, 10.0.0.0/8 unquoted is a list of two strings to QSettings: still a deny
// list, so a client from 127.0.0.1 is refused; the file keeps the line after the window closes.
void TestAccessFile::unquotedDenyListRefusesClient()
{
    writeConfig("[server]\ndenyList=127.0.0.1/32, 10.0.0.0/8\n");
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(child<QLineEdit>(&window, "denyEdit")->text(), QStringLiteral("127.0.0.1/32, 10.0.0.0/8"));
        window.startListening(QHostAddress::LocalHost, 0, 5);
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(&window) != 0, Timeout);

        QTcpSocket client;
        QSignalSpy ended(&client, &QTcpSocket::disconnected);
        client.connectToHost(QHostAddress::LocalHost, listeningPort(&window));
        QVERIFY(client.waitForConnected(Timeout));
        const quint16 clientPort = client.localPort();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, Timeout);
        QCOMPARE(client.readAll(), QByteArray());
        QTRY_VERIFY_WITH_TIMEOUT(
            logHas(window.eventLogModel(),
                   QStringLiteral("Refused 127.0.0.1:%1: denied by rule 127.0.0.1/32").arg(clientPort)),
            Timeout);
        QCOMPARE(window.connectionModel()->rowCount(), 0);
        window.close();
    }
    QCOMPARE(QSettings().value(QStringLiteral("server/denyList")).toStringList(),
             (QStringList{QStringLiteral("127.0.0.1/32"), QStringLiteral("10.0.0.0/8")}));
}

// One bad entry: the window shows the text marked, refuses to listen with the entry and the reason
// in the badge and the log, accepts nothing, and keeps the text in the file until it is mended.
void TestAccessFile::badEntryRefusesToListen()
{
    writeConfig("[server]\nallowList=\"::1/128, 10.0.0.0/33\"\n");
    const QString expected = QStringLiteral("Allow list: \"10.0.0.0/33\": prefix longer than 32");
    const quint16 port = freePort();
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *allow = child<QLineEdit>(&window, "allowEdit");
        QCOMPARE(allow->text(), QStringLiteral("::1/128, 10.0.0.0/33"));
        QVERIFY(!allow->styleSheet().isEmpty()); // marked invalid
        auto *error = child<QLabel>(&window, "accessErrorLabel");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(expected), qPrintable(error->text()));
        // The file's problem is in the log from the start.
        QVERIFY(logHas(window.eventLogModel(), expected));

        replaceText(child<QComboBox>(&window, "addressCombo")->lineEdit(), QStringLiteral("127.0.0.1"));
        replaceText(child<QLineEdit>(&window, "portEdit"), QString::number(port));
        QTest::mouseClick(child<QPushButton>(&window, "startButton"), Qt::LeftButton);
        auto *badge = child<QLabel>(&window, "stateBadge");
        QTRY_COMPARE_WITH_TIMEOUT(badge->text(), QStringLiteral("Error: ") + expected, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(
            logHas(window.eventLogModel(), QStringLiteral("Not listening on 127.0.0.1:%1: %2").arg(port).arg(expected)),
            Timeout);

        // Nothing listens: a client is refused by the kernel.
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!client.waitForConnected(Timeout));
        QCOMPARE(client.error(), QAbstractSocket::ConnectionRefusedError);
        QCOMPARE(window.controller()->totals().accepted, quint64(0));
        window.close();
    }
    QCOMPARE(QSettings().value(QStringLiteral("server/allowList")).toString(), QStringLiteral("::1/128, 10.0.0.0/33"));

    // Mended in the form: listening starts and the new text replaces the old in the file.
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *allow = child<QLineEdit>(&window, "allowEdit");
        replaceText(allow, QStringLiteral("::1/128, 127.0.0.0/8"));
        QTest::keyClick(allow, Qt::Key_Return);
        QVERIFY(!child<QLabel>(&window, "accessErrorLabel")->isVisible());
        QVERIFY(allow->styleSheet().isEmpty());
        window.startListening(QHostAddress::LocalHost, 0, 5);
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(&window) != 0, Timeout);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, listeningPort(&window));
        QVERIFY(client.waitForConnected(Timeout));
        QTRY_COMPARE_WITH_TIMEOUT(window.connectionModel()->rowCount(), 1, Timeout);
        window.close();
    }
    QCOMPARE(QSettings().value(QStringLiteral("server/allowList")).toString(), QStringLiteral("::1/128, 127.0.0.0/8"));
}

// A deny list of the wrong type cannot be read either: no listening, nothing let in.
void TestAccessFile::wrongTypeFailsClosed()
{
    writeConfig("[server]\ndenyList=@ByteArray(10.0.0.1)\n");
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.startListening(QHostAddress::LocalHost, 0, 5);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(&window, "stateBadge")->text().startsWith(QStringLiteral("Error: Deny list")),
                             Timeout);
    QCOMPARE(listeningPort(&window), quint16(0));
}

// Flags fill in the form for one run; the saved address, port, backlog and mode stay as they were.
void TestAccessFile::oneRunFlagsAreNotSaved()
{
    const QByteArray saved("[listener]\naddress=::1\nport=7000\nbacklog=50\n[server]\nmode=1\n");
    writeConfig(saved);
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.applyCommandLine(options({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                         QStringLiteral("--backlog"), QStringLiteral("7"), QStringLiteral("--mode"),
                                         QStringLiteral("discard")}));
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(&window) != 0, Timeout);
        QVERIFY2(child<QLabel>(&window, "stateBadge")->text().endsWith(QStringLiteral("backlog 7")),
                 qPrintable(child<QLabel>(&window, "stateBadge")->text()));
        // Discard, not the saved Echo: a client's bytes do not come back.
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, listeningPort(&window));
        QVERIFY(client.waitForConnected(Timeout));
        client.write("ping");
        QTRY_COMPARE_WITH_TIMEOUT(window.controller()->totals().bytesReceived, quint64(4), Timeout);
        QVERIFY(!client.waitForReadyRead(200));
        window.close();
    }
    QSettings file;
    QCOMPARE(file.value(QStringLiteral("listener/address")).toString(), QStringLiteral("::1"));
    QCOMPARE(file.value(QStringLiteral("listener/port")).toInt(), 7000);
    QCOMPARE(file.value(QStringLiteral("listener/backlog")).toInt(), 50);
    QCOMPARE(file.value(QStringLiteral("server/mode")).toInt(), 1);

    // Without flags the saved choices come back, and what the user changes is saved.
    {
        MainWindow window;
        QCOMPARE(child<QSpinBox>(&window, "backlogSpin")->value(), 50);
        child<QSpinBox>(&window, "backlogSpin")->setValue(51);
        window.close();
    }
    QCOMPARE(QSettings().value(QStringLiteral("listener/backlog")).toInt(), 51);
}

// The behaviour flags work in the window too, for one run.
void TestAccessFile::behaviourFlagsInTheWindow()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.applyCommandLine(options({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--mode"),
                                     QStringLiteral("greeting"), QStringLiteral("--greeting"), QStringLiteral("yo\\r\\n"),
                                     QStringLiteral("--max-connections"), QStringLiteral("1"), QStringLiteral("--deny"),
                                     QStringLiteral("10.0.0.0/8"), QStringLiteral("--close-on-stop")}));
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(&window) != 0, Timeout);
    QCOMPARE(child<QLineEdit>(&window, "denyEdit")->text(), QStringLiteral("10.0.0.0/8"));
    QTcpSocket first;
    first.connectToHost(QHostAddress::LocalHost, listeningPort(&window));
    QVERIFY(first.waitForConnected(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(first.bytesAvailable(), qint64(4), Timeout);
    QCOMPARE(first.readAll(), QByteArray("yo\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(window.controller()->totals().open, 1, Timeout);
    QTcpSocket second;
    QSignalSpy secondEnded(&second, &QTcpSocket::disconnected);
    second.connectToHost(QHostAddress::LocalHost, listeningPort(&window));
    QVERIFY(second.waitForConnected(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(secondEnded.count(), 1, Timeout);

    // --close-on-stop: Stop ends the open connection; the peer reads EOF.
    QSignalSpy firstEnded(&first, &QTcpSocket::disconnected);
    QTest::mouseClick(child<QPushButton>(&window, "stopButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(firstEnded.count(), 1, Timeout);
    window.close();
    QSettings file;
    QVERIFY(!file.contains(QStringLiteral("server/greeting")));
    QVERIFY(!file.value(QStringLiteral("listener/closeConnectionsOnStop")).toBool());
    QCOMPARE(file.value(QStringLiteral("server/maxConnections"), 10000).toInt(), 10000);
}

QTEST_MAIN(TestAccessFile)
#include "tst_accessfile.moc"
