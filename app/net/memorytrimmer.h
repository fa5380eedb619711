#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <functional>

class QTimer;

// Hands the memory of ended connections back to the system. glibc keeps the memory of freed
// connections for reuse; after a churn of thousands that is tens of MiB the process would
// otherwise hold at its peak for good.
class MemoryTrimmer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryTrimmer)

public:
    static constexpr int IntervalMs = 2000;
    static constexpr int AfterFinished = 256; // connections ended before memory is handed back
    // Connections accepted before memory is handed back: a burst of set-ups leaves behind what
    // its batches and log lines held on their way to the UI, freed but kept by the allocator.
    static constexpr int AfterAccepted = 1024;
    static constexpr int QuietMs = 250;       // the trim waits for this long without a new connection

    // nothingOpen: every connection of the owner has ended.
    explicit MemoryTrimmer(std::function<bool()> nothingOpen, QObject *parent = nullptr);
    ~MemoryTrimmer() override;

    void connectionAccepted();
    void connectionEnded();
    // Trims now, after memory was let go of all at once.
    void trimNow();

private:
    void trimIfDue();

    std::function<bool()> m_nothingOpen;
    QTimer *m_timer = nullptr;
    int m_finishedSinceTrim = 0;
    int m_acceptedSinceTrim = 0;
    bool m_trimmedAfterLastLeft = false; // the extra trim after the last connection left is done
    QElapsedTimer m_sinceAccept;         // since the last connection was accepted
};
