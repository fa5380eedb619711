// Connection's side of the faults: what it may read, what it writes, and how it acts when a fault
// fires. The scheduling itself is FaultShaper's.
#include "connection.h"
#include "connectionobserver.h"

#include "faultshaper.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <limits>

void Connection::setFaults(const Faults &faults)
{
    const bool wasStalled = m_info.readsStalled;
    if (!m_shaper && faults.any())
        makeShaper();
    if (m_shaper)
        m_shaper->setFaults(faults);
    m_info.faults = faults;
    m_info.readsStalled = faults.stallReads;
    if (wasStalled && !faults.stallReads)
        resumeReading();
    m_observer->connectionChanged(m_info.id, 0, 0);
}

void Connection::enqueue(const QByteArray &data, bool merge, int rule, bool relayed)
{
    if (m_shaper)
        m_shaper->enqueue(data, merge, rule, relayed);
    else if (!data.isEmpty())
        writeOut(data, merge, rule, relayed);
}

qint64 Connection::readLimit()
{
    if (!m_shaper)
        return std::numeric_limits<qint64>::max();
    const Faults &faults = m_shaper->faults();
    qint64 limit = m_shaper->readBudget();
    // Exactly the bytes the fault names are read: the rest stays with the kernel.
    if (faults.resetAfterBytes > 0)
        limit = std::min(limit, faults.resetAfterBytes - m_shaper->receivedSinceSet());
    if (faults.closeAfterBytes > 0)
        limit = std::min(limit, faults.closeAfterBytes - m_shaper->receivedSinceSet());
    return limit;
}

bool Connection::reachedReadLimits()
{
    if (!m_shaper)
        return false;
    const Faults &faults = m_shaper->faults();
    const qint64 received = m_shaper->receivedSinceSet();
    if (faults.resetAfterBytes > 0 && received >= faults.resetAfterBytes) {
        actOnFault(tr("reset after %1 bytes").arg(faults.resetAfterBytes), CloseMode::Reset);
        return true;
    }
    if (faults.closeAfterBytes > 0 && received >= faults.closeAfterBytes && !m_closeRequested)
        actOnFault(tr("close after %1 bytes received").arg(faults.closeAfterBytes), CloseMode::Graceful);
    return false;
}

void Connection::writeOut(const QByteArray &piece, bool merge, int rule, bool relayed)
{
    if (isFinished())
        return;
    const qint64 closeAfter = m_shaper ? m_shaper->faults().closeAfterBytes : 0;
    const qint64 sent = m_shaper ? m_shaper->sentSinceSet() : 0; // counts this piece already
    const bool closing = closeAfter > 0 && sent >= closeAfter;
    const QByteArray out = closing ? piece.left(closeAfter - (sent - piece.size())) : piece;
    if (!out.isEmpty()) {
        if (m_info.recording) {
            m_transcript.append(TranscriptChunk::Direction::Sent, out, QDateTime::currentMSecsSinceEpoch(),
                                merge ? Transcript::Merge::SameMillisecond : Transcript::Merge::Never, rule, relayed);
        }
        m_socket->write(out);
        watchWritesIfQueued();
    }
    if (closing && !m_closeRequested) {
        m_shaper->clear(); // closing needs closeAfter, so a shaper
        actOnFault(tr("close after %1 bytes sent").arg(closeAfter), CloseMode::Graceful);
    }
}

void Connection::sendFin()
{
    if (isFinished())
        return;
    if (m_shaper && m_shaper->queuedBytes() > 0) {
        m_finPending = true;
        return;
    }
    m_finPending = false;
    const int slowCloseMs = m_shaper ? m_shaper->faults().slowCloseMs : 0;
    if (slowCloseMs > 0 && !m_slowCloseWaited) {
        m_slowCloseWaited = true;
        m_observer->connectionFaultActed(m_info.id, tr("slow close: FIN in %1 ms").arg(slowCloseMs));
        QTimer::singleShot(slowCloseMs, Qt::PreciseTimer, this, &Connection::sendFin);
        return;
    }
    m_socket->disconnectFromHost();
}

void Connection::actOnFault(const QString &what, CloseMode mode)
{
    if (isFinished() || (mode == CloseMode::Graceful && m_closeRequested))
        return;
    m_observer->connectionFaultActed(m_info.id, what);
    close(mode);
}
