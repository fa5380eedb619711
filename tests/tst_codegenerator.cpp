// CodeGenerator: the printed programs are real. The Python is run with python3 and the C++ is
// built with g++ and Qt, each on a free port on 127.0.0.1; a client checks what every mode does
// to it (bytes, EOF, an open connection) and the log lines the program prints.

#include "codegenerator.h"
#include "selfsignedcertificate.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <sys/socket.h>

namespace {

constexpr int Timeout = 15000;
// Building a Qt program on a busy machine can take a while.
constexpr int BuildTimeout = 240000;

// Quotes, backslashes, \0 before a digit, a hex escape before a hex digit, UTF-8, a terminal escape,
// a trigraph, markup and the generator's own placeholders: all must arrive as they are.
QByteArray trickyGreeting()
{
    static const char bytes[] = "Hi \"there\" 'you' \\ \0" "1 \0\xc3\xa9" "add \xff" "F \x1b[31m ?\?= %1 @HOST@ <b>x</b>\r\n"
                                "line 2\r\n";
    return QByteArray(bytes, sizeof bytes - 1);
}

// A port nobody listens on now: the system's choice for a socket that is then closed.
quint16 freePort(const QHostAddress &address)
{
    QTcpServer probe;
    return probe.listen(address, 0) ? probe.serverPort() : 0;
}

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) >= 0;
}

// A generated program running as a process, its stdout split into lines as they arrive.
class Program
{
    Q_DISABLE_COPY_MOVE(Program)

public:
    Program() { QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { read(); }); }
    ~Program()
    {
        // A failed check must not leave the server running.
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(Timeout);
        }
    }

    void start(const QString &program, const QStringList &arguments)
    {
        m_process.start(program, arguments);
    }
    bool has(const QString &line) const { return m_lines.contains(line); }
    bool has(const QRegularExpression &pattern) const
    {
        return std::any_of(m_lines.cbegin(), m_lines.cend(),
                           [&pattern](const QString &line) { return pattern.match(line).hasMatch(); });
    }
    QString dump()
    {
        return QStringLiteral("stdout:\n%1\nstderr:\n%2")
            .arg(m_lines.join(QLatin1Char('\n')), QString::fromUtf8(m_process.readAllStandardError()));
    }
    const QStringList &lines() const { return m_lines; }

private:
    void read()
    {
        m_partial += m_process.readAllStandardOutput();
        qsizetype newline = m_partial.indexOf('\n');
        while (newline >= 0) {
            m_lines.append(QString::fromUtf8(m_partial.left(newline)));
            m_partial.remove(0, newline + 1);
            newline = m_partial.indexOf('\n');
        }
    }

    QProcess m_process;
    QStringList m_lines;
    QByteArray m_partial;
};

// A client on a real socket that keeps everything it reads and notes the EOF.
class Client
{
    Q_DISABLE_COPY_MOVE(Client)

public:
    Client()
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, [this] { received += socket.readAll(); });
        QObject::connect(&socket, &QTcpSocket::connected, [this] {
            const QString host = socket.localAddress().toString();
            m_name = (host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host)
                + QLatin1Char(':') + QString::number(socket.localPort());
        });
    }
    // "127.0.0.1:54321", as the program names this client; kept once the socket has closed.
    QString name() const { return m_name; }
    // Ends the sending side only (FIN): the server reads EOF, and this client can still read.
    bool shutdownSending() { return ::shutdown(int(socket.socketDescriptor()), SHUT_WR) == 0; }

    QTcpSocket socket;
    QSignalSpy disconnected{&socket, &QTcpSocket::disconnected};
    QByteArray received;

private:
    QString m_name;
};

// The port from "Socket bound to HOST:PORT", as the program printed it; 0 when it did not.
quint16 boundPort(const Program &program, const QString &host)
{
    const QRegularExpression pattern(QStringLiteral("^Socket bound to %1:(\\d+)$").arg(QRegularExpression::escape(host)));
    for (const QString &line : program.lines()) {
        const QRegularExpressionMatch match = pattern.match(line);
        if (match.hasMatch())
            return quint16(match.captured(1).toUInt());
    }
    return 0;
}

// Programs that differ in every setting the generator reads, for the syntax checks.
QList<CodeSettings> allVariants()
{
    const QList<QHostAddress> addresses = {
        QHostAddress(QHostAddress::LocalHost),  QHostAddress(QHostAddress::LocalHostIPv6),
        QHostAddress(QHostAddress::AnyIPv4),    QHostAddress(QHostAddress::AnyIPv6),
        QHostAddress(QHostAddress::Any),        QHostAddress(QStringLiteral("192.168.1.20")),
        QHostAddress(QStringLiteral("fe80::1%lo")),
    };
    QList<CodeSettings> variants;
    for (const QHostAddress &address : addresses) {
        for (const ServerMode mode : {ServerMode::Hold, ServerMode::Echo, ServerMode::Discard, ServerMode::Greeting,
                                      ServerMode::AcceptAndClose}) {
            CodeSettings settings;
            settings.address = address;
            settings.mode = mode;
            settings.port = quint16(variants.size());
            settings.greeting = variants.size() % 2 ? trickyGreeting() : QByteArray();
            variants.append(settings);
        }
    }
    return variants;
}

