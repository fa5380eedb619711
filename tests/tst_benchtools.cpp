// Functional tests of the benchmark tools socketlab-loadgen and socketlab-refserver: each tool is
// run as a process against real sockets on 127.0.0.1, and every claim one of them makes is checked
// against what the other side observed.

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/socket.h>

#include <functional>
#include <memory>

namespace {

constexpr int Timeout = 10000;
// A tool's whole run; generous, as a loaded machine can stall a short run for seconds.
constexpr int ExitTimeout = 60000;
constexpr qint64 MiB = 1024 * 1024;

// One run of a tool, its stdout collected as it arrives.
class Tool
{
    Q_DISABLE_COPY_MOVE(Tool)

public:
    explicit Tool(const QString &program) { process.setProgram(program); }
    ~Tool()
    {
        // A failed test must not leave a server or a client behind.
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(Timeout);
        }
    }

    void start(const QStringList &arguments)
    {
        process.setArguments(arguments);
        process.start();
    }

    // Waits, running the event loop, until a line of stdout matches; returns the match.
    QRegularExpressionMatch waitForLine(const QRegularExpression &pattern)
    {
        QRegularExpressionMatch found;
        const bool ended = QTest::qWaitFor(
            [&] {
                collect();
                for (const QString &line : lines()) {
                    const QRegularExpressionMatch match = pattern.match(line);
                    if (match.hasMatch()) {
                        found = match;
                        return true;
                    }
                }
                return process.state() == QProcess::NotRunning;
            },
            Timeout);
        return ended ? found : QRegularExpressionMatch{};
    }

    // Waits, running the event loop, for the process to exit.
    bool waitForExit()
    {
        const bool exited = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, ExitTimeout);
        collect();
        return exited;
    }

    QStringList lines() const
    {
        QStringList result = QString::fromUtf8(output).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (QString &line : result)
            line = line.trimmed();
        return result;
    }

    // The last line of stdout as a JSON object; empty when it is not one.
    QJsonObject result() const
    {
        const QStringList all = lines();
        if (all.isEmpty())
            return {};
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(all.constLast().toUtf8(), &error);
        return error.error == QJsonParseError::NoError ? document.object() : QJsonObject{};
    }

    QString errors() { return QString::fromUtf8(process.readAllStandardError()); }

    QProcess process;
    QByteArray output;

private:
    void collect() { output += process.readAllStandardOutput(); }
};

qint64 integer(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isDouble() ? value.toInteger(-1) : -1;
}

QString loadgenPath()
{
    return QStringLiteral(LOADGEN_BINARY);
}

QString refserverPath()
{
    return QStringLiteral(REFSERVER_BINARY);
}

// A QTcpServer in this process whose connections run `onConnection`.
class TestServer : public QTcpServer
{
public:
    std::function<void(QTcpSocket *)> onConnection;
    QList<QPointer<QTcpSocket>> sockets;

    TestServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                sockets.append(socket);
                if (onConnection)
                    onConnection(socket);
            }
        });
    }
};

// Echoes, counting bytes in and out; with `corruptAt` >= 0 it flips the byte at that offset.
struct EchoCounter
{
    qint64 received = 0;
    qint64 corruptAt = -1;

    void attach(QTcpSocket *socket)
    {
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            QByteArray data = socket->readAll();
            if (corruptAt >= received && corruptAt < received + data.size())
                data[corruptAt - received] = static_cast<char>(data.at(corruptAt - received) ^ 0x5a);
            received += data.size();
            socket->write(data);
        });
    }
};

// A QSslServer in this process with a throwaway self-signed pair made by the openssl command;
// its sockets are handed over once their handshake is done.
class TestTlsServer : public QSslServer
{
public:
    std::function<void(QSslSocket *)> onConnection;
    QList<QPointer<QSslSocket>> sockets;

    // False when there is no openssl command or the pair could not be made.
    bool setUp()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty() || !m_dir.isValid())
            return false;
        const QString certificatePath = m_dir.filePath(QStringLiteral("certificate.pem"));
        const QString keyPath = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess process;
        process.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                                QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certificatePath,
                                QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                                QStringLiteral("/CN=localhost")});
        if (!process.waitForFinished(Timeout) || process.exitCode() != 0)
            return false;
        QFile certificateFile(certificatePath);
        QFile keyFile(keyPath);
        if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return false;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(QSslCertificate(certificateFile.readAll()));
        configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        setSslConfiguration(configuration);
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (auto *socket = static_cast<QSslSocket *>(nextPendingConnection())) {
                sockets.append(socket);
                if (onConnection)
                    onConnection(socket);
            }
        });
        return true;
    }

