#include "acceptloop.h"

#include "acceptgate.h"
#include "listenerstatus.h"

#include <QSocketNotifier>
#include <QTcpServer>
#include <QTimer>

AcceptLoop::AcceptLoop(QTcpServer *server, const ListenerStatus &status, const ListenerTotals &totals)
    : QObject(server)
    , m_server(server)
    , m_status(&status)
    , m_gate(new AcceptGate(server, status, totals))
    , m_continue(new QTimer(this))
{
    m_continue->setSingleShot(true);
    m_continue->setInterval(0);
    connect(m_continue, &QTimer::timeout, this, &AcceptLoop::acceptReady);
    connect(m_gate, &AcceptGate::logged, this, &AcceptLoop::logged);
    connect(m_gate, &AcceptGate::pausedReasonChanged, this, &AcceptLoop::pausedReasonChanged);
}

AcceptLoop::~AcceptLoop() = default;

void AcceptLoop::start()
{
    m_notifier = new QSocketNotifier(m_server->socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &AcceptLoop::acceptReady);
    m_gate->watch(m_notifier);
}

void AcceptLoop::stop()
{
    // The notifier must never watch a closed descriptor, which the system may hand out again.
    delete m_notifier;
    m_notifier = nullptr;
    // Accepted and never set up: they end with the listening socket, like those still queued.
    dropWaiting();
}

void AcceptLoop::reset()
{
    m_gate->reset();
}

void AcceptLoop::updateEnabled()
{
    if (m_notifier)
        m_notifier->setEnabled(!m_status->paused && !m_gate->isShut());
}

void AcceptLoop::acceptReady()
{
    // Setting a connection up costs many times what accepting it does, so the kernel's queue is
    // emptied before every set-up, not once a turn: a burst of clients would otherwise overflow
    // the backlog while the first ones are set up, and with a backlog of 5 a client that connects
    // again as soon as its connect returns fills the queue within a few set-ups. Either way the
    // dropped ones wait a second or more for their SYN to be sent again. Accepted descriptors are
    // cheap to hold, and an empty queue costs one accept() that fails. At most Batch are set up
    // per turn of the event loop, so that a flood of new connections cannot starve the open ones
    // of their reads and closes.
    int taken = 0;
    while (taken < Batch) {
        drain();
        if (m_accepted.isEmpty())
            break;
        emit accepted(m_accepted.takeFirst());
        ++taken;
    }
    if (!m_accepted.isEmpty() && !m_continue->isActive())
        m_continue->start();
}

void AcceptLoop::drain()
{
    while (m_notifier && m_notifier->isEnabled() && m_accepted.size() < MaxWaiting) {
        const SocketOptions::Accepted next = SocketOptions::acceptConnection(m_server->socketDescriptor());
        if (next.descriptor < 0) {
            if (next.error != 0)
                m_gate->acceptFailed(next.error);
            return;
        }
        m_accepted.append(next);
    }
}

void AcceptLoop::dropWaiting()
{
    m_continue->stop();
    for (const SocketOptions::Accepted &waiting : std::as_const(m_accepted))
        SocketOptions::closeSocket(waiting.descriptor);
    m_accepted.clear();
}
