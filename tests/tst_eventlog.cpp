// EventLog: the bounded list of event-log lines.

#include "eventlog.h"
#include "logentry.h"
#include "timeofday.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>
#include <QObject>
#include <QString>
#include <QtTest>

#include <deque>

namespace {

LogEntry entry(int n)
{
    return LogEntry{1700000000000 + n, n % 2 ? LogLevel::Connection : LogLevel::Info,
                    QStringLiteral("line %1").arg(n)};
}

// Lines first, first + 1, ..., first + count - 1.
QList<LogEntry> entries(int first, int count)
{
    QList<LogEntry> list;
    list.reserve(count);
    for (int i = 0; i < count; ++i)
        list.append(entry(first + i));
    return list;
}

// The texts held, oldest first.
QStringList texts(const EventLog &log)
{
    QStringList list;
    for (int i = 0; i < log.size(); ++i)
        list.append(log.at(i).text);
    return list;
}

QStringList expectedTexts(int first, int count)
{
    QStringList list;
    for (int i = 0; i < count; ++i)
        list.append(QStringLiteral("line %1").arg(first + i));
    return list;
}

} // namespace

class TestEventLog : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void timeOfDayMatchesQDateTime();
    void dropsBeforeFullThenWrapsAround();
    void capacityAtLeastOne_data();
    void capacityAtLeastOne();
    void appendWithinCapacity();
    void appendBeyondCapacity();
    void appendEmpty();
    void appendLargerThanCapacityAtOnce();
    void manySmallAppends_data();
    void manySmallAppends();
    void againstModel_data();
    void againstModel();
    void dropOldest_data();
    void dropOldest();
    void dropOldestThenAppend();
    void clear();
};

void TestEventLog::defaults()
{
    const EventLog log;
    QCOMPARE(log.capacity(), EventLog::DefaultCapacity);
    QCOMPARE(log.size(), 0);
    QVERIFY(log.isEmpty());
    QCOMPARE(log.droppedCount(), quint64(0));
}

void TestEventLog::capacityAtLeastOne_data()
{
    QTest::addColumn<int>("requested");

    QTest::newRow("zero") << 0;
    QTest::newRow("negative") << -5;
}

void TestEventLog::capacityAtLeastOne()
{
    QFETCH(int, requested);

    EventLog log(requested);
    QCOMPARE(log.capacity(), 1);
    QCOMPARE(log.append(entries(0, 3)), 2);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.at(0).text, QStringLiteral("line 2"));
    QCOMPARE(log.droppedCount(), quint64(2));
}

void TestEventLog::appendWithinCapacity()
{
    EventLog log(5);
    QCOMPARE(log.append(entries(0, 2)), 0);
    QCOMPARE(log.append(entries(2, 3)), 0);
    QCOMPARE(log.size(), 5);
    QVERIFY(!log.isEmpty());
    QCOMPARE(texts(log), expectedTexts(0, 5));
    QCOMPARE(log.droppedCount(), quint64(0));
    // Every field is kept, not only the text.
    QCOMPARE(log.at(3).timestampMs, entry(3).timestampMs);
    QCOMPARE(log.at(3).level, LogLevel::Connection);
    QCOMPARE(log.at(4).level, LogLevel::Info);
}

void TestEventLog::appendBeyondCapacity()
{
    EventLog log(5);
    QCOMPARE(log.append(entries(0, 4)), 0);
    // 4 + 3 = 7 lines for 5 places: lines 0 and 1 go.
    QCOMPARE(log.append(entries(4, 3)), 2);
    QCOMPARE(log.size(), 5);
    QCOMPARE(texts(log), expectedTexts(2, 5));
    QCOMPARE(log.droppedCount(), quint64(2));
    // One more line: exactly one goes.
    QCOMPARE(log.append(entries(7, 1)), 1);
    QCOMPARE(texts(log), expectedTexts(3, 5));
    QCOMPARE(log.droppedCount(), quint64(3));
}

void TestEventLog::appendEmpty()
{
    EventLog log(3);
    QCOMPARE(log.append({}), 0);
    QVERIFY(log.isEmpty());
    QCOMPARE(log.append(entries(0, 3)), 0);
    QCOMPARE(log.append({}), 0);
    QCOMPARE(texts(log), expectedTexts(0, 3));
    QCOMPARE(log.droppedCount(), quint64(0));
}

