// Settings read back from a file someone else may have written: garbage, wrong types, huge
// and negative numbers, enormous values. Every read falls back to its default and says so.
#include "serverbehaviour.h"
#include "settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSettings>
#include <QtTest>

namespace {

QString configPath()
{
    return QSettings().fileName();
}

void writeConfig(const QByteArray &contents)
{
    const QString path = configPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(contents);
}

QByteArray readConfig()
{
    QFile file(configPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

enum class Lists { Default, Unreadable };

// Every getter at its documented default; unreadable access lists fail closed instead.
void verifyDefaults(const Settings &settings, Lists lists = Lists::Default)
{
    QCOMPARE(settings.bindAddress(), QStringLiteral("127.0.0.1"));
    QCOMPARE(settings.port(), Settings::DefaultPort);
    QCOMPARE(settings.backlog(), Settings::DefaultBacklog);
    QCOMPARE(settings.closeConnectionsOnStop(), false);
    QCOMPARE(settings.allInterfacesConfirmed(), false);
    QCOMPARE(settings.historyLimit(), Settings::DefaultHistoryLimit);
    const ServerBehaviour behaviour = settings.behaviour();
    QCOMPARE(behaviour.mode, ServerMode::Hold);
    QCOMPARE(behaviour.maxConnections, ServerBehaviour::DefaultMaxConnections);
    QCOMPARE(behaviour.transcriptCapacity, qsizetype(Settings::DefaultTranscriptKiB) * 1024);
    QCOMPARE(behaviour.idleTimeoutSeconds, 0);
    if (lists == Lists::Default) {
        QVERIFY(behaviour.allowList.isEmpty());
        QVERIFY(behaviour.denyList.isEmpty());
    } else {
        QVERIFY(!behaviour.allowList.isValid());
        QVERIFY(!behaviour.denyList.isValid());
    }
    QCOMPARE(settings.greetingText(), QStringLiteral("Hello from Socket Lab\\r\\n"));
    QCOMPARE(settings.sendHistory(), QStringList());
    QCOMPARE(settings.sendFormat(), 0);
    QCOMPARE(settings.lineEnding(), 1);
    QCOMPARE(settings.windowGeometry(), QByteArray());
    QCOMPARE(settings.splitterState(), QByteArray());
    QCOMPARE(settings.headerState(), QByteArray());
}

bool warned(const QStringList &warnings, const QString &key)
{
    for (const QString &line : warnings) {
        if (line.contains(key))
            return true;
    }
    return false;
}

} // namespace

class TestSettings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void missingFileGivesDefaultsQuietly();
    void soundValuesRoundTrip();
    void hostileValuesFallBack_data();
    void hostileValuesFallBack();
    void garbageBytes();
    void tenMegabyteValues();
    void longHistoryEntriesAreNotKept();
    void unquotedAccessListIsRead();
    void badEntryFailsClosed();
    void unreadableValuesStayInTheFile();
    void malformedFileIsNotApplied();
    void recordOnlyValuesAreNotWritten();
    void singleListenerFileMigrates();
    void listenersRoundTrip();
    void unreadableListenerFailsSafe();
    void unreadableTlsFailsSafe();
    void faultsRoundTripAndUnreadable();
    void unreadableForwardTargetIsNone();
};

void TestSettings::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QCoreApplication::setApplicationName(QStringLiteral("socketlab"));
    // The suite's own folder (CTest sets XDG_CONFIG_HOME), never the user's settings.
    QVERIFY(!qEnvironmentVariableIsEmpty("XDG_CONFIG_HOME"));
    QVERIFY(configPath().endsWith(QStringLiteral("SocketLab/socketlab.conf")));
}

void TestSettings::init()
{
    QFile::remove(configPath());
}

void TestSettings::missingFileGivesDefaultsQuietly()
{
    const Settings settings;
    verifyDefaults(settings);
    QCOMPARE(settings.warnings(), QStringList());
}

