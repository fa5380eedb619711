// CommandLine: socketlab [--listen HOST:PORT] [--backlog N] [--headless]

#include "commandline.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QStringList>
#include <QtTest>

#include <vector>

namespace {

QStringList withProgram(const QStringList &arguments)
{
    return QStringList{QStringLiteral("socketlab")} + arguments;
}

QString describe(const CommandLine::Result &result)
{
    return QStringLiteral("outcome %1, message: %2").arg(int(result.outcome)).arg(result.message);
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void noArguments();
    void valid_data();
    void valid();
    void help_data();
    void help();
    void helpAll();
    void version_data();
    void version();
    void badUsage_data();
    void badUsage();
    void scriptBounds();
    void usageExitCode();
    void statsFileInReadOnlyFolder();
    void modeAndStatsFile_data();
    void modeAndStatsFile();

    void severalListens();
    void forward_data();
    void forward();
    void listenProtocols_data();
    void listenProtocols();
    void wantsHeadless_data();
    void wantsHeadless();
    void faultFlags();
    void badFaultFlags_data();
    void badFaultFlags();
    void faultsText();
};

void TestCommandLine::initTestCase()
{
    QCoreApplication::setApplicationName(QStringLiteral("socketlab"));
    QCoreApplication::setApplicationVersion(QStringLiteral("4.5.6"));
}

void TestCommandLine::noArguments()
{
    const CommandLine::Result result = CommandLine::parse(withProgram({}));
    QVERIFY2(result.outcome == CommandLine::Outcome::Run, qPrintable(describe(result)));
    QVERIFY(result.message.isEmpty());
    const CommandLineOptions &options = result.options;
    QCOMPARE(options.listen, false);
    QCOMPARE(options.headless, false);
    QCOMPARE(options.backlog, 5);
    QCOMPARE(options.backlogGiven, false);
    QCOMPARE(options.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(options.port, quint16(9000));
}

void TestCommandLine::valid_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("headless");
    QTest::addColumn<bool>("listen");
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("backlog");
    QTest::addColumn<bool>("backlogGiven");

    const QHostAddress v4(QHostAddress::LocalHost);
    const QHostAddress v6(QHostAddress::LocalHostIPv6);

    QTest::newRow("listen ipv4 port 0") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}
                                        << false << true << v4 << 0 << 5 << false;
    QTest::newRow("listen ipv6") << QStringList{QStringLiteral("--listen"), QStringLiteral("[::1]:9000")} << false
                                 << true << v6 << 9000 << 5 << false;
    QTest::newRow("listen with =") << QStringList{QStringLiteral("--listen=localhost:1234")} << false << true << v4
                                   << 1234 << 5 << false;
    QTest::newRow("listen bare port") << QStringList{QStringLiteral("--listen"), QStringLiteral("8123")} << false
                                      << true << v4 << 8123 << 5 << false;
    QTest::newRow("listen all interfaces") << QStringList{QStringLiteral("--listen"), QStringLiteral("0.0.0.0:7")}
                                           << false << true << QHostAddress(QHostAddress::AnyIPv4) << 7 << 5
                                           << false;
    QTest::newRow("backlog 50") << QStringList{QStringLiteral("--backlog"), QStringLiteral("50")} << false << false
                                << v4 << 9000 << 50 << true;
    QTest::newRow("backlog 1") << QStringList{QStringLiteral("--backlog"), QStringLiteral("1")} << false << false
                               << v4 << 9000 << 1 << true;
    QTest::newRow("backlog max") << QStringList{QStringLiteral("--backlog=65535")} << false << false << v4 << 9000
                                 << 65535 << true;
    QTest::newRow("headless") << QStringList{QStringLiteral("--headless")} << true << false << v4 << 9000 << 5
                              << false;
    QTest::newRow("all, any order")
        << QStringList{QStringLiteral("--backlog"), QStringLiteral("7"), QStringLiteral("--headless"),
                       QStringLiteral("--listen"), QStringLiteral("[::1]:0")}
        << true << true << v6 << 0 << 7 << true;
}

void TestCommandLine::valid()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, headless);
    QFETCH(bool, listen);
    QFETCH(QHostAddress, address);
    QFETCH(int, port);
    QFETCH(int, backlog);
    QFETCH(bool, backlogGiven);

    const CommandLine::Result result = CommandLine::parse(withProgram(arguments));
    QVERIFY2(result.outcome == CommandLine::Outcome::Run, qPrintable(describe(result)));
    QVERIFY(result.message.isEmpty());
    const CommandLineOptions &options = result.options;
    QCOMPARE(options.headless, headless);
    QCOMPARE(options.listen, listen);
    QCOMPARE(options.address.protocol(), address.protocol());
    QVERIFY2(options.address.isEqual(address, QHostAddress::StrictConversion), qPrintable(options.address.toString()));
    QCOMPARE(int(options.port), port);
    QCOMPARE(options.backlog, backlog);
    QCOMPARE(options.backlogGiven, backlogGiven);
}

