#pragma once

#include "trafficsamples.h"

#include <QWidget>

class QPainter;

// A live chart of the listener's traffic over the last minutes: open connections above, bytes
// per second received (in) and sent (out) below, with the newest sample at the right edge ("now").
// The window feeds it about once a second; it keeps only the samples of its window, in a ring.
class TrafficChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficChart)

public:
    static constexpr int DefaultWindowSeconds = 300;
    static constexpr int MinWindowSeconds = 10;
    static constexpr int MaxWindowSeconds = 3600;

    explicit TrafficChart(QWidget *parent = nullptr);
    ~TrafficChart() override;

    // A sample older than the newest one means the clock went back: the history starts again.
    void addSample(qint64 msSinceEpoch, int open, double bytesInPerSecond, double bytesOutPerSecond);
    void clear();
    // Shows another history (another listener's); the chart keeps its own window.
    void setSamples(const TrafficSamples &samples);

    // Clamped to MinWindowSeconds..MaxWindowSeconds; samples that fall out of the window go.
    void setWindowSeconds(int seconds);
    int windowSeconds() const { return m_samples.windowSeconds(); }

    int sampleCount() const { return int(m_samples.size()); }
    // The most samples held at once: two a second over the window. Faster samples shorten the
    // history shown instead of growing memory.
    int capacity() const { return int(m_samples.capacity()); }
    // "Waiting for traffic", or the latest values: "Open connections 12 · in 1.5 KiB/s · out 0 B/s"
    QString text() const;

    // "512 B/s", "1.5 KiB/s", "12.0 MiB/s"
    static QString rateText(double bytesPerSecond);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    using Sample = TrafficSamples::Sample;
    struct Areas;

    void samplesChanged();
    QString windowText() const;
    Areas computeAreas() const;
    QString toolTipAt(const QPoint &pos) const;
    void paintEmpty(QPainter &painter) const;
    void paintGrid(QPainter &painter, const Areas &areas) const;
    void paintSeries(QPainter &painter, const Areas &areas) const;
    void paintLegends(QPainter &painter, const Areas &areas) const;

    TrafficSamples m_samples{DefaultWindowSeconds};
};
