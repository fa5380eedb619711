#pragma once

#include "transcriptchunk.h"

#include <QList>


// What a connection received and sent, bounded: only the most recent bytes are kept and the
// number dropped before them is counted, so a peer sending gigabytes costs a fixed amount.
class Transcript final
{
public:
    static constexpr qsizetype DefaultCapacity = 256 * 1024;
    // Chunks written in the same millisecond in the same direction are merged, and the count
    // is capped too, so a peer sending one byte at a time cannot grow the overhead per chunk.
    static constexpr qsizetype MaxChunks = 4096;

    // Whether bytes may join the newest chunk when it has the same direction and millisecond:
    // yes for what streams in, no for a message the user sent, which stays one chunk.
    enum class Merge : quint8 { SameMillisecond, Never };

    explicit Transcript(qsizetype capacityBytes = DefaultCapacity);

    // rule: the response rule (from 1) whose reply the bytes are, 0 for none; a reply is never
    // merged with other bytes. relayed: Forward mode passed the bytes on (see
    // TranscriptChunk::relayed).
    void append(TranscriptChunk::Direction direction, const QByteArray &data, qint64 timestampMs,
                Merge merge = Merge::SameMillisecond, int rule = 0, bool relayed = false);
    void setCapacity(qsizetype capacityBytes);
    void clear();

    qsizetype capacity() const { return m_capacity; }
    qsizetype sizeBytes() const { return m_size; }
    quint64 droppedBytes() const { return m_dropped; }
    // The sequence number of the newest chunk, 0 when nothing was recorded.
    quint64 lastSequence() const { return m_lastSequence; }
    bool isEmpty() const { return m_chunks.empty(); }

    QList<TranscriptChunk> chunks() const;
    // Every byte ever recorded, dropped or kept: a position in the stream that only grows.
    quint64 totalBytes() const { return m_dropped + quint64(m_size); }
    // What is new to someone who has the stream up to `position` (a past totalBytes()): every
    // chunk that ends after it, whole, so a chunk that grew since is sent again.
    QList<TranscriptChunk> chunksSince(quint64 position) const;
    // The size of chunk `sequence` now, or -1 when it is no longer kept.
    qsizetype chunkSize(quint64 sequence) const;

private:
    void trim();

    // A QList, not a std::deque: empty, it allocates nothing, where a deque takes over half a KiB
    // for every connection, most of which never send a byte.
    QList<TranscriptChunk> m_chunks;
    qsizetype m_capacity = DefaultCapacity;
    qsizetype m_size = 0;
    quint64 m_dropped = 0;
    quint64 m_lastSequence = 0;
};