void TestCommandLine::help_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
    QTest::newRow("-h") << QStringList{QStringLiteral("-h")};
    QTest::newRow("--help among others") << QStringList{QStringLiteral("--headless"), QStringLiteral("--help")};
}

void TestCommandLine::help()
{
    QFETCH(QStringList, arguments);

    const CommandLine::Result result = CommandLine::parse(withProgram(arguments));
    QVERIFY2(result.outcome == CommandLine::Outcome::Exit, qPrintable(describe(result)));
    QVERIFY(!result.message.isEmpty());
    for (const QString &option : {QStringLiteral("--listen"), QStringLiteral("--backlog"), QStringLiteral("--headless"),
                                  QStringLiteral("--help"), QStringLiteral("--version")}) {
        QVERIFY2(result.message.contains(option), qPrintable(option + QStringLiteral(" not in: ") + result.message));
    }
}

// The help text advertises --help-all (added by QCommandLineParser::addHelpOption()); it must
// print the help, not start the app.
void TestCommandLine::helpAll()
{
    const CommandLine::Result help = CommandLine::parse(withProgram({QStringLiteral("--help")}));
    QVERIFY2(help.message.contains(QStringLiteral("--help-all")), qPrintable(help.message));

    const CommandLine::Result result = CommandLine::parse(withProgram({QStringLiteral("--help-all")}));
    QVERIFY2(result.outcome == CommandLine::Outcome::Exit, qPrintable(describe(result)));
    QVERIFY(result.message.contains(QStringLiteral("--listen")));
}

void TestCommandLine::version_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("--version") << QStringList{QStringLiteral("--version")};
    QTest::newRow("-v") << QStringList{QStringLiteral("-v")};
}

void TestCommandLine::version()
{
    QFETCH(QStringList, arguments);

    const CommandLine::Result result = CommandLine::parse(withProgram(arguments));
    QVERIFY2(result.outcome == CommandLine::Outcome::Exit, qPrintable(describe(result)));
    QCOMPARE(result.message, QStringLiteral("socketlab 4.5.6\n"));
}

