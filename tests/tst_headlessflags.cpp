// The real socketlab binary run with the behaviour flags, checked from real clients on loopback:
// what each flag does to a peer, that a headless run never reads the window's saved settings, bad
// values, a run with no display at all, the log's order, and memory once peers have left.

#include "headlessprocess.h"
#include "posixclient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr int Timeout = HeadlessProcess::Timeout;

QString arg(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject readStats(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool ipv6Loopback()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHostIPv6, 0);
}

// Everything the server sends until it ends the connection.
QByteArray readToEnd(QTcpSocket &client)
{
    QByteArray all;
    QElapsedTimer timer;
    timer.start();
    while (client.state() == QAbstractSocket::ConnectedState && timer.elapsed() < Timeout) {
        client.waitForReadyRead(100);
        all += client.readAll();
    }
    return all + client.readAll();
}

} // namespace

class TestHeadlessFlags final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void greeting_data();
    void greeting();
    void accessLists_data();
    void accessLists();
    void idleTimeout();
    void maxConnections();
    void maxConnectionsByDescriptorLimit();
    void holdsWhatTheDescriptorLimitAllows();
    void transcriptDir();
    void ignoresSavedSettings();
    void badValues_data();
    void badValues();
    void noDisplay_data();
    void noDisplay();
    void headlessWithoutDisplay();
    void logInTimeOrder();
    void memoryReturnsAfterPeersLeave();

private:
    // Starts a headless server with the arguments and returns its port; 0 on failure.
    quint16 startServer(HeadlessProcess &server, const QStringList &arguments);
    // Runs the binary with soft and hard descriptor limits of `limit`.
    void startLimited(HeadlessProcess &run, int limit, const QStringList &arguments);

    QString m_binary;
    QProcessEnvironment m_environment;
    std::unique_ptr<QTemporaryDir> m_configDir;
};

void TestHeadlessFlags::initTestCase()
{
    m_binary = qEnvironmentVariable("SOCKETLAB_BINARY");
    QVERIFY2(!m_binary.isEmpty(), "SOCKETLAB_BINARY must name the socketlab executable");
    m_configDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_configDir->isValid());
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_configDir->path());
}

void TestHeadlessFlags::startLimited(HeadlessProcess &run, int limit, const QStringList &arguments)
{
    // The shell lowers both limits, so the binary cannot raise its own past them.
    run.start(QStringLiteral("/bin/sh"), m_environment,
              QStringList{QStringLiteral("-c"), QStringLiteral("ulimit -n %1 && exec \"$0\" \"$@\"").arg(limit), m_binary}
                  + arguments);
}

quint16 TestHeadlessFlags::startServer(HeadlessProcess &server, const QStringList &arguments)
{
    QStringList all{QStringLiteral("--headless")};
    if (!arguments.contains(QStringLiteral("--listen")))
        all << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0");
    server.start(m_binary, m_environment, all + arguments);
    if (!server.process.waitForStarted(Timeout))
        return 0;
    const quint16 port = server.waitForPort();
    if (port == 0)
        return 0;
    // Accepting starts right after the bound line; the waiting line says the loop runs.
    QElapsedTimer timer;
    timer.start();
    while (server.indexOf(QStringLiteral("Waiting for a connection...")) < 0 && timer.elapsed() < Timeout)
        QTest::qWait(10);
    return port;
}

void TestHeadlessFlags::greeting_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("default greeting") << QStringList{arg("--mode"), arg("greeting")}
                                      << QByteArray("Hello from Socket Lab\r\n");
    QTest::newRow("--greeting with escapes") << QStringList{arg("--mode"), arg("greeting"), arg("--greeting"),
                                                            arg("hi\\x21\\t\\\\\\r\\n")}
                                             << QByteArray("hi!\t\\\r\n");
}

