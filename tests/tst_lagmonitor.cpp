// LagMonitor: the window's event-loop lag as a benchmark reads it.
#include "lagmonitor.h"

#include <QElapsedTimer>
#include <QtTest>

class TestLagMonitor final : public QObject
{
    Q_OBJECT

private slots:
    void emptyHasNoFigures();
    void percentilesFromSamples();
    void lateBeyondTheHistogramKeepsTheExactMax();
    void resetStartsOver();
    void measuresABlockedLoop();
};

void TestLagMonitor::emptyHasNoFigures()
{
    const LagMonitor monitor;
    QCOMPARE(monitor.sampleCount(), quint64(0));
    QCOMPARE(monitor.percentileMs(0.5), 0.0);
    QCOMPARE(monitor.maxMs(), 0.0);
}

void TestLagMonitor::percentilesFromSamples()
{
    LagMonitor monitor;
    // 98 samples of 0.1 ms, one of 5 ms, one of 40 ms.
    for (int i = 0; i < 98; ++i)
        monitor.addSample(100'000);
    monitor.addSample(5'000'000);
    monitor.addSample(40'000'000);
    QCOMPARE(monitor.sampleCount(), quint64(100));
    // Within one 10 µs bucket of the truth, never below it.
    QVERIFY(monitor.percentileMs(0.50) >= 0.1 && monitor.percentileMs(0.50) <= 0.11);
    QVERIFY(monitor.percentileMs(0.99) >= 5.0 && monitor.percentileMs(0.99) <= 5.01);
    QCOMPARE(monitor.percentileMs(1.0), 40.0);
    QCOMPARE(monitor.maxMs(), 40.0);
    // Early ticks count as no lateness.
    monitor.addSample(-3);
    QCOMPARE(monitor.sampleCount(), quint64(101));
}

void TestLagMonitor::lateBeyondTheHistogramKeepsTheExactMax()
{
    LagMonitor monitor;
    monitor.addSample(2'500'000'000); // a 2.5 s stall
    QCOMPARE(monitor.maxMs(), 2500.0);
    QCOMPARE(monitor.percentileMs(0.5), 2500.0);
}

void TestLagMonitor::resetStartsOver()
{
    LagMonitor monitor;
    monitor.addSample(70'000'000);
    monitor.reset();
    QCOMPARE(monitor.sampleCount(), quint64(0));
    QCOMPARE(monitor.maxMs(), 0.0);
    monitor.addSample(1'000'000);
    QCOMPARE(monitor.maxMs(), 1.0);
}

void TestLagMonitor::measuresABlockedLoop()
{
    LagMonitor monitor;
    monitor.start();
    QTRY_VERIFY(monitor.sampleCount() >= 5);
    QVERIFY2(monitor.maxMs() < 60, qPrintable(QString::number(monitor.maxMs())));

    // Keep the loop busy for 80 ms, as a slow slot would: the next tick is that late.
    const quint64 before = monitor.sampleCount();
    QElapsedTimer busy;
    busy.start();
    while (busy.elapsed() < 80) {
    }
    QTRY_VERIFY(monitor.sampleCount() > before);
    QVERIFY2(monitor.maxMs() >= 65, qPrintable(QString::number(monitor.maxMs())));
    QVERIFY(monitor.percentileMs(1.0) >= 65);
}

QTEST_GUILESS_MAIN(TestLagMonitor)
#include "tst_lagmonitor.moc"
