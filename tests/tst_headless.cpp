// End-to-end tests of the real socketlab binary run with --headless: what a user at a terminal
// and a TCP client on 127.0.0.1 observe.

#include "headlessprocess.h"
#include "posixclient.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHostAddress>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QDateTime>
#include <QElapsedTimer>
#include <QtTest>

#include <csignal>
#include <memory>
#include <cerrno>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

namespace {

constexpr int Timeout = HeadlessProcess::Timeout;

QString escaped(const QString &text)
{
    return QRegularExpression::escape(text);
}

} // namespace

class TestHeadless : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void session();
    void stopsOnSignal_data();
    void stopsOnSignal();
    void portInUse();
    void twoListeners();
    void badArguments_data();
    void badArguments();
    void help_data();
    void help();
    void version();
    void statsFile_data();
    void statsFile();
    void exitAfter();
    void duration();
    void jsonLines();
    void rules();
    void badRule();
    void latencyFault();
    void resetAfterFault();
    void acceptThenResetFault();
    void badFaultValue();
    void forward();
    void forwardRefused();
    void badForward();

private:
    QString m_binary;
    QProcessEnvironment m_environment;
    std::unique_ptr<QTemporaryDir> m_configDir;
};

void TestHeadless::initTestCase()
{
    m_binary = qEnvironmentVariable("SOCKETLAB_BINARY");
    QVERIFY2(!m_binary.isEmpty(), "SOCKETLAB_BINARY must name the socketlab executable");
    const QFileInfo info(m_binary);
    QVERIFY2(info.isFile() && info.isExecutable(), qPrintable(m_binary + QStringLiteral(" is not an executable")));

    m_configDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_configDir->isValid());
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_configDir->path());
}