void TestCommandLine::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions"); // each must appear in the message

    const QString listen = QStringLiteral("--listen");
    const QString backlog = QStringLiteral("--backlog");

    QTest::newRow("listen nonsense") << QStringList{listen, QStringLiteral("nonsense")}
                                     << QStringList{listen, QStringLiteral("nonsense")};
    QTest::newRow("listen port too large") << QStringList{listen, QStringLiteral("1.2.3.4:70000")}
                                           << QStringList{listen, QStringLiteral("70000")};
    QTest::newRow("listen host name") << QStringList{listen, QStringLiteral("example.com:80")}
                                      << QStringList{listen, QStringLiteral("example.com")};
    QTest::newRow("listen unbracketed ipv6") << QStringList{listen, QStringLiteral("::1:80")}
                                             << QStringList{listen, QStringLiteral("[::1]")};
    QTest::newRow("listen without value") << QStringList{listen} << QStringList{QStringLiteral("listen")};
    QTest::newRow("listen twice on one port")
        << QStringList{listen, QStringLiteral("127.0.0.1:1"), listen, QStringLiteral("127.0.0.1:1")}
        << QStringList{listen, QStringLiteral("twice")};
    const QString headless = QStringLiteral("--headless");
    QTest::newRow("exit-after 0") << QStringList{headless, QStringLiteral("--exit-after"), QStringLiteral("0")}
                                  << QStringList{QStringLiteral("--exit-after"), QStringLiteral("\"0\"")};
    QTest::newRow("exit-after words") << QStringList{headless, QStringLiteral("--exit-after"), QStringLiteral("ten")}
                                      << QStringList{QStringLiteral("--exit-after"), QStringLiteral("\"ten\"")};
    QTest::newRow("exit-after in the window") << QStringList{QStringLiteral("--exit-after"), QStringLiteral("3")}
                                              << QStringList{QStringLiteral("--exit-after is for --headless")};
    QTest::newRow("duration 0") << QStringList{headless, QStringLiteral("--duration"), QStringLiteral("0")}
                                << QStringList{QStringLiteral("--duration"), QStringLiteral("\"0\"")};
    QTest::newRow("duration negative") << QStringList{headless, QStringLiteral("--duration=-1")}
                                       << QStringList{QStringLiteral("--duration"), QStringLiteral("\"-1\"")};
    QTest::newRow("duration four decimals")
        << QStringList{headless, QStringLiteral("--duration"), QStringLiteral("1.2345")}
        << QStringList{QStringLiteral("--duration"), QStringLiteral("\"1.2345\"")};
    QTest::newRow("duration twice") << QStringList{headless, QStringLiteral("--duration"), QStringLiteral("1"),
                                                   QStringLiteral("--duration"), QStringLiteral("2")}
                                    << QStringList{QStringLiteral("at most once")};
    QTest::newRow("duration in the window") << QStringList{QStringLiteral("--duration"), QStringLiteral("3")}
                                            << QStringList{QStringLiteral("--duration is for --headless")};
    QTest::newRow("log-format xml") << QStringList{headless, QStringLiteral("--log-format"), QStringLiteral("xml")}
                                    << QStringList{QStringLiteral("--log-format"), QStringLiteral("\"xml\"")};
    QTest::newRow("log-format in the window") << QStringList{QStringLiteral("--log-format"), QStringLiteral("jsonl")}
                                              << QStringList{QStringLiteral("--log-format is for --headless")};
    const QString forward = QStringLiteral("--forward");
    QTest::newRow("forward without port") << QStringList{forward, QStringLiteral("127.0.0.1")}
                                          << QStringList{forward, QStringLiteral("\"127.0.0.1\"")};
    QTest::newRow("forward port 0") << QStringList{forward, QStringLiteral("127.0.0.1:0")}
                                    << QStringList{forward, QStringLiteral("\"127.0.0.1:0\""), QStringLiteral("1 to 65535")};
    QTest::newRow("forward port too large") << QStringList{forward, QStringLiteral("localhost:70000")}
                                            << QStringList{forward, QStringLiteral("70000")};
    QTest::newRow("forward unbracketed ipv6") << QStringList{forward, QStringLiteral("::1:80")}
                                              << QStringList{forward, QStringLiteral("[::1]")};
    QTest::newRow("forward bad host") << QStringList{forward, QStringLiteral("a b:80")}
                                      << QStringList{forward, QStringLiteral("\"a b\"")};
    QTest::newRow("forward empty") << QStringList{forward, QString()} << QStringList{forward, QStringLiteral("HOST:PORT")};
    QTest::newRow("forward twice") << QStringList{forward, QStringLiteral("127.0.0.1:1"), forward,
                                                  QStringLiteral("127.0.0.1:2")}
                                   << QStringList{forward, QStringLiteral("at most once")};
    QTest::newRow("forward with another mode")
        << QStringList{forward, QStringLiteral("127.0.0.1:1"), QStringLiteral("--mode"), QStringLiteral("echo")}
        << QStringList{forward, QStringLiteral("--mode echo")};
    QTest::newRow("mode forward without target") << QStringList{QStringLiteral("--mode"), QStringLiteral("forward")}
                                                 << QStringList{QStringLiteral("--mode forward needs --forward")};
    QTest::newRow("backlog 0") << QStringList{backlog, QStringLiteral("0")}
                               << QStringList{backlog, QStringLiteral("\"0\""), QStringLiteral("1 to 65535")};
    QTest::newRow("backlog negative") << QStringList{backlog, QStringLiteral("-3")}
                                      << QStringList{backlog, QStringLiteral("\"-3\"")};
    QTest::newRow("backlog letters") << QStringList{backlog, QStringLiteral("abc")}
                                     << QStringList{backlog, QStringLiteral("\"abc\"")};
    QTest::newRow("backlog huge") << QStringList{backlog, QStringLiteral("99999999999")}
                                  << QStringList{backlog, QStringLiteral("\"99999999999\"")};
    QTest::newRow("backlog above max") << QStringList{backlog, QStringLiteral("65536")}
                                       << QStringList{backlog, QStringLiteral("\"65536\"")};
    QTest::newRow("backlog plus sign") << QStringList{backlog, QStringLiteral("+5")}
                                       << QStringList{backlog, QStringLiteral("\"+5\"")};
    QTest::newRow("backlog fraction") << QStringList{backlog, QStringLiteral("2.5")}
                                      << QStringList{backlog, QStringLiteral("\"2.5\"")};
    QTest::newRow("backlog twice") << QStringList{backlog, QStringLiteral("1"), backlog, QStringLiteral("2")}
                                   << QStringList{backlog, QStringLiteral("once")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                    << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("positional") << QStringList{QStringLiteral("extra")} << QStringList{QStringLiteral("extra")};
    QTest::newRow("positional after options")
        << QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("stray")}
        << QStringList{QStringLiteral("stray")};
    QTest::newRow("value on a flag") << QStringList{QStringLiteral("--headless=yes")}
                                     << QStringList{QStringLiteral("headless")};
    const QString mode = QStringLiteral("--mode");
    QTest::newRow("mode unknown") << QStringList{mode, QStringLiteral("shout")}
                                  << QStringList{mode, QStringLiteral("\"shout\""), QStringLiteral("echo")};
    QTest::newRow("mode empty") << QStringList{mode, QString()} << QStringList{mode};
    QTest::newRow("mode without value") << QStringList{mode} << QStringList{QStringLiteral("mode")};
    QTest::newRow("mode twice") << QStringList{mode, QStringLiteral("echo"), mode, QStringLiteral("hold")}
                                << QStringList{mode, QStringLiteral("once")};
    const QString stats = QStringLiteral("--stats-file");
    QTest::newRow("stats file empty") << QStringList{stats, QStringLiteral(" ")} << QStringList{stats};
    QTest::newRow("stats file in a missing folder")
        << QStringList{stats, QStringLiteral("/nonexistent-socketlab-dir/s.json")}
        << QStringList{stats, QStringLiteral("not an existing folder")};
    QTest::newRow("stats file under a file") << QStringList{stats, QStringLiteral("/etc/hostname/s.json")}
                                             << QStringList{stats, QStringLiteral("not an existing folder")};
    QTest::newRow("stats file is a folder") << QStringList{stats, QStringLiteral("/tmp")}
                                            << QStringList{stats, QStringLiteral("folder")};
    QTest::newRow("mode with spaces only") << QStringList{mode, QStringLiteral("   ")} << QStringList{mode};
    QTest::newRow("mode number") << QStringList{mode, QStringLiteral("1")} << QStringList{mode, QStringLiteral("\"1\"")};
    QTest::newRow("backlog empty") << QStringList{backlog, QString()} << QStringList{backlog};
    QTest::newRow("backlog spaces") << QStringList{backlog, QStringLiteral("  ")} << QStringList{backlog};
    QTest::newRow("listen empty") << QStringList{listen, QString()} << QStringList{listen};
    QTest::newRow("listen port letters") << QStringList{listen, QStringLiteral("127.0.0.1:abc")}
                                         << QStringList{listen, QStringLiteral("abc")};
    QTest::newRow("listen port negative") << QStringList{listen, QStringLiteral("127.0.0.1:-1")}
                                          << QStringList{listen, QStringLiteral("-1")};
    QTest::newRow("listen port huge") << QStringList{listen, QStringLiteral("127.0.0.1:99999999999")}
                                      << QStringList{listen, QStringLiteral("99999999999")};
    QTest::newRow("listen bad octet") << QStringList{listen, QStringLiteral("999.1.1.1:80")}
                                      << QStringList{listen, QStringLiteral("999.1.1.1")};
    QTest::newRow("stats file twice") << QStringList{stats, QStringLiteral("a"), stats, QStringLiteral("b")}
                                      << QStringList{stats, QStringLiteral("once")};
}