private:
    QTemporaryDir m_dir;
};

} // namespace

class TestBenchTools : public QObject
{
    Q_OBJECT

private:
    // Starts a reference server on a free port; returns the port, 0 on failure.
    static quint16 startRefserver(Tool &server, const QString &mode)
    {
        server.start({QStringLiteral("--mode"), mode, QStringLiteral("--port"), QStringLiteral("0")});
        const QRegularExpressionMatch match = server.waitForLine(QRegularExpression(QStringLiteral("^LISTENING (\\d+)$")));
        return match.hasMatch() ? match.captured(1).toUShort() : quint16(0);
    }

    // Stops a reference server with SIGTERM and returns its report.
    static QJsonObject stopRefserver(Tool &server)
    {
        server.process.terminate();
        if (!server.waitForExit())
            return {};
        if (server.process.exitStatus() != QProcess::NormalExit || server.process.exitCode() != 0)
            return {};
        return server.result();
    }

    // Runs the load generator to its end.
    // Returns false, saying why, when it did not exit by itself in time: its exit code would then
    // be QProcess's default of 0 and read as a success.
    [[nodiscard]] static bool runLoadgen(Tool &client, quint16 port, QStringList arguments)
    {
        arguments << QStringLiteral("--port") << QString::number(port);
        client.start(arguments);
        if (client.waitForExit() && client.process.exitStatus() == QProcess::NormalExit)
            return true;
        qWarning("socketlab-loadgen %s did not finish: state %d, exit status %d, error \"%s\", stderr: %s",
                 qPrintable(arguments.join(QLatin1Char(' '))), int(client.process.state()),
                 int(client.process.exitStatus()), qPrintable(client.process.errorString()),
                 qPrintable(client.errors()));
        return false;
    }

    // A port where nothing listens: one the system just handed out and took back.
    static quint16 unusedPort()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return 0;
        const quint16 port = server.serverPort();
        server.close();
        return port;
    }