// TLS programs that differ in every TLS setting the generator reads.
QList<CodeSettings> tlsVariants()
{
    QList<CodeSettings> variants;
    for (const ServerMode mode : {ServerMode::Hold, ServerMode::Echo, ServerMode::Discard, ServerMode::Greeting,
                                  ServerMode::AcceptAndClose}) {
        CodeSettings settings;
        settings.mode = mode;
        settings.port = quint16(100 + variants.size());
        settings.greeting = trickyGreeting();
        TlsSettings tls;
        tls.certificatePath = QStringLiteral("/tmp/it's \"here\"/cert.pem");
        tls.keyPath = QStringLiteral("key.pem");
        if (variants.size() % 2) {
            tls.minimumProtocol = TlsMinimumProtocol::Tls13;
            tls.alpn = {QStringLiteral("h2"), QStringLiteral("http/1.1")};
            tls.clientCertificate = TlsClientCertificate::Require;
            tls.caPath = QStringLiteral("ca.pem");
            tls.handshakeTimeoutSeconds = 3;
        } else {
            tls.clientCertificate = TlsClientCertificate::Request;
            tls.caPath = QStringLiteral("ca.pem");
        }
        settings.tls = tls;
        settings.address = variants.size() == 2 ? QHostAddress(QHostAddress::Any) : QHostAddress(QHostAddress::LocalHost);
        variants.append(settings);
    }
    return variants;
}

// A TLS client's visit: the handshake, the bytes sent, and everything read until the server
// closes or the timeout; "no handshake: ..." when it fails.
QByteArray tlsVisit(quint16 port, const QByteArray &payload, qsizetype expected, bool *closedByServer = nullptr)
{
    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    if (!client.waitForEncrypted(10000))
        return "no handshake: " + client.errorString().toUtf8();
    if (!payload.isEmpty())
        client.write(payload);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000 && client.state() == QAbstractSocket::ConnectedState
           && (expected < 0 || received.size() < expected)) {
        client.waitForReadyRead(200);
        received += client.readAll();
    }
    received += client.readAll();
    if (closedByServer)
        *closedByServer = client.state() != QAbstractSocket::ConnectedState;
    return received;
}

} // namespace

class TestCodeGenerator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void pythonBytesLiteral_data();
    void pythonBytesLiteral();
    void cppStringLiteral_data();
    void cppStringLiteral();
    void addresses_data();
    void addresses();
    void numbers();
    void namesWhatItLeavesOut();
    void pythonCompiles();

    void pythonModes_data();
    void pythonModes();
    void pythonPortZero();
    void pythonIPv6();
    void pythonAllInterfaces();
    void pythonMaxConnections();
    void pythonForward();
    void pythonForwardRefused();
    void forwardWithoutProgram();

    // Last: the builds started in initTestCase have had the Python tests' time to finish.
    void cppCompilesEveryVariant();
    void cppModes_data();
    void cppModes();
    void pythonTls_data();
    void pythonTls();
    void pythonTlsRefusesPlainText();
    void cppTls();

private:
    void startBuild(const QString &name, const CodeSettings &settings);
    // An echo server over TLS on a free port, with the pair made in initTestCase.
    CodeSettings tlsEcho() const;
    void startPython(Program &program, const CodeSettings &settings);
    void startBuilt(Program &program, const QString &name);
    void checkMode(ServerMode mode, bool python, const QHostAddress &connectTo, quint16 port,
                   const QByteArray &greeting, Program &program);

    QTemporaryDir m_dir;
    QString m_python;
    QString m_cppSkipReason;
    QHash<QString, std::shared_ptr<QProcess>> m_builds;
};

void TestCodeGenerator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    // A certificate and key for the TLS programs, as the app's self-signed pair is made.
    const SelfSignedCertificate::Result pair = SelfSignedCertificate::generate();
    QVERIFY2(pair.ok(), qPrintable(pair.error));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("cert.pem")), QString::fromLatin1(pair.certificatePem)));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("key.pem")), QString::fromLatin1(pair.keyPem)));

    // Start the C++ builds now, so they run while the Python is tested.
    const QString compiler = QStandardPaths::findExecutable(QStringLiteral("g++"));
    const QString pkgConfig = QStandardPaths::findExecutable(QStringLiteral("pkg-config"));
    if (compiler.isEmpty() || pkgConfig.isEmpty()) {
        m_cppSkipReason = QStringLiteral("g++ or pkg-config is not on PATH");
        return;
    }
    if (QProcess::execute(pkgConfig, {QStringLiteral("--exists"), QStringLiteral("Qt6Network")}) != 0) {
        m_cppSkipReason = QStringLiteral("pkg-config does not know Qt6Network");
        return;
    }
    CodeSettings echo;
    echo.mode = ServerMode::Echo;
    echo.port = 0;
    startBuild(QStringLiteral("echo"), echo);
    CodeSettings greeting;
    greeting.mode = ServerMode::Greeting;
    greeting.port = 0;
    greeting.greeting = trickyGreeting();
    startBuild(QStringLiteral("greeting"), greeting);
    startBuild(QStringLiteral("tlsecho"), tlsEcho());

    // Every variant in one translation unit: each program in a namespace of its own.
    QString bundle = QStringLiteral("#include <QCoreApplication>\n#include <QHostAddress>\n#include <QTcpServer>\n"
                                    "#include <QTcpSocket>\n#include <QTextStream>\n#include <memory>\n"
                                    "#include <QFile>\n#include <QSslCertificate>\n#include <QSslCipher>\n"
                                    "#include <QSslConfiguration>\n#include <QSslKey>\n#include <QSslServer>\n"
                                    "#include <QSslSocket>\n");
    const QList<CodeSettings> variants = allVariants() + tlsVariants();
    for (int i = 0; i < variants.size(); ++i) {
        QStringList lines = CodeGenerator::cpp(variants.at(i)).split(QLatin1Char('\n'));
        lines.removeIf([](const QString &line) { return line.startsWith(QLatin1String("#include")); });
        bundle += QStringLiteral("namespace variant%1 {\n%2\n}\n").arg(i).arg(lines.join(QLatin1Char('\n')));
    }
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("bundle.cpp")), bundle));
    auto syntax = std::make_shared<QProcess>();
    syntax->setWorkingDirectory(m_dir.path());
    syntax->setProcessChannelMode(QProcess::MergedChannels);
    syntax->start(QStringLiteral("sh"),
                  {QStringLiteral("-c"), QStringLiteral("g++ -std=c++17 -fPIC -fsyntax-only -Wall -Wextra -Wpedantic "
                                                        "-Wshadow -Werror bundle.cpp $(pkg-config --cflags Qt6Network)")});
    m_builds.insert(QStringLiteral("bundle"), syntax);
}