void TestCommandLine::modeAndStatsFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("mode");

    QTest::newRow("hold") << QStringLiteral("hold") << int(ServerMode::Hold);
    QTest::newRow("echo") << QStringLiteral("echo") << int(ServerMode::Echo);
    QTest::newRow("discard") << QStringLiteral("discard") << int(ServerMode::Discard);
    QTest::newRow("greeting") << QStringLiteral("greeting") << int(ServerMode::Greeting);
    QTest::newRow("close") << QStringLiteral("close") << int(ServerMode::AcceptAndClose);
    QTest::newRow("upper case") << QStringLiteral("ECHO") << int(ServerMode::Echo);
}

void TestCommandLine::modeAndStatsFile()
{
    QFETCH(QString, name);
    QFETCH(int, mode);

    const CommandLine::Result result = CommandLine::parse(
        withProgram({QStringLiteral("--mode"), name, QStringLiteral("--stats-file"), QStringLiteral("/tmp/s.json")}));
    QVERIFY2(result.outcome == CommandLine::Outcome::Run, qPrintable(describe(result)));
    QVERIFY(result.options.modeGiven);
    QCOMPARE(int(result.options.mode), mode);
    QCOMPARE(result.options.statsFile, QStringLiteral("/tmp/s.json"));

    const CommandLine::Result plain = CommandLine::parse(withProgram({}));
    QVERIFY(!plain.options.modeGiven);
    QCOMPARE(plain.options.mode, ServerMode::Hold);
    QVERIFY(plain.options.statsFile.isEmpty());
}