// The whole life of a headless server: bind, accept, peer close, SIGTERM with a client still open.
void TestHeadless::session()
{
    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--backlog"), QStringLiteral("7")});
    QVERIFY2(server.process.waitForStarted(Timeout), qPrintable(server.process.errorString()));

    // Bound to a port the system chose, then listening, then waiting.
    const QRegularExpression boundPattern(QStringLiteral("^Socket bound to 127\\.0\\.0\\.1:(\\d+)$"));
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(boundPattern) >= 0, qPrintable(server.dump()), Timeout);
    const int boundLine = server.indexOf(boundPattern);
    bool ok = false;
    const int port = boundPattern.match(server.texts.at(boundLine)).captured(1).toInt(&ok);
    QVERIFY(ok);
    QVERIFY2(port > 0 && port <= 65535, qPrintable(server.texts.at(boundLine)));
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(QStringLiteral("Waiting for a connection..."), boundLine) >= 0,
                              qPrintable(server.dump()), Timeout);
    const int backlogLine = server.indexOf(QStringLiteral("Listening with backlog 7"));
    QVERIFY2(backlogLine > boundLine, qPrintable(server.dump()));
    QVERIFY2(server.indexOf(QStringLiteral("Waiting for a connection..."), backlogLine) > backlogLine,
             qPrintable(server.dump()));

    // First client: accepted from its exact port, sends bytes, closes; the server sees the FIN.
    QTcpSocket first;
    first.connectToHost(QHostAddress(QHostAddress::LocalHost), quint16(port));
    QVERIFY2(first.waitForConnected(Timeout), qPrintable(first.errorString()));
    const QString firstPeer = QStringLiteral("127.0.0.1:%1").arg(first.localPort());
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(QStringLiteral("Connection from ") + firstPeer) >= 0,
                              qPrintable(server.dump()), Timeout);
    const QByteArray payload("hello, socket lab\n");
    QCOMPARE(first.write(payload), qint64(payload.size()));
    QVERIFY(first.waitForBytesWritten(Timeout));
    first.disconnectFromHost();
    if (first.state() != QAbstractSocket::UnconnectedState)
        QVERIFY(first.waitForDisconnected(Timeout));
    const QRegularExpression firstClosed(QStringLiteral("^Connection #1 from %1 closed by the peer$").arg(escaped(firstPeer)));
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(firstClosed) >= 0, qPrintable(server.dump()), Timeout);

    // Second client stays open while the server is told to stop.
    QTcpSocket second;
    QSignalSpy secondDisconnected(&second, &QTcpSocket::disconnected);
    QVERIFY(secondDisconnected.isValid());
    second.connectToHost(QHostAddress(QHostAddress::LocalHost), quint16(port));
    QVERIFY2(second.waitForConnected(Timeout), qPrintable(second.errorString()));
    const QString secondPeer = QStringLiteral("127.0.0.1:%1").arg(second.localPort());
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(QStringLiteral("Connection from ") + secondPeer) >= 0,
                              qPrintable(server.dump()), Timeout);
    QCOMPARE(second.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(secondDisconnected.count(), 0);

    server.process.terminate(); // SIGTERM
    QVERIFY2(server.process.waitForFinished(Timeout), "socketlab did not stop within 10 s of SIGTERM");
    server.finishReading();
    QCOMPARE(server.process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(server.process.exitCode() == 0, qPrintable(server.standardError()));

    // The client that was still connected reads EOF: the server closed it.
    QTRY_COMPARE_WITH_TIMEOUT(secondDisconnected.count(), 1, Timeout);
    QCOMPARE(second.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(second.error(), QAbstractSocket::RemoteHostClosedError);
    QCOMPARE(second.bytesAvailable(), qint64(0));

    // And the log tells the story of the stop.
    const int signalLine = server.indexOf(QStringLiteral("Received signal %1, stopping").arg(SIGTERM));
    QVERIFY2(signalLine > boundLine, qPrintable(server.dump()));
    for (int i = 0; i < server.rawLines.size(); ++i) {
        QVERIFY2(server.hasTimestamp.at(i), qPrintable(server.rawLines.at(i)));
    }
    const int stoppedLine = server.indexOf(QStringLiteral("Stopped listening on 127.0.0.1:%1").arg(port), signalLine);
    QVERIFY2(stoppedLine > signalLine, qPrintable(server.dump()));
    const QRegularExpression secondClosed(QStringLiteral("^Connection #2 from %1 closed by the server$").arg(escaped(secondPeer)));
    QVERIFY2(server.indexOf(secondClosed, stoppedLine) > stoppedLine, qPrintable(server.dump()));
    QVERIFY2(usageLines(server.standardError()).isEmpty(), qPrintable(server.standardError()));

    // Nothing listens on the port any more.
    QTcpSocket late;
    late.connectToHost(QHostAddress(QHostAddress::LocalHost), quint16(port));
    QVERIFY(!late.waitForConnected(Timeout));
    QCOMPARE(late.error(), QAbstractSocket::ConnectionRefusedError);
}

void TestHeadless::stopsOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");

    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

// Ctrl+C (SIGINT) and SIGTERM both stop the server cleanly, with exit code 0.
void TestHeadless::stopsOnSignal()
{
    QFETCH(int, signalNumber);

    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QVERIFY2(server.process.waitForStarted(Timeout), qPrintable(server.process.errorString()));
    const QRegularExpression boundPattern(QStringLiteral("^Socket bound to 127\\.0\\.0\\.1:(\\d+)$"));
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(boundPattern) >= 0, qPrintable(server.dump()), Timeout);
    const int port = boundPattern.match(server.texts.at(server.indexOf(boundPattern))).captured(1).toInt();
    QVERIFY(port > 0);
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(QStringLiteral("Waiting for a connection...")) >= 0,
                              qPrintable(server.dump()), Timeout);

    // The server really listens until the signal.
    QTcpSocket client;
    QSignalSpy clientDisconnected(&client, &QTcpSocket::disconnected);
    client.connectToHost(QHostAddress(QHostAddress::LocalHost), quint16(port));
    QVERIFY2(client.waitForConnected(Timeout), qPrintable(client.errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(QStringLiteral("Connection from 127.0.0.1:%1").arg(client.localPort())) >= 0,
                              qPrintable(server.dump()), Timeout);

    const qint64 pid = server.process.processId();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid_t(pid), signalNumber), 0);
    QVERIFY2(server.process.waitForFinished(Timeout), "socketlab did not stop within 10 s of the signal");
    server.finishReading();
    QCOMPARE(server.process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(server.process.exitCode() == 0, qPrintable(server.standardError()));
    QVERIFY2(server.indexOf(QStringLiteral("Received signal %1, stopping").arg(signalNumber)) >= 0,
             qPrintable(server.dump()));
    QTRY_COMPARE_WITH_TIMEOUT(clientDisconnected.count(), 1, Timeout);

    QTcpSocket late;
    late.connectToHost(QHostAddress(QHostAddress::LocalHost), quint16(port));
    QVERIFY(!late.waitForConnected(Timeout));
    QCOMPARE(late.error(), QAbstractSocket::ConnectionRefusedError);
}