// Builds the program with the very command its opening comment prints.
void TestCodeGenerator::startBuild(const QString &name, const CodeSettings &settings)
{
    const QString code = CodeGenerator::cpp(settings);
    const QRegularExpression buildLine(QStringLiteral("^//\\s+(g\\+\\+ .*)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = buildLine.match(code);
    QVERIFY2(match.hasMatch(), qPrintable(code));
    QVERIFY(QDir(m_dir.path()).mkdir(name));
    const QString folder = m_dir.filePath(name);
    QVERIFY(writeFile(folder + QStringLiteral("/server.cpp"), code));
    auto build = std::make_shared<QProcess>();
    build->setWorkingDirectory(folder);
    build->setProcessChannelMode(QProcess::MergedChannels);
    build->start(QStringLiteral("sh"), {QStringLiteral("-c"), match.captured(1)});
    m_builds.insert(name, build);
}

void TestCodeGenerator::startPython(Program &program, const CodeSettings &settings)
{
    const QString path = m_dir.filePath(QStringLiteral("server-%1.py").arg(QRandomGenerator::global()->generate()));
    QVERIFY(writeFile(path, CodeGenerator::python(settings)));
    program.start(m_python, {path});
    QTRY_VERIFY2_WITH_TIMEOUT(program.has(QStringLiteral("Waiting for a connection...")), qPrintable(program.dump()),
                              Timeout);
}

void TestCodeGenerator::startBuilt(Program &program, const QString &name)
{
    const std::shared_ptr<QProcess> build = m_builds.value(name);
    QVERIFY(build);
    QVERIFY2(build->waitForFinished(BuildTimeout) || build->state() == QProcess::NotRunning,
             "the build did not finish");
    QVERIFY2(build->exitStatus() == QProcess::NormalExit && build->exitCode() == 0,
             qPrintable(QString::fromUtf8(build->readAll())));
    program.start(m_dir.filePath(name + QStringLiteral("/server")), {});
    QTRY_VERIFY2_WITH_TIMEOUT(program.has(QStringLiteral("Waiting for a connection...")), qPrintable(program.dump()),
                              Timeout);
}

void TestCodeGenerator::pythonBytesLiteral_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("literal");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("b''");
    QTest::newRow("plain") << QByteArray("Hello, world") << QStringLiteral("b'Hello, world'");
    QTest::newRow("quotes") << QByteArray("'\"") << QStringLiteral("b'\\'\"'");
    QTest::newRow("backslash") << QByteArray("a\\b") << QStringLiteral("b'a\\\\b'");
    QTest::newRow("line ends") << QByteArray("\t\r\n") << QStringLiteral("b'\\t\\r\\n'");
    QTest::newRow("NUL before a digit") << QByteArray("\0" "12", 3) << QStringLiteral("b'\\x0012'");
    QTest::newRow("UTF-8") << QByteArray("caf\xc3\xa9") << QStringLiteral("b'caf\\xc3\\xa9'");
    QTest::newRow("ESC and DEL") << QByteArray("\x1b[0m\x7f") << QStringLiteral("b'\\x1b[0m\\x7f'");
    QTest::newRow("two lines") << QByteArray("a\nb") << QStringLiteral("b'a\\n' b'b'");
}

void TestCodeGenerator::pythonBytesLiteral()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, literal);
    QCOMPARE(CodeGenerator::pythonBytesLiteral(bytes), literal);
}

void TestCodeGenerator::cppStringLiteral_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("literal");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("\"\"");
    QTest::newRow("plain") << QByteArray("Hello, world") << QStringLiteral("\"Hello, world\"");
    QTest::newRow("quotes") << QByteArray("'\"") << QStringLiteral("\"'\\\"\"");
    QTest::newRow("backslash") << QByteArray("a\\b") << QStringLiteral("\"a\\\\b\"");
    QTest::newRow("NUL") << QByteArray("a\0b", 3) << QStringLiteral("\"a\\0b\"");
    QTest::newRow("NUL before a digit") << QByteArray("\0" "12", 3) << QStringLiteral("\"\\00012\"");
    QTest::newRow("hex before a hex digit") << QByteArray("\xc3\xa9" "e!") << QStringLiteral("\"\\xc3\\xa9\" \"e!\"");
    QTest::newRow("hex before a letter") << QByteArray("\xffz") << QStringLiteral("\"\\xffz\"");
    QTest::newRow("trigraph") << QByteArray("?\?=?") << QStringLiteral("\"?\\?=?\"");
    QTest::newRow("two lines") << QByteArray("a\r\nb") << QStringLiteral("\"a\\r\\n\" \"b\"");
}

void TestCodeGenerator::cppStringLiteral()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, literal);
    QCOMPARE(CodeGenerator::cppStringLiteral(bytes), literal);
}