void TestCommandLine::forward_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    const QString forward = QStringLiteral("--forward");
    QTest::newRow("ipv4") << QStringList{forward, QStringLiteral("127.0.0.1:8080")} << QStringLiteral("127.0.0.1") << 8080;
    QTest::newRow("ipv6") << QStringList{forward, QStringLiteral("[::1]:65535")} << QStringLiteral("::1") << 65535;
    QTest::newRow("host name") << QStringList{forward, QStringLiteral("localhost:1")} << QStringLiteral("localhost") << 1;
    QTest::newRow("with mode forward")
        << QStringList{QStringLiteral("--mode"), QStringLiteral("forward"), forward, QStringLiteral(" 10.0.0.1:80 ")}
        << QStringLiteral("10.0.0.1") << 80;
    QTest::newRow("headless") << QStringList{QStringLiteral("--headless"), QStringLiteral("--forward=127.0.0.1:9")}
                              << QStringLiteral("127.0.0.1") << 9;
}

// --forward sets Forward mode and its target; the rest of the behaviour stays as given.
void TestCommandLine::forward()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, host);
    QFETCH(int, port);

    const CommandLine::Result result = CommandLine::parse(withProgram(arguments));
    QVERIFY2(result.outcome == CommandLine::Outcome::Run, qPrintable(describe(result)));
    QVERIFY(result.options.modeGiven);
    QCOMPARE(result.options.mode, ServerMode::Forward);
    QVERIFY(result.options.forwardTarget.has_value());
    QCOMPARE(result.options.forwardTarget->host, host);
    QCOMPARE(int(result.options.forwardTarget->port), port);
    ServerBehaviour base;
    base.idleTimeoutSeconds = 7;
    const ServerBehaviour behaviour = result.options.behaviour(base);
    QCOMPARE(behaviour.mode, ServerMode::Forward);
    QCOMPARE(behaviour.forwardTarget.host, host);
    QCOMPARE(int(behaviour.forwardTarget.port), port);
    QCOMPARE(behaviour.idleTimeoutSeconds, 7);
}