// Greeting mode sends the default greeting, or the one given, to each client on accept.
void TestHeadlessFlags::greeting()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expected);
    HeadlessProcess server;
    const quint16 port = startServer(server, arguments);
    QVERIFY2(port != 0, qPrintable(server.dump() + server.standardError()));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() >= expected.size(), Timeout);
    QCOMPARE(client.readAll(), expected);
}

void TestHeadlessFlags::accessLists_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("refusal"); // empty: accepted

    const QString v4 = QStringLiteral("127.0.0.1");
    QTest::newRow("deny host") << QStringList{arg("--deny"), arg("127.0.0.1")} << v4
                               << QStringLiteral("denied by rule 127.0.0.1/32");
    QTest::newRow("deny list of two") << QStringList{arg("--deny"), arg("10.0.0.0/8, 127.0.0.0/8")} << v4
                                      << QStringLiteral("denied by rule 127.0.0.0/8");
    QTest::newRow("not in allow") << QStringList{arg("--allow"), arg("10.0.0.0/8")} << v4
                                  << QStringLiteral("not in the allow list");
    QTest::newRow("in allow") << QStringList{arg("--allow"), arg("127.0.0.0/8")} << v4 << QString();
    QTest::newRow("deny wins") << QStringList{arg("--allow"), arg("127.0.0.0/8"), arg("--deny"), arg("127.0.0.1")}
                               << v4 << QStringLiteral("denied by rule 127.0.0.1/32");
    // On [::], IPv4 clients arrive as ::ffff:a.b.c.d; the rules still see who they are.
    QTest::newRow("[::] deny ::/0, ipv4 client")
        << QStringList{arg("--listen"), arg("[::]:0"), arg("--deny"), arg("::/0")} << v4
        << QStringLiteral("denied by rule ::/0");
    QTest::newRow("[::] deny ipv4 host, ipv4 client")
        << QStringList{arg("--listen"), arg("[::]:0"), arg("--deny"), arg("127.0.0.1")} << v4
        << QStringLiteral("denied by rule 127.0.0.1/32");
    QTest::newRow("[::] allow ::1, ipv4 client")
        << QStringList{arg("--listen"), arg("[::]:0"), arg("--allow"), arg("::1")} << v4
        << QStringLiteral("not in the allow list");
    QTest::newRow("[::] allow ::1, ipv6 client")
        << QStringList{arg("--listen"), arg("[::]:0"), arg("--allow"), arg("::1")} << QStringLiteral("::1")
        << QString();
    QTest::newRow("[::] deny ::/0, ipv6 client")
        << QStringList{arg("--listen"), arg("[::]:0"), arg("--deny"), arg("::/0")} << QStringLiteral("::1")
        << QStringLiteral("denied by rule ::/0");
}

// A refused client reads EOF at once and the log names the rule; an allowed one stays connected.
void TestHeadlessFlags::accessLists()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, client);
    QFETCH(QString, refusal);
    if ((arguments.contains(QStringLiteral("[::]:0")) || client.contains(QLatin1Char(':'))) && !ipv6Loopback())
        QSKIP("no IPv6 loopback on this machine");

    HeadlessProcess server;
    const quint16 port = startServer(server, arguments);
    QVERIFY2(port != 0, qPrintable(server.dump() + server.standardError()));
    QTcpSocket socket;
    QSignalSpy ended(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(QHostAddress(client), port);
    QVERIFY2(socket.waitForConnected(Timeout), qPrintable(socket.errorString()));
    const QString peer = client.contains(QLatin1Char(':'))
        ? QStringLiteral("[%1]:%2").arg(client).arg(socket.localPort())
        : QStringLiteral("%1:%2").arg(client).arg(socket.localPort());
    if (refusal.isEmpty()) {
        QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(QStringLiteral("Connection from ") + peer) >= 0,
                                  qPrintable(server.dump()), Timeout);
        QVERIFY(!socket.waitForDisconnected(300));
        QCOMPARE(ended.count(), 0);
        QCOMPARE(server.indexOf(QRegularExpression(QStringLiteral("^Refused"))), -1);
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, Timeout);
        QCOMPARE(socket.readAll(), QByteArray());
        QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(QStringLiteral("Refused %1: %2").arg(peer, refusal)) >= 0,
                                  qPrintable(server.dump()), Timeout);
        QCOMPARE(server.indexOf(QStringLiteral("Connection from ") + peer), -1);
    }
}

