#include "trafficsamples.h"

namespace {

qsizetype capacityFor(int windowSeconds)
{
    return 2 * qsizetype(windowSeconds) + 2;
}

} // namespace

TrafficSamples::TrafficSamples(int windowSeconds)
    : m_ring(static_cast<size_t>(capacityFor(qMax(1, windowSeconds))))
    , m_windowSeconds(qMax(1, windowSeconds))
{
}

void TrafficSamples::add(const Sample &sample)
{
    if (m_count > 0 && sample.ms < latest().ms)
        clear();
    if (m_count > 0 && sample.ms == latest().ms) {
        slot(m_count - 1) = sample;
        return;
    }
    if (m_count == capacity()) {
        m_first = (m_first + 1) % capacity();
        --m_count;
    }
    ++m_count;
    slot(m_count - 1) = sample;
    dropOlderThan(sample.ms - qint64(m_windowSeconds) * 1000);
}

void TrafficSamples::clear()
{
    m_first = 0;
    m_count = 0;
}

void TrafficSamples::setWindowSeconds(int seconds)
{
    seconds = qMax(1, seconds);
    if (seconds == m_windowSeconds)
        return;
    m_windowSeconds = seconds;
    resize(capacityFor(seconds));
    if (m_count > 0)
        dropOlderThan(latest().ms - qint64(seconds) * 1000);
}

const TrafficSamples::Sample &TrafficSamples::at(qsizetype index) const
{
    Q_ASSERT(index >= 0 && index < m_count);
    return m_ring[static_cast<size_t>((m_first + index) % capacity())];
}

TrafficSamples::Sample &TrafficSamples::slot(qsizetype index)
{
    return m_ring[static_cast<size_t>((m_first + index) % capacity())];
}

void TrafficSamples::dropOlderThan(qint64 ms)
{
    while (m_count > 0 && at(0).ms < ms) {
        m_first = (m_first + 1) % capacity();
        --m_count;
    }
}

void TrafficSamples::resize(qsizetype capacity)
{
    std::vector<Sample> next(static_cast<size_t>(capacity));
    const qsizetype keep = qMin(m_count, capacity);
    for (qsizetype i = 0; i < keep; ++i)
        next[static_cast<size_t>(i)] = at(m_count - keep + i);
    m_ring.swap(next);
    m_first = 0;
    m_count = keep;
}