void TestEventLog::appendLargerThanCapacityAtOnce()
{
    EventLog log(10);
    QCOMPARE(log.append(entries(0, 4)), 0);
    // 4 held + 25 new = 29 for 10 places: 19 go, the 4 old ones and the first 15 new ones.
    QCOMPARE(log.append(entries(4, 25)), 19);
    QCOMPARE(log.size(), 10);
    QCOMPARE(texts(log), expectedTexts(19, 10));
    QCOMPARE(log.droppedCount(), quint64(19));

    EventLog fresh(10);
    QCOMPARE(fresh.append(entries(100, 1000)), 990);
    QCOMPARE(fresh.size(), 10);
    QCOMPARE(texts(fresh), expectedTexts(1090, 10));
    QCOMPARE(fresh.droppedCount(), quint64(990));
}

void TestEventLog::manySmallAppends_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("total");

    QTest::newRow("cap 1, singles") << 1 << 1 << 50;
    QTest::newRow("cap 7, singles") << 7 << 1 << 100;
    QTest::newRow("cap 7, batches of 3") << 7 << 3 << 99;
    QTest::newRow("cap 10, batches of 10") << 10 << 10 << 200;
    QTest::newRow("cap 100, batches of 7") << 100 << 7 << 1001;
    QTest::newRow("cap 1000, batches of 13") << 1000 << 13 << 9997;
}

void TestEventLog::manySmallAppends()
{
    QFETCH(int, capacity);
    QFETCH(int, batch);
    QFETCH(int, total);

    EventLog log(capacity);
    int appended = 0;
    quint64 dropped = 0;
    while (appended < total) {
        const int count = std::min(batch, total - appended);
        const int expectedOverflow = std::max(0, log.size() + count - capacity);
        QCOMPARE(log.append(entries(appended, count)), expectedOverflow);
        appended += count;
        dropped += quint64(expectedOverflow);
        QCOMPARE(log.size(), std::min(appended, capacity));
        // The newest line is always the last one appended, the oldest the right distance back.
        QCOMPARE(log.at(log.size() - 1).text, QStringLiteral("line %1").arg(appended - 1));
        QCOMPARE(log.at(0).text, QStringLiteral("line %1").arg(appended - log.size()));
    }
    QCOMPARE(log.size(), capacity);
    QCOMPARE(log.droppedCount(), quint64(total - capacity));
    QCOMPARE(log.droppedCount(), dropped);
    QCOMPARE(texts(log), expectedTexts(total - capacity, capacity));
}

// A random-ish sequence of appends and drops, checked line by line against a std::deque.
void TestEventLog::againstModel_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QList<int>>("steps"); // > 0: append that many; < 0: dropOldest(-n); 0: clear

    QTest::newRow("cap 4") << 4 << QList<int>{1, 2, 3, -1, 5, 4, -2, 1, 1, 1, 9, -9, 2};
    QTest::newRow("cap 16") << 16 << QList<int>{15, 1, 1, -3, 40, 17, -16, 3, 0, 5, 16, 16, -1, 33, 2};
    QTest::newRow("cap 3 with clears") << 3 << QList<int>{2, 0, 2, 2, 0, 0, 7, -1, 1, 3};
}

void TestEventLog::againstModel()
{
    QFETCH(int, capacity);
    QFETCH(QList<int>, steps);

    EventLog log(capacity);
    std::deque<QString> model;
    quint64 modelDropped = 0;
    int next = 0;
    for (const int step : std::as_const(steps)) {
        if (step > 0) {
            int modelOverflow = 0;
            for (int i = 0; i < step; ++i) {
                model.push_back(QStringLiteral("line %1").arg(next + i));
                if (int(model.size()) > capacity) {
                    model.pop_front();
                    ++modelOverflow;
                }
            }
            QCOMPARE(log.append(entries(next, step)), modelOverflow);
            next += step;
            modelDropped += quint64(modelOverflow);
        } else if (step < 0) {
            const int count = std::min(-step, int(model.size()));
            for (int i = 0; i < count; ++i)
                model.pop_front();
            modelDropped += quint64(count);
            log.dropOldest(-step);
        } else {
            model.clear();
            log.clear();
        }
        QCOMPARE(log.size(), int(model.size()));
        QCOMPARE(log.isEmpty(), model.empty());
        for (int i = 0; i < log.size(); ++i)
            QCOMPARE(log.at(i).text, model.at(size_t(i)));
        QCOMPARE(log.droppedCount(), modelDropped);
    }
}

void TestEventLog::dropOldest_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("expectedSize");

    QTest::newRow("none") << 0 << 6;
    QTest::newRow("negative is nothing") << -4 << 6;
    QTest::newRow("two") << 2 << 4;
    QTest::newRow("all") << 6 << 0;
    QTest::newRow("more than held") << 50 << 0;
}

