// socketlab --headless --profile FILE: the profile's listeners run as saved, the flags given with
// it override it, a bad profile is a usage error naming what is wrong, and the shipped examples
// run. Real clients on loopback check what each listener does.
#include "headlessprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

constexpr int Timeout = 10000;

// What a client gets for what it sends: until `expected` bytes came or the server closed.
QByteArray ask(quint16 port, const QByteArray &request, qsizetype expected)
{
    QTcpSocket client;
    client.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    if (!client.waitForConnected(Timeout))
        return "no connection";
    if (!request.isEmpty())
        client.write(request);
    QByteArray received;
    while (received.size() < expected && client.state() == QAbstractSocket::ConnectedState
           && client.waitForReadyRead(Timeout))
        received += client.readAll();
    return received + client.readAll();
}

} // namespace

class TestHeadlessProfile final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void profileListenersRun();
    void flagsOverrideTheProfile();
    void badProfileIsAUsageError();
    void shippedHttpExampleAnswers();

private:
    QString writeProfile(const QJsonObject &root);
    // The ports of the listeners, in order, once each said where it is bound.
    QList<quint16> boundPorts(HeadlessProcess &server, int count);

    QString m_binary;
    QProcessEnvironment m_environment;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHeadlessProfile::initTestCase()
{
    m_binary = qEnvironmentVariable("SOCKETLAB_BINARY");
    QVERIFY2(!m_binary.isEmpty(), "SOCKETLAB_BINARY must name the socketlab executable");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->path());
}

QString TestHeadlessProfile::writeProfile(const QJsonObject &root)
{
    static int count = 0;
    const QString path = m_dir->filePath(QStringLiteral("profile-%1.json").arg(++count));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QList<quint16> TestHeadlessProfile::boundPorts(HeadlessProcess &server, int count)
{
    QList<quint16> ports;
    for (int listener = 1; listener <= count; ++listener) {
        const QString prefix = count > 1 ? QStringLiteral("\\[#%1\\] ").arg(listener) : QString();
        const QRegularExpression bound(QStringLiteral("^%1Socket bound to 127\\.0\\.0\\.1:(\\d+)$").arg(prefix));
        if (!QTest::qWaitFor([&] { return server.indexOf(bound) >= 0; }, Timeout))
            return {};
        ports.append(quint16(bound.match(server.texts.at(server.indexOf(bound))).captured(1).toUInt()));
    }
    return ports;
}

void TestHeadlessProfile::profileListenersRun()
{
    const QJsonObject echo{{QStringLiteral("port"), 0}, {QStringLiteral("mode"), QStringLiteral("echo")}};
    const QJsonObject greeter{
        {QStringLiteral("port"), 0},
        {QStringLiteral("mode"), QStringLiteral("greeting")},
        {QStringLiteral("greeting"), QStringLiteral("220 ready\\r\\n")},
        {QStringLiteral("rules"), QJsonArray{QJsonObject{{QStringLiteral("pattern"), QStringLiteral("QUIT")},
                                                         {QStringLiteral("reply"), QStringLiteral("221 bye\\r\\n")},
                                                         {QStringLiteral("then"), QStringLiteral("close")}}}},
    };
    const QString path = writeProfile(
        {{QStringLiteral("version"), 1}, {QStringLiteral("listeners"), QJsonArray{echo, greeter}}});
    HeadlessProcess server;
    server.start(m_binary, m_environment, {QStringLiteral("--headless"), QStringLiteral("--profile"), path});
    const QList<quint16> ports = boundPorts(server, 2);
    QVERIFY2(ports.size() == 2, qPrintable(server.dump() + server.standardError()));
    QCOMPARE(ask(ports.at(0), "hello", 5), QByteArray("hello"));
    // The greeting, then the rule's answer and the close.
    QCOMPARE(ask(ports.at(1), "QUIT\r\n", 20), QByteArray("220 ready\r\n221 bye\r\n"));
}

void TestHeadlessProfile::flagsOverrideTheProfile()
{
    const QJsonObject greeter{
        {QStringLiteral("port"), 0},
        {QStringLiteral("mode"), QStringLiteral("greeting")},
        {QStringLiteral("greeting"), QStringLiteral("hi\\n")},
        {QStringLiteral("rules"), QJsonArray{QJsonObject{{QStringLiteral("pattern"), QStringLiteral("PING")},
                                                         {QStringLiteral("reply"), QStringLiteral("PONG")}}}},
    };
    const QString path = writeProfile({{QStringLiteral("version"), 1}, {QStringLiteral("listeners"), QJsonArray{greeter}}});

    // --mode replaces the profile's mode; the rules stay.
    {
        HeadlessProcess server;
        server.start(m_binary, m_environment,
                     {QStringLiteral("--headless"), QStringLiteral("--profile"), path, QStringLiteral("--mode"),
                      QStringLiteral("echo")});
        const QList<quint16> ports = boundPorts(server, 1);
        QVERIFY2(ports.size() == 1, qPrintable(server.dump() + server.standardError()));
        QCOMPARE(ask(ports.at(0), "abc", 3), QByteArray("abc"));
        QCOMPARE(ask(ports.at(0), "PING", 8), QByteArray("PINGPONG"));
    }
    // --listen puts the profile's listener where it says; --rule replaces the rules.
    {
        HeadlessProcess server;
        server.start(m_binary, m_environment,
                     {QStringLiteral("--headless"), QStringLiteral("--profile"), path, QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--rule"), QStringLiteral("PING=>pong")});
        const QList<quint16> ports = boundPorts(server, 2);
        QVERIFY2(ports.size() == 2, qPrintable(server.dump() + server.standardError()));
        for (const quint16 port : ports)
            QCOMPARE(ask(port, "PING", 7), QByteArray("hi\npong"));
    }
}

void TestHeadlessProfile::badProfileIsAUsageError()
{
    const QString path = writeProfile(
        {{QStringLiteral("version"), 1},
         {QStringLiteral("listeners"), QJsonArray{QJsonObject{{QStringLiteral("port"), 70000}}}}});
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.start(m_binary, {QStringLiteral("--headless"), QStringLiteral("--profile"), path});
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.startsWith(QStringLiteral("socketlab: Bad --profile: %1: listeners[1].port: 70000").arg(path)),
             qPrintable(error));
    QVERIFY2(process.readAllStandardOutput().isEmpty(), "nothing listened");
}

void TestHeadlessProfile::shippedHttpExampleAnswers()
{
    const QString path = QStringLiteral(SOCKETLAB_PROFILES_DIR "/misbehaving-http.json");
    HeadlessProcess server;
    server.start(m_binary, m_environment,
                 {QStringLiteral("--headless"), QStringLiteral("--profile"), path, QStringLiteral("--listen"),
                  QStringLiteral("127.0.0.1:0")});
    const QList<quint16> ports = boundPorts(server, 1);
    QVERIFY2(ports.size() == 1, qPrintable(server.dump() + server.standardError()));
    const QByteArray answer = ask(ports.at(0), "GET /hello HTTP/1.0\r\n\r\n", 1 << 20);
    QVERIFY2(answer.startsWith("HTTP/1.0 200 OK\r\n"), answer.constData());
    QVERIFY2(answer.endsWith("path=/hello\n"), answer.constData());
}

QTEST_GUILESS_MAIN(TestHeadlessProfile)
#include "tst_headlessprofile.moc"
