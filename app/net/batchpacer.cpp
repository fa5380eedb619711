#include "batchpacer.h"

#include <QTimer>

#include <utility>

BatchPacer::BatchPacer(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    // A precise timer: a coarse one may fire late by 5 %, and the slots would drift apart.
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &BatchPacer::flush);
}

BatchPacer::~BatchPacer() = default;

void BatchPacer::push(const UpdateBatch &batch, bool passThrough)
{
    const qint64 since = m_sinceDelivery.isValid() ? m_sinceDelivery.elapsed() : IntervalMs;
    m_pending.append(batch);
    if (m_collecting || m_timer->isActive())
        return;
    if (passThrough || since >= IntervalMs) {
        flush();
        return;
    }
    m_timer->start(int(IntervalMs - since));
}

void BatchPacer::flush()
{
    m_timer->stop();
    if (m_collect && !m_collecting) {
        m_collecting = true;
        m_collect();
        m_collecting = false;
    }
    if (m_pending.isEmpty())
        return;
    m_sinceDelivery.start();
    emit delivered(std::exchange(m_pending, {}));
}
