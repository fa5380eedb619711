// LogExport: the event log as RFC 4180 CSV and as JSON Lines, read back field by field.

#include "logentry.h"
#include "logexport.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QtTest>

#include <ctime>

namespace {

constexpr qint64 Base = 1700000000123; // 2023-11-14T22:13:20.123Z

// A strict RFC 4180 reader: rows end with CRLF, quoted fields may hold anything, quotes doubled.
// Returns no rows when the text breaks the rules.
QList<QStringList> parseCsv(const QByteArray &csv)
{
    const QString text = QString::fromUtf8(csv);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) == QLatin1Char('"')) {
            ++i;
            for (;;) {
                if (i >= text.size())
                    return {}; // unterminated quote
                if (text.at(i) == QLatin1Char('"')) {
                    if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                        field += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
        } else {
            while (i < text.size() && text.at(i) != QLatin1Char(',') && text.at(i) != QLatin1Char('\r')) {
                if (text.at(i) == QLatin1Char('"') || text.at(i) == QLatin1Char('\n'))
                    return {}; // a quote or a bare line break in an unquoted field
                field += text.at(i++);
            }
        }
        if (i < text.size() && text.at(i) == QLatin1Char(',')) {
            row.append(field);
            field.clear();
            ++i;
        } else if (text.mid(i, 2) == QLatin1String("\r\n")) {
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
            i += 2;
        } else {
            return {}; // the text does not end with CRLF, or junk after a closing quote
        }
    }
    return rows;
}

QList<LogEntry> sampleEntries()
{
    return {
        {Base, LogLevel::Info, QStringLiteral("Waiting for a connection...")},
        {Base + 1, LogLevel::Connection, QStringLiteral("Connection from 127.0.0.1:54321")},
        {Base + 2, LogLevel::Warning, QStringLiteral("say \"hi\", then\r\nleave")},
        {Base + 3, LogLevel::Error, QStringLiteral("=HYPERLINK(\"http://evil\",\"x\")")},
        {Base + 4, LogLevel::Info, QStringLiteral("h\u00e9llo \u2713 \U0001F600 \u202e")},
        {Base + 5, LogLevel::Info, QString()},
        {-1, LogLevel::Info, QStringLiteral("before 1970\\ \t\x01 </script>")},
    };
}

} // namespace

class TestLogExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void csvEmpty();
    void csvField_data();
    void csvField();
    void csvTimestamp();
    void csvReadsBack();
    void jsonEmpty();
    void jsonLinesReadBack();
    void jsonLineShape();
    void timestampsRoundTrip();
};

void TestLogExport::initTestCase()
{
    // A fixed zone with a half-hour offset, so the expected timestamps do not depend on the machine.
    qputenv("TZ", "XYZ-05:30");
    tzset();
}

void TestLogExport::csvEmpty()
{
    QCOMPARE(LogExport::toCsv({}), QByteArray("timestamp,level,message\r\n"));
}

void TestLogExport::csvField_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("field"); // as written in the file

    QTest::newRow("plain") << QStringLiteral("Waiting for a connection...")
                           << QStringLiteral("Waiting for a connection...");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << QStringLiteral("a, b") << QStringLiteral("\"a, b\"");
    QTest::newRow("quotes") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("line feed") << QStringLiteral("one\ntwo") << QStringLiteral("\"one\ntwo\"");
    QTest::newRow("carriage return") << QStringLiteral("one\rtwo") << QStringLiteral("\"one\rtwo\"");
    QTest::newRow("CRLF") << QStringLiteral("one\r\ntwo") << QStringLiteral("\"one\r\ntwo\"");
    QTest::newRow("spaces kept") << QStringLiteral("  padded  ") << QStringLiteral("  padded  ");
    QTest::newRow("non-ASCII") << QStringLiteral("h\u00e9llo \u2713") << QStringLiteral("h\u00e9llo \u2713");
    QTest::newRow("formula =") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
    QTest::newRow("formula +") << QStringLiteral("+1") << QStringLiteral("'+1");
    QTest::newRow("formula -") << QStringLiteral("-1+2") << QStringLiteral("'-1+2");
    QTest::newRow("formula @") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("leading tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
    QTest::newRow("leading CR") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
    QTest::newRow("formula with quotes and commas")
        << QStringLiteral("=HYPERLINK(\"http://evil\",\"x\")")
        << QStringLiteral("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
    QTest::newRow("= later is harmless") << QStringLiteral("a=b") << QStringLiteral("a=b");
    QTest::newRow("leading space") << QStringLiteral(" =1") << QStringLiteral(" =1");
}

void TestLogExport::csvField()
{
    QFETCH(QString, message);
    QFETCH(QString, field);

    const QByteArray csv = LogExport::toCsv({{Base, LogLevel::Connection, message}});
    const QByteArray expected = "timestamp,level,message\r\n2023-11-15T03:43:20.123+05:30,Connection,"
        + field.toUtf8() + "\r\n";
    QCOMPARE(csv, expected);
}

void TestLogExport::csvTimestamp()
{
    const QByteArray csv = LogExport::toCsv({{Base, LogLevel::Info, QStringLiteral("a")},
                                             {Base + 86400000 + 877, LogLevel::Error, QStringLiteral("b")}});
    QCOMPARE(csv, QByteArray("timestamp,level,message\r\n"
                             "2023-11-15T03:43:20.123+05:30,Info,a\r\n"
                             "2023-11-16T03:43:21.000+05:30,Error,b\r\n"));
}

void TestLogExport::csvReadsBack()
{
    const QList<LogEntry> entries = sampleEntries();
    const QByteArray csv = LogExport::toCsv(entries);
    QVERIFY(csv.endsWith("\r\n"));

    const QList<QStringList> rows = parseCsv(csv);
    QCOMPARE(rows.size(), entries.size() + 1);
    const QStringList header{QStringLiteral("timestamp"), QStringLiteral("level"), QStringLiteral("message")};
    QCOMPARE(rows.at(0), header);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const LogEntry &entry = entries.at(i);
        const QStringList &row = rows.at(i + 1);
        QCOMPARE(row.size(), 3);
        QCOMPARE(QDateTime::fromString(row.at(0), Qt::ISODateWithMs).toMSecsSinceEpoch(), entry.timestampMs);
        QCOMPARE(row.at(1), logLevelText(entry.level));
        // The message comes back whole, behind the formula guard where it starts like a formula.
        const bool guarded = entry.text.startsWith(QLatin1Char('='));
        QCOMPARE(row.at(2), guarded ? QLatin1Char('\'') + entry.text : entry.text);
    }
}

