#include "memorytrimmer.h"

#include <QTimer>

#include <utility>

#ifdef __GLIBC__
#  include <malloc.h>
#endif

MemoryTrimmer::MemoryTrimmer(std::function<bool()> nothingOpen, QObject *parent)
    : QObject(parent)
    , m_nothingOpen(std::move(nothingOpen))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(IntervalMs);
    connect(m_timer, &QTimer::timeout, this, &MemoryTrimmer::trimIfDue);
    m_timer->start();
}

MemoryTrimmer::~MemoryTrimmer() = default;

void MemoryTrimmer::connectionAccepted()
{
    ++m_acceptedSinceTrim;
    m_sinceAccept.start();
}

void MemoryTrimmer::connectionEnded()
{
    ++m_finishedSinceTrim;
}

void MemoryTrimmer::trimIfDue()
{
    // Enough ended or came to be worth it, or the last of a crowd ended after the previous trim.
    const bool lastLeft = m_finishedSinceTrim > 0 && m_nothingOpen();
    if (m_finishedSinceTrim < AfterFinished && m_acceptedSinceTrim < AfterAccepted && !lastLeft)
        return;
    // The trim holds this thread for milliseconds (4 ms after 3,000 connections), long enough for
    // a client that keeps connecting to overflow a short backlog: it waits for a pause in new
    // connections, looking again soon.
    if (m_sinceAccept.isValid() && m_sinceAccept.elapsed() < QuietMs) {
        m_timer->start(QuietMs);
        return;
    }
    m_timer->start(IntervalMs);
    trimNow();
    // Some of what the last connections held is freed after the trim (their deferred deletes,
    // the batch on its way to the UI): once everyone has left, the next tick trims once more.
    if (lastLeft && !m_trimmedAfterLastLeft) {
        m_finishedSinceTrim = 1;
        m_trimmedAfterLastLeft = true;
    } else {
        m_trimmedAfterLastLeft = false;
    }
}

void MemoryTrimmer::trimNow()
{
    m_finishedSinceTrim = 0;
    m_acceptedSinceTrim = 0;
#ifdef __GLIBC__
    ::malloc_trim(0);
#endif
}
