#pragma once

#include "updatebatch.h"

#include <optional>

class Transcript;

// The transcript of the connection the window inspects, as it goes out with the batches: all of
// it once when a connection is chosen, then only what is new, never the whole of it every batch.
class TranscriptFeed final
{
public:
    // Starts over with this connection; 0 for none.
    void follow(quint64 connectionId);
    quint64 connectionId() const { return m_id; }
    // Follows nothing without telling the window: another listener's feed now has its attention.
    void drop() { m_id = 0; m_reset = false; }
    // What the window lacks of the followed transcript (nullptr when it is not kept);
    // nullopt when it lacks nothing.
    std::optional<TranscriptUpdate> take(const Transcript *transcript);

private:
    quint64 m_id = 0;
    bool m_reset = false;
    quint64 m_position = 0; // how far into the transcript the window has it
    quint64 m_dropped = 0;
};