void TestSettings::soundValuesRoundTrip()
{
    {
        Settings settings;
        settings.setBindAddress(QStringLiteral("::1"));
        settings.setPort(0);
        settings.setBacklog(Settings::MaxBacklog);
        settings.setCloseConnectionsOnStop(true);
        settings.setHistoryLimit(0);
        ServerBehaviour behaviour;
        behaviour.mode = ServerMode::AcceptAndClose;
        behaviour.maxConnections = 1;
        behaviour.transcriptCapacity = 0;
        settings.setBehaviour(behaviour);
        settings.setGreetingText(QStringLiteral("hi\\r\\n"));
        settings.setSendHistory({QStringLiteral("a"), QStringLiteral("b")});
        settings.setSendFormat(1);
        settings.setLineEnding(2);
        settings.setWindowGeometry(QByteArray("\x01\x02", 2));
        settings.sync();
    }
    const Settings settings;
    QCOMPARE(settings.bindAddress(), QStringLiteral("::1"));
    QCOMPARE(settings.port(), quint16(0));
    QCOMPARE(settings.backlog(), Settings::MaxBacklog);
    QCOMPARE(settings.closeConnectionsOnStop(), true);
    QCOMPARE(settings.historyLimit(), 0);
    QCOMPARE(settings.behaviour().mode, ServerMode::AcceptAndClose);
    QCOMPARE(settings.behaviour().maxConnections, 1);
    QCOMPARE(settings.behaviour().transcriptCapacity, qsizetype(0));
    QCOMPARE(settings.greetingText(), QStringLiteral("hi\\r\\n"));
    QCOMPARE(settings.sendHistory(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(settings.sendFormat(), 1);
    QCOMPARE(settings.lineEnding(), 2);
    QCOMPARE(settings.windowGeometry(), QByteArray("\x01\x02", 2));
    // Values in range are not complaints.
    QCOMPARE(settings.warnings(), QStringList());
}

void TestSettings::hostileValuesFallBack_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("keys"); // each must be named in a warning
    QTest::addColumn<bool>("listsUnreadable");

    QTest::newRow("wrong types") << QByteArray("[listener]\n"
                                               "address=@ByteArray(127.0.0.1)\n"
                                               "port=abc\n"
                                               "backlog=five\n"
                                               "closeConnectionsOnStop=maybe\n"
                                               "allInterfacesConfirmed=yes\n"
                                               "[connections]\nhistoryLimit=1.5\n"
                                               "[server]\nmode=echo\ngreeting=@ByteArray(hi)\nallowList=not an address!!\n"
                                               "denyList=@ByteArray(10.0.0.1)\nidleTimeoutSeconds=soon\n"
                                               "maxConnections=true\ntranscriptKiB=\n"
                                               "[send]\nhistory=@ByteArray(x)\nformat=hex\nlineEnding=CRLF\n"
                                               "[window]\ngeometry=not bytes\nsplitter=1\n"
                                               "connectionsHeader=@Invalid()\n")
                                 << QStringList{QStringLiteral("listener/address"), QStringLiteral("listener/port"),
                                                QStringLiteral("listener/backlog"),
                                                QStringLiteral("listener/closeConnectionsOnStop"),
                                                QStringLiteral("listener/allInterfacesConfirmed"),
                                                QStringLiteral("server/allowList"), QStringLiteral("server/denyList"),
                                                QStringLiteral("server/idleTimeoutSeconds"),
                                                QStringLiteral("connections/historyLimit"),
                                                QStringLiteral("server/mode"), QStringLiteral("server/greeting"),
                                                QStringLiteral("server/maxConnections"),
                                                QStringLiteral("send/history"), QStringLiteral("send/format"),
                                                QStringLiteral("send/lineEnding"), QStringLiteral("window/geometry"),
                                                QStringLiteral("window/splitter")}
                                 << true;
    QTest::newRow("negative") << QByteArray("[listener]\nport=-1\nbacklog=-5\n"
                                            "[connections]\nhistoryLimit=-1\n"
                                            "[server]\nmode=-1\nmaxConnections=-100\ntranscriptKiB=-1\n"
                                            "[send]\nformat=-1\nlineEnding=-3\n")
                              << QStringList{QStringLiteral("listener/port"), QStringLiteral("listener/backlog"),
                                             QStringLiteral("connections/historyLimit"), QStringLiteral("server/mode"),
                                             QStringLiteral("server/maxConnections"),
                                             QStringLiteral("server/transcriptKiB"), QStringLiteral("send/format"),
                                             QStringLiteral("send/lineEnding")}
                              << false;
    QTest::newRow("huge") << QByteArray("[listener]\naddress=999.1.1.1\nport=99999999999\nbacklog=65536\n"
                                        "[connections]\nhistoryLimit=2147483648\n"
                                        "[server]\nmode=6\nmaxConnections=99999999999999999999999\n"
                                        "transcriptKiB=4294967296\n"
                                        "[send]\nformat=2\nlineEnding=3\n")
                          << QStringList{QStringLiteral("listener/address"), QStringLiteral("listener/port"),
                                         QStringLiteral("listener/backlog"), QStringLiteral("connections/historyLimit"),
                                         QStringLiteral("server/mode"), QStringLiteral("server/maxConnections"),
                                         QStringLiteral("server/transcriptKiB"), QStringLiteral("send/format"),
                                         QStringLiteral("send/lineEnding")}
                          << false;
    QTest::newRow("host name and zero backlog")
        << QByteArray("[listener]\naddress=example.com\nbacklog=0\n[server]\nmaxConnections=0\n")
        << QStringList{QStringLiteral("listener/address"), QStringLiteral("listener/backlog"),
                       QStringLiteral("server/maxConnections")}
        << false;
}

void TestSettings::hostileValuesFallBack()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, keys);
    QFETCH(bool, listsUnreadable);
    const Lists lists = listsUnreadable ? Lists::Unreadable : Lists::Default;
    writeConfig(file);
    const Settings settings;
    verifyDefaults(settings, lists);
    const QStringList warnings = settings.warnings();
    for (const QString &key : std::as_const(keys))
        QVERIFY2(warned(warnings, key), qPrintable(key + QStringLiteral(" not in: ") + warnings.join(u'\n')));
    // One line each, however often a value is read.
    verifyDefaults(settings, lists);
    QCOMPARE(settings.warnings(), warnings);
    for (const QString &line : warnings) {
        QVERIFY(!line.contains(QLatin1Char('\n')));
        QVERIFY2(line.size() < 300, qPrintable(line));
    }
}

