#pragma once

#include <QtGlobal>

#include <vector>

// The traffic chart's history: samples in a ring of fixed capacity, two a second over the window,
// so memory stays bounded however often samples come. Samples older than the window go.
class TrafficSamples final
{
public:
    struct Sample
    {
        qint64 ms = 0; // since the epoch
        int open = 0;
        double in = 0;  // bytes per second
        double out = 0; // bytes per second
    };

    explicit TrafficSamples(int windowSeconds);

    // A sample older than the newest means the clock went back: the history starts again.
    // One at the same moment as the newest replaces it.
    void add(const Sample &sample);
    void clear();
    void setWindowSeconds(int seconds);
    int windowSeconds() const { return m_windowSeconds; }

    qsizetype size() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    qsizetype capacity() const { return qsizetype(m_ring.size()); }
    // 0 is the oldest sample held, size() - 1 the newest.
    const Sample &at(qsizetype index) const;
    const Sample &latest() const { return at(m_count - 1); }

private:
    Sample &slot(qsizetype index);
    void dropOlderThan(qint64 ms);
    void resize(qsizetype capacity);

    std::vector<Sample> m_ring;
    qsizetype m_first = 0; // the oldest sample's slot
    qsizetype m_count = 0;
    int m_windowSeconds = 0;
};