void TestLogExport::jsonEmpty()
{
    QCOMPARE(LogExport::toJsonLines({}), QByteArray());
}

void TestLogExport::jsonLinesReadBack()
{
    const QList<LogEntry> entries = sampleEntries();
    const QByteArray jsonLines = LogExport::toJsonLines(entries);
    QVERIFY(jsonLines.endsWith('\n'));
    // Non-ASCII text is written as UTF-8, not as \u escapes or Latin-1.
    QVERIFY(jsonLines.contains(QStringLiteral("h\u00e9llo \u2713 \U0001F600").toUtf8()));

    QList<QByteArray> lines = jsonLines.split('\n');
    QCOMPARE(lines.takeLast(), QByteArray()); // after the final '\n'
    QCOMPARE(lines.size(), entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const LogEntry &entry = entries.at(i);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(document.isObject());
        const QJsonObject object = document.object();
        QCOMPARE(object.keys(), (QStringList{QStringLiteral("epoch_ms"), QStringLiteral("level"),
                                             QStringLiteral("message"), QStringLiteral("timestamp")}));
        QVERIFY(object.value(QStringLiteral("epoch_ms")).isDouble());
        QCOMPARE(object.value(QStringLiteral("epoch_ms")).toInteger(), entry.timestampMs);
        QCOMPARE(object.value(QStringLiteral("level")).toString(), logLevelText(entry.level));
        QCOMPARE(object.value(QStringLiteral("message")).toString(), entry.text);
        const QString timestamp = object.value(QStringLiteral("timestamp")).toString();
        QCOMPARE(QDateTime::fromString(timestamp, Qt::ISODateWithMs).toMSecsSinceEpoch(), entry.timestampMs);
    }
}

void TestLogExport::jsonLineShape()
{
    const QByteArray line = LogExport::toJsonLines({{Base, LogLevel::Warning, QStringLiteral("a \"b\"\n\\c")}});
    QCOMPARE(line, QByteArray("{\"epoch_ms\":1700000000123,\"level\":\"Warning\",\"message\":\"a \\\"b\\\"\\n\\\\c\","
                              "\"timestamp\":\"2023-11-15T03:43:20.123+05:30\"}\n"));
}

void TestLogExport::timestampsRoundTrip()
{
    // Whatever the zone, the written time names the same instant, to the millisecond.
    for (const char *zone : {"UTC0", "XYZ-05:30", "EST5EDT,M3.2.0,M11.1.0", "ABC+09:45"}) {
        qputenv("TZ", zone);
        tzset();
        for (const qint64 ms : {Base, qint64(0), qint64(1710054000999), qint64(-86400001)}) {
            const QList<QStringList> rows = parseCsv(LogExport::toCsv({{ms, LogLevel::Info, QStringLiteral("x")}}));
            QCOMPARE(rows.size(), 2);
            const QString timestamp = rows.at(1).at(0);
            QVERIFY2(timestamp.endsWith(QLatin1Char('Z')) || timestamp.at(timestamp.size() - 6) == QLatin1Char('+')
                         || timestamp.at(timestamp.size() - 6) == QLatin1Char('-'),
                     qPrintable(timestamp));
            QCOMPARE(QDateTime::fromString(timestamp, Qt::ISODateWithMs).toMSecsSinceEpoch(), ms);
        }
    }
    qputenv("TZ", "XYZ-05:30");
    tzset();
}

QTEST_GUILESS_MAIN(TestLogExport)
#include "tst_logexport.moc"