void TestSettings::garbageBytes()
{
    // Noise with NULs, brackets, equals signs and invalid UTF-8: whatever QSettings makes of
    // it, nothing crashes and every value is a default.
    QRandomGenerator random(20261202);
    for (int round = 0; round < 20; ++round) {
        QByteArray noise(64 * 1024, Qt::Uninitialized);
        for (char &c : noise)
            c = char(random.bounded(256));
        writeConfig(noise);
        Settings settings;
        verifyDefaults(settings);
        // Whatever QSettings half-read of it is not the app's: one warning, and a save leaves the
        // file as it was.
        QVERIFY2(settings.isReadOnly() || QSettings().allKeys().isEmpty(), qPrintable(settings.warnings().join(u'\n')));
        if (settings.isReadOnly())
            QCOMPARE(settings.warnings().size(), 1);
        settings.setPort(1234);
        settings.setBindAddress(QStringLiteral("::1"));
        settings.sync();
        QCOMPARE(readConfig(), noise);
    }
}

// QSettings reads an unquoted comma list as a string list; it is the same access list.
void TestSettings::unquotedAccessListIsRead()
{
    writeConfig("[server]\ndenyList=127.0.0.1/32, 10.0.0.0/8\nallowList=\"::1/128, 127.0.0.0/8\"\n");
    const Settings settings;
    const ServerBehaviour behaviour = settings.behaviour();
    QVERIFY(behaviour.denyList.isValid());
    QCOMPARE(behaviour.denyList.toString(), QStringLiteral("127.0.0.1/32, 10.0.0.0/8"));
    QCOMPARE(behaviour.allowList.toString(), QStringLiteral("::1/128, 127.0.0.0/8"));
    QCOMPARE(settings.warnings(), QStringList());
}

