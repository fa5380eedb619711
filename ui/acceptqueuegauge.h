#pragma once

#include <QWidget>

// The kernel's accept queue of the listening socket against its backlog: a bar "Accept queue 3 / 5"
// that turns to the warning colour when full, and below it the overflow and drop counters.
// Compact, for the listener panel beside the state badge.
class AcceptQueueGauge final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcceptQueueGauge)

public:
    explicit AcceptQueueGauge(QWidget *parent = nullptr);
    ~AcceptQueueGauge() override;

    void setQueue(int length, int backlog);
    void setCounters(quint64 overflows, quint64 drops);
    // What the platform can measure; what it cannot is said in words, never shown as zero.
    void setAvailable(bool queueAvailable, bool countersAvailable);
    // Not listening: a neutral "Accept queue: not listening", whatever else was set.
    void setListening(bool listening);

    // The lines as shown, unelided: "Accept queue 3 / 5\nOverflows 12 · drops 12 since listening"
    QString text() const;
    // Where the bar is drawn; empty when there is no bar to draw.
    QRect barRect() const;
    bool isFull() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QString queueLine() const;
    QString countersLine() const;
    bool showsBar() const;
    void changed();

    int m_length = 0;
    int m_backlog = 0;
    quint64 m_overflows = 0;
    quint64 m_drops = 0;
    bool m_queueAvailable = true;
    bool m_countersAvailable = true;
    bool m_listening = false;
};