// A port another socket listens on: a clear error and a failing exit code, the port untouched.
void TestHeadless::portInUse()
{
    QTcpServer blocker;
    QVERIFY2(blocker.listen(QHostAddress(QHostAddress::LocalHost), 0), qPrintable(blocker.errorString()));
    const quint16 port = blocker.serverPort();

    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
    QVERIFY2(server.process.waitForStarted(Timeout), qPrintable(server.process.errorString()));
    QVERIFY2(server.process.waitForFinished(Timeout), "socketlab kept running on a port in use");
    server.finishReading();
    QCOMPARE(server.process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(server.process.exitCode() != 0, qPrintable(server.dump()));
    QCOMPARE(server.process.exitCode(), 1);

    const QStringList error = usageLines(server.standardError());
    QVERIFY2(!error.isEmpty(), qPrintable(server.standardError()));
    QVERIFY2(error.constFirst().contains(QStringLiteral("already in use")), qPrintable(server.standardError()));
    QVERIFY2(error.constFirst().contains(QString::number(port)), qPrintable(server.standardError()));
    QVERIFY2(server.indexOf(QStringLiteral("Socket bound to 127.0.0.1:%1").arg(port)) < 0, qPrintable(server.dump()));
    QVERIFY2(server.indexOf(QRegularExpression(QStringLiteral("^Could not listen on 127\\.0\\.0\\.1:%1: ").arg(port))) >= 0,
             qPrintable(server.dump()));

    // The port still belongs to the blocker.
    QSignalSpy accepted(&blocker, &QTcpServer::newConnection);
    QTcpSocket client;
    client.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QVERIFY2(client.waitForConnected(Timeout), qPrintable(client.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, Timeout);
}

// Two --listen: one process, a client of each port served with the same behaviour; both
// stop on SIGTERM.
void TestHeadless::twoListeners()
{
    QTemporaryDir statsDir;
    QVERIFY(statsDir.isValid());
    const QString statsPath = statsDir.filePath(QStringLiteral("stats.json"));
    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--mode"), QStringLiteral("echo"),
                  QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--listen"),
                  QStringLiteral("tcp://[::1]:0"), QStringLiteral("--stats-file"), statsPath});
    QVERIFY2(server.process.waitForStarted(Timeout), qPrintable(server.process.errorString()));
    const QRegularExpression v4Pattern(QStringLiteral("^\\[#1\\] Socket bound to 127\\.0\\.0\\.1:(\\d+)$"));
    const QRegularExpression v6Pattern(QStringLiteral("^\\[#2\\] Socket bound to \\[::1\\]:(\\d+)$"));
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(v4Pattern) >= 0, qPrintable(server.dump()), Timeout);
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(v6Pattern) >= 0 || server.process.state() == QProcess::NotRunning,
                              qPrintable(server.dump()), Timeout);
    if (server.indexOf(v6Pattern) < 0)
        QSKIP("IPv6 loopback is not available here");
    const quint16 v4Port = quint16(v4Pattern.match(server.texts.at(server.indexOf(v4Pattern))).captured(1).toUInt());
    const quint16 v6Port = quint16(v6Pattern.match(server.texts.at(server.indexOf(v6Pattern))).captured(1).toUInt());
    QVERIFY(v4Port != 0 && v6Port != 0);

    QTcpSocket v4;
    v4.connectToHost(QHostAddress(QHostAddress::LocalHost), v4Port);
    QVERIFY2(v4.waitForConnected(Timeout), qPrintable(v4.errorString()));
    QTcpSocket v6;
    v6.connectToHost(QHostAddress(QHostAddress::LocalHostIPv6), v6Port);
    QVERIFY2(v6.waitForConnected(Timeout), qPrintable(v6.errorString()));
    for (QTcpSocket *client : {&v4, &v6}) {
        client->write("ping");
        QTRY_COMPARE_WITH_TIMEOUT(client->bytesAvailable(), qint64(4), Timeout);
        QCOMPARE(client->readAll(), QByteArrayLiteral("ping"));
    }

    // The figures cover both listeners.
    const auto stats = [&statsPath] {
        QFile file(statsPath);
        return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
    };
    // Rewritten five times a second: the last figures come a little after the echo.
    QTRY_COMPARE_WITH_TIMEOUT(stats().value(QStringLiteral("bytes_in")).toInt(), 8, Timeout);
    QCOMPARE(stats().value(QStringLiteral("accepted")).toInt(), 2);
    QCOMPARE(stats().value(QStringLiteral("open")).toInt(), 2);
    QCOMPARE(stats().value(QStringLiteral("port")).toInt(), int(v4Port));
    QCOMPARE(stats().value(QStringLiteral("ports")).toArray(), (QJsonArray{int(v4Port), int(v6Port)}));

    // Gone once the socket is closed.
    const quint16 v4Peer = v4.localPort();
    const quint16 v6Peer = v6.localPort();
    QSignalSpy v4Closed(&v4, &QTcpSocket::disconnected);
    QSignalSpy v6Closed(&v6, &QTcpSocket::disconnected);
    server.process.terminate();
    QVERIFY2(server.process.waitForFinished(Timeout), "socketlab did not stop within 10 s of SIGTERM");
    server.finishReading();
    QVERIFY2(server.process.exitCode() == 0, qPrintable(server.standardError() + server.dump()));
    QTRY_COMPARE_WITH_TIMEOUT(v4Closed.count(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(v6Closed.count(), 1, Timeout);
    QVERIFY2(server.indexOf(QStringLiteral("[#1] Stopped listening on 127.0.0.1:%1").arg(v4Port)) >= 0, qPrintable(server.dump()));
    QVERIFY2(server.indexOf(QStringLiteral("[#2] Stopped listening on [::1]:%1").arg(v6Port)) >= 0, qPrintable(server.dump()));
    QVERIFY2(server.indexOf(QRegularExpression(QStringLiteral("^\\[#1\\] Connection #[12] from 127\\.0\\.0\\.1:%1 closed by the server$")
                                                   .arg(v4Peer))) >= 0,
             qPrintable(server.dump()));
    QVERIFY2(server.indexOf(QRegularExpression(QStringLiteral("^\\[#2\\] Connection #[12] from \\[::1\\]:%1 closed by the server$")
                                                   .arg(v6Peer))) >= 0,
             qPrintable(server.dump()));
    // Each line names its listener; one run, one numbering: the two connections are #1 and #2, not #1 twice.
    QVERIFY2(server.indexOf(QRegularExpression(QStringLiteral("^\\[#[12]\\] Connection #1 from "))) >= 0
                 && server.indexOf(QRegularExpression(QStringLiteral("^\\[#[12]\\] Connection #2 from "))) >= 0,
             qPrintable(server.dump()));
    // The lines of both listeners are printed in time order.
    for (int i = 1; i < server.rawLines.size(); ++i)
        QVERIFY2(server.rawLines.at(i - 1).left(12) <= server.rawLines.at(i).left(12), qPrintable(server.dump()));
}

void TestHeadless::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("listen nonsense") << QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"),
                                                    QStringLiteral("nonsense")}
                                     << QStringLiteral("nonsense");
    QTest::newRow("listen port too large") << QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"),
                                                          QStringLiteral("127.0.0.1:70000")}
                                           << QStringLiteral("70000");
    QTest::newRow("backlog 0") << QStringList{QStringLiteral("--headless"), QStringLiteral("--backlog"),
                                              QStringLiteral("0")}
                               << QStringLiteral("--backlog");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
    QTest::newRow("unknown option headless") << QStringList{QStringLiteral("--headless"), QStringLiteral("--frobnicate")}
                                             << QStringLiteral("frobnicate");
    QTest::newRow("positional") << QStringList{QStringLiteral("--headless"), QStringLiteral("stray")}
                                << QStringLiteral("stray");
    QTest::newRow("listen twice on one port")
        << QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:9000"),
                       QStringLiteral("--listen"), QStringLiteral("tcp://127.0.0.1:9000")}
        << QStringLiteral("127.0.0.1:9000 is given twice");
    QTest::newRow("listen overlapping")
        << QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:9000"),
                       QStringLiteral("--listen"), QStringLiteral("127.0.0.1:9000")}
        << QStringLiteral("both take port 9000");
    QTest::newRow("tls without certificate")
        << QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--listen"), QStringLiteral("tls://127.0.0.1:0")}
        << QStringLiteral("TLS listeners need --tls-cert/--tls-key or --tls-self-signed");
    QTest::newRow("unknown protocol")
        << QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("udp://127.0.0.1:0")}
        << QStringLiteral("udp");
}