// --idle-timeout: a silent client is closed after that many seconds, and not before.
void TestHeadlessFlags::idleTimeout()
{
    HeadlessProcess server;
    const quint16 port = startServer(server, {arg("--idle-timeout"), arg("1")});
    QVERIFY2(port != 0, qPrintable(server.dump()));
    QTcpSocket client;
    QSignalSpy ended(&client, &QTcpSocket::disconnected);
    QElapsedTimer timer;
    timer.start();
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, Timeout);
    QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(client.error(), QAbstractSocket::RemoteHostClosedError);
    QTRY_VERIFY2_WITH_TIMEOUT(server.indexOf(QRegularExpression(QStringLiteral("closed by the server: idle for"))) >= 0,
                              qPrintable(server.dump()), Timeout);
}

// --max-connections 1: the second client is closed at once, the first one kept.
void TestHeadlessFlags::maxConnections()
{
    HeadlessProcess server;
    const quint16 port = startServer(server, {arg("--max-connections"), arg("1")});
    QVERIFY2(port != 0, qPrintable(server.dump()));
    QTcpSocket first;
    QTcpSocket second;
    QSignalSpy firstEnded(&first, &QTcpSocket::disconnected);
    QSignalSpy secondEnded(&second, &QTcpSocket::disconnected);
    first.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(first.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(server.indexOf(QStringLiteral("Connection from 127.0.0.1:%1").arg(first.localPort())) >= 0,
                             Timeout);
    second.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(second.waitForConnected(Timeout));
    const quint16 secondPort = second.localPort();
    QTRY_COMPARE_WITH_TIMEOUT(secondEnded.count(), 1, Timeout);
    QTRY_VERIFY2_WITH_TIMEOUT(
        server.indexOf(QStringLiteral("Refused 127.0.0.1:%1: already 1 connection open, the maximum")
                           .arg(secondPort))
            >= 0,
        qPrintable(server.dump()), Timeout);
    QCOMPARE(firstEnded.count(), 0);
    QCOMPARE(first.state(), QAbstractSocket::ConnectedState);
}

// Under a descriptor limit of 200, --max-connections goes up to 200 less the reserve (136): the
// help says so, and a larger value names the limit.
void TestHeadlessFlags::maxConnectionsByDescriptorLimit()
{
    HeadlessProcess help;
    startLimited(help, 200, {arg("--help")});
    QVERIFY(help.process.waitForFinished(Timeout));
    help.finishReading();
    QCOMPARE(help.process.exitCode(), 0);
    const QString text = help.rawLines.join(QLatin1Char(' ')).simplified();
    QVERIFY2(text.contains(QStringLiteral("1 to 136, as the descriptor limit allows")), qPrintable(text));

    HeadlessProcess tooMany;
    startLimited(tooMany, 200, {arg("--headless"), arg("--listen"), arg("127.0.0.1:0"), arg("--max-connections"), arg("137")});
    QVERIFY(tooMany.process.waitForFinished(Timeout));
    tooMany.finishReading();
    QCOMPARE(tooMany.process.exitCode(), 2);
    const QStringList error = usageLines(tooMany.standardError());
    QVERIFY2(!error.isEmpty()
                 && error.constFirst().contains(
                     QStringLiteral("Bad --max-connections value \"137\": the descriptor limit (200) allows at most 136")),
             qPrintable(tooMany.standardError()));
    QVERIFY2(tooMany.rawLines.isEmpty(), qPrintable(tooMany.dump()));
}

// At the most the limit allows, every connection is served (echoed), and the next one is refused:
// the reserve leaves the process the descriptors it needs besides.
void TestHeadlessFlags::holdsWhatTheDescriptorLimitAllows()
{
    constexpr int Allowed = 136;
    HeadlessProcess server;
    startLimited(server, 200,
                 {arg("--headless"), arg("--listen"), arg("127.0.0.1:0"), arg("--mode"), arg("echo"),
                  arg("--max-connections"), QString::number(Allowed)});
    const quint16 port = server.waitForPort();
    QVERIFY2(port != 0, qPrintable(server.dump() + server.standardError()));
    std::vector<int> clients = openClients(port, Allowed);
    QCOMPARE(int(clients.size()), Allowed);
    for (const int fd : clients)
        QVERIFY2(roundTrip(fd, 'x') >= 0, "a connection within the limit was not served");
    const int extra = posixConnect(port);
    QVERIFY(extra >= 0);
    QCOMPARE(waitForEnd(extra), 0); // EOF: accepted and closed at once
    ::close(extra);
    QTRY_VERIFY2_WITH_TIMEOUT(
        server.indexOf(QRegularExpression(QStringLiteral("already %1 connections open, the maximum").arg(Allowed))) >= 0,
        qPrintable(server.dump()), Timeout);
    QVERIFY2(server.indexOf(QRegularExpression(QStringLiteral("too many open files"))) < 0, qPrintable(server.dump()));
    for (const int fd : clients)
        QVERIFY2(roundTrip(fd, 'y') >= 0, "a held connection was lost");
    closeAll(clients);
}

// --transcript-dir writes each ended connection's transcript, the last --keep-transcript KiB of it.
void TestHeadlessFlags::transcriptDir()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    HeadlessProcess server;
    const quint16 port = startServer(server, {arg("--transcript-dir"), dir.path(), arg("--keep-transcript"), arg("1")});
    QVERIFY2(port != 0, qPrintable(server.dump() + server.standardError()));

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(Timeout));
    const quint16 clientPort = client.localPort();
    client.write(QByteArray("FIRST-MARK") + QByteArray(3000, 'a') + QByteArray("LAST-MARK"));
    QVERIFY(client.waitForBytesWritten(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(server.indexOf(QRegularExpression(QStringLiteral("^Connection from"))) >= 0, Timeout);
    client.disconnectFromHost();
    const QString path = dir.filePath(QStringLiteral("connection-1.txt"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), Timeout);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.startsWith(QStringLiteral("Connection #1 from 127.0.0.1:%1").arg(clientPort).toUtf8()), text.left(200).constData());
    QVERIFY2(text.contains("LAST-MARK"), text.right(200).constData());
    // Only the last KiB was kept, and the listing says how much went before it.
    QVERIFY2(!text.contains("FIRST-MARK"), text.left(400).constData());
    QVERIFY2(text.contains("earlier bytes not kept"), text.left(400).constData());
    QVERIFY(text.size() < 4000);
}

