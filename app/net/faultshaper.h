#pragma once

#include "faultplan.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <functional>

class QTimer;

// A connection's faults on the network thread: holds what the connection sends and lets it out
// late (latency and jitter), slowly (bandwidth) or in pieces (slicer), meters what it may read,
// and counts the bytes that reset-after and close-after watch. Writes in order, one at a time.
class FaultShaper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultShaper)

public:
    // Puts a piece on the socket; merge: the transcript may join it to the chunk before; rule:
    // the response rule (from 1) whose reply it is, 0 for none; relayed: it came from the
    // upstream (Forward mode).
    using Writer = std::function<void(const QByteArray &piece, bool merge, int rule, bool relayed)>;

    // What the shaper tells its connection: callbacks, not signals, as every connection has one
    // and signal connections cost memory apiece.
    struct Events
    {
        std::function<void()> drained;  // nothing waits any more
        std::function<void()> readable; // the bandwidth cap lets reading go on
        std::function<void()> resetDue; // the reset-after time is up
    };

    explicit FaultShaper(Writer writer, Events events, QObject *parent = nullptr);
    ~FaultShaper() override;

    // From now on; the byte counts and the reset timer start again. What waits keeps its time,
    // unless latency is off now: then it goes as soon as bandwidth and slicing let it.
    void setFaults(const Faults &faults);
    const Faults &faults() const { return m_faults; }

    // Bytes for the peer: written at once when no fault holds writes and nothing waits.
    void enqueue(const QByteArray &data, bool merge, int rule = 0, bool relayed = false);
    qint64 queuedBytes() const { return m_queuedBytes; }
    // Drops what waits (the connection is reset, or closes after its byte count).
    void clear();

    // How many bytes may be read now under the bandwidth cap; at 0 readable() follows once more
    // may be read.
    qint64 readBudget();
    void countRead(qint64 bytes);
    // Since the faults were set: what arrived, and what the writer put on the socket.
    qint64 receivedSinceSet() const { return m_received; }
    qint64 sentSinceSet() const { return m_sent; }

private:
    struct Pending
    {
        QByteArray data;
        qsizetype offset = 0; // written so far
        qint64 dueMs = 0;     // not before, on m_clock
        bool merge = true;
        int rule = 0;
        bool relayed = false;
    };
    // Tokens of a bandwidth bucket refilled up to now.
    struct Bucket
    {
        double tokens = 0;
        qint64 lastMs = -1;
    };

    bool holdsWrites() const;
    double bytesPerMs() const;
    double burst() const;
    double refill(Bucket *bucket, qint64 now) const;
    // How long until the bucket holds bytes.
    qint64 msUntil(const Bucket &bucket, double bytes) const;
    void pump();
    // The timer in slot, made on first use, calling onTimeout.
    QTimer *timer(QTimer **slot, void (FaultShaper::*onTimeout)());

    void onResetTimer();
    void onReadTimer();

    Writer m_writer;
    Events m_events;
    Faults m_faults;
    QElapsedTimer m_clock;
    QList<Pending> m_queue;
    qint64 m_queuedBytes = 0;
    qint64 m_lastDueMs = 0;   // a later write never overtakes an earlier one
    qint64 m_nextPieceMs = 0; // the slicer's gap
    Bucket m_out;
    Bucket m_in;
    qint64 m_received = 0;
    qint64 m_sent = 0;
    QTimer *m_writeTimer = nullptr;
    QTimer *m_readTimer = nullptr;
    QTimer *m_resetTimer = nullptr;
};