// One bad entry makes the whole list unreadable: it fails closed and keeps the user's text.
void TestSettings::badEntryFailsClosed()
{
    writeConfig("[server]\nallowList=\"::1/128, 10.0.0.0/33\"\n");
    const Settings settings;
    const AccessList allow = settings.behaviour().allowList;
    QVERIFY(!allow.isValid());
    QCOMPARE(allow.toString(), QStringLiteral("::1/128, 10.0.0.0/33"));
    QCOMPARE(allow.error(), QStringLiteral("\"10.0.0.0/33\": prefix longer than 32"));
    QVERIFY(AccessList::refusalReason(allow, {}, QHostAddress(QStringLiteral("::1"))).size() > 0);
    QVERIFY(AccessList::refusalReason(allow, {}, QHostAddress(QStringLiteral("127.0.0.1"))).size() > 0);
    QCOMPARE(settings.warnings().size(), 1);
    QVERIFY2(settings.warnings().constFirst().contains(QStringLiteral("Allow list: \"10.0.0.0/33\": prefix longer than 32")),
             qPrintable(settings.warnings().constFirst()));
}

// Saving what was read, as the window does on every start and at close, rewrites nothing the app
// could not read: the file keeps the user's text until the user picks another value.
void TestSettings::unreadableValuesStayInTheFile()
{
    writeConfig("[listener]\nport=abc\nbacklog=50\n"
                "[server]\nallowList=\"::1/128, 10.0.0.0/33\"\ndenyList=127.0.0.1/32, 10.0.0.0/8\n"
                "mode=9\nidleTimeoutSeconds=-4\n");
    {
        Settings settings;
        settings.setPort(settings.port());
        settings.setBacklog(settings.backlog());
        settings.setBehaviour(settings.behaviour());
        settings.setBindAddress(settings.bindAddress());
        settings.setGreetingText(settings.greetingText());
        settings.setHistoryLimit(7); // a real change, so the file is written
        settings.sync();
    }
    QSettings file;
    QCOMPARE(file.value(QStringLiteral("listener/port")).toString(), QStringLiteral("abc"));
    QCOMPARE(file.value(QStringLiteral("server/allowList")).toString(), QStringLiteral("::1/128, 10.0.0.0/33"));
    QCOMPARE(file.value(QStringLiteral("server/denyList")).toStringList(),
             (QStringList{QStringLiteral("127.0.0.1/32"), QStringLiteral("10.0.0.0/8")}));
    QCOMPARE(file.value(QStringLiteral("server/mode")).toString(), QStringLiteral("9"));
    QCOMPARE(file.value(QStringLiteral("server/idleTimeoutSeconds")).toString(), QStringLiteral("-4"));
    QCOMPARE(file.value(QStringLiteral("connections/historyLimit")).toInt(), 7);
    // Values the app did not read at all are not added either.
    QVERIFY(!file.contains(QStringLiteral("listener/address")));

    // Once the user picks a value, it replaces what could not be read.
    {
        Settings settings;
        ServerBehaviour behaviour = settings.behaviour();
        behaviour.allowList = AccessList::parse(QStringLiteral("::1/128, 10.0.0.0/32"), nullptr);
        settings.setBehaviour(behaviour);
        settings.setPort(9001);
        settings.sync();
    }
    QSettings after;
    QCOMPARE(after.value(QStringLiteral("listener/port")).toInt(), 9001);
    QCOMPARE(after.value(QStringLiteral("server/allowList")).toString(), QStringLiteral("::1/128, 10.0.0.0/32"));
    QCOMPARE(after.value(QStringLiteral("server/mode")).toString(), QStringLiteral("9"));
}

