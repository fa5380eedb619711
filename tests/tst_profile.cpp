// Profiles: the whole set-up as JSON, written and read back the same, and read strictly: an
// unknown key or a bad value is named, and nothing is loaded half-way.
#include "profilefile.h"
#include "responserule.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

class TestProfile final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void minimalProfileTakesDefaults();
    void badProfiles_data();
    void badProfiles();
    void fileErrors();
    void shippedExamplesLoad();
};

namespace {

ListenerConfig richListener()
{
    ListenerConfig config;
    config.name = QStringLiteral("api");
    config.address = QStringLiteral("::1");
    config.port = 8080;
    config.backlog = 64;
    config.closeConnectionsOnStop = true;
    config.behaviour.mode = ServerMode::Greeting;
    config.greetingText = QStringLiteral("220 ready\\r\\n");
    config.behaviour.greeting = "220 ready\r\n";
    config.behaviour.maxConnections = 12;
    config.behaviour.transcriptCapacity = 64 * 1024;
    config.behaviour.allowList = AccessList::parse(QStringLiteral("127.0.0.0/8, ::1"), nullptr);
    config.behaviour.denyList = AccessList::parse(QStringLiteral("10.0.0.0/8"), nullptr);
    config.behaviour.idleTimeoutSeconds = 30;
    ResponseRule rule;
    rule.match = ResponseRule::Match::Regex;
    rule.pattern = QStringLiteral("^GET (\\\\S+)");
    rule.reply = QStringLiteral("path=\\\\1");
    rule.delayMs = 100;
    config.behaviour.rules = {rule};
    config.behaviour.faults.latencyMs = 300;
    config.behaviour.faults.jitterMs = 50;
    config.behaviour.faults.sliceBytes = 10;
    config.behaviour.faults.sliceDelayMs = 20;
    config.behaviour.faults.stallReads = true;
    config.behaviour.faults.resetAfterBytes = 1000;
    config.behaviour.faults.resetAfterMs = 5000;
    config.behaviour.faults.slowCloseMs = 250;
    return config;
}

QByteArray profileWithListener(const QJsonObject &listener)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                     {QStringLiteral("listeners"), QJsonArray{listener}}})
        .toJson();
}

} // namespace

void TestProfile::roundTrip()
{
    ListenerConfig tls;
    tls.protocol = ListenerProtocol::Tls;
    tls.port = 8443;
    tls.behaviour.mode = ServerMode::Echo;
    tls.tls.source = TlsCertificateSource::Files;
    tls.tls.certificatePath = QStringLiteral("/etc/ssl/chain.pem");
    tls.tls.keyPath = QStringLiteral("/etc/ssl/key.pem");
    tls.tls.minimumProtocol = TlsMinimumProtocol::Tls13;
    tls.tls.clientCertificate = TlsClientCertificate::Require;
    tls.tls.caPath = QStringLiteral("/etc/ssl/ca.pem");
    tls.tls.alpn = {QStringLiteral("h2"), QStringLiteral("http/1.1")};
    tls.tls.handshakeTimeoutSeconds = 5;
    ListenerConfig proxy;
    proxy.port = 0;
    proxy.behaviour.mode = ServerMode::Forward;
    proxy.behaviour.forwardTarget = *ForwardTarget::parse(QStringLiteral("[::1]:8080"));
    proxy.behaviour.faults.bandwidthKiB = 64;
    ProfileFile::Contents contents;
    contents.description = QStringLiteral("two listeners");
    contents.listeners = {richListener(), tls, proxy};

    QString error;
    const auto back = ProfileFile::fromJson(ProfileFile::toJson(contents), &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->description, contents.description);
    QCOMPARE(back->listeners.size(), 3);
    for (qsizetype i = 0; i < 3; ++i)
        QCOMPARE(back->listeners.at(i), contents.listeners.at(i));
}

void TestProfile::minimalProfileTakesDefaults()
{
    QString error;
    const auto contents = ProfileFile::fromJson(R"({"version": 1, "listeners": [{"port": 0, "mode": "echo"}]})", &error);
    QVERIFY2(contents.has_value(), qPrintable(error));
    const ListenerConfig &config = contents->listeners.constFirst();
    QCOMPARE(config.address, QStringLiteral("127.0.0.1"));
    QCOMPARE(config.port, quint16(0));
    QCOMPARE(config.backlog, 5);
    QCOMPARE(config.behaviour.mode, ServerMode::Echo);
    QCOMPARE(config.behaviour.greeting, QByteArray(ServerBehaviour::DefaultGreeting));
    QVERIFY(config.behaviour.rules.isEmpty());
}