void TestCommandLine::severalListens()
{
    const CommandLine::Result result = CommandLine::parse(withProgram(
        {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:9000"),
         QStringLiteral("--listen"), QStringLiteral("tcp://[::1]:9000"), QStringLiteral("--listen"),
         QStringLiteral("127.0.0.1:9001"), QStringLiteral("--mode"), QStringLiteral("echo")}));
    QVERIFY2(result.outcome == CommandLine::Outcome::Run, qPrintable(describe(result)));
    const CommandLineOptions &options = result.options;
    QCOMPARE(options.listens.size(), qsizetype(3));
    QCOMPARE(options.listens.at(0).address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(options.listens.at(0).port, quint16(9000));
    QCOMPARE(options.listens.at(1).address, QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(options.listens.at(1).port, quint16(9000));
    QCOMPARE(options.listens.at(2).port, quint16(9001));
    for (const ListenSpec &spec : options.listens)
        QCOMPARE(spec.protocol, ListenerProtocol::Tcp);
    // The first is also the one listen of the window's fields.
    QVERIFY(options.listen);
    QCOMPARE(options.port, quint16(9000));
    QCOMPARE(options.behaviour().mode, ServerMode::Echo);

    // Several ports 0 are several free ports, not a clash.
    const CommandLine::Result zeros = CommandLine::parse(withProgram(
        {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
         QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}));
    QVERIFY2(zeros.outcome == CommandLine::Outcome::Run, qPrintable(describe(zeros)));
    QCOMPARE(zeros.options.listens.size(), qsizetype(2));

    // None given: no listens, and the one default.
    const CommandLine::Result none = CommandLine::parse(withProgram({QStringLiteral("--headless")}));
    QVERIFY(none.options.listens.isEmpty());
    QVERIFY(!none.options.listen);
}

void TestCommandLine::listenProtocols_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions"); // empty: accepted
    const QString headless = QStringLiteral("--headless");
    const QString listen = QStringLiteral("--listen");
    QTest::newRow("tcp prefix") << QStringList{headless, listen, QStringLiteral("tcp://127.0.0.1:9000")} << QString();
    QTest::newRow("TCP upper case") << QStringList{headless, listen, QStringLiteral("TCP://127.0.0.1:9000")}
                                    << QString();
    QTest::newRow("tls without flags") << QStringList{headless, listen, QStringLiteral("tls://127.0.0.1:8443")}
                                       << QStringLiteral("TLS listeners need --tls-cert/--tls-key or --tls-self-signed");
    // The window's listener has its form's TLS settings.
    QTest::newRow("tls in the window") << QStringList{listen, QStringLiteral("tls://127.0.0.1:8443")} << QString();
    QTest::newRow("unknown protocol") << QStringList{headless, listen, QStringLiteral("http://127.0.0.1:80")}
                                      << QStringLiteral("\"http\" is not a protocol here");
    QTest::newRow("prefix without address") << QStringList{headless, listen, QStringLiteral("tcp://")}
                                            << QStringLiteral("--listen");
    QTest::newRow("duplicate") << QStringList{headless, listen, QStringLiteral("127.0.0.1:9000"), listen,
                                              QStringLiteral("localhost:9000")}
                               << QStringLiteral("127.0.0.1:9000 is given twice");
    QTest::newRow("any covers loopback") << QStringList{headless, listen, QStringLiteral("127.0.0.1:9000"), listen,
                                                        QStringLiteral("0.0.0.0:9000")}
                                         << QStringLiteral("127.0.0.1:9000 and 0.0.0.0:9000 both take port 9000");
    QTest::newRow("dual stack covers ipv6") << QStringList{headless, listen, QStringLiteral("[::]:9000"), listen,
                                                           QStringLiteral("tcp://[::1]:9000")}
                                            << QStringLiteral("both take port 9000");
    QTest::newRow("several in the window") << QStringList{listen, QStringLiteral("127.0.0.1:1"), listen,
                                                          QStringLiteral("127.0.0.1:2")}
                                           << QString();
}

void TestCommandLine::listenProtocols()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const CommandLine::Result result = CommandLine::parse(withProgram(arguments));
    if (mentions.isEmpty()) {
        QVERIFY2(result.outcome == CommandLine::Outcome::Run, qPrintable(describe(result)));
        QCOMPARE(result.options.listens.size(), qsizetype(arguments.count(QStringLiteral("--listen"))));
        const bool tls = arguments.constLast().startsWith(QStringLiteral("tls://"));
        QCOMPARE(result.options.listens.constLast().protocol, tls ? ListenerProtocol::Tls : ListenerProtocol::Tcp);
        return;
    }
    QVERIFY2(result.outcome == CommandLine::Outcome::BadUsage, qPrintable(describe(result)));
    QVERIFY2(result.message.contains(mentions), qPrintable(describe(result)));
    QCOMPARE(CommandLine::UsageExitCode, 2);
}

void TestCommandLine::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);

    const CommandLine::Result result = CommandLine::parse(withProgram(arguments));
    QVERIFY2(result.outcome == CommandLine::Outcome::BadUsage, qPrintable(describe(result)));
    for (const QString &mention : std::as_const(mentions))
        QVERIFY2(result.message.contains(mention), qPrintable(mention + QStringLiteral(" not in: ") + result.message));
    // Every usage error points at --help, by the application's name.
    QVERIFY2(result.message.contains(QStringLiteral("Try 'socketlab --help'")), qPrintable(result.message));
    // The problem comes first, on its own line, and is not empty.
    const QString firstLine = result.message.section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(!firstLine.trimmed().isEmpty(), qPrintable(result.message));
    QVERIFY2(!firstLine.contains(QStringLiteral("Try '")), qPrintable(result.message));
}

void TestCommandLine::statsFileInReadOnlyFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    });
    if (QFileInfo(dir.path()).isWritable())
        QSKIP("permissions do not bind this user (root)");
    const QString path = dir.filePath(QStringLiteral("s.json"));
    const CommandLine::Result result = CommandLine::parse(withProgram({QStringLiteral("--stats-file"), path}));
    QVERIFY2(result.outcome == CommandLine::Outcome::BadUsage, qPrintable(describe(result)));
    QVERIFY2(result.message.section(QLatin1Char('\n'), 0, 0).contains(QStringLiteral("cannot write")),
             qPrintable(result.message));
}

void TestCommandLine::scriptBounds()
{
    const CommandLine::Result result = CommandLine::parse(
        withProgram({QStringLiteral("--headless"), QStringLiteral("--exit-after"), QStringLiteral("12"),
                     QStringLiteral("--duration"), QStringLiteral("2.5")}));
    QVERIFY2(result.outcome == CommandLine::Outcome::Run, qPrintable(describe(result)));
    QCOMPARE(result.options.exitAfter, std::optional<int>(12));
    QCOMPARE(result.options.durationMs, std::optional<qint64>(2500));
    const CommandLine::Result none = CommandLine::parse(withProgram({QStringLiteral("--headless")}));
    QVERIFY(!none.options.exitAfter && !none.options.durationMs);
}

