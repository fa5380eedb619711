#include "transcriptarchive.h"

TranscriptArchive::TranscriptArchive(qsizetype budgetBytes)
    : m_budget(budgetBytes)
{
}

void TranscriptArchive::insert(quint64 connectionId, const Transcript &transcript)
{
    if (m_transcripts.contains(connectionId) || transcript.sizeBytes() > m_budget)
        return;
    m_transcripts.insert(connectionId, transcript);
    m_order.push_back(connectionId);
    m_size += transcript.sizeBytes();
    while ((m_size > m_budget || qsizetype(m_order.size()) > MaxCount) && !m_order.empty()) {
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
    m_transcripts.clear();
    m_order.clear();
    m_size = 0;
}
