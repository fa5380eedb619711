#include "eventlog.h"

#include <algorithm>

EventLog::EventLog(int capacity)
    : m_capacity(std::max(1, capacity))
{
}

const LogEntry &EventLog::at(int i) const
{
    return m_entries.at(m_head + i);
}

int EventLog::append(const QList<LogEntry> &entries)
{
    m_entries.append(entries);
    const int overflow = std::max(0, size() - m_capacity);
    dropOldest(overflow);
    return overflow;
}

void EventLog::dropOldest(int count)
{
    count = std::clamp(count, 0, size());
    m_head += count;
    m_dropped += quint64(count);
    // Dropping from the front of a QList is linear; do it once per capacity's worth of lines.
    if (m_head >= m_capacity) {
        m_entries.remove(0, m_head);
        m_head = 0;
    }
}

void EventLog::clear()
{
    m_entries.clear();
    m_head = 0;
}
