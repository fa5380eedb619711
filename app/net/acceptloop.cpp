#include "acceptloop.h"

#include "acceptgate.h"
#include "listenerstatus.h"

#include <QSocketNotifier>
#include <QTcpServer>

AcceptLoop::AcceptLoop(QTcpServer *server, const ListenerStatus &status, const ListenerTotals &totals)
    : QObject(server)
    , m_server(server)
    , m_status(&status)
    , m_gate(new AcceptGate(server, status, totals))
{
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
    // emptied first and looked at again before each set-up: a client that connects again at once
    // would otherwise fill a short backlog meanwhile. At most Batch per turn of the event loop,
    // so that a flood of new connections cannot starve the open ones of their reads and closes;
    // the notifier fires again on the next turn while more wait.
    int taken = 0;
    while (taken < Batch) {
        while (m_notifier && m_notifier->isEnabled() && taken + m_accepted.size() < Batch) {
            const SocketOptions::Accepted next = SocketOptions::acceptConnection(m_server->socketDescriptor());
            if (next.descriptor < 0) {
                if (next.error != 0)
                    m_gate->acceptFailed(next.error);
                break;
            }
            m_accepted.append(next);
        }
        if (m_accepted.isEmpty())
            break;
        emit accepted(m_accepted.takeFirst());
        ++taken;
    }
}