// A file QSettings cannot parse: defaults, one warning, none of its values applied, and the file
// never rewritten.
void TestSettings::malformedFileIsNotApplied()
{
    const QByteArray contents("[listener]\nport=7000\nbacklog=50\n[server\nmode=1\n");
    writeConfig(contents);
    Settings settings;
    QVERIFY(settings.isReadOnly());
    verifyDefaults(settings);
    QCOMPARE(settings.warnings().size(), 1);
    QVERIFY2(settings.warnings().constFirst().contains(QStringLiteral("could not be read")),
             qPrintable(settings.warnings().constFirst()));
    settings.setPort(8000);
    settings.setHistoryLimit(3);
    settings.sync();
    QCOMPARE(readConfig(), contents);
}

// Values given for one run are in effect but not written; a later change is.
void TestSettings::recordOnlyValuesAreNotWritten()
{
    writeConfig("[listener]\naddress=::1\nport=7000\nbacklog=50\n[server]\nmode=1\n");
    {
        Settings settings;
        QCOMPARE(settings.port(), quint16(7000));
        settings.setRecordOnly(true);
        settings.setBindAddress(QStringLiteral("127.0.0.1"));
        settings.setPort(9420);
        settings.setBacklog(7);
        ServerBehaviour behaviour = settings.behaviour();
        behaviour.mode = ServerMode::Discard;
        settings.setBehaviour(behaviour);
        settings.setRecordOnly(false);
        // Saved again as the window does at close: still the one run's values, not written.
        settings.setBindAddress(QStringLiteral("127.0.0.1"));
        settings.setPort(9420);
        settings.setBacklog(7);
        settings.setBehaviour(behaviour);
        settings.sync();
    }
    {
        const Settings settings;
        QCOMPARE(settings.bindAddress(), QStringLiteral("::1"));
        QCOMPARE(settings.port(), quint16(7000));
        QCOMPARE(settings.backlog(), 50);
        QCOMPARE(settings.behaviour().mode, ServerMode::Echo);
    }
    {
        Settings settings;
        settings.setRecordOnly(true);
        settings.setBacklog(7);
        settings.setRecordOnly(false);
        settings.setBacklog(8); // the user changed the form
        settings.sync();
    }
    QCOMPARE(Settings().backlog(), 8);
}

void TestSettings::tenMegabyteValues()
{
    const QByteArray big(10 * 1024 * 1024, 'A');
    writeConfig(QByteArray("[listener]\naddress=") + big + "\nport=" + QByteArray(10 * 1024 * 1024, '9')
                + "\n[server]\ngreeting=" + big + "\n[send]\nhistory=" + big
                + "\n[window]\ngeometry=@ByteArray(" + big + ")\n");
    const Settings settings;
    QCOMPARE(settings.bindAddress(), QStringLiteral("127.0.0.1"));
    QCOMPARE(settings.port(), Settings::DefaultPort);
    // The greeting keeps its first characters, as far as it may be long.
    QCOMPARE(settings.greetingText(), QString(Settings::MaxGreetingLength, QLatin1Char('A')));
    QCOMPARE(settings.sendHistory(), QStringList());
    QCOMPARE(settings.windowGeometry(), QByteArray());
    const QStringList warnings = settings.warnings();
    for (const QString &key : {QStringLiteral("listener/address"), QStringLiteral("listener/port"),
                               QStringLiteral("server/greeting"), QStringLiteral("send/history"),
                               QStringLiteral("window/geometry")})
        QVERIFY2(warned(warnings, key), qPrintable(key + QStringLiteral(" not in: ") + warnings.join(u'\n')));
    // A warning quotes a value briefly, never the ten megabytes.
    for (const QString &line : warnings)
        QVERIFY2(line.size() < 300, qPrintable(line.left(300)));
}

void TestSettings::longHistoryEntriesAreNotKept()
{
    const QString longEntry(Settings::MaxSendHistoryEntry + 1, QLatin1Char('x'));
    const QString longest(Settings::MaxSendHistoryEntry, QLatin1Char('y'));
    {
        Settings settings;
        settings.setSendHistory({QStringLiteral("short"), longEntry, longest});
        settings.sync();
    }
    QVERIFY(QFileInfo(configPath()).size() < 3 * Settings::MaxSendHistoryEntry);
    const Settings settings;
    QCOMPARE(settings.sendHistory(), (QStringList{QStringLiteral("short"), longest}));
}