// Usage errors: exit code 2, the problem on stderr, nothing started.
void TestHeadless::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);

    HeadlessProcess run;
    run.start(m_binary, m_environment, arguments);
    QVERIFY2(run.process.waitForStarted(Timeout), qPrintable(run.process.errorString()));
    QVERIFY2(run.process.waitForFinished(Timeout), "socketlab did not exit on bad arguments");
    run.finishReading();
    QCOMPARE(run.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(run.process.exitCode(), 2);

    const QString standardError = run.standardError();
    QVERIFY2(!standardError.trimmed().isEmpty(), "nothing on stderr");
    const QStringList error = usageLines(standardError);
    QVERIFY2(!error.isEmpty(), qPrintable(standardError));
    QVERIFY2(error.at(0).contains(mentions), qPrintable(standardError));
    QVERIFY2(error.at(1).contains(QStringLiteral("--help")), qPrintable(standardError));
    QVERIFY2(run.rawLines.isEmpty(), qPrintable(run.dump()));
}

void TestHeadless::help_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
    QTest::newRow("--headless --help") << QStringList{QStringLiteral("--headless"), QStringLiteral("--help")};
}

void TestHeadless::help()
{
    QFETCH(QStringList, arguments);

    HeadlessProcess run;
    run.start(m_binary, m_environment, arguments);
    QVERIFY2(run.process.waitForStarted(Timeout), qPrintable(run.process.errorString()));
    QVERIFY2(run.process.waitForFinished(Timeout), "socketlab --help did not exit");
    run.finishReading();
    QCOMPARE(run.process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(run.process.exitCode() == 0, qPrintable(run.standardError()));
    const QString output = run.rawLines.join(QLatin1Char('\n'));
    for (const QString &option : {QStringLiteral("--listen"), QStringLiteral("--backlog"), QStringLiteral("--headless")})
        QVERIFY2(output.contains(option), qPrintable(run.dump()));
    QVERIFY2(usageLines(run.standardError()).isEmpty(), qPrintable(run.standardError()));
}

void TestHeadless::version()
{
    HeadlessProcess run;
    run.start(m_binary, m_environment, {QStringLiteral("--version")});
    QVERIFY2(run.process.waitForStarted(Timeout), qPrintable(run.process.errorString()));
    QVERIFY2(run.process.waitForFinished(Timeout), "socketlab --version did not exit");
    run.finishReading();
    QCOMPARE(run.process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(run.process.exitCode() == 0, qPrintable(run.standardError()));
    QCOMPARE(run.rawLines.size(), 1);
    QVERIFY2(QRegularExpression(QStringLiteral("^socketlab \\d+\\.\\d+\\.\\d+$")).match(run.rawLines.constFirst()).hasMatch(),
             qPrintable(run.dump()));
}

namespace {

QJsonObject readStats(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

void TestHeadless::statsFile_data()
{
    QTest::addColumn<bool>("window");

    QTest::newRow("headless") << false;
    QTest::newRow("window") << true;
}

// --stats-file: the figures a benchmark reads, in the window and without it, checked against
// what a real client did; --mode echo is what the client sees.
void TestHeadless::statsFile()
{
    QFETCH(bool, window);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("stats.json"));
    // The window prints no log, so the port is chosen here: one the system just handed out.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    HeadlessProcess server;
    QStringList arguments{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--mode"),
                          QStringLiteral("echo"), QStringLiteral("--stats-file"), path};
    if (!window)
        arguments.prepend(QStringLiteral("--headless"));
    server.start(m_binary, m_environment, arguments);
    QVERIFY2(server.process.waitForStarted(Timeout), qPrintable(server.process.errorString()));

    // Listening is written at once; the window also says when its first frame was painted.
    QTRY_VERIFY_WITH_TIMEOUT(readStats(path).value(QStringLiteral("listening_ms")).toDouble() > 0, Timeout);
    QJsonObject stats = readStats(path);
    QCOMPARE(stats.value(QStringLiteral("kind")).toString(),
             window ? QStringLiteral("window") : QStringLiteral("headless"));
    QCOMPARE(stats.value(QStringLiteral("pid")).toInteger(), server.process.processId());
    if (window)
        QTRY_VERIFY_WITH_TIMEOUT(readStats(path).value(QStringLiteral("shown_ms")).toDouble() > 0, Timeout);
    else
        QCOMPARE(stats.value(QStringLiteral("shown_ms")).toDouble(), -1.0);
    QVERIFY(stats.value(QStringLiteral("rss_kib")).toDouble() > 0);
    QCOMPARE(stats.value(QStringLiteral("accepted")).toInt(), 0);
    QCOMPARE(stats.value(QStringLiteral("port")).toInt(), int(port));

    QTcpSocket clients[2];
    for (QTcpSocket &client : clients) {
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(client.waitForConnected(Timeout));
    }
    clients[0].write(QByteArrayLiteral("ping"));
    QTRY_COMPARE_WITH_TIMEOUT(clients[0].bytesAvailable(), qint64(4), Timeout);
    QCOMPARE(clients[0].readAll(), QByteArrayLiteral("ping"));

    QTRY_COMPARE_WITH_TIMEOUT(readStats(path).value(QStringLiteral("bytes_out")).toInt(), 4, Timeout);
    stats = readStats(path);
    QCOMPARE(stats.value(QStringLiteral("accepted")).toInt(), 2);
    QCOMPARE(stats.value(QStringLiteral("open")).toInt(), 2);
    QCOMPARE(stats.value(QStringLiteral("peak_open")).toInt(), 2);
    QCOMPARE(stats.value(QStringLiteral("bytes_in")).toInt(), 4);
    QVERIFY(stats.value(QStringLiteral("first_accept_ms")).toDouble() >= stats.value(QStringLiteral("listening_ms")).toDouble());
    QVERIFY(stats.value(QStringLiteral("last_accept_ms")).toDouble() >= stats.value(QStringLiteral("first_accept_ms")).toDouble());
    // The event loop was measured: samples every 10 ms, each a lateness.
    QVERIFY(stats.value(QStringLiteral("lag_samples")).toInt() > 0);
    QVERIFY(stats.value(QStringLiteral("lag_max_ms")).toDouble() >= stats.value(QStringLiteral("lag_p99_ms")).toDouble());
    QVERIFY(stats.value(QStringLiteral("lag_p99_ms")).toDouble() >= stats.value(QStringLiteral("lag_p50_ms")).toDouble());

    // One client leaves; SIGUSR1 starts a new measurement whose peak is what is open now.
    clients[1].disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(readStats(path).value(QStringLiteral("open")).toInt(), 1, Timeout);
    QCOMPARE(::kill(pid_t(server.process.processId()), SIGUSR1), 0);
    QTRY_COMPARE_WITH_TIMEOUT(readStats(path).value(QStringLiteral("measurement")).toInt(), 1, Timeout);
    stats = readStats(path);
    QCOMPARE(stats.value(QStringLiteral("measurement_peak_open")).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("peak_open")).toInt(), 2);
    QVERIFY(server.process.state() == QProcess::Running); // SIGUSR1 does not stop it

    // SIGTERM: a clean exit, the remaining client is closed and the last figures are written.
    QSignalSpy closed(&clients[0], &QTcpSocket::disconnected);
    server.process.terminate();
    QVERIFY(server.process.waitForFinished(Timeout));
    QCOMPARE(server.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, Timeout);
    stats = readStats(path);
    QCOMPARE(stats.value(QStringLiteral("accepted")).toInt(), 2);
    QVERIFY(stats.value(QStringLiteral("written_ms")).toDouble() > stats.value(QStringLiteral("measurement_started_ms")).toDouble());
}

// --exit-after 2: two connections end, the run stops by itself with 0, closing the one still open.
void TestHeadless::exitAfter()
{
    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--exit-after"), QStringLiteral("2")});
    const quint16 port = server.waitForPort();
    QVERIFY2(port != 0, qPrintable(server.dump()));
    QTcpSocket stays;
    stays.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QVERIFY(stays.waitForConnected(Timeout));
    QSignalSpy staysClosed(&stays, &QTcpSocket::disconnected);
    for (int i = 0; i < 2; ++i) {
        QTcpSocket client;
        client.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        QVERIFY(client.waitForConnected(Timeout));
        QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(QStringLiteral("Connection from 127.0.0.1:%1").arg(client.localPort())) >= 0,
                                  qPrintable(server.dump()), Timeout);
        QVERIFY2(server.process.state() == QProcess::Running, qPrintable(server.dump()));
        client.disconnectFromHost();
    }
    QVERIFY2(server.process.waitForFinished(Timeout), qPrintable(server.dump()));
    server.finishReading();
    QCOMPARE(server.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process.exitCode(), 0);
    QVERIFY2(server.indexOf(QStringLiteral("2 connections ended (--exit-after), stopping")) >= 0, qPrintable(server.dump()));
    // The one still open is closed, as the peer sees it.
    QTRY_COMPARE_WITH_TIMEOUT(staysClosed.count(), 1, Timeout);
}

// --duration 0.5: the run stops by itself after about half a second, with 0.
void TestHeadless::duration()
{
    QElapsedTimer timer;
    timer.start();
    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--duration"), QStringLiteral("0.5")});
    const quint16 port = server.waitForPort();
    QVERIFY2(port != 0, qPrintable(server.dump()));
    QTcpSocket client;
    client.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QVERIFY(client.waitForConnected(Timeout));
    QSignalSpy closed(&client, &QTcpSocket::disconnected);
    QVERIFY2(server.process.waitForFinished(Timeout), qPrintable(server.dump()));
    const qint64 elapsed = timer.elapsed();
    server.finishReading();
    QVERIFY2(elapsed >= 500, qPrintable(QString::number(elapsed)));
    QCOMPARE(server.process.exitCode(), 0);
    QVERIFY2(server.indexOf(QStringLiteral("Ran for 0.5 s (--duration), stopping")) >= 0, qPrintable(server.dump()));
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, Timeout);
}