private slots:
    void refserverCloseModeClosesEveryConnection()
    {
        Tool server(refserverPath());
        const quint16 port = startRefserver(server, QStringLiteral("close"));
        QVERIFY2(port != 0, qPrintable(server.errors()));

        QTcpSocket socket;
        QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(Timeout));
        QVERIFY(disconnected.count() == 1 || disconnected.wait(Timeout));
        QCOMPARE(socket.error(), QAbstractSocket::RemoteHostClosedError);
        QVERIFY(socket.readAll().isEmpty());

        Tool client(loadgenPath());
        QVERIFY(runLoadgen(client, port,
                   {QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"), QStringLiteral("300"),
                    QStringLiteral("--concurrency"), QStringLiteral("16"), QStringLiteral("--expect"),
                    QStringLiteral("close")}));
        QCOMPARE(client.process.exitCode(), 0);
        const QJsonObject churn = client.result();
        QCOMPARE(churn.value(QLatin1String("mode")).toString(), QStringLiteral("churn"));
        QCOMPARE(integer(churn, "ok"), 300);
        QCOMPARE(integer(churn, "failed"), 0);
        QCOMPARE(integer(churn, "eof") + integer(churn, "reset"), 300);
        QVERIFY(churn.value(QLatin1String("rate")).toDouble() > 0);

        const QJsonObject report = stopRefserver(server);
        QCOMPARE(integer(report, "accepted"), 301);
        QCOMPARE(integer(report, "closed"), 301);
        QCOMPARE(integer(report, "bytes_in"), 0);
    }

    void refserverEchoModeEchoes()
    {
        Tool server(refserverPath());
        const quint16 port = startRefserver(server, QStringLiteral("echo"));
        QVERIFY2(port != 0, qPrintable(server.errors()));

        const QByteArray greeting("hello\0\xff\r\n", 9);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(Timeout));
        socket.write(greeting);
        QByteArray echoed;
        QTRY_VERIFY_WITH_TIMEOUT((echoed += socket.readAll()).size() >= greeting.size(), Timeout);
        QCOMPARE(echoed, greeting);
        socket.disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, Timeout);

        Tool client(loadgenPath());
        QVERIFY(runLoadgen(client, port,
                   {QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"), QStringLiteral("200"),
                    QStringLiteral("--concurrency"), QStringLiteral("16"), QStringLiteral("--send-byte"),
                    QStringLiteral("--expect"), QStringLiteral("echo")}));
        QCOMPARE(client.process.exitCode(), 0);
        const QJsonObject churn = client.result();
        QCOMPARE(integer(churn, "ok"), 200);
        QCOMPARE(integer(churn, "failed"), 0);
        QCOMPARE(churn.value(QLatin1String("verified")).toBool(), true);

        const QJsonObject report = stopRefserver(server);
        QCOMPARE(integer(report, "accepted"), 201);
        QCOMPARE(integer(report, "closed"), 201);
        QCOMPARE(integer(report, "bytes_in"), 200 + greeting.size());
        QCOMPARE(integer(report, "bytes_out"), 200 + greeting.size());
    }

    void streamThroughRefserverIsVerified()
    {
        Tool server(refserverPath());
        const quint16 port = startRefserver(server, QStringLiteral("echo"));
        QVERIFY2(port != 0, qPrintable(server.errors()));

        Tool client(loadgenPath());
        QVERIFY(runLoadgen(client, port, {QStringLiteral("--mode"), QStringLiteral("stream"), QStringLiteral("--megabytes"), QStringLiteral("16")}));
        QCOMPARE(client.process.exitCode(), 0);
        const QJsonObject stream = client.result();
        QCOMPARE(stream.value(QLatin1String("mode")).toString(), QStringLiteral("stream"));
        QCOMPARE(stream.value(QLatin1String("verified")).toBool(), true);
        QCOMPARE(integer(stream, "ok"), 1);
        QVERIFY(stream.value(QLatin1String("mib_per_s")).toDouble() > 0);

        const QJsonObject report = stopRefserver(server);
        QCOMPARE(integer(report, "accepted"), 1);
        QCOMPARE(integer(report, "bytes_in"), 16 * MiB);
        QCOMPARE(integer(report, "bytes_out"), 16 * MiB);
    }

    void sequentialConnectsOneAfterAnother_data()
    {
        QTest::addColumn<bool>("keep");
        QTest::newRow("each closed") << false;
        QTest::newRow("all kept open") << true;
    }

    void sequentialConnectsOneAfterAnother()
    {
        QFETCH(bool, keep);
        Tool server(refserverPath());
        const quint16 port = startRefserver(server, QStringLiteral("hold"));
        QVERIFY2(port != 0, qPrintable(server.errors()));

        Tool client(loadgenPath());
        QStringList arguments{QStringLiteral("--mode"), QStringLiteral("sequential"), QStringLiteral("--count"),
                              QStringLiteral("100")};
        if (keep)
            arguments << QStringLiteral("--keep");
        QVERIFY(runLoadgen(client, port, arguments));
        QCOMPARE(client.process.exitCode(), 0);
        const QJsonObject sequential = client.result();
        QCOMPARE(sequential.value(QLatin1String("mode")).toString(), QStringLiteral("sequential"));
        QCOMPARE(integer(sequential, "ok"), 100);
        QCOMPARE(integer(sequential, "failed"), 0);
        // The reference's default backlog (4096) never fills with one connect at a time.
        QCOMPARE(integer(sequential, "stalled"), 0);
        QVERIFY(sequential.contains(QLatin1String("max_connect_ms")));
        QVERIFY(sequential.value(QLatin1String("max_connect_ms")).toDouble() < 900);

        const QJsonObject report = stopRefserver(server);
        QCOMPARE(integer(report, "accepted"), 100);
    }

    void sequentialGivesUpOnAFullQueue()
    {
        // Backlog 1 and nothing accepted: two connections fit in the queue, the third one's SYN
        // is dropped and sent again until the client's timeout.
        QTcpServer server;
        server.setListenBacklogSize(1);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        server.pauseAccepting();

        Tool client(loadgenPath());
        QVERIFY(runLoadgen(client, server.serverPort(),
                   {QStringLiteral("--mode"), QStringLiteral("sequential"), QStringLiteral("--count"), QStringLiteral("3"),
                    QStringLiteral("--keep"), QStringLiteral("--timeout-ms"), QStringLiteral("1500")}));
        QCOMPARE(client.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(client.process.exitCode(), 1);
        const QJsonObject sequential = client.result();
        QCOMPARE(integer(sequential, "ok"), 2);
        QCOMPARE(integer(sequential, "failed"), 1);
        QCOMPARE(integer(sequential, "stalled"), 0);
        QVERIFY(client.errors().contains(QStringLiteral("timeout: connect")));
    }

    void holdKeepsConnectionsUntilStdinEnds()
    {
        Tool server(refserverPath());
        const quint16 port = startRefserver(server, QStringLiteral("hold"));
        QVERIFY2(port != 0, qPrintable(server.errors()));

        Tool client(loadgenPath());
        client.start({QStringLiteral("--mode"), QStringLiteral("hold"), QStringLiteral("--count"), QStringLiteral("100"),
                      QStringLiteral("--concurrency"), QStringLiteral("16"), QStringLiteral("--port"),
                      QString::number(port)});
        const QRegularExpressionMatch held = client.waitForLine(QRegularExpression(QStringLiteral("^HELD (\\d+) (\\d+) [0-9.]+$")));
        QVERIFY2(held.hasMatch(), qPrintable(client.errors()));
        QCOMPARE(held.captured(1), QStringLiteral("100"));
        QCOMPARE(held.captured(2), QStringLiteral("0"));
        QCOMPARE(client.process.state(), QProcess::Running);

        client.process.closeWriteChannel();
        QVERIFY(client.waitForExit());
        QCOMPARE(client.process.exitCode(), 0);
        const QJsonObject hold = client.result();
        QCOMPARE(hold.value(QLatin1String("mode")).toString(), QStringLiteral("hold"));
        QCOMPARE(integer(hold, "ok"), 100);
        QCOMPARE(integer(hold, "failed"), 0);
        QCOMPARE(integer(hold, "dropped"), 0);

        const QJsonObject report = stopRefserver(server);
        QCOMPARE(integer(report, "accepted"), 100);
        QCOMPARE(integer(report, "closed"), 100);
    }

    void holdEndsOnTimeAndOnSignal()
    {
        Tool server(refserverPath());
        const quint16 port = startRefserver(server, QStringLiteral("hold"));
        QVERIFY2(port != 0, qPrintable(server.errors()));
        const QStringList hold{QStringLiteral("--mode"), QStringLiteral("hold"), QStringLiteral("--count"),
                               QStringLiteral("10"), QStringLiteral("--port"), QString::number(port)};

        // stdin stays open: only the hold time can end this run.
        Tool timed(loadgenPath());
        timed.start(hold + QStringList{QStringLiteral("--hold-seconds"), QStringLiteral("0.2")});
        QVERIFY(timed.waitForExit());
        QCOMPARE(timed.process.exitCode(), 0);
        QVERIFY(timed.lines().constFirst().startsWith(QStringLiteral("HELD 10 0 ")));
        QCOMPARE(integer(timed.result(), "ok"), 10);

        Tool signalled(loadgenPath());
        signalled.start(hold);
        QVERIFY(signalled.waitForLine(QRegularExpression(QStringLiteral("^HELD 10 0 "))).hasMatch());
        signalled.process.terminate();
        QVERIFY(signalled.waitForExit());
        QCOMPARE(signalled.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(signalled.process.exitCode(), 0);
        QCOMPARE(integer(signalled.result(), "ok"), 10);

        const QJsonObject report = stopRefserver(server);
        QCOMPARE(integer(report, "accepted"), 20);
        QCOMPARE(integer(report, "closed"), 20);
    }

    void holdServesEachConnectionOnceWithMilestones()
    {
        Tool server(refserverPath());
        const quint16 port = startRefserver(server, QStringLiteral("echo"));
        QVERIFY2(port != 0, qPrintable(server.errors()));

        Tool client(loadgenPath());
        client.start({QStringLiteral("--mode"), QStringLiteral("hold"), QStringLiteral("--count"), QStringLiteral("25"),
                      QStringLiteral("--concurrency"), QStringLiteral("8"), QStringLiteral("--send-byte"),
                      QStringLiteral("--expect"), QStringLiteral("echo"), QStringLiteral("--milestones"),
                      QStringLiteral("10"), QStringLiteral("--port"), QString::number(port)});
        const QRegularExpressionMatch held =
            client.waitForLine(QRegularExpression(QStringLiteral("^HELD (\\d+) (\\d+) ([0-9.]+)$")));
        QVERIFY2(held.hasMatch(), qPrintable(client.errors()));
        QCOMPARE(held.captured(1), QStringLiteral("25"));
        QCOMPARE(held.captured(2), QStringLiteral("0"));

        // One line per 10 served, in order, stamped no later than the HELD line.
        const QRegularExpression milestone(QStringLiteral("^MILESTONE (\\d+) ([0-9.]+)$"));
        QStringList counts;
        double previousMs = 0;
        for (const QString &line : client.lines()) {
            const QRegularExpressionMatch match = milestone.match(line);
            if (!match.hasMatch())
                continue;
            counts.append(match.captured(1));
            const double ms = match.captured(2).toDouble();
            QVERIFY(ms >= previousMs);
            previousMs = ms;
        }
        QCOMPARE(counts, (QStringList{QStringLiteral("10"), QStringLiteral("20")}));
        QVERIFY(previousMs <= held.captured(3).toDouble() * 1000 + 1);

        client.process.closeWriteChannel();
        QVERIFY(client.waitForExit());
        QCOMPARE(client.process.exitCode(), 0);
        const QJsonObject hold = client.result();
        QCOMPARE(integer(hold, "ok"), 25);
        QCOMPARE(integer(hold, "failed"), 0);
        QCOMPARE(integer(hold, "dropped"), 0);

        const QJsonObject report = stopRefserver(server);
        QCOMPARE(integer(report, "accepted"), 25);
        QCOMPARE(integer(report, "bytes_in"), 25);
        QCOMPARE(integer(report, "bytes_out"), 25);
    }

    void holdWithoutAnEchoIsNotServed()
    {
        // The hold server reads and keeps quiet: no connection is ever served.
        Tool server(refserverPath());
        const quint16 port = startRefserver(server, QStringLiteral("hold"));
        QVERIFY2(port != 0, qPrintable(server.errors()));

        Tool client(loadgenPath());
        client.start({QStringLiteral("--mode"), QStringLiteral("hold"), QStringLiteral("--count"), QStringLiteral("5"),
                      QStringLiteral("--send-byte"), QStringLiteral("--expect"), QStringLiteral("echo"),
                      QStringLiteral("--timeout-ms"), QStringLiteral("300"), QStringLiteral("--port"),
                      QString::number(port)});
        QVERIFY2(client.waitForLine(QRegularExpression(QStringLiteral("^HELD 0 5 "))).hasMatch(),
                 qPrintable(client.errors()));
        client.process.closeWriteChannel();
        QVERIFY(client.waitForExit());
        QCOMPARE(client.process.exitCode(), 1);
        QCOMPARE(integer(client.result(), "failed"), 5);
        QVERIFY(client.errors().contains(QStringLiteral("timeout: waiting for the echo")));
        stopRefserver(server);
    }

    void holdCountsConnectionsTheServerDrops()
    {
        TestServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        Tool client(loadgenPath());
        client.start({QStringLiteral("--mode"), QStringLiteral("hold"), QStringLiteral("--count"), QStringLiteral("12"),
                      QStringLiteral("--port"), QString::number(server.serverPort())});
        QVERIFY(client.waitForLine(QRegularExpression(QStringLiteral("^HELD 12 0 "))).hasMatch());
        QTRY_COMPARE_WITH_TIMEOUT(server.sockets.size(), 12, Timeout);

        // Four closed with FIN, four reset, four left open.
        for (int i = 0; i < 8; ++i) {
            QTcpSocket *socket = server.sockets.at(i);
            QVERIFY(socket);
            if (i >= 4) {
                const linger abortive{1, 0};
                QCOMPARE(::setsockopt(static_cast<int>(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &abortive,
                                      sizeof abortive),
                         0);
            }
            socket->abort();
        }
        client.process.closeWriteChannel();
        QVERIFY(client.waitForExit());
        QCOMPARE(client.process.exitCode(), 1);
        const QJsonObject hold = client.result();
        QCOMPARE(integer(hold, "ok"), 12);
        QCOMPARE(integer(hold, "dropped"), 8);
        QCOMPARE(integer(hold, "eof"), 4);
        QCOMPARE(integer(hold, "reset"), 4);
        for (int i = 8; i < 12; ++i) {
            QTcpSocket *socket = server.sockets.at(i);
            QVERIFY(socket);
            QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, Timeout);
        }
    }

    void streamThroughQtEchoServer()
    {
        EchoCounter echo;
        TestServer server;
        server.onConnection = [&echo](QTcpSocket *socket) { echo.attach(socket); };
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        Tool client(loadgenPath());
        QVERIFY(runLoadgen(client, server.serverPort(),
                   {QStringLiteral("--mode"), QStringLiteral("stream"), QStringLiteral("--megabytes"), QStringLiteral("4"),
                    QStringLiteral("--chunk-kib"), QStringLiteral("16")}));
        QCOMPARE(client.process.exitCode(), 0);
        const QJsonObject stream = client.result();
        QCOMPARE(stream.value(QLatin1String("verified")).toBool(), true);
        QCOMPARE(integer(stream, "ok"), 1);
        QCOMPARE(server.sockets.size(), 1);
        QCOMPARE(echo.received, 4 * MiB);
    }

    void tlsChurnHandshakesEveryConnection()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        TestTlsServer server;
        if (!server.setUp())
            QSKIP("no openssl command to make a certificate");
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        Tool client(loadgenPath());
        QVERIFY(runLoadgen(client, server.serverPort(),
                   {QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--tls"), QStringLiteral("--count"),
                    QStringLiteral("20"), QStringLiteral("--concurrency"), QStringLiteral("4")}));
        QCOMPARE(client.process.exitCode(), 0);
        const QJsonObject churn = client.result();
        QCOMPARE(integer(churn, "ok"), 20);
        QCOMPARE(integer(churn, "failed"), 0);
        QCOMPARE(churn.value(QLatin1String("tls")).toBool(), true);
        // Every one finished its handshake on the server's side too.
        QTRY_COMPARE_WITH_TIMEOUT(server.sockets.size(), 20, Timeout);
    }

    void tlsChurnFailsAgainstAPlainServer()
    {
        Tool server(refserverPath());
        const quint16 port = startRefserver(server, QStringLiteral("close"));
        QVERIFY2(port != 0, qPrintable(server.errors()));

        Tool client(loadgenPath());
        QVERIFY(runLoadgen(client, port,
                   {QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--tls"), QStringLiteral("--count"),
                    QStringLiteral("5")}));
        QCOMPARE(client.process.exitCode(), 1);
        const QJsonObject churn = client.result();
        QCOMPARE(integer(churn, "ok"), 0);
        QCOMPARE(integer(churn, "failed"), 5);
        QVERIFY(client.errors().contains(QStringLiteral("handshake")));
    }

    void tlsStreamThroughQtEchoServer()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        EchoCounter echo;
        TestTlsServer server;
        if (!server.setUp())
            QSKIP("no openssl command to make a certificate");
        server.onConnection = [&echo](QSslSocket *socket) { echo.attach(socket); };
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        Tool client(loadgenPath());
        QVERIFY(runLoadgen(client, server.serverPort(),
                   {QStringLiteral("--mode"), QStringLiteral("stream"), QStringLiteral("--tls"),
                    QStringLiteral("--megabytes"), QStringLiteral("4")}));
        QCOMPARE(client.process.exitCode(), 0);
        const QJsonObject stream = client.result();
        QCOMPARE(stream.value(QLatin1String("verified")).toBool(), true);
        QCOMPARE(stream.value(QLatin1String("tls")).toBool(), true);
        QCOMPARE(integer(stream, "ok"), 1);
        QCOMPARE(echo.received, 4 * MiB);
    }

    void streamDetectsACorruptedByte()
    {
        EchoCounter echo;
        echo.corruptAt = 3 * MiB + 12345;
        TestServer server;
        server.onConnection = [&echo](QTcpSocket *socket) { echo.attach(socket); };
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        Tool client(loadgenPath());
        QVERIFY(runLoadgen(client, server.serverPort(),
                   {QStringLiteral("--mode"), QStringLiteral("stream"), QStringLiteral("--megabytes"), QStringLiteral("4")}));
        QCOMPARE(client.process.exitCode(), 1);
        const QJsonObject stream = client.result();
        QCOMPARE(stream.value(QLatin1String("verified")).toBool(), false);
        QCOMPARE(integer(stream, "ok"), 0);
        QCOMPARE(integer(stream, "failed"), 1);
        QVERIFY(echo.received > echo.corruptAt);
        QVERIFY2(client.errors().contains(QStringLiteral("byte %1 differs").arg(echo.corruptAt)), "wrong offset reported");
    }

    void churnDetectsAWrongEcho()
    {
        TestServer server;
        server.onConnection = [](QTcpSocket *socket) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("y");
            });
        };
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        Tool client(loadgenPath());
        QVERIFY(runLoadgen(client, server.serverPort(),
                   {QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"), QStringLiteral("10"),
                    QStringLiteral("--send-byte"), QStringLiteral("--expect"), QStringLiteral("echo")}));
        QCOMPARE(client.process.exitCode(), 1);
        const QJsonObject churn = client.result();
        QCOMPARE(integer(churn, "ok"), 0);
        QCOMPARE(integer(churn, "failed"), 10);
        QCOMPARE(churn.value(QLatin1String("verified")).toBool(), false);
        QCOMPARE(server.sockets.size(), 10);
    }

    void churnTimesOutWhenTheServerDoesNotClose()
    {
        Tool server(refserverPath());
        const quint16 port = startRefserver(server, QStringLiteral("hold"));
        QVERIFY2(port != 0, qPrintable(server.errors()));

        Tool client(loadgenPath());
        QVERIFY(runLoadgen(client, port,
                   {QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"), QStringLiteral("4"),
                    QStringLiteral("--expect"), QStringLiteral("close"), QStringLiteral("--timeout-ms"),
                    QStringLiteral("300")}));
        QCOMPARE(client.process.exitCode(), 1);
        const QJsonObject churn = client.result();
        QCOMPARE(integer(churn, "ok"), 0);
        QCOMPARE(integer(churn, "failed"), 4);
        QVERIFY(churn.value(QLatin1String("seconds")).toDouble() >= 0.3);
        QVERIFY(client.errors().contains(QStringLiteral("timeout")));

        // The server held all four until the client gave up on them.
        const QJsonObject report = stopRefserver(server);
        QCOMPARE(integer(report, "accepted"), 4);
        QCOMPARE(integer(report, "closed"), 4);
    }

    void nothingListeningFailsEveryConnection_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("failed");
        QTest::newRow("churn") << QStringList{QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"),
                                              QStringLiteral("20"), QStringLiteral("--concurrency"), QStringLiteral("4")}
                               << 20;
        QTest::newRow("stream") << QStringList{QStringLiteral("--mode"), QStringLiteral("stream"),
                                               QStringLiteral("--megabytes"), QStringLiteral("1")}
                                << 1;
        QTest::newRow("sequential") << QStringList{QStringLiteral("--mode"), QStringLiteral("sequential"),
                                                   QStringLiteral("--count"), QStringLiteral("20")}
                                    << 20;
    }

    void nothingListeningFailsEveryConnection()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, failed);
        const quint16 port = unusedPort();
        QVERIFY(port != 0);

        Tool client(loadgenPath());
        QVERIFY(runLoadgen(client, port, arguments));
        QCOMPARE(client.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(client.process.exitCode(), 1);
        const QJsonObject result = client.result();
        QCOMPARE(integer(result, "ok"), 0);
        QCOMPARE(integer(result, "failed"), failed);
        QVERIFY(client.errors().contains(QStringLiteral("refused")));
    }

    void badUsageExitsWithTwo_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        const QString loadgen = loadgenPath();
        const QString refserver = refserverPath();
        QTest::newRow("loadgen without arguments") << loadgen << QStringList{};
        QTest::newRow("loadgen unknown mode")
            << loadgen << QStringList{QStringLiteral("--mode"), QStringLiteral("flood"), QStringLiteral("--port"), QStringLiteral("1")};
        QTest::newRow("loadgen without port")
            << loadgen << QStringList{QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"), QStringLiteral("1")};
        QTest::newRow("loadgen port out of range")
            << loadgen
            << QStringList{QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"), QStringLiteral("1"),
                           QStringLiteral("--port"), QStringLiteral("65536")};
        QTest::newRow("loadgen count not a number")
            << loadgen
            << QStringList{QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"), QStringLiteral("many"),
                           QStringLiteral("--port"), QStringLiteral("1")};
        QTest::newRow("loadgen echo without a byte")
            << loadgen
            << QStringList{QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"), QStringLiteral("1"),
                           QStringLiteral("--port"), QStringLiteral("1"), QStringLiteral("--expect"), QStringLiteral("echo")};
        QTest::newRow("loadgen option of another mode")
            << loadgen
            << QStringList{QStringLiteral("--mode"), QStringLiteral("stream"), QStringLiteral("--megabytes"), QStringLiteral("1"),
                           QStringLiteral("--port"), QStringLiteral("1"), QStringLiteral("--count"), QStringLiteral("5")};
        QTest::newRow("loadgen keep outside sequential")
            << loadgen
            << QStringList{QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"), QStringLiteral("1"),
                           QStringLiteral("--port"), QStringLiteral("1"), QStringLiteral("--keep")};
        QTest::newRow("loadgen sequential with concurrency")
            << loadgen
            << QStringList{QStringLiteral("--mode"), QStringLiteral("sequential"), QStringLiteral("--count"),
                           QStringLiteral("1"), QStringLiteral("--port"), QStringLiteral("1"), QStringLiteral("--concurrency"),
                           QStringLiteral("4")};
        QTest::newRow("loadgen expect close in hold")
            << loadgen
            << QStringList{QStringLiteral("--mode"), QStringLiteral("hold"), QStringLiteral("--count"), QStringLiteral("1"),
                           QStringLiteral("--port"), QStringLiteral("1"), QStringLiteral("--expect"), QStringLiteral("close")};
        QTest::newRow("loadgen milestones outside hold")
            << loadgen
            << QStringList{QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"), QStringLiteral("1"),
                           QStringLiteral("--port"), QStringLiteral("1"), QStringLiteral("--milestones"), QStringLiteral("1")};
        QTest::newRow("loadgen tls in hold")
            << loadgen
            << QStringList{QStringLiteral("--mode"), QStringLiteral("hold"), QStringLiteral("--count"), QStringLiteral("1"),
                           QStringLiteral("--port"), QStringLiteral("1"), QStringLiteral("--tls")};
        QTest::newRow("loadgen tls with a byte")
            << loadgen
            << QStringList{QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"), QStringLiteral("1"),
                           QStringLiteral("--port"), QStringLiteral("1"), QStringLiteral("--tls"), QStringLiteral("--send-byte")};
        QTest::newRow("loadgen host name")
            << loadgen
            << QStringList{QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"), QStringLiteral("1"),
                           QStringLiteral("--port"), QStringLiteral("1"), QStringLiteral("--host"), QStringLiteral("example.org")};
        QTest::newRow("refserver without mode") << refserver << QStringList{};
        QTest::newRow("refserver unknown mode") << refserver << QStringList{QStringLiteral("--mode"), QStringLiteral("discard")};
        QTest::newRow("refserver unknown option")
            << refserver << QStringList{QStringLiteral("--mode"), QStringLiteral("echo"), QStringLiteral("--verbose")};
    }

    void badUsageExitsWithTwo()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        Tool tool(program);
        tool.start(arguments);
        QVERIFY(tool.waitForExit());
        QCOMPARE(tool.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(tool.process.exitCode(), 2);
        QVERIFY(tool.output.isEmpty());
        const QString errors = tool.errors();
        QCOMPARE(errors.count(QLatin1Char('\n')), 1);
        QVERIFY(errors.endsWith(QStringLiteral("(see --help)\n")));
    }
};

QTEST_GUILESS_MAIN(TestBenchTools)
#include "tst_benchtools.moc"