// A headless run takes the defaults and its flags, never the window's saved settings.
void TestHeadlessFlags::ignoresSavedSettings()
{
    QTemporaryDir config;
    QVERIFY(config.isValid());
    QDir().mkpath(config.filePath(QStringLiteral("SocketLab")));
    QFile file(config.filePath(QStringLiteral("SocketLab/socketlab.conf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[server]\nmode=1\ndenyList=127.0.0.1/32\nallowList=\"10.0.0.0/33\"\nmaxConnections=1\n");
    file.close();
    QProcessEnvironment environment = m_environment;
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());

    HeadlessProcess server;
    server.start(m_binary, environment, {arg("--headless"), arg("--listen"), arg("127.0.0.1:0")});
    const quint16 port = server.waitForPort();
    QVERIFY2(port != 0, qPrintable(server.dump() + server.standardError()));
    QTcpSocket clients[2];
    for (QTcpSocket &client : clients) {
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(client.waitForConnected(Timeout));
        QTRY_VERIFY2_WITH_TIMEOUT(
            server.indexOf(QStringLiteral("Connection from 127.0.0.1:%1").arg(client.localPort())) >= 0,
            qPrintable(server.dump()), Timeout);
    }
    clients[0].write("ping");
    QVERIFY(clients[0].waitForBytesWritten(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(server.process.state() == QProcess::Running, Timeout);
    server.process.terminate();
    // Held, not echoed: the client reads nothing before the server's EOF at exit.
    QCOMPARE(readToEnd(clients[0]), QByteArray());
    QVERIFY(server.process.waitForFinished(Timeout));
    QCOMPARE(server.process.exitCode(), 0);
    // And the file is as the window left it.
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
             QByteArray("[server]\nmode=1\ndenyList=127.0.0.1/32\nallowList=\"10.0.0.0/33\"\nmaxConnections=1\n"));
}

void TestHeadlessFlags::badValues_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    const auto row = [](const char *name, QStringList arguments, const char *mentions) {
        QTest::newRow(name) << arguments << QString::fromLatin1(mentions);
    };
    row("allow word", {arg("--headless"), arg("--allow"), arg("localhost")}, "--allow");
    row("deny prefix 33", {arg("--headless"), arg("--deny"), arg("10.0.0.0/33")}, "prefix longer than 32");
    row("allow twice", {arg("--headless"), arg("--allow"), arg("::1"), arg("--allow"), arg("::1")}, "--allow");
    row("idle negative", {arg("--headless"), arg("--idle-timeout"), arg("-1")}, "--idle-timeout");
    row("idle too long", {arg("--headless"), arg("--idle-timeout"), arg("86401")}, "--idle-timeout");
    row("idle word", {arg("--headless"), arg("--idle-timeout"), arg("soon")}, "--idle-timeout");
    row("max zero", {arg("--headless"), arg("--max-connections"), arg("0")}, "--max-connections");
    row("max huge", {arg("--headless"), arg("--max-connections"), arg("99999999999")}, "--max-connections");
    row("keep too much", {arg("--headless"), arg("--keep-transcript"), arg("65537")}, "--keep-transcript");
    row("keep hex", {arg("--headless"), arg("--keep-transcript"), arg("0x10")}, "--keep-transcript");
    row("greeting bad escape", {arg("--headless"), arg("--greeting"), arg("bad\\xZZ")},
        "\"\\xZZ\" at position 4");
    row("greeting too long", {arg("--headless"), arg("--greeting"), QString(5000, QLatin1Char('g'))}, "--greeting");
    row("close-on-stop headless", {arg("--headless"), arg("--close-on-stop")}, "--close-on-stop");
    row("transcript-dir missing", {arg("--headless"), arg("--transcript-dir"), arg("/nonexistent/socketlab")},
        "--transcript-dir");
    row("transcript-dir window", {arg("--transcript-dir"), arg("/tmp")}, "--transcript-dir");
    row("mapped listen", {arg("--headless"), arg("--listen"), arg("[::ffff:127.0.0.1]:9011")},
        "IPv4-mapped IPv6 address, which cannot be listened on; use 127.0.0.1");
}

// One line naming the flag and what is wrong, exit code 2, nothing started.
void TestHeadlessFlags::badValues()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    HeadlessProcess run;
    run.start(m_binary, m_environment, arguments);
    QVERIFY(run.process.waitForFinished(Timeout));
    run.finishReading();
    QCOMPARE(run.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(run.process.exitCode(), 2);
    const QStringList error = usageLines(run.standardError());
    QVERIFY2(!error.isEmpty() && error.constFirst().contains(mentions), qPrintable(run.standardError()));
    QVERIFY2(run.rawLines.isEmpty(), qPrintable(run.dump()));
}

void TestHeadlessFlags::noDisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutMentions");
    QTest::addColumn<QString>("stderrMentions");

    QTest::newRow("--help") << QStringList{arg("--help")} << 0 << QStringLiteral("--listen") << QString();
    QTest::newRow("--version") << QStringList{arg("--version")} << 0 << QStringLiteral("socketlab ") << QString();
    QTest::newRow("unknown option") << QStringList{arg("--frobnicate")} << 2 << QString()
                                    << QStringLiteral("frobnicate");
    QTest::newRow("bad backlog") << QStringList{arg("--backlog"), arg("0")} << 2 << QString()
                                 << QStringLiteral("--backlog");
    QTest::newRow("window") << QStringList() << 2 << QString() << QStringLiteral("--headless");
    QTest::newRow("window with --listen") << QStringList{arg("--listen"), arg("127.0.0.1:0")} << 2 << QString()
                                          << QStringLiteral("--headless");
}