// A file written when there was one listener reads as a list of that one, every value kept.
void TestSettings::singleListenerFileMigrates()
{
    writeConfig("[listener]\naddress=::1\nport=7001\nbacklog=17\ncloseConnectionsOnStop=true\n"
                "[server]\nmode=1\ngreeting=hey\\\\r\\\\n\nmaxConnections=50\ntranscriptKiB=8\n"
                "allowList=\"127.0.0.1, 10.0.0.0/8\"\ndenyList=10.0.0.9\nidleTimeoutSeconds=30\n"
                "[send]\nformat=1\n");
    {
        const Settings settings;
        const QList<ListenerConfig> listeners = settings.listeners();
        QCOMPARE(listeners.size(), qsizetype(1));
        const ListenerConfig &first = listeners.constFirst();
        QCOMPARE(first.address, QStringLiteral("::1"));
        QCOMPARE(first.port, quint16(7001));
        QCOMPARE(first.backlog, 17);
        QCOMPARE(first.closeConnectionsOnStop, true);
        QCOMPARE(first.protocol, ListenerProtocol::Tcp);
        QCOMPARE(first.name, QString());
        QCOMPARE(first.behaviour.mode, ServerMode::Echo);
        QCOMPARE(first.greetingText, QStringLiteral("hey\\r\\n"));
        QCOMPARE(first.behaviour.greeting, QByteArrayLiteral("hey\r\n"));
        QCOMPARE(first.behaviour.maxConnections, 50);
        QCOMPARE(first.behaviour.transcriptCapacity, qsizetype(8 * 1024));
        QCOMPARE(first.behaviour.allowList.toString(), QStringLiteral("127.0.0.1/32, 10.0.0.0/8"));
        QCOMPARE(first.behaviour.denyList.toString(), QStringLiteral("10.0.0.9/32"));
        QCOMPARE(first.behaviour.idleTimeoutSeconds, 30);
        QCOMPARE(settings.warnings(), QStringList());
        // The single-listener accessors read the same one.
        QCOMPARE(settings.port(), quint16(7001));
    }
    // Adding a second keeps the first where it was, so the old keys still hold it.
    {
        Settings settings;
        QList<ListenerConfig> listeners = settings.listeners();
        ListenerConfig second;
        second.name = QStringLiteral("second");
        second.port = 7002;
        listeners.append(second);
        settings.setListeners(listeners);
        settings.sync();
    }
    const QByteArray file = readConfig();
    QVERIFY2(file.contains("port=7001"), file.constData());
    QVERIFY2(file.contains("2\\port=7002"), file.constData());
    const Settings settings;
    QCOMPARE(settings.listeners().size(), qsizetype(2));
    QCOMPARE(settings.listeners().at(0).port, quint16(7001));
    QCOMPARE(settings.listeners().at(1).name, QStringLiteral("second"));
    QVERIFY(!settings.isReadOnly());
}