// --log-format jsonl: every line is one JSON object; a connection's life in events, with the
// bytes the client sent and got back.
void TestHeadless::jsonLines()
{
    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--mode"), QStringLiteral("echo"), QStringLiteral("--log-format"),
                  QStringLiteral("jsonl"), QStringLiteral("--exit-after"), QStringLiteral("1")});
    QVERIFY(server.process.waitForStarted(Timeout));
    const auto objects = [&server] {
        QList<QJsonObject> parsed;
        for (const QString &line : std::as_const(server.rawLines)) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
            parsed.append(document.isObject() ? document.object() : QJsonObject());
        }
        return parsed;
    };
    const auto find = [&objects](const QString &event) {
        for (const QJsonObject &object : objects()) {
            if (object.value(QStringLiteral("event")).toString() == event)
                return object;
        }
        return QJsonObject();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(!find(QStringLiteral("bound")).isEmpty(), qPrintable(server.dump()), Timeout);
    const quint16 port = quint16(
        find(QStringLiteral("bound")).value(QStringLiteral("message")).toString().section(QLatin1Char(':'), -1).toUInt());
    QVERIFY(port != 0);

    QTcpSocket client;
    client.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QVERIFY(client.waitForConnected(Timeout));
    const QString peer = QStringLiteral("127.0.0.1:%1").arg(client.localPort());
    client.write("ping");
    QTRY_COMPARE_WITH_TIMEOUT(client.bytesAvailable(), qint64(4), Timeout);
    QCOMPARE(client.readAll(), QByteArrayLiteral("ping"));
    client.disconnectFromHost();
    QVERIFY2(server.process.waitForFinished(Timeout), qPrintable(server.dump()));
    server.finishReading();
    QCOMPARE(server.process.exitCode(), 0);

    // Every line parses, and has a time, a level and the text.
    const QList<QJsonObject> all = objects();
    QVERIFY(all.size() >= 6);
    for (int i = 0; i < all.size(); ++i) {
        QVERIFY2(!all.at(i).isEmpty(), qPrintable(server.rawLines.at(i)));
        QVERIFY2(QDateTime::fromString(all.at(i).value(QStringLiteral("timestamp")).toString(), Qt::ISODateWithMs).isValid(),
                 qPrintable(server.rawLines.at(i)));
        QVERIFY(!all.at(i).value(QStringLiteral("message")).toString().isEmpty());
    }
    const QJsonObject accepted = find(QStringLiteral("accepted"));
    QCOMPARE(accepted.value(QStringLiteral("peer")).toString(), peer);
    QCOMPARE(accepted.value(QStringLiteral("connection")).toInt(), 1);
    QCOMPARE(accepted.value(QStringLiteral("listener")).toInt(), 1);
    QCOMPARE(accepted.value(QStringLiteral("message")).toString(), QStringLiteral("Connection from ") + peer);
    const QJsonObject closed = find(QStringLiteral("closed"));
    QCOMPARE(closed.value(QStringLiteral("peer")).toString(), peer);
    QCOMPARE(closed.value(QStringLiteral("connection")).toInt(), 1);
    QCOMPARE(closed.value(QStringLiteral("reason")).toString(), QStringLiteral("peer"));
    QCOMPARE(closed.value(QStringLiteral("bytes_in")).toInt(), 4);
    QCOMPARE(closed.value(QStringLiteral("bytes_out")).toInt(), 4);
    QCOMPARE(closed.value(QStringLiteral("bytes")).toInt(), 8);
    QVERIFY(!find(QStringLiteral("listening")).isEmpty());
    QVERIFY(!find(QStringLiteral("waiting")).isEmpty());
    QVERIFY(!find(QStringLiteral("stopped")).isEmpty());
}