void TestCodeGenerator::addresses_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<QStringList>("inPython");
    QTest::addColumn<QStringList>("inCpp");
    const QString exposed = QStringLiteral("Bound to all interfaces: other machines can connect");
    QTest::newRow("127.0.0.1") << QHostAddress(QHostAddress::LocalHost)
                               << QStringList{QStringLiteral("HOST = '127.0.0.1'"), QStringLiteral("socket.AF_INET,")}
                               << QStringList{QStringLiteral("address(QHostAddress::LocalHost)")};
    QTest::newRow("::1") << QHostAddress(QStringLiteral("::1"))
                         << QStringList{QStringLiteral("HOST = '::1'"), QStringLiteral("socket.AF_INET6,"),
                                        QStringLiteral("'[%s]:%d'")}
                         << QStringList{QStringLiteral("address(QHostAddress::LocalHostIPv6)"),
                                        QStringLiteral("\"Socket bound to [::1]:\"")};
    QTest::newRow("0.0.0.0") << QHostAddress(QStringLiteral("0.0.0.0"))
                             << QStringList{QStringLiteral("HOST = '0.0.0.0'"), QStringLiteral("socket.AF_INET,"), exposed}
                             << QStringList{QStringLiteral("address(QHostAddress::AnyIPv4)"), exposed};
    QTest::newRow("::") << QHostAddress(QStringLiteral("::"))
                        << QStringList{QStringLiteral("HOST = '::'"), QStringLiteral("socket.AF_INET6,"),
                                       QStringLiteral("IPV6_V6ONLY, 1)"), exposed}
                        << QStringList{QStringLiteral("address(QHostAddress::AnyIPv6)"), exposed};
    QTest::newRow("any") << QHostAddress(QHostAddress::Any)
                         << QStringList{QStringLiteral("HOST = '::'"), QStringLiteral("socket.AF_INET6,"),
                                        QStringLiteral("IPV6_V6ONLY, 0)"), exposed}
                         << QStringList{QStringLiteral("address(QHostAddress::Any)"), exposed};
    QTest::newRow("interface") << QHostAddress(QStringLiteral("192.168.1.20"))
                               << QStringList{QStringLiteral("HOST = '192.168.1.20'")}
                               << QStringList{QStringLiteral("address(QStringLiteral(\"192.168.1.20\"))")};
    QTest::newRow("scoped") << QHostAddress(QStringLiteral("fe80::1%lo"))
                            << QStringList{QStringLiteral("HOST = 'fe80::1%lo'"), QStringLiteral("socket.AF_INET6,")}
                            << QStringList{QStringLiteral("address(QStringLiteral(\"fe80::1%lo\"))")};
}

void TestCodeGenerator::addresses()
{
    QFETCH(QHostAddress, address);
    QFETCH(QStringList, inPython);
    QFETCH(QStringList, inCpp);
    CodeSettings settings;
    settings.address = address;
    for (const ServerMode mode : {ServerMode::Hold, ServerMode::AcceptAndClose}) {
        settings.mode = mode;
        const QString python = CodeGenerator::python(settings);
        const QString cpp = CodeGenerator::cpp(settings);
        for (const QString &text : inPython)
            QVERIFY2(python.contains(text), qPrintable(text + QStringLiteral(" not in\n") + python));
        for (const QString &text : inCpp)
            QVERIFY2(cpp.contains(text), qPrintable(text + QStringLiteral(" not in\n") + cpp));
        const bool exposed = inPython.contains(QStringLiteral("Bound to all interfaces: other machines can connect"));
        QCOMPARE(python.contains(QLatin1String("Bound to all interfaces")), exposed);
        QCOMPARE(cpp.contains(QLatin1String("Bound to all interfaces")), exposed);
        QCOMPARE(python.contains(QLatin1String("IPV6_V6ONLY")),
                 address == QHostAddress(QHostAddress::AnyIPv6) || address.protocol() == QAbstractSocket::AnyIPProtocol);
    }
}

// Port, backlog and maximum appear as set; Accept and close has no maximum to show.
// Access lists and the idle timeout are not in the programs: each one in force is named at the
// top, in both languages and in every mode, and nothing is said when none is set.
void TestCodeGenerator::namesWhatItLeavesOut()
{
    CodeSettings settings;
    QVERIFY(!CodeGenerator::python(settings).contains(QLatin1String("Not reproduced")));
    QVERIFY(!CodeGenerator::cpp(settings).contains(QLatin1String("Not reproduced")));
    settings.allowList = QStringLiteral("10.0.0.0/8");
    settings.denyList = QStringLiteral("10.1.0.0/16, ::1/128");
    settings.idleTimeoutSeconds = 30;
    for (const ServerMode mode : {ServerMode::Hold, ServerMode::AcceptAndClose}) {
        settings.mode = mode;
        const QString python = CodeGenerator::python(settings);
        QVERIFY(python.contains(QLatin1String("\n# Not reproduced here: the allow list (10.0.0.0/8)")));
        QVERIFY(python.contains(QLatin1String("\n# Not reproduced here: the deny list (10.1.0.0/16, ::1/128).\n")));
        QVERIFY(python.contains(QLatin1String("\n# Not reproduced here: the idle timeout (30 s)")));
        const QString cpp = CodeGenerator::cpp(settings);
        QVERIFY(cpp.contains(QLatin1String("\n// Not reproduced here: the allow list (10.0.0.0/8)")));
        QVERIFY(cpp.contains(QLatin1String("\n// Not reproduced here: the idle timeout (30 s)")));
    }
}

