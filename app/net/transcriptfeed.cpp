#include "transcriptfeed.h"

#include "transcript.h"

#include <utility>

void TranscriptFeed::follow(quint64 connectionId)
{
    m_id = connectionId;
    m_reset = true;
    m_position = 0;
    m_dropped = 0;
}

std::optional<TranscriptUpdate> TranscriptFeed::take(const Transcript *transcript)
{
    if (m_id == 0) {
        if (!std::exchange(m_reset, false))
            return std::nullopt;
        TranscriptUpdate update;
        update.reset = true;
        return update;
    }
    TranscriptUpdate update;
    update.connectionId = m_id;
    update.reset = std::exchange(m_reset, false);
    if (!transcript) {
        if (!update.reset)
            return std::nullopt;
        update.available = false;
        return update;
    }
    update.chunks = update.reset ? transcript->chunks() : transcript->chunksSince(m_position);
    if (!update.reset && update.chunks.isEmpty() && transcript->droppedBytes() == m_dropped)
        return std::nullopt;
    m_position = transcript->totalBytes();
    m_dropped = transcript->droppedBytes();
    update.droppedBytes = m_dropped;
    update.capacity = transcript->capacity();
    return update;
}