// --rule: a contains rule and a regex with a capture answer real clients, in Hold mode.
void TestHeadless::rules()
{
    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--rule"), QStringLiteral("PING=>PONG\\r\\n"), QStringLiteral("--rule"),
                  QStringLiteral("re:^GET (\\S+)=>HTTP/1.0 200 OK\\r\\n\\r\\npath=\\1")});
    const quint16 port = server.waitForPort();
    QVERIFY2(port != 0, qPrintable(server.dump() + server.standardError()));
    const auto ask = [port](const QByteArray &request, qsizetype expected) {
        QTcpSocket client;
        client.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        if (!client.waitForConnected(Timeout))
            return QByteArray("no connection");
        client.write(request);
        QByteArray received;
        while (received.size() < expected && client.waitForReadyRead(Timeout))
            received += client.readAll();
        return received;
    };
    QCOMPARE(ask("xxPINGxx", 6), QByteArray("PONG\r\n"));
    QCOMPARE(ask("GET /index.html HTTP/1.0\r\n\r\n", 35), QByteArray("HTTP/1.0 200 OK\r\n\r\npath=/index.html"));
}

// A rule that cannot work is one line naming it and the position, and exit code 2.
void TestHeadless::badRule()
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.start(m_binary, {QStringLiteral("--headless"), QStringLiteral("--rule"), QStringLiteral("ok=>fine"),
                             QStringLiteral("--rule"), QStringLiteral("re:a(b=>x")});
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.startsWith(QStringLiteral("socketlab: Bad --rule 2 \"re:a(b=>x\": match: ")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("at position 4")), qPrintable(error));
}