// With no display at all, nothing aborts: help and version work, errors say what to do.
void TestHeadlessFlags::noDisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutMentions);
    QFETCH(QString, stderrMentions);
    QProcessEnvironment environment = m_environment;
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    HeadlessProcess run;
    run.start(m_binary, environment, arguments);
    QVERIFY(run.process.waitForFinished(Timeout));
    run.finishReading();
    QCOMPARE(run.process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(run.process.exitCode() == exitCode,
             qPrintable(QString::number(run.process.exitCode()) + QLatin1Char(' ') + run.standardError()));
    if (!stdoutMentions.isEmpty())
        QVERIFY2(run.rawLines.join(QLatin1Char('\n')).contains(stdoutMentions), qPrintable(run.dump()));
    if (!stderrMentions.isEmpty()) {
        const QString error = run.standardError();
        QVERIFY2(error.startsWith(QStringLiteral("socketlab: ")) && error.contains(stderrMentions), qPrintable(error));
        QVERIFY2(error.count(QLatin1Char('\n')) <= 2, qPrintable(error));
    }
}

// --headless needs no display: it serves a client and stops cleanly.
void TestHeadlessFlags::headlessWithoutDisplay()
{
    QProcessEnvironment environment = m_environment;
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    HeadlessProcess server;
    server.start(m_binary, environment, {arg("--headless"), arg("--listen"), arg("127.0.0.1:0"), arg("--mode"), arg("echo")});
    const quint16 port = server.waitForPort();
    QVERIFY2(port != 0, qPrintable(server.dump() + server.standardError()));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(Timeout));
    client.write("echo me");
    QTRY_COMPARE_WITH_TIMEOUT(client.bytesAvailable(), qint64(7), Timeout);
    server.process.terminate();
    QVERIFY(server.process.waitForFinished(Timeout));
    QCOMPARE(server.process.exitCode(), 0);
}

