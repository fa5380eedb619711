#pragma once

#include "logentry.h"

#include <QList>

// The event log's lines, bounded: past the capacity the oldest lines are dropped.
class EventLog final
{
public:
    static constexpr int DefaultCapacity = 10000;

    explicit EventLog(int capacity = DefaultCapacity);

    int capacity() const { return m_capacity; }
    int size() const { return m_size; }
    bool isEmpty() const { return size() == 0; }
    // Line i, 0 being the oldest kept.
    const LogEntry &at(int i) const;
    // How many lines were dropped to stay within the capacity, since the start.
    quint64 droppedCount() const { return m_dropped; }

    // Appends lines; returns how many of the oldest had to go to make room.
    int append(const QList<LogEntry> &entries);
    // Drops the oldest lines.
    void dropOldest(int count);
    void clear();

private:
    void push(const LogEntry &entry);

    // A ring: it grows up to the capacity, then each new line takes the oldest one's slot. Lines
    // go one at a time, never the whole log at once (a pause in the window), and nothing is moved.
    QList<LogEntry> m_ring;
    int m_start = 0; // the oldest line's slot
    int m_size = 0;
    int m_capacity = DefaultCapacity;
    quint64 m_dropped = 0;
};