void TestSettings::listenersRoundTrip()
{
    ListenerConfig first;
    first.name = QStringLiteral("web");
    first.address = QStringLiteral("0.0.0.0");
    first.port = 8080;
    first.backlog = 64;
    first.behaviour.mode = ServerMode::Greeting;
    first.greetingText = QStringLiteral("HTTP/1.0 200 OK\\r\\n");
    first.behaviour.greeting = QByteArrayLiteral("HTTP/1.0 200 OK\r\n");
    ListenerConfig second;
    second.name = QStringLiteral("secure");
    second.protocol = ListenerProtocol::Tls;
    second.address = QStringLiteral("::1");
    second.port = 8443;
    second.closeConnectionsOnStop = true;
    second.behaviour.mode = ServerMode::Echo;
    second.behaviour.idleTimeoutSeconds = 5;
    second.behaviour.maxConnections = 3;
    second.behaviour.transcriptCapacity = 0;
    second.behaviour.allowList = AccessList::parse(QStringLiteral("::1/128"), nullptr);
    second.tls.source = TlsCertificateSource::Files;
    second.tls.certificatePath = QStringLiteral("/etc/ssl/chain, with comma.pem");
    second.tls.keyPath = QStringLiteral("/etc/ssl/key.pem");
    second.tls.minimumProtocol = TlsMinimumProtocol::Tls13;
    second.tls.clientCertificate = TlsClientCertificate::Require;
    second.tls.caPath = QStringLiteral("/etc/ssl/ca.pem");
    second.tls.alpn = {QStringLiteral("h2"), QStringLiteral("http/1.1")};
    second.tls.handshakeTimeoutSeconds = 42;
    // The first keeps TLS settings while it speaks TCP.
    first.tls.alpn = {QStringLiteral("x")};
    first.tls.clientCertificate = TlsClientCertificate::Request;
    ListenerConfig third;
    third.port = 0;
    third.behaviour.denyList = AccessList::parse(QStringLiteral("10.0.0.0/8"), nullptr);
    third.behaviour.faults.latencyMs = 300;
    third.behaviour.faults.jitterMs = 50;
    third.behaviour.faults.resetAfterMs = 500;
    third.behaviour.faults.acceptThenReset = true;
    third.behaviour.mode = ServerMode::Forward;
    third.behaviour.forwardTarget = *ForwardTarget::parse(QStringLiteral("[::1]:8080"));
    // Kept while another mode is chosen.
    first.behaviour.forwardTarget = *ForwardTarget::parse(QStringLiteral("localhost:25"));
    {
        Settings settings;
        settings.setListeners({first, second, third});
        settings.sync();
    }
    {
        Settings settings;
        QCOMPARE(settings.listeners(), (QList<ListenerConfig>{first, second, third}));
        QCOMPARE(settings.warnings(), QStringList());
        // The first is what the single-listener accessors see.
        QCOMPARE(settings.bindAddress(), QStringLiteral("0.0.0.0"));
        QCOMPARE(settings.behaviour().mode, ServerMode::Greeting);
        // Fewer: the rest leave the file.
        settings.setListeners({second});
        settings.sync();
    }
    const QByteArray file = readConfig();
    QVERIFY2(!file.contains("3\\"), file.constData());
    QVERIFY2(!file.contains("2\\"), file.constData());
    const Settings settings;
    QCOMPARE(settings.listeners(), QList<ListenerConfig>{second});
}

void TestSettings::unreadableListenerFailsSafe()
{
    writeConfig("[listener]\nport=9000\nprotocol=gopher\n"
                "[listeners]\ncount=2\n2\\address=nowhere\n2\\port=99999\n2\\allowList=not an address!!\n"
                "2\\name=@ByteArray(x)\n");
    const Settings settings;
    const QList<ListenerConfig> listeners = settings.listeners();
    QCOMPARE(listeners.size(), qsizetype(2));
    // Never plain TCP for what may have been TLS.
    QCOMPARE(listeners.at(0).protocol, ListenerProtocol::Tls);
    QCOMPARE(listeners.at(1).address, QStringLiteral("127.0.0.1"));
    QCOMPARE(listeners.at(1).port, Settings::DefaultPort);
    QCOMPARE(listeners.at(1).name, QString());
    // Closed: the listener will not start until the list is mended.
    QVERIFY(!listeners.at(1).behaviour.allowList.isValid());
    const QStringList warnings = settings.warnings();
    for (const QString &key : {QStringLiteral("listener/protocol"), QStringLiteral("listeners/2/address"),
                               QStringLiteral("listeners/2/port"), QStringLiteral("listeners/2/allowList"),
                               QStringLiteral("listeners/2/name")})
        QVERIFY2(warned(warnings, key), qPrintable(key + QStringLiteral(" not in ") + warnings.join(u'|')));
    QVERIFY(!settings.isReadOnly());
}