void TestCommandLine::usageExitCode()
{
    QCOMPARE(CommandLine::UsageExitCode, 2);
}

void TestCommandLine::faultFlags()
{
    const CommandLine::Result result = CommandLine::parse(withProgram(
        {QStringLiteral("--headless"), QStringLiteral("--latency"), QStringLiteral("300:50"), QStringLiteral("--bandwidth"),
         QStringLiteral("64"), QStringLiteral("--slice"), QStringLiteral("10:50"), QStringLiteral("--stall-reads"),
         QStringLiteral("--reset-after"), QStringLiteral("500ms"), QStringLiteral("--close-after"), QStringLiteral("1000"),
         QStringLiteral("--accept-then-reset"), QStringLiteral("--slow-close"), QStringLiteral("200")}));
    QVERIFY2(result.outcome == CommandLine::Outcome::Run, qPrintable(describe(result)));
    QVERIFY(result.options.faults.has_value());
    const Faults faults = result.options.behaviour().faults;
    QCOMPARE(faults.latencyMs, 300);
    QCOMPARE(faults.jitterMs, 50);
    QCOMPARE(faults.bandwidthKiB, 64);
    QCOMPARE(faults.sliceBytes, 10);
    QCOMPARE(faults.sliceDelayMs, 50);
    QVERIFY(faults.stallReads);
    QCOMPARE(faults.resetAfterMs, 500);
    QCOMPARE(faults.resetAfterBytes, qint64(0));
    QCOMPARE(faults.closeAfterBytes, qint64(1000));
    QVERIFY(faults.acceptThenReset);
    QCOMPARE(faults.slowCloseMs, 200);

    const CommandLine::Result bytes = CommandLine::parse(
        withProgram({QStringLiteral("--reset-after"), QStringLiteral("1000"), QStringLiteral("--latency"), QStringLiteral("300")}));
    QVERIFY2(bytes.outcome == CommandLine::Outcome::Run, qPrintable(describe(bytes)));
    QCOMPARE(bytes.options.behaviour().faults.resetAfterBytes, qint64(1000));
    QCOMPARE(bytes.options.behaviour().faults.latencyMs, 300);
    QCOMPARE(bytes.options.behaviour().faults.jitterMs, 0);
    QCOMPARE(bytes.options.behaviour().faults.summary(), QStringLiteral("latency 300 ms, reset after 1000 B"));
    // No fault flag: the listener's own faults stay.
    QVERIFY(!CommandLine::parse(withProgram({})).options.faults.has_value());
}

void TestCommandLine::badFaultFlags_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("firstLine");

    const auto row = [](const char *name, const QString &flag, const QString &value, const QString &firstLine) {
        QTest::newRow(name) << QStringList{QStringLiteral("--headless"), flag, value} << firstLine;
    };
    row("latency letters", QStringLiteral("--latency"), QStringLiteral("abc"),
        QStringLiteral("Bad --latency value \"abc\": expected MS or MS:JITTER, whole milliseconds up to 600000"));
    row("latency three parts", QStringLiteral("--latency"), QStringLiteral("1:2:3"),
        QStringLiteral("Bad --latency value \"1:2:3\": expected MS or MS:JITTER, whole milliseconds up to 600000"));
    row("latency negative", QStringLiteral("--latency"), QStringLiteral("-5"),
        QStringLiteral("Bad --latency value \"-5\": expected MS or MS:JITTER, whole milliseconds up to 600000"));
    row("bandwidth zero", QStringLiteral("--bandwidth"), QStringLiteral("0"),
        QStringLiteral("Bad --bandwidth value \"0\": expected KiB per second, a whole number from 1 to 1048576"));
    row("slice without gap", QStringLiteral("--slice"), QStringLiteral("10"),
        QStringLiteral("Bad --slice value \"10\": expected BYTES:MS, 1 to 1048576 bytes and up to 600000 ms"));
    row("slice zero bytes", QStringLiteral("--slice"), QStringLiteral("0:10"),
        QStringLiteral("Bad --slice value \"0:10\": expected BYTES:MS, 1 to 1048576 bytes and up to 600000 ms"));
    row("reset after words", QStringLiteral("--reset-after"), QStringLiteral("soon"),
        QStringLiteral("Bad --reset-after value \"soon\": expected BYTES (1 or more) or MSms, as 1000 or 500ms"));
    row("reset after seconds", QStringLiteral("--reset-after"), QStringLiteral("5s"),
        QStringLiteral("Bad --reset-after value \"5s\": expected BYTES (1 or more) or MSms, as 1000 or 500ms"));
    row("reset after zero ms", QStringLiteral("--reset-after"), QStringLiteral("0ms"),
        QStringLiteral("Bad --reset-after value \"0ms\": expected BYTES or MSms, 1 to 86400000 ms"));
    row("close after zero", QStringLiteral("--close-after"), QStringLiteral("0"),
        QStringLiteral("Bad --close-after value \"0\": expected BYTES, a whole number of 1 or more"));
    row("slow close empty", QStringLiteral("--slow-close"), QString(),
        QStringLiteral("Bad --slow-close value \"\": expected MS, a whole number from 1 to 600000"));
    QTest::newRow("latency twice") << QStringList{QStringLiteral("--latency"), QStringLiteral("1"),
                                                  QStringLiteral("--latency"), QStringLiteral("2")}
                                   << QStringLiteral("Give --latency at most once");
}

