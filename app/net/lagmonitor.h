#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <array>

class QTimer;

// Measures how late this thread's event loop runs a 10 ms timer: the lag a user feels as a
// sluggish window. Lateness goes into a fixed histogram, so hours of samples cost nothing.
class LagMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagMonitor)

public:
    static constexpr int IntervalMs = 10;
    static constexpr qint64 BucketNs = 10'000;    // 10 µs resolution
    static constexpr int BucketCount = 10'000;    // up to 100 ms; later ones share the last bucket

    explicit LagMonitor(QObject *parent = nullptr);
    ~LagMonitor() override;

    void start();
    // Forgets the samples so far: a new measurement starts.
    void reset();

    quint64 sampleCount() const { return m_count; }
    // The lateness below which `fraction` (0..1) of the samples fall, in ms; 0 without samples.
    double percentileMs(double fraction) const;
    double maxMs() const { return double(m_maxNs) / 1e6; }

    // For the tests: counts one sample as if the timer had been `lateNs` late.
    void addSample(qint64 lateNs);

private:
    void onTimeout();

    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    qint64 m_expectedNs = 0;
    std::array<quint64, BucketCount> m_histogram{};
    quint64 m_count = 0;
    qint64 m_maxNs = 0;
};
