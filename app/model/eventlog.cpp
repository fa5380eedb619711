#include "eventlog.h"

#include <algorithm>

EventLog::EventLog(int capacity)
    : m_capacity(std::max(1, capacity))
{
}

const LogEntry &EventLog::at(int i) const
{
    return m_ring.at((m_start + i) % int(m_ring.size()));
}

int EventLog::append(const QList<LogEntry> &entries)
{
    const quint64 droppedBefore = m_dropped;
    for (const LogEntry &entry : entries)
        push(entry);
    return int(m_dropped - droppedBefore);
}

void EventLog::push(const LogEntry &entry)
{
    if (m_size == m_capacity) { // full, so the ring is as large as the capacity
        m_ring[m_start] = entry;
        m_start = (m_start + 1) % m_capacity;
        ++m_dropped;
        return;
    }
    if (m_size < int(m_ring.size())) {
        m_ring[(m_start + m_size) % int(m_ring.size())] = entry;
    } else {
        // Growing: the lines are put in order first, which only lines dropped before the ring
        // filled up make necessary.
        if (m_start != 0) {
            std::rotate(m_ring.begin(), m_ring.begin() + m_start, m_ring.end());
            m_start = 0;
        }
        m_ring.append(entry);
    }
    ++m_size;
}

void EventLog::dropOldest(int count)
{
    count = std::clamp(count, 0, m_size);
    for (int i = 0; i < count; ++i)
        m_ring[(m_start + i) % int(m_ring.size())] = LogEntry{}; // its text goes now
    if (count > 0)
        m_start = (m_start + count) % int(m_ring.size());
    m_size -= count;
    m_dropped += quint64(count);
}

void EventLog::clear()
{
    m_ring.clear();
    m_start = 0;
    m_size = 0;
}