// --latency 300: a real client's echo comes back after 300 ms, well within a second.
void TestHeadless::latencyFault()
{
    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--mode"), QStringLiteral("echo"), QStringLiteral("--latency"), QStringLiteral("300")});
    const quint16 port = server.waitForPort();
    QVERIFY2(port != 0, qPrintable(server.dump() + server.standardError()));
    QTcpSocket client;
    client.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QVERIFY(client.waitForConnected(Timeout));
    QElapsedTimer clock;
    clock.start();
    client.write("ping");
    QByteArray received;
    while (received.size() < 4 && client.waitForReadyRead(Timeout))
        received += client.readAll();
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(received, QByteArray("ping"));
    QVERIFY2(elapsed >= 290 && elapsed < 1000, qPrintable(QString::number(elapsed)));
    QVERIFY2(server.indexOf(QStringLiteral("Faults for new connections: latency 300 ms")) >= 0, qPrintable(server.dump()));
}

// --reset-after 1000: the client is reset once the server has read 1000 bytes, and the log says so.
void TestHeadless::resetAfterFault()
{
    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--reset-after"), QStringLiteral("1000")});
    const quint16 port = server.waitForPort();
    QVERIFY2(port != 0, qPrintable(server.dump() + server.standardError()));
    const int fd = posixConnect(port);
    QVERIFY(fd >= 0);
    const quint16 clientPort = posixLocalPort(fd);
    const QByteArray data(1500, 'x');
    QCOMPARE(::send(fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL), ssize_t(data.size()));
    const int end = waitForEnd(fd);
    ::close(fd);
    QCOMPARE(end, ECONNRESET);
    const QRegularExpression line(QStringLiteral("^Connection #1 from 127\\.0\\.0\\.1:%1: reset after 1000 bytes \\(fault\\)$")
                                      .arg(clientPort));
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(line) >= 0, qPrintable(server.dump()), Timeout);
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(QRegularExpression(QStringLiteral("reset by the server \\(RST\\)$"))) >= 0,
                              qPrintable(server.dump()), Timeout);
}