void TestEventLog::dropOldest()
{
    QFETCH(int, count);
    QFETCH(int, expectedSize);

    EventLog log(8);
    log.append(entries(0, 6));
    log.dropOldest(count);
    QCOMPARE(log.size(), expectedSize);
    QCOMPARE(log.isEmpty(), expectedSize == 0);
    QCOMPARE(texts(log), expectedTexts(6 - expectedSize, expectedSize));
    // Only lines that were actually there count as dropped.
    QCOMPARE(log.droppedCount(), quint64(6 - expectedSize));
}

void TestEventLog::dropOldestThenAppend()
{
    // Drops move the head past the capacity, which compacts the storage; lines must survive that.
    EventLog log(4);
    log.append(entries(0, 4));
    log.dropOldest(3);
    QCOMPARE(texts(log), expectedTexts(3, 1));
    QCOMPARE(log.append(entries(4, 2)), 0);
    QCOMPARE(texts(log), expectedTexts(3, 3));
    log.dropOldest(2); // head reaches the capacity here
    QCOMPARE(texts(log), expectedTexts(5, 1));
    QCOMPARE(log.append(entries(6, 5)), 2);
    QCOMPARE(texts(log), expectedTexts(7, 4));
    QCOMPARE(log.droppedCount(), quint64(7));
}

void TestEventLog::clear()
{
    EventLog log(3);
    QCOMPARE(log.append(entries(0, 5)), 2);
    log.clear();
    QCOMPARE(log.size(), 0);
    QVERIFY(log.isEmpty());
    QCOMPARE(log.capacity(), 3);
    // droppedCount counts lines dropped for room "since the start"; a clear is not such a drop.
    QCOMPARE(log.droppedCount(), quint64(2));

    // After a clear the log fills up from empty again, with the full capacity.
    QCOMPARE(log.append(entries(10, 3)), 0);
    QCOMPARE(texts(log), expectedTexts(10, 3));
    QCOMPARE(log.append(entries(13, 1)), 1);
    QCOMPARE(texts(log), expectedTexts(11, 3));
    QCOMPARE(log.droppedCount(), quint64(3));
}

// Lines dropped before the log is full, then more than the capacity appended: the order holds
// through the growth and the wrap-around, and the count of dropped lines is exact.
void TestEventLog::dropsBeforeFullThenWrapsAround()
{
    EventLog log(5);
    QCOMPARE(log.append(entries(0, 3)), 0);
    log.dropOldest(2);
    QCOMPARE(texts(log), QStringList{QStringLiteral("line 2")});
    QCOMPARE(log.append(entries(3, 4)), 0);
    QCOMPARE(texts(log), (QStringList{QStringLiteral("line 2"), QStringLiteral("line 3"), QStringLiteral("line 4"),
                                      QStringLiteral("line 5"), QStringLiteral("line 6")}));
    QCOMPARE(log.append(entries(7, 7)), 7);
    QCOMPARE(texts(log), (QStringList{QStringLiteral("line 9"), QStringLiteral("line 10"), QStringLiteral("line 11"),
                                      QStringLiteral("line 12"), QStringLiteral("line 13")}));
    QCOMPARE(log.droppedCount(), quint64(9));
    log.dropOldest(4);
    QCOMPARE(log.append(entries(14, 2)), 0);
    QCOMPARE(texts(log), (QStringList{QStringLiteral("line 13"), QStringLiteral("line 14"), QStringLiteral("line 15")}));
}

// The hand-written time of day reads as QDateTime's, in zones with and without summer time and
// with offsets of a quarter hour, on both sides of their changes.
void TestEventLog::timeOfDayMatchesQDateTime()
{
    const QByteArray saved = qgetenv("TZ");
    const auto restore = qScopeGuard([&] {
        if (saved.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", saved);
        tzset();
    });
    for (const char *zone : {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe"}) {
        qputenv("TZ", zone);
        tzset();
        // Around 2026's March and October changes, and a moment before 1970.
        const QList<qint64> starts{QDateTime(QDate(2026, 3, 29), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
                                   QDateTime(QDate(2026, 10, 25), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
                                   QDateTime(QDate(2026, 4, 4), QTime(14, 0), Qt::UTC).toMSecsSinceEpoch(),
                                   QDateTime(QDate(2026, 3, 8), QTime(6, 0), Qt::UTC).toMSecsSinceEpoch(),
                                   -86400000LL * 3 + 12345};
        for (const qint64 start : starts) {
            for (qint64 ms = start; ms < start + 6 * 3600 * 1000; ms += 7 * 60 * 1000 + 123) {
                const QString expected = QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("hh:mm:ss.zzz"));
                QVERIFY2(TimeOfDay::format(ms) == expected,
                         qPrintable(QStringLiteral("%1 at %2: %3, expected %4")
                                        .arg(QString::fromLatin1(zone)).arg(ms).arg(TimeOfDay::format(ms), expected)));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
