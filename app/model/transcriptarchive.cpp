#include "transcriptarchive.h"

#include <algorithm>

TranscriptArchive::TranscriptArchive(qsizetype budgetBytes)
    : m_budget(budgetBytes)
{
}

void TranscriptArchive::setCountLimit(int limit)
{
    m_countLimit = std::max(0, limit);
    trim();
    if (m_transcripts.isEmpty())
        m_transcripts = {}; // hands the table's memory back too
}

void TranscriptArchive::insert(quint64 connectionId, const Transcript &transcript)
{
    if (m_countLimit == 0 || m_transcripts.contains(connectionId) || transcript.sizeBytes() > m_budget)
        return;
    m_transcripts.insert(connectionId, transcript);
    m_order.push_back(connectionId);
    m_size += transcript.sizeBytes();
    trim();
}

void TranscriptArchive::trim()
{
    while ((m_size > m_budget || qsizetype(m_order.size()) > m_countLimit) && !m_order.empty()) {
        const auto it = m_transcripts.constFind(m_order.front());
        if (it != m_transcripts.cend()) {
            m_size -= it->sizeBytes();
            m_transcripts.erase(it);
        }
        m_order.pop_front();
    }
}

const Transcript *TranscriptArchive::find(quint64 connectionId) const
{
    const auto it = m_transcripts.constFind(connectionId);
    return it == m_transcripts.cend() ? nullptr : &*it;
}

void TranscriptArchive::clear()
{
    // Assigned anew rather than cleared, so the hash's and the deque's memory goes too.
    m_transcripts = {};
    m_order = {};
    m_size = 0;
}
