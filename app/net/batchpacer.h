#pragma once

#include "updatebatch.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <functional>

class QTimer;

// Merges the batches of several listeners on the network thread so that the UI thread gets at
// most about 30 deliveries a second in all: a batch goes at once when nothing went in the last
// interval, otherwise it waits with the others for the next slot, and they travel together.
class BatchPacer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchPacer)

public:
    static constexpr int IntervalMs = 33;

    explicit BatchPacer(QObject *parent = nullptr);
    ~BatchPacer() override;

    // Called just before a delivery to push what the sources have pending at once, so that a
    // delivery holds everything they logged until then and their lines can be merged by time.
    void setCollect(std::function<void()> collect) { m_collect = std::move(collect); }

    // passThrough: the batch's listener is the only one, and its own flush already keeps to the
    // interval; it goes at once unless others wait, so that one listener is never held back.
    void push(const UpdateBatch &batch, bool passThrough);
    // Sends whatever waits now (before the network thread ends).
    void flush();

signals:
    // Emitted on the network thread, in the order the batches were pushed.
    void delivered(const QList<UpdateBatch> &batches);

private:
    QList<UpdateBatch> m_pending;
    QElapsedTimer m_sinceDelivery;
    QTimer *m_timer = nullptr;
    std::function<void()> m_collect;
    bool m_collecting = false; // pushes during the collect only join the delivery
};
