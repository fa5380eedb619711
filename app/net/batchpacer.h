#pragma once

#include "updatebatch.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

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
};
