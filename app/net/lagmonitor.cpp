#include "lagmonitor.h"

#include <QTimer>

#include <algorithm>

LagMonitor::LagMonitor(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    // Rearmed by hand after each tick: a repeating timer would skip the ticks a stall swallowed
    // and hide how late the loop really was.
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &LagMonitor::onTimeout);
}

LagMonitor::~LagMonitor() = default;

void LagMonitor::start()
{
    m_clock.start();
    m_expectedNs = qint64(IntervalMs) * 1'000'000;
    m_timer->start(IntervalMs);
}

void LagMonitor::reset()
{
    m_histogram.fill(0);
    m_count = 0;
    m_maxNs = 0;
}

void LagMonitor::addSample(qint64 lateNs)
{
    lateNs = std::max<qint64>(0, lateNs);
    const auto bucket = std::min<qint64>(lateNs / BucketNs, BucketCount - 1);
    ++m_histogram[size_t(bucket)];
    ++m_count;
    m_maxNs = std::max(m_maxNs, lateNs);
}

double LagMonitor::percentileMs(double fraction) const
{
    if (m_count == 0)
        return 0;
    const auto wanted = std::max<quint64>(1, quint64(std::clamp(fraction, 0.0, 1.0) * double(m_count) + 0.5));
    quint64 seen = 0;
    for (int bucket = 0; bucket < BucketCount; ++bucket) {
        seen += m_histogram[size_t(bucket)];
        if (seen >= wanted) {
            if (bucket == BucketCount - 1)
                return maxMs(); // the overflow bucket: only the largest sample is known
            // The bucket's upper edge, never above the largest sample: a slight overestimate.
            const qint64 edgeNs = qint64(bucket + 1) * BucketNs;
            return double(std::min(edgeNs, m_maxNs)) / 1e6;
        }
    }
    return maxMs();
}

void LagMonitor::onTimeout()
{
    const qint64 now = m_clock.nsecsElapsed();
    addSample(now - m_expectedNs);
    m_expectedNs = now + qint64(IntervalMs) * 1'000'000;
    m_timer->start(IntervalMs);
}