// Every line is printed in the order of its timestamp, the signal's line included.
void TestHeadlessFlags::logInTimeOrder()
{
    HeadlessProcess server;
    const quint16 port = startServer(server, {});
    QVERIFY2(port != 0, qPrintable(server.dump()));
    std::vector<int> clients = openClients(port, 200);
    QCOMPARE(int(clients.size()), 200);
    QTRY_VERIFY_WITH_TIMEOUT(server.indexOf(QStringLiteral("Connection from 127.0.0.1:%1")
                                                .arg(posixLocalPort(clients.back())))
                                 >= 0,
                             Timeout);
    // Peers leaving while the stop is under way: lines from both sides of the signal.
    for (size_t i = 0; i < clients.size(); i += 2)
        ::close(clients[i]);
    server.process.terminate();
    QVERIFY(server.process.waitForFinished(Timeout));
    server.finishReading();
    closeAll(clients);
    QVERIFY(server.indexOf(QRegularExpression(QStringLiteral("^Received signal"))) >= 0);
    QString previous;
    for (const QString &line : std::as_const(server.rawLines)) {
        const QString stamp = line.left(12);
        QVERIFY2(stamp >= previous, qPrintable(QStringLiteral("%1 after %2\n%3").arg(line, previous, server.dump())));
        previous = stamp;
    }
}