// --accept-then-reset: every client is reset at once.
void TestHeadless::acceptThenResetFault()
{
    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--mode"), QStringLiteral("greeting"), QStringLiteral("--accept-then-reset")});
    const quint16 port = server.waitForPort();
    QVERIFY2(port != 0, qPrintable(server.dump() + server.standardError()));
    for (int i = 0; i < 2; ++i) {
        const int fd = posixConnect(port);
        QVERIFY(fd >= 0);
        const int end = waitForEnd(fd);
        ::close(fd);
        QCOMPARE(end, ECONNRESET);
    }
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(QRegularExpression(QStringLiteral("^Connection #2 from .*: reset on accept \\(fault\\)$"))) >= 0,
                              qPrintable(server.dump()), Timeout);
}

// A bad fault value is one line naming the flag and the value, and exit code 2.
void TestHeadless::badFaultValue()
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.start(m_binary, {QStringLiteral("--headless"), QStringLiteral("--slice"), QStringLiteral("10")});
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.startsWith(QStringLiteral("socketlab: Bad --slice value \"10\": expected BYTES:MS")), qPrintable(error));
}

// --forward relays each client to the upstream both ways, and the log says where.
void TestHeadless::forward()
{
    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--forward"), QStringLiteral("127.0.0.1:%1").arg(upstream.serverPort()),
                  QStringLiteral("--exit-after"), QStringLiteral("1")});
    const quint16 port = server.waitForPort();
    QVERIFY2(port != 0, qPrintable(server.dump() + server.standardError()));
    QVERIFY2(server.indexOf(QStringLiteral("Server mode: Forward to 127.0.0.1:%1: new connections are relayed there")
                                .arg(upstream.serverPort()))
                 >= 0,
             qPrintable(server.dump()));

    QTcpSocket client;
    client.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QVERIFY(client.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(upstream.hasPendingConnections(), Timeout);
    QTcpSocket *relayed = upstream.nextPendingConnection();
    client.write("to the upstream");
    QTRY_COMPARE_WITH_TIMEOUT(relayed->bytesAvailable(), qint64(15), Timeout);
    QCOMPARE(relayed->readAll(), QByteArray("to the upstream"));
    relayed->write("to the client");
    QTRY_COMPARE_WITH_TIMEOUT(client.bytesAvailable(), qint64(13), Timeout);
    QCOMPARE(client.readAll(), QByteArray("to the client"));
    // The upstream ends: the client reads EOF, closes too, and the run ends with the connection.
    relayed->disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, Timeout);
    QVERIFY2(server.process.waitForFinished(Timeout), qPrintable(server.dump()));
    server.finishReading();
    QCOMPARE(server.process.exitCode(), 0);
    QVERIFY2(server.indexOf(QRegularExpression(QStringLiteral("^Connection #1: connected to upstream 127\\.0\\.0\\.1:\\d+$")))
                 >= 0,
             qPrintable(server.dump()));
}

// An upstream that refuses ends the client's connection, and the log says why.
void TestHeadless::forwardRefused()
{
    quint16 closed = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closed = probe.serverPort();
    }
    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--forward"), QStringLiteral("127.0.0.1:%1").arg(closed), QStringLiteral("--exit-after"),
                  QStringLiteral("1")});
    const quint16 port = server.waitForPort();
    QVERIFY2(port != 0, qPrintable(server.dump() + server.standardError()));
    QTcpSocket client;
    client.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QVERIFY(client.waitForConnected(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, Timeout);
    QVERIFY2(server.process.waitForFinished(Timeout), qPrintable(server.dump()));
    server.finishReading();
    const QString reason = QStringLiteral("upstream 127.0.0.1:%1 refused the connection").arg(closed);
    QVERIFY2(server.indexOf(QStringLiteral("Connection #1: ") + reason) >= 0, qPrintable(server.dump()));
    QVERIFY2(server.indexOf(QRegularExpression(QStringLiteral("^Connection #1 from .* closed by the server: ")
                                               + QRegularExpression::escape(reason) + QLatin1Char('$')))
                 >= 0,
             qPrintable(server.dump()));
}

// A bad --forward value is one line naming the flag and the value, and exit code 2.
void TestHeadless::badForward()
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.start(m_binary, {QStringLiteral("--headless"), QStringLiteral("--forward"), QStringLiteral("upstream")});
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.startsWith(QStringLiteral("socketlab: Bad --forward value \"upstream\": ")), qPrintable(error));
    QCOMPARE(error.count(QLatin1Char('\n')), 2); // the problem, then where to find the options
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