void TestCodeGenerator::numbers()
{
    CodeSettings settings;
    settings.port = 4242;
    settings.backlog = 17;
    settings.maxConnections = 3;
    const QString python = CodeGenerator::python(settings);
    QVERIFY(python.contains(QLatin1String("\nPORT = 4242  #")));
    QVERIFY(python.contains(QLatin1String("\nBACKLOG = 17  #")));
    QVERIFY(python.contains(QLatin1String("\nMAX_CONNECTIONS = 3  #")));
    QVERIFY(python.contains(QLatin1String("nc 127.0.0.1 4242")));
    const QString cpp = CodeGenerator::cpp(settings);
    QVERIFY(cpp.contains(QLatin1String("const quint16 port = 4242;")));
    QVERIFY(cpp.contains(QLatin1String("const int backlog = 17;")));
    QVERIFY(cpp.contains(QLatin1String("const int maxConnections = 3;")));

    settings.mode = ServerMode::AcceptAndClose;
    QVERIFY(!CodeGenerator::python(settings).contains(QLatin1String("MAX_CONNECTIONS")));
    QVERIFY(!CodeGenerator::cpp(settings).contains(QLatin1String("maxConnections")));
    QVERIFY(CodeGenerator::python(settings).contains(QLatin1String("listen(BACKLOG)")));

    settings.port = 0;
    QVERIFY(CodeGenerator::python(settings).contains(QLatin1String("nc 127.0.0.1 PORT (the port it prints)")));
    QVERIFY(CodeGenerator::python(settings) != CodeGenerator::python(CodeSettings{}));
}

// Every variant is valid Python, checked by python3 itself.
void TestCodeGenerator::pythonCompiles()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not on PATH");
    QStringList arguments = {QStringLiteral("-m"), QStringLiteral("py_compile")};
    QList<CodeSettings> variants = allVariants() + tlsVariants();
    // Forward, to IPv4 and IPv6 upstreams and a host name, from plain and TLS listeners.
    for (const QString &upstream : {QStringLiteral("127.0.0.1:8080"), QStringLiteral("[::1]:1"),
                                    QStringLiteral("it-s.example:65535")}) {
        CodeSettings forward;
        forward.mode = ServerMode::Forward;
        forward.address = QHostAddress(variants.size() % 2 ? QHostAddress::LocalHostIPv6 : QHostAddress::AnyIPv4);
        forward.forward = *ForwardTarget::parse(upstream);
        variants.append(forward);
        forward.tls = tlsVariants().constFirst().tls;
        variants.append(forward);
    }
    for (int i = 0; i < variants.size(); ++i) {
        const QString path = m_dir.filePath(QStringLiteral("variant%1.py").arg(i));
        QVERIFY(writeFile(path, CodeGenerator::python(variants.at(i))));
        arguments.append(path);
    }
    QProcess check;
    check.setProcessChannelMode(QProcess::MergedChannels);
    check.start(m_python, arguments);
    QVERIFY(check.waitForFinished(Timeout));
    QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0,
             qPrintable(QString::fromUtf8(check.readAll())));
}