// After peers leave, the memory they used is handed back: it returns toward the baseline and does
// not ratchet up from one round to the next. peak_rss_kib is never below rss_kib.
void TestHeadlessFlags::memoryReturnsAfterPeersLeave()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    QSKIP("A sanitizer keeps freed memory in quarantine: resident memory says nothing here");
#endif
    QVERIFY(ensureDescriptors(6000));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString stats = dir.filePath(QStringLiteral("stats.json"));
    HeadlessProcess server;
    const quint16 port = startServer(server, {arg("--stats-file"), stats, arg("--backlog"), arg("4096")});
    QVERIFY2(port != 0, qPrintable(server.dump()));
    const auto figure = [&](const char *name) { return readStats(stats).value(QLatin1String(name)).toDouble(); };
    QTRY_VERIFY_WITH_TIMEOUT(figure("rss_kib") > 0, Timeout);
    // The baseline: a client served and gone, so the first connection's one-off costs count in it.
    {
        std::vector<int> warm = openClients(port, 10);
        closeAll(warm);
        QTRY_COMPARE_WITH_TIMEOUT(figure("open"), 0.0, Timeout);
    }
    const double baselineKiB = figure("rss_kib");
    constexpr double AllowedKiB = 16 * 1024;

    // 400 peers send 300 KiB each and leave, 40 at a time.
    const QByteArray payload(300 * 1024, 'x');
    for (int round = 0; round < 10; ++round) {
        std::vector<int> peers = openClients(port, 40);
        QCOMPARE(int(peers.size()), 40);
        for (const int fd : peers) {
            qsizetype sent = 0;
            while (sent < payload.size()) {
                const ssize_t n = ::send(fd, payload.constData() + sent, size_t(payload.size() - sent), MSG_NOSIGNAL);
                QVERIFY(n > 0);
                sent += n;
            }
        }
        closeAll(peers);
    }
    QTRY_COMPARE_WITH_TIMEOUT(figure("bytes_in"), 400.0 * 300 * 1024 + 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(figure("open"), 0.0, Timeout);
    QVERIFY2(figure("peak_rss_kib") > baselineKiB, "the load did not show in the peak");
    QTRY_VERIFY2_WITH_TIMEOUT(figure("rss_kib") - baselineKiB <= AllowedKiB,
                              qPrintable(QStringLiteral("baseline %1 KiB, now %2 KiB")
                                             .arg(baselineKiB)
                                             .arg(figure("rss_kib"))),
                              Timeout);

    // 5,000 idle connections opened and closed, three times: each round ends near the baseline.
    for (int round = 0; round < 3; ++round) {
        std::vector<int> idle = openClients(port, 5000);
        QCOMPARE(int(idle.size()), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(figure("open"), 5000.0, 30000);
        closeAll(idle);
        QTRY_COMPARE_WITH_TIMEOUT(figure("open"), 0.0, 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(figure("rss_kib") - baselineKiB <= AllowedKiB,
                                  qPrintable(QStringLiteral("round %1: baseline %2 KiB, now %3 KiB")
                                                 .arg(round)
                                                 .arg(baselineKiB)
                                                 .arg(figure("rss_kib"))),
                                  Timeout);
        const QJsonObject sample = readStats(stats);
        QVERIFY(sample.value(QStringLiteral("peak_rss_kib")).toDouble() >= sample.value(QStringLiteral("rss_kib")).toDouble());
    }
    server.process.terminate();
    QVERIFY(server.process.waitForFinished(Timeout));
    const QJsonObject last = readStats(stats);
    QVERIFY(last.value(QStringLiteral("peak_rss_kib")).toDouble() >= last.value(QStringLiteral("rss_kib")).toDouble());
}

QTEST_GUILESS_MAIN(TestHeadlessFlags)
#include "tst_headlessflags.moc"
