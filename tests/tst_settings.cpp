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

// Every getter at its documented default.
void verifyDefaults(const Settings &settings)
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
    QVERIFY(behaviour.allowList.toString().isEmpty());
    QVERIFY(behaviour.denyList.toString().isEmpty());
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
                                                QStringLiteral("window/splitter")};
    QTest::newRow("negative") << QByteArray("[listener]\nport=-1\nbacklog=-5\n"
                                            "[connections]\nhistoryLimit=-1\n"
                                            "[server]\nmode=-1\nmaxConnections=-100\ntranscriptKiB=-1\n"
                                            "[send]\nformat=-1\nlineEnding=-3\n")
                              << QStringList{QStringLiteral("listener/port"), QStringLiteral("listener/backlog"),
                                             QStringLiteral("connections/historyLimit"), QStringLiteral("server/mode"),
                                             QStringLiteral("server/maxConnections"),
                                             QStringLiteral("server/transcriptKiB"), QStringLiteral("send/format"),
                                             QStringLiteral("send/lineEnding")};
    QTest::newRow("huge") << QByteArray("[listener]\naddress=999.1.1.1\nport=99999999999\nbacklog=65536\n"
                                        "[connections]\nhistoryLimit=2147483648\n"
                                        "[server]\nmode=5\nmaxConnections=99999999999999999999999\n"
                                        "transcriptKiB=4294967296\n"
                                        "[send]\nformat=2\nlineEnding=3\n")
                          << QStringList{QStringLiteral("listener/address"), QStringLiteral("listener/port"),
                                         QStringLiteral("listener/backlog"), QStringLiteral("connections/historyLimit"),
                                         QStringLiteral("server/mode"), QStringLiteral("server/maxConnections"),
                                         QStringLiteral("server/transcriptKiB"), QStringLiteral("send/format"),
                                         QStringLiteral("send/lineEnding")};
    QTest::newRow("host name and zero backlog")
        << QByteArray("[listener]\naddress=example.com\nbacklog=0\n[server]\nmaxConnections=0\n")
        << QStringList{QStringLiteral("listener/address"), QStringLiteral("listener/backlog"),
                       QStringLiteral("server/maxConnections")};
}

void TestSettings::hostileValuesFallBack()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, keys);
    writeConfig(file);
    const Settings settings;
    verifyDefaults(settings);
    const QStringList warnings = settings.warnings();
    for (const QString &key : std::as_const(keys))
        QVERIFY2(warned(warnings, key), qPrintable(key + QStringLiteral(" not in: ") + warnings.join(u'\n')));
    // One line each, however often a value is read.
    verifyDefaults(settings);
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
        const Settings settings;
        verifyDefaults(settings);
    }
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

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