void TestProfile::badProfiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const auto with = [](const char *key, const QJsonValue &value) {
        return profileWithListener(QJsonObject{{QLatin1String(key), value}});
    };
    QTest::newRow("not JSON") << QByteArray("{\n  \"version\": 1,\n  oops\n}")
                              << QStringLiteral("not JSON: ");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not a profile");
    QTest::newRow("no version") << QByteArray(R"({"listeners": []})") << QStringLiteral("version: missing");
    QTest::newRow("newer version") << QByteArray(R"({"version": 2, "listeners": []})")
                                   << QStringLiteral("version: 2 is not a version");
    QTest::newRow("unknown top key") << QByteArray(R"({"version": 1, "listeners": [{}], "colour": "red"})")
                                     << QStringLiteral("colour: unknown key");
    QTest::newRow("no listeners") << QByteArray(R"({"version": 1, "listeners": []})")
                                  << QStringLiteral("listeners: needs a list of 1 to 64 listeners");
    QTest::newRow("unknown listener key") << with("prot", 9000) << QStringLiteral("listeners[1].prot: unknown key");
    QTest::newRow("port too big") << with("port", 70000)
                                  << QStringLiteral("listeners[1].port: 70000 is not a whole number from 0 to 65535");
    QTest::newRow("port as text") << with("port", QStringLiteral("9000"))
                                  << QStringLiteral("listeners[1].port: \"9000\" is not a whole number");
    QTest::newRow("bad address") << with("address", QStringLiteral("localhost.example"))
                                 << QStringLiteral("listeners[1].address: ");
    QTest::newRow("bad mode") << with("mode", QStringLiteral("mirror")) << QStringLiteral("listeners[1].mode: \"mirror\"");
    QTest::newRow("bad greeting") << with("greeting", QStringLiteral("\\q")) << QStringLiteral("listeners[1].greeting: ");
    QTest::newRow("bad allow") << with("allow", QStringLiteral("10.0.0.0/33"))
                               << QStringLiteral("listeners[1].allow: ");
    QTest::newRow("bad flag") << with("closeConnectionsOnStop", 1)
                              << QStringLiteral("listeners[1].closeConnectionsOnStop: 1 is not true or false");
    QTest::newRow("bad rule") << with("rules", QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("regex")},
                                                                      {QStringLiteral("pattern"), QStringLiteral("(")}}})
                              << QStringLiteral("listeners[1].rules[1]: ");
    QTest::newRow("unknown fault") << with("faults", QJsonObject{{QStringLiteral("packet-loss"), 5}})
                                   << QStringLiteral("listeners[1].faults.packet-loss: unknown key");
    QTest::newRow("bad fault value") << with("faults", QJsonObject{{QStringLiteral("slice"), QStringLiteral("ten")}})
                                     << QStringLiteral("listeners[1].faults.slice: ");
    QTest::newRow("fault flag as number") << with("faults", QJsonObject{{QStringLiteral("stall-reads"), 1}})
                                          << QStringLiteral("listeners[1].faults.stall-reads: not true or false");
    QTest::newRow("forward without upstream") << with("mode", QStringLiteral("forward"))
                                              << QStringLiteral("listeners[1].mode: forward needs");
    QTest::newRow("bad upstream") << with("forward", QStringLiteral("nowhere"))
                                  << QStringLiteral("listeners[1].forward: ");
    QTest::newRow("bad tls") << with("tls", QJsonObject{{QStringLiteral("minimumProtocol"), QStringLiteral("1.1")}})
                             << QStringLiteral("listeners[1].tls.minimumProtocol: \"1.1\"");
    QTest::newRow("tls files without key")
        << with("tls", QJsonObject{{QStringLiteral("source"), QStringLiteral("files")},
                                   {QStringLiteral("certificate"), QStringLiteral("/c.pem")}})
        << QStringLiteral("listeners[1].tls.source: files needs both certificate and key");
    QTest::newRow("same port twice")
        << QByteArray(R"({"version": 1, "listeners": [{"port": 9100}, {"port": 9100}]})")
        << QStringLiteral("listeners: ");
}

void TestProfile::badProfiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString problem;
    QVERIFY(!ProfileFile::fromJson(json, &problem).has_value());
    QVERIFY2(problem.startsWith(error), qPrintable(problem));
    // Where only the field is expected, the reason follows it.
    if (error.endsWith(QLatin1String(": ")))
        QVERIFY2(problem.size() > error.size() + 3, qPrintable(problem));
}

void TestProfile::fileErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY(!ProfileFile::load(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY2(error.contains(QStringLiteral("missing.json")), qPrintable(error));

    const QString path = dir.filePath(QStringLiteral("p.json"));
    ProfileFile::Contents contents;
    contents.listeners = {richListener()};
    QVERIFY2(ProfileFile::save(path, contents, &error), qPrintable(error));
    const auto loaded = ProfileFile::load(path, &error);
    QVERIFY2(loaded.has_value(), qPrintable(error));
    QCOMPARE(loaded->listeners.constFirst(), richListener());

    // The line and column of a syntax error, as an editor shows them.
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\n  \"version\": 1,\n  \"listeners\": [,]\n}\n");
    file.close();
    QVERIFY(!ProfileFile::load(path, &error));
    QVERIFY2(error.contains(QStringLiteral("line 3")), qPrintable(error));
}

void TestProfile::shippedExamplesLoad()
{
    const QDir examples(QStringLiteral(SOCKETLAB_PROFILES_DIR));
    const QStringList files = examples.entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY2(files.size() >= 2, qPrintable(examples.path()));
    for (const QString &name : files) {
        QString error;
        const auto contents = ProfileFile::load(examples.filePath(name), &error);
        QVERIFY2(contents.has_value(), qPrintable(error));
        QVERIFY2(!contents->description.isEmpty(), qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