void TestCommandLine::badFaultFlags()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, firstLine);
    const CommandLine::Result result = CommandLine::parse(withProgram(arguments));
    QVERIFY2(result.outcome == CommandLine::Outcome::BadUsage, qPrintable(describe(result)));
    QCOMPARE(result.message.section(QLatin1Char('\n'), 0, 0), firstLine);
}

void TestCommandLine::faultsText()
{
    Faults faults;
    faults.latencyMs = 300;
    faults.jitterMs = 50;
    faults.sliceBytes = 10;
    faults.sliceDelayMs = 50;
    faults.stallReads = true;
    faults.resetAfterMs = 500;
    faults.resetAfterBytes = 1000;
    QCOMPARE(faults.summary(),
             QStringLiteral("latency 300±50 ms, slice 10 B/50 ms, stall reads, reset after 1000 B, reset after 500 ms"));
    QString error;
    const std::optional<Faults> back = Faults::parse(faults.toText(), &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(*back, faults);
    QVERIFY(Faults::parse(QString(), &error).has_value());
    QVERIFY(!Faults::parse(QString(), &error)->any());
    QVERIFY(!Faults::parse(QStringLiteral("latency=abc"), &error).has_value());
    QVERIFY2(error.startsWith(QStringLiteral("latency=abc: expected")), qPrintable(error));
    QVERIFY(!Faults::parse(QStringLiteral("lag=5"), &error).has_value());
    QCOMPARE(error, QStringLiteral("\"lag=5\" is not a fault"));
}

void TestCommandLine::wantsHeadless_data()
{
    QTest::addColumn<QStringList>("arguments"); // including argv[0]
    QTest::addColumn<bool>("expected");

    QTest::newRow("program only") << QStringList{QStringLiteral("socketlab")} << false;
    QTest::newRow("headless") << QStringList{QStringLiteral("socketlab"), QStringLiteral("--headless")} << true;
    QTest::newRow("headless last")
        << QStringList{QStringLiteral("socketlab"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--headless")}
        << true;
    QTest::newRow("other options") << QStringList{QStringLiteral("socketlab"), QStringLiteral("--backlog"),
                                                  QStringLiteral("3")}
                                   << false;
    QTest::newRow("prefix only") << QStringList{QStringLiteral("socketlab"), QStringLiteral("--head")} << false;
    QTest::newRow("longer word") << QStringList{QStringLiteral("socketlab"), QStringLiteral("--headlessly")}
                                 << false;
    QTest::newRow("single dash") << QStringList{QStringLiteral("socketlab"), QStringLiteral("-headless")} << false;
    QTest::newRow("argv[0] is not an option") << QStringList{QStringLiteral("--headless")} << false;
}

void TestCommandLine::wantsHeadless()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, expected);

    std::vector<QByteArray> storage;
    storage.reserve(size_t(arguments.size()));
    for (const QString &argument : std::as_const(arguments))
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &bytes : storage)
        argv.push_back(bytes.data());
    argv.push_back(nullptr);

    QCOMPARE(CommandLine::wantsHeadless(int(arguments.size()), argv.data()), expected);

    // Whenever the full parse accepts the arguments, it agrees on --headless.
    if (arguments.size() > 1 && arguments.constFirst() == QStringLiteral("socketlab")) {
        const CommandLine::Result parsed = CommandLine::parse(arguments);
        if (parsed.outcome == CommandLine::Outcome::Run)
            QCOMPARE(parsed.options.headless, expected);
    }
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
