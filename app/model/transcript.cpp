#include "transcript.h"

#include <algorithm>
#include <iterator>

Transcript::Transcript(qsizetype capacityBytes)
    : m_capacity(std::max<qsizetype>(0, capacityBytes))
{
}

void Transcript::append(TranscriptChunk::Direction direction, const QByteArray &data, qint64 timestampMs,
                        Merge merge, int rule, bool relayed)
{
    if (data.isEmpty())
        return;
    if (merge == Merge::SameMillisecond && rule == 0 && !m_chunks.empty()) {
        TranscriptChunk &last = m_chunks.back();
        if (last.direction == direction && last.timestampMs == timestampMs && last.rule == 0
            && last.relayed == relayed) {
            last.data.append(data);
            m_size += data.size();
            trim();
            return;
        }
    }
    m_chunks.push_back(TranscriptChunk{timestampMs, direction, data, ++m_lastSequence, rule, relayed});
    m_size += data.size();
    trim();
}

void Transcript::setCapacity(qsizetype capacityBytes)
{
    m_capacity = std::max<qsizetype>(0, capacityBytes);
    trim();
}

void Transcript::clear()
{
    m_dropped += quint64(m_size);
    m_chunks.clear();
    m_size = 0;
}

void Transcript::trim()
{
    while (!m_chunks.empty() && (m_size > m_capacity || qsizetype(m_chunks.size()) > MaxChunks)) {
        TranscriptChunk &front = m_chunks.front();
        const qsizetype excess = m_size - m_capacity;
        if (qsizetype(m_chunks.size()) <= MaxChunks && excess < front.data.size()) {
            // Keep the newest bytes of the oldest chunk.
            front.data.remove(0, excess);
            m_size -= excess;
            m_dropped += quint64(excess);
            return;
        }
        m_size -= front.data.size();
        m_dropped += quint64(front.data.size());
        m_chunks.pop_front();
    }
}

QList<TranscriptChunk> Transcript::chunks() const
{
    return QList<TranscriptChunk>(m_chunks.cbegin(), m_chunks.cend());
}

QList<TranscriptChunk> Transcript::chunksSince(quint64 position) const
{
    // Walk back from the newest chunk, whose end is the stream's end. Sizes alone cannot tell
    // that a full chunk grew and was trimmed back to the same size; positions can.
    quint64 end = totalBytes();
    auto it = m_chunks.cend();
    while (it != m_chunks.cbegin() && end > position) { // `end` is where the chunk before `it` ends
        --it;
        end -= quint64(it->data.size());
    }
    return QList<TranscriptChunk>(it, m_chunks.cend());
}

qsizetype Transcript::chunkSize(quint64 sequence) const
{
    for (auto it = m_chunks.crbegin(); it != m_chunks.crend() && it->sequence >= sequence; ++it) {
        if (it->sequence == sequence)
            return it->data.size();
    }
    return -1;
}
