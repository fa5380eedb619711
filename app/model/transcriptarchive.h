#pragma once

#include "transcript.h"

#include <QHash>

#include <deque>

// The transcripts of connections that ended, so a closed row can still be inspected. Bounded
// by count (the window keeps as many as its table keeps closed rows) and by total bytes: the
// transcripts of the connections that ended first go first.
class TranscriptArchive final
{
public:
    static constexpr qsizetype DefaultBudget = 64 * 1024 * 1024;
    // More than the table keeps by default; bounds the bookkeeping when many empty ones churn.
    static constexpr qsizetype MaxCount = 10000;

    explicit TranscriptArchive(qsizetype budgetBytes = DefaultBudget);

    // How many are kept at most; 0 keeps none. Trims at once.
    void setCountLimit(int limit);
    int countLimit() const { return m_countLimit; }

    void insert(quint64 connectionId, const Transcript &transcript);
    // nullptr when the connection's transcript is not (or no longer) kept.
    const Transcript *find(quint64 connectionId) const;
    void clear();

    int count() const { return int(m_transcripts.size()); }
    qsizetype sizeBytes() const { return m_size; }

private:
    void trim();

    QHash<quint64, Transcript> m_transcripts;
    std::deque<quint64> m_order; // oldest first
    qsizetype m_budget = DefaultBudget;
    qsizetype m_size = 0;
    int m_countLimit = int(MaxCount);
};
