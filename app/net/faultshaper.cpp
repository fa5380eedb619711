#include "faultshaper.h"

#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

QTimer *preciseSingleShot(QObject *parent)
{
    auto *timer = new QTimer(parent);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    return timer;
}

} // namespace

FaultShaper::FaultShaper(Writer writer, Events events, QObject *parent)
    : QObject(parent)
    , m_writer(std::move(writer))
    , m_events(std::move(events))
{
    m_clock.start();
}

QTimer *FaultShaper::timer(QTimer **slot, void (FaultShaper::*onTimeout)())
{
    // Made when first needed: most connections never have a fault, and there may be many.
    if (!*slot) {
        *slot = preciseSingleShot(this);
        connect(*slot, &QTimer::timeout, this, onTimeout);
    }
    return *slot;
}

FaultShaper::~FaultShaper() = default;

void FaultShaper::setFaults(const Faults &faults)
{
    const bool bandwidthChanged = faults.bandwidthKiB != m_faults.bandwidthKiB;
    m_faults = faults;
    m_received = 0;
    m_sent = 0;
    if (bandwidthChanged) {
        m_out = {};
        m_in = {};
    }
    if (faults.resetAfterMs > 0)
        timer(&m_resetTimer, &FaultShaper::onResetTimer)->start(faults.resetAfterMs);
    else if (m_resetTimer)
        m_resetTimer->stop();
    if (faults.latencyMs == 0 && faults.jitterMs == 0) {
        for (Pending &pending : m_queue)
            pending.dueMs = 0;
        m_lastDueMs = 0;
    }
    if (faults.sliceBytes == 0)
        m_nextPieceMs = 0;
    if (faults.bandwidthKiB == 0 && m_readTimer && m_readTimer->isActive()) {
        m_readTimer->stop();
        m_events.readable();
    }
    if (!m_queue.isEmpty())
        pump();
}

bool FaultShaper::holdsWrites() const
{
    return m_faults.latencyMs > 0 || m_faults.jitterMs > 0 || m_faults.bandwidthKiB > 0 || m_faults.sliceBytes > 0;
}

void FaultShaper::enqueue(const QByteArray &data, bool merge, int rule, bool relayed)
{
    if (data.isEmpty())
        return;
    if (!holdsWrites() && m_queue.isEmpty()) {
        m_sent += data.size();
        m_writer(data, merge, rule, relayed);
        return;
    }
    const qint64 now = m_clock.elapsed();
    qint64 delay = m_faults.latencyMs;
    if (m_faults.jitterMs > 0)
        delay += QRandomGenerator::global()->bounded(-m_faults.jitterMs, m_faults.jitterMs + 1);
    m_lastDueMs = std::max(now + std::max<qint64>(0, delay), m_lastDueMs);
    m_queue.append(Pending{data, 0, m_lastDueMs, merge, rule, relayed});
    m_queuedBytes += data.size();
    // Behind others it waits its turn; the timer already runs for the first.
    if (m_queue.size() == 1)
        pump();
}

void FaultShaper::clear()
{
    m_queue.clear();
    m_queuedBytes = 0;
    if (m_writeTimer)
        m_writeTimer->stop();
}

double FaultShaper::bytesPerMs() const
{
    return m_faults.bandwidthKiB * 1024.0 / 1000.0;
}

double FaultShaper::burst() const
{
    // 50 ms worth: smooth enough to measure, few enough timer turns.
    return std::max(1.0, std::floor(bytesPerMs() * 50));
}

double FaultShaper::refill(Bucket *bucket, qint64 now) const
{
    if (bucket->lastMs < 0)
        bucket->tokens = burst();
    else
        bucket->tokens = std::min(burst(), bucket->tokens + double(now - bucket->lastMs) * bytesPerMs());
    bucket->lastMs = now;
    return bucket->tokens;
}

qint64 FaultShaper::msUntil(const Bucket &bucket, double bytes) const
{
    return std::max<qint64>(1, qint64(std::ceil((bytes - bucket.tokens) / bytesPerMs())));
}

void FaultShaper::pump()
{
    if (m_writeTimer)
        m_writeTimer->stop();
    bool wrote = false;
    while (!m_queue.isEmpty()) {
        const qint64 now = m_clock.elapsed();
        const Pending &first = m_queue.constFirst();
        qint64 wait = std::max(first.dueMs, m_nextPieceMs) - now;
        qint64 size = first.data.size() - first.offset;
        if (m_faults.sliceBytes > 0)
            size = std::min<qint64>(size, m_faults.sliceBytes);
        if (m_faults.bandwidthKiB > 0 && wait <= 0) {
            const double tokens = refill(&m_out, now);
            const double wanted = std::min(double(size), burst());
            if (tokens < wanted)
                wait = msUntil(m_out, wanted);
            else
                size = std::min<qint64>(size, qint64(tokens));
        }
        if (wait > 0) {
            const int ms = int(std::min<qint64>(wait, std::numeric_limits<int>::max()));
            timer(&m_writeTimer, &FaultShaper::pump)->start(ms);
            return;
        }
        Pending &pending = m_queue.first();
        const QByteArray piece = pending.offset == 0 && size == pending.data.size()
            ? pending.data
            : pending.data.mid(pending.offset, size);
        const bool merge = pending.merge;
        const int rule = pending.rule;
        const bool relayed = pending.relayed;
        pending.offset += size;
        if (pending.offset >= pending.data.size())
            m_queue.removeFirst();
        m_queuedBytes -= size;
        if (m_faults.bandwidthKiB > 0)
            m_out.tokens -= double(size);
        if (m_faults.sliceBytes > 0)
            m_nextPieceMs = now + m_faults.sliceDelayMs;
        m_sent += size;
        wrote = true;
        m_writer(piece, merge, rule, relayed); // may clear() the queue
    }
    if (wrote)
        m_events.drained();
}

qint64 FaultShaper::readBudget()
{
    if (m_faults.bandwidthKiB <= 0)
        return std::numeric_limits<qint64>::max();
    const double tokens = refill(&m_in, m_clock.elapsed());
    if (tokens >= 1)
        return qint64(tokens);
    QTimer *wait = timer(&m_readTimer, &FaultShaper::onReadTimer);
    if (!wait->isActive())
        wait->start(int(msUntil(m_in, burst())));
    return 0;
}

void FaultShaper::countRead(qint64 bytes)
{
    m_received += bytes;
    if (m_faults.bandwidthKiB > 0)
        m_in.tokens -= double(bytes);
}

void FaultShaper::onResetTimer()
{
    m_events.resetDue();
}

void FaultShaper::onReadTimer()
{
    m_events.readable();
}