// One client's whole visit, checked from the client's side and in the program's output.
void TestCodeGenerator::checkMode(ServerMode mode, bool python, const QHostAddress &connectTo, quint16 port,
                                  const QByteArray &greeting, Program &program)
{
    QVERIFY2(port != 0, qPrintable(program.dump()));
    Client client;
    client.socket.connectToHost(connectTo, port);
    QVERIFY2(client.socket.waitForConnected(Timeout), qPrintable(client.socket.errorString()));
    const QString name = client.name();
    QTRY_VERIFY2_WITH_TIMEOUT(program.has(QStringLiteral("Connection from ") + name), qPrintable(program.dump()),
                              Timeout);

    QByteArray expected; // all the client must have read in the end
    QString expectedClosed = name + (python ? QStringLiteral(" closed by the peer") : QStringLiteral(" disconnected"));
    switch (mode) {
    case ServerMode::AcceptAndClose: {
        // EOF at once, with nothing before it; then the loop takes the next client the same way.
        QTRY_COMPARE_WITH_TIMEOUT(client.disconnected.count(), 1, Timeout);
        QCOMPARE(client.socket.error(), QAbstractSocket::RemoteHostClosedError);
        QCOMPARE(client.received, QByteArray());
        Client next;
        next.socket.connectToHost(connectTo, port);
        QVERIFY2(next.socket.waitForConnected(Timeout), qPrintable(next.socket.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(next.disconnected.count(), 1, Timeout);
        QCOMPARE(next.received, QByteArray());
        QTRY_VERIFY2_WITH_TIMEOUT(program.has(QStringLiteral("Connection from ") + next.name()),
                                  qPrintable(program.dump()), Timeout);
        return;
    }
    case ServerMode::Echo: {
        // Every byte value, more than one read's worth.
        QByteArray payload(64 * 1024 + 7, Qt::Uninitialized);
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char((i * 7) % 256);
        QCOMPARE(client.socket.write(payload), qint64(payload.size()));
        QTRY_VERIFY_WITH_TIMEOUT(client.received.size() >= payload.size(), Timeout);
        QCOMPARE(client.received, payload);
        expected = payload;
        break;
    }
    case ServerMode::Greeting:
        QTRY_VERIFY_WITH_TIMEOUT(client.received.size() >= greeting.size(), Timeout);
        QCOMPARE(client.received, greeting);
        expected = greeting;
        [[fallthrough]];
    case ServerMode::Hold: {
        // Printed, with the peer's bytes escaped, never interpreted.
        QCOMPARE(client.socket.write(QByteArray("pi\0<ng>", 7)), qint64(7));
        const QString line = name + QStringLiteral(" sent 7 bytes: ")
            + (python ? QStringLiteral("b'pi\\x00<ng>'") : QStringLiteral("pi\\x00<ng>"));
        QTRY_VERIFY2_WITH_TIMEOUT(program.has(line), qPrintable(line + QLatin1Char('\n') + program.dump()), Timeout);
        break;
    }
    case ServerMode::Forward:
        QFAIL("Forward is checked by pythonForward()");
        return;
    case ServerMode::Discard: {
        QCOMPARE(client.socket.write("hello"), qint64(5));
        const QString line = name + QStringLiteral(" sent 5 bytes, discarded (5 in all)");
        QTRY_VERIFY2_WITH_TIMEOUT(program.has(line), qPrintable(line + QLatin1Char('\n') + program.dump()), Timeout);
        expectedClosed += QStringLiteral(" after sending 5 bytes");
        break;
    }
    }

    // Still open: the server ends the connection only once this client has ended its side, and
    // by then it has sent nothing more than the mode says.
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(client.disconnected.count(), 0);
    QVERIFY(client.shutdownSending());
    QTRY_VERIFY2_WITH_TIMEOUT(program.has(expectedClosed), qPrintable(expectedClosed + QLatin1Char('\n') + program.dump()),
                              Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(client.disconnected.count(), 1, Timeout);
    QCOMPARE(client.received, expected);
}

void TestCodeGenerator::pythonModes_data()
{
    QTest::addColumn<ServerMode>("mode");
    QTest::newRow("hold") << ServerMode::Hold;
    QTest::newRow("echo") << ServerMode::Echo;
    QTest::newRow("discard") << ServerMode::Discard;
    QTest::newRow("greeting") << ServerMode::Greeting;
    QTest::newRow("accept and close") << ServerMode::AcceptAndClose;
}

void TestCodeGenerator::pythonModes()
{
    QFETCH(ServerMode, mode);
    if (m_python.isEmpty())
        QSKIP("python3 is not on PATH");
    CodeSettings settings;
    settings.mode = mode;
    settings.port = freePort(QHostAddress(QHostAddress::LocalHost));
    settings.greeting = trickyGreeting();
    Program program;
    startPython(program, settings);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(boundPort(program, QStringLiteral("127.0.0.1")), settings.port);
    QVERIFY(program.has(QStringLiteral("Listening with backlog 5")));
    checkMode(mode, true, QHostAddress(QHostAddress::LocalHost), settings.port, settings.greeting, program);
}

// Forward's program relays both ways, passes the client's FIN on, and says what it did.
void TestCodeGenerator::pythonForward()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not on PATH");
    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    CodeSettings settings;
    settings.mode = ServerMode::Forward;
    settings.port = freePort(QHostAddress(QHostAddress::LocalHost));
    settings.forward = ForwardTarget{QStringLiteral("127.0.0.1"), upstream.serverPort()};
    Program program;
    startPython(program, settings);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(boundPort(program, QStringLiteral("127.0.0.1")), settings.port);

    Client client;
    client.socket.connectToHost(QHostAddress::LocalHost, settings.port);
    QVERIFY2(client.socket.waitForConnected(Timeout), qPrintable(client.socket.errorString()));
    const QString name = client.name();
    QTRY_VERIFY_WITH_TIMEOUT(upstream.hasPendingConnections(), Timeout);
    QTcpSocket *relayed = upstream.nextPendingConnection();
    const QString connected = QStringLiteral("Connection from %1: connected to upstream 127.0.0.1:%2")
                                  .arg(name)
                                  .arg(upstream.serverPort());
    QTRY_VERIFY2_WITH_TIMEOUT(program.has(connected), qPrintable(connected + QLatin1Char('\n') + program.dump()), Timeout);

    QByteArray payload(200 * 1024 + 3, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char((i * 13) % 256);
    QCOMPARE(client.socket.write(payload), qint64(payload.size()));
    QByteArray atUpstream;
    QTRY_VERIFY_WITH_TIMEOUT((atUpstream += relayed->readAll()).size() >= payload.size(), Timeout);
    QCOMPARE(atUpstream, payload);
    relayed->write("pong");
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("pong"), Timeout);

    // The client's FIN reaches the upstream, which then ends its side: the client reads EOF.
    QVERIFY(client.shutdownSending());
    QTRY_COMPARE_WITH_TIMEOUT(relayed->state(), QAbstractSocket::UnconnectedState, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(client.disconnected.count(), 1, Timeout);
    const QString closed = QStringLiteral("Connection from %1 closed").arg(name);
    QTRY_VERIFY2_WITH_TIMEOUT(program.has(closed), qPrintable(closed + QLatin1Char('\n') + program.dump()), Timeout);
}

// An upstream that refuses: the client's connection ends and the program says why.
void TestCodeGenerator::pythonForwardRefused()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not on PATH");
    CodeSettings settings;
    settings.mode = ServerMode::Forward;
    settings.port = freePort(QHostAddress(QHostAddress::LocalHost));
    settings.forward = ForwardTarget{QStringLiteral("127.0.0.1"), freePort(QHostAddress(QHostAddress::LocalHost))};
    Program program;
    startPython(program, settings);
    if (QTest::currentTestFailed())
        return;
    Client client;
    client.socket.connectToHost(QHostAddress::LocalHost, settings.port);
    QVERIFY2(client.socket.waitForConnected(Timeout), qPrintable(client.socket.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(client.disconnected.count(), 1, Timeout);
    const QRegularExpression refused(QStringLiteral("^Connection from %1: upstream 127\\.0\\.0\\.1:%2: .*refused")
                                         .arg(QRegularExpression::escape(client.name()))
                                         .arg(settings.forward.port));
    QTRY_VERIFY2_WITH_TIMEOUT(program.has(refused), qPrintable(program.dump()), Timeout);
}

// No upstream yet, or C++: a comment that says so, never a program that does something else.
void TestCodeGenerator::forwardWithoutProgram()
{
    CodeSettings settings;
    settings.mode = ServerMode::Forward;
    const QString python = CodeGenerator::python(settings);
    QVERIFY2(python.startsWith(QLatin1String("# Forward mode: enter the upstream")), qPrintable(python));
    QVERIFY(!python.contains(QLatin1String("import")));
    settings.forward = ForwardTarget{QStringLiteral("127.0.0.1"), 8080};
    QVERIFY(CodeGenerator::python(settings).contains(QLatin1String("UPSTREAM = ('127.0.0.1', 8080)")));
    const QString cpp = CodeGenerator::cpp(settings);
    QVERIFY2(cpp.startsWith(QLatin1String("// Forward mode has no generated program in this language")), qPrintable(cpp));
    QVERIFY(!cpp.contains(QLatin1String("#include")));
}

// Port 0: the system chooses, and the program prints the port it got.
void TestCodeGenerator::pythonPortZero()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not on PATH");
    CodeSettings settings;
    settings.mode = ServerMode::Echo;
    settings.port = 0;
    Program program;
    startPython(program, settings);
    if (QTest::currentTestFailed())
        return;
    checkMode(ServerMode::Echo, true, QHostAddress(QHostAddress::LocalHost), boundPort(program, QStringLiteral("127.0.0.1")),
              {}, program);
}

void TestCodeGenerator::pythonIPv6()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not on PATH");
    CodeSettings settings;
    settings.address = QHostAddress(QHostAddress::LocalHostIPv6);
    settings.port = freePort(settings.address);
    if (settings.port == 0)
        QSKIP("this machine has no IPv6 loopback");
    settings.mode = ServerMode::Greeting;
    settings.greeting = trickyGreeting();
    Program program;
    startPython(program, settings);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(boundPort(program, QStringLiteral("[::1]")), settings.port);
    checkMode(ServerMode::Greeting, true, settings.address, settings.port, settings.greeting, program);
}

// QHostAddress::Any takes IPv4 clients on an IPv6 socket and names them as IPv4; "::" is IPv6
// only, as Qt binds it.
void TestCodeGenerator::pythonAllInterfaces()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not on PATH");
    if (freePort(QHostAddress(QHostAddress::LocalHostIPv6)) == 0)
        QSKIP("this machine has no IPv6 loopback");
    const QString exposed = QStringLiteral("Bound to all interfaces: other machines can connect");

    CodeSettings dualStack;
    dualStack.address = QHostAddress(QHostAddress::Any);
    dualStack.port = freePort(dualStack.address);
    dualStack.mode = ServerMode::Echo;
    Program both;
    startPython(both, dualStack);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(both.has(exposed), qPrintable(both.dump()));
    checkMode(ServerMode::Echo, true, QHostAddress(QHostAddress::LocalHost), dualStack.port, {}, both);
    if (QTest::currentTestFailed())
        return;

    CodeSettings ipv6Only;
    ipv6Only.address = QHostAddress(QHostAddress::AnyIPv6);
    ipv6Only.port = freePort(QHostAddress(QHostAddress::Any)); // free for IPv4 and IPv6 alike
    ipv6Only.mode = ServerMode::Discard;
    Program only;
    startPython(only, ipv6Only);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(only.has(exposed), qPrintable(only.dump()));
    QTcpSocket ipv4Client;
    ipv4Client.connectToHost(QHostAddress(QHostAddress::LocalHost), ipv6Only.port);
    QVERIFY(!ipv4Client.waitForConnected(Timeout));
    QCOMPARE(ipv4Client.error(), QAbstractSocket::ConnectionRefusedError);
    checkMode(ServerMode::Discard, true, QHostAddress(QHostAddress::LocalHostIPv6), ipv6Only.port, {}, only);
}

// Past the maximum a new client is closed at once and the refusal printed; the others go on.
void TestCodeGenerator::pythonMaxConnections()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not on PATH");
    CodeSettings settings;
    settings.port = freePort(QHostAddress(QHostAddress::LocalHost));
    settings.maxConnections = 1;
    Program program;
    startPython(program, settings);
    if (QTest::currentTestFailed())
        return;

    Client first;
    first.socket.connectToHost(QHostAddress(QHostAddress::LocalHost), settings.port);
    QVERIFY(first.socket.waitForConnected(Timeout));
    QTRY_VERIFY2_WITH_TIMEOUT(program.has(QStringLiteral("Connection from ") + first.name()), qPrintable(program.dump()),
                              Timeout);

    Client second;
    second.socket.connectToHost(QHostAddress(QHostAddress::LocalHost), settings.port);
    QVERIFY(second.socket.waitForConnected(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(second.disconnected.count(), 1, Timeout);
    QCOMPARE(second.received, QByteArray());
    const QString refused = QStringLiteral("Refused %1: already 1 connections open, the maximum").arg(second.name());
    QTRY_VERIFY2_WITH_TIMEOUT(program.has(refused), qPrintable(refused + QLatin1Char('\n') + program.dump()), Timeout);
    QVERIFY(!program.has(QStringLiteral("Connection from ") + second.name()));

    QCOMPARE(first.socket.write("x"), qint64(1));
    QTRY_VERIFY2_WITH_TIMEOUT(program.has(first.name() + QStringLiteral(" sent 1 bytes: b'x'")),
                              qPrintable(program.dump()), Timeout);
    QCOMPARE(first.disconnected.count(), 0);
}

// Every mode and address compiles, without a warning, as one translation unit.
void TestCodeGenerator::cppCompilesEveryVariant()
{
    if (!m_cppSkipReason.isEmpty())
        QSKIP(qPrintable(m_cppSkipReason));
    const std::shared_ptr<QProcess> build = m_builds.value(QStringLiteral("bundle"));
    QVERIFY(build);
    QVERIFY2(build->waitForFinished(BuildTimeout) || build->state() == QProcess::NotRunning,
             "the compiler did not finish");
    QVERIFY2(build->exitStatus() == QProcess::NormalExit && build->exitCode() == 0,
             qPrintable(QString::fromUtf8(build->readAll())));
}

void TestCodeGenerator::cppModes_data()
{
    QTest::addColumn<ServerMode>("mode");
    QTest::newRow("echo") << ServerMode::Echo;
    QTest::newRow("greeting") << ServerMode::Greeting;
}

// The programs built in initTestCase, with the build command they print, run on port 0.
void TestCodeGenerator::cppModes()
{
    QFETCH(ServerMode, mode);
    if (!m_cppSkipReason.isEmpty())
        QSKIP(qPrintable(m_cppSkipReason));
    Program program;
    startBuilt(program, mode == ServerMode::Echo ? QStringLiteral("echo") : QStringLiteral("greeting"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(program.has(QStringLiteral("Listening with backlog 5")));
    checkMode(mode, false, QHostAddress(QHostAddress::LocalHost), boundPort(program, QStringLiteral("127.0.0.1")),
              trickyGreeting(), program);
}

CodeSettings TestCodeGenerator::tlsEcho() const
{
    CodeSettings settings;
    settings.mode = ServerMode::Echo;
    settings.port = 0;
    TlsSettings tls;
    tls.source = TlsCertificateSource::Files;
    tls.certificatePath = m_dir.filePath(QStringLiteral("cert.pem"));
    tls.keyPath = m_dir.filePath(QStringLiteral("key.pem"));
    tls.alpn = {QStringLiteral("echo")};
    settings.tls = tls;
    return settings;
}

void TestCodeGenerator::pythonTls_data()
{
    QTest::addColumn<ServerMode>("mode");
    QTest::newRow("echo") << ServerMode::Echo;
    QTest::newRow("greeting") << ServerMode::Greeting;
    QTest::newRow("accept and close") << ServerMode::AcceptAndClose;
}

// The TLS program, run: a real TLS client handshakes, and gets what the mode sends.
void TestCodeGenerator::pythonTls()
{
    QFETCH(ServerMode, mode);
    if (m_python.isEmpty())
        QSKIP("python3 is not on PATH");
    CodeSettings settings = tlsEcho();
    settings.mode = mode;
    settings.greeting = trickyGreeting();
    const QString code = CodeGenerator::python(settings);
    QVERIFY(code.contains(QStringLiteral("import ssl")));
    QVERIFY2(code.contains(QStringLiteral("openssl s_client -quiet -connect 127.0.0.1:PORT")), qPrintable(code));
    Program program;
    startPython(program, settings);
    if (QTest::currentTestFailed())
        return;
    const quint16 port = boundPort(program, QStringLiteral("127.0.0.1"));
    QVERIFY2(port != 0, qPrintable(program.dump()));
    bool closed = false;
    switch (mode) {
    case ServerMode::Echo: {
        // More than one TLS record, every byte value.
        QByteArray payload(100 * 1024 + 3, Qt::Uninitialized);
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char((i * 13) % 256);
        QCOMPARE(tlsVisit(port, payload, payload.size()), payload);
        break;
    }
    case ServerMode::Greeting:
        QCOMPARE(tlsVisit(port, {}, trickyGreeting().size()), trickyGreeting());
        break;
    default:
        QCOMPARE(tlsVisit(port, {}, -1, &closed), QByteArray());
        QVERIFY(closed);
        break;
    }
    QTRY_VERIFY2_WITH_TIMEOUT(program.has(QRegularExpression(QStringLiteral("TLS handshake done, TLSv1\\.[23], TLS_"))),
                              qPrintable(program.dump()), Timeout);
}

// A client that speaks plain text to the TLS port fails the handshake; the program goes on.
void TestCodeGenerator::pythonTlsRefusesPlainText()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not on PATH");
    Program program;
    startPython(program, tlsEcho());
    if (QTest::currentTestFailed())
        return;
    const quint16 port = boundPort(program, QStringLiteral("127.0.0.1"));
    Client plain;
    plain.socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QVERIFY(plain.socket.waitForConnected(Timeout));
    plain.socket.write("GET / HTTP/1.0\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(plain.disconnected.count(), 1, Timeout);
    QVERIFY(!plain.received.contains("GET")); // nothing echoed in the clear
    QTRY_VERIFY2_WITH_TIMEOUT(program.has(QRegularExpression(QStringLiteral(": TLS failed: "))), qPrintable(program.dump()),
                              Timeout);
    QCOMPARE(tlsVisit(port, "after", 5), QByteArray("after"));
}

// The Qt program with QSslServer, built with the command it prints, serves a TLS echo.
void TestCodeGenerator::cppTls()
{
    if (!m_cppSkipReason.isEmpty())
        QSKIP(qPrintable(m_cppSkipReason));
    Program program;
    startBuilt(program, QStringLiteral("tlsecho"));
    if (QTest::currentTestFailed())
        return;
    const quint16 port = boundPort(program, QStringLiteral("127.0.0.1"));
    QVERIFY2(port != 0, qPrintable(program.dump()));
    QByteArray payload(70 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char((i * 5) % 256);
    QCOMPARE(tlsVisit(port, payload, payload.size()), payload);
    QTRY_VERIFY2_WITH_TIMEOUT(program.has(QRegularExpression(QStringLiteral("TLS handshake done, TLSv1\\.[23], TLS_"))),
                              qPrintable(program.dump()), Timeout);
    QVERIFY2(program.has(QRegularExpression(QStringLiteral("^Connection from 127\\.0\\.0\\.1:\\d+$"))),
             qPrintable(program.dump()));
}

QTEST_GUILESS_MAIN(TestCodeGenerator)
#include "tst_codegenerator.moc"