// A listener's faults are kept with it; a value that cannot be read injects none and says so.
void TestSettings::faultsRoundTripAndUnreadable()
{
    ListenerConfig config;
    config.behaviour.faults.bandwidthKiB = 64;
    config.behaviour.faults.sliceBytes = 10;
    config.behaviour.faults.sliceDelayMs = 50;
    config.behaviour.faults.stallReads = true;
    config.behaviour.faults.closeAfterBytes = 1000;
    config.behaviour.faults.slowCloseMs = 200;
    {
        Settings settings;
        settings.setListeners({config});
        settings.sync();
    }
    QVERIFY2(readConfig().contains("faults=\"bandwidth=64 slice=10:50 stall-reads close-after=1000 slow-close=200\""),
             readConfig().constData());
    {
        const Settings settings;
        QCOMPARE(settings.listeners().value(0).behaviour.faults, config.behaviour.faults);
        QCOMPARE(settings.warnings(), QStringList());
    }
    writeConfig("[server]\nfaults=latency=soon\n");
    const Settings settings;
    QVERIFY(!settings.behaviour().faults.any());
    const QStringList warnings = settings.warnings();
    QVERIFY2(warned(warnings, QStringLiteral("server/faults")), qPrintable(warnings.join(u'|')));
    QVERIFY2(warnings.join(u'|').contains(QStringLiteral("latency=soon: expected MS or MS:JITTER")),
             qPrintable(warnings.join(u'|')));
}

void TestSettings::unreadableTlsFailsSafe()
{
    writeConfig("[listener]\nport=9000\nprotocol=tcp\ntlsClientCertificate=maybe\n"
                "[listeners]\ncount=3\n2\\protocol=tcp\n2\\tlsMinimumProtocol=1.0\n2\\tlsHandshakeTimeoutSeconds=0\n"
                "3\\protocol=tcp\n3\\tlsSource=selfsigned\n3\\tlsAlpn=h2\n");
    const Settings settings;
    const QList<ListenerConfig> listeners = settings.listeners();
    QCOMPARE(listeners.size(), qsizetype(3));
    // Never plain TCP for a listener whose TLS could not be read, and the strictest value instead.
    QCOMPARE(listeners.at(0).protocol, ListenerProtocol::Tls);
    QCOMPARE(listeners.at(0).tls.clientCertificate, TlsClientCertificate::Require);
    QCOMPARE(listeners.at(1).protocol, ListenerProtocol::Tls);
    QCOMPARE(listeners.at(1).tls.minimumProtocol, TlsMinimumProtocol::Tls13);
    QCOMPARE(listeners.at(1).tls.handshakeTimeoutSeconds, TlsSettings::DefaultHandshakeTimeoutSeconds);
    // Sound values leave the protocol alone.
    QCOMPARE(listeners.at(2).protocol, ListenerProtocol::Tcp);
    QCOMPARE(listeners.at(2).tls.alpn, QStringList{QStringLiteral("h2")});
    const QStringList warnings = settings.warnings();
    for (const QString &key : {QStringLiteral("listener/tlsClientCertificate"),
                               QStringLiteral("listeners/2/tlsMinimumProtocol"),
                               QStringLiteral("listeners/2/tlsHandshakeTimeoutSeconds")})
        QVERIFY2(warned(warnings, key), qPrintable(key + QStringLiteral(" not in ") + warnings.join(u'|')));
    QCOMPARE(warnings.size(), qsizetype(3));
    QVERIFY(!settings.isReadOnly());
}

// An upstream that does not read leaves Forward mode without one, with a warning; the form then
// holds Start back until one is typed.
void TestSettings::unreadableForwardTargetIsNone()
{
    writeConfig("[server]\nmode=5\nforward=nowhere\n");
    const Settings settings;
    QCOMPARE(settings.behaviour().mode, ServerMode::Forward);
    QVERIFY(!settings.behaviour().forwardTarget.isValid());
    QVERIFY2(settings.warnings().join(QLatin1Char('\n')).contains(QStringLiteral("server/forward")),
             qPrintable(settings.warnings().join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
