#include "clientpool.h"

#include "endpoint.h"

#include <QTcpSocket>
#include <QTimer>

#include <utility>

ClientPool::ClientPool(QObject *parent)
    : QObject(parent)
    , m_startTimer(new QTimer(this))
    , m_sweepTimer(new QTimer(this))
    , m_emitTimer(new QTimer(this))
{
    m_clock.start();
    // Precise, so that pacing is not stretched by the 5% slack of coarse timers.
    m_startTimer->setSingleShot(true);
    m_startTimer->setTimerType(Qt::PreciseTimer);
    connect(m_startTimer, &QTimer::timeout, this, &ClientPool::startDue);
    m_sweepTimer->setSingleShot(true);
    connect(m_sweepTimer, &QTimer::timeout, this, &ClientPool::sweep);
    m_emitTimer->setSingleShot(true);
    m_emitTimer->setInterval(EmitIntervalMs);
    connect(m_emitTimer, &QTimer::timeout, this, &ClientPool::emitTotals);
}

ClientPool::~ClientPool()
{
    // The sockets are children and go with the pool; their signals must not reach it then.
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
        it.key()->disconnect(this);
}

void ClientPool::start(const ClientPlan &plan)
{
    QString refusal;
    if (plan.count < 1)
        refusal = tr("Nothing to open: the number of connections must be at least 1");
    else if (plan.address.isNull())
        refusal = tr("No address to connect to");
    else if (plan.port == 0)
        refusal = tr("Port 0 cannot be connected to; enter the port the server listens on");
    if (!refusal.isEmpty()) {
        m_totals.lastError = refusal;
        scheduleEmit();
        return;
    }

    // A start after everything ended begins new counts; one while running adds to them.
    if (!m_totals.running)
        m_totals = ClientTotals();
    const int room = MaxClients - pendingStarts() - int(m_clients.size());
    const int wanted = qMin(plan.count, MaxClients);
    const int count = qMin(wanted, room);
    if (count <= 0) {
        m_totals.lastError =
            tr("Already %1 test connections open or starting, the most at once; close them first").arg(MaxClients);
        scheduleEmit();
        return;
    }
    if (count < plan.count)
        m_totals.lastError = tr("Opening %1 of the %2 asked for: at most %3 test connections at once")
                                 .arg(count)
                                 .arg(plan.count)
                                 .arg(MaxClients);

    Run run;
    run.plan = plan;
    run.plan.ratePerSecond = qMax(1, plan.ratePerSecond);
    run.plan.closeAfterMs = qMax(0, plan.closeAfterMs);
    run.plan.connectTimeoutMs = qMax(0, plan.connectTimeoutMs);
    run.remaining = count;
    m_runs.append(run);
    m_totals.requested += count;
    m_totals.running = true;
    // Runs go one after the other; a run behind another starts when that one has opened all.
    if (m_runs.size() == 1)
        startDue();
    scheduleEmit();
}

void ClientPool::closeAll()
{
    m_totals.requested -= pendingStarts();
    m_runs.clear();
    m_startTimer->stop();
    // Closing can end a client at once and take it out of the hash: walk a copy of the keys.
    const QList<QTcpSocket *> sockets = m_clients.keys();
    for (QTcpSocket *socket : sockets) {
        const auto it = m_clients.find(socket);
        if (it == m_clients.end())
            continue;
        if (it->phase == Phase::Connecting)
            finish(socket, false);
        else if (it->phase == Phase::Connected)
            beginClose(socket, *it);
    }
    updateRunning();
    scheduleEmit();
}

int ClientPool::pendingStarts() const
{
    int pending = 0;
    for (const Run &run : m_runs)
        pending += run.remaining;
    return pending;
}

void ClientPool::startDue()
{
    int startedNow = 0;
    while (!m_runs.isEmpty()) {
        const qint64 now = m_clock.elapsed();
        Run &run = m_runs.first();
        if (run.startedAt < 0)
            run.startedAt = now;
        const qint64 rate = run.plan.ratePerSecond;
        // Connection k of a run (from 0) is due k / rate seconds after the run began.
        const qint64 due = (now - run.startedAt) * rate / 1000 + 1;
        while (run.remaining > 0 && run.started < due && startedNow < MaxStartsPerTick) {
            ++run.started;
            --run.remaining;
            ++startedNow;
            openOne(run.plan);
        }
        if (run.remaining == 0) {
            m_runs.removeFirst();
            continue;
        }
        if (startedNow >= MaxStartsPerTick) {
            // More are due: give the listener a turn of the event loop first.
            m_startTimer->start(0);
        } else {
            const qint64 nextAt = run.startedAt + (qint64(run.started) * 1000 + rate - 1) / rate;
            m_startTimer->start(int(qMax<qint64>(1, nextAt - now)));
        }
        break;
    }
    updateRunning();
    scheduleEmit();
}

void ClientPool::openOne(const ClientPlan &plan)
{
    auto *socket = new QTcpSocket(this);
    Client client;
    client.deadline = plan.connectTimeoutMs > 0 ? m_clock.elapsed() + plan.connectTimeoutMs : -1;
    client.text = plan.text;
    client.closeAfterMs = plan.closeAfterMs;
    client.connectTimeoutMs = plan.connectTimeoutMs;
    client.address = plan.address;
    client.port = plan.port;
    m_clients.insert(socket, client);
    ++m_totals.connecting;
    if (client.deadline >= 0)
        scheduleSweep(client.deadline);

    connect(socket, &QTcpSocket::connected, this, [this, socket] { onConnected(socket); });
    connect(socket, &QTcpSocket::errorOccurred, this,
            [this, socket](QAbstractSocket::SocketError error) { onErrorOccurred(socket, error); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
    // What the server sends is not looked at; dropping it keeps the buffers small.
    connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->skip(socket->bytesAvailable()); });
    socket->connectToHost(plan.address, plan.port);
}

void ClientPool::onConnected(QTcpSocket *socket)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end() || it->phase != Phase::Connecting)
        return;
    --m_totals.connecting;
    ++m_totals.connected;
    it->phase = Phase::Connected;
    it->deadline = it->closeAfterMs > 0 ? m_clock.elapsed() + it->closeAfterMs : -1;
    const QByteArray text = std::exchange(it->text, QByteArray());
    if (it->deadline >= 0)
        scheduleSweep(it->deadline);
    scheduleEmit();
    if (!text.isEmpty())
        socket->write(text);
}

void ClientPool::onErrorOccurred(QTcpSocket *socket, QAbstractSocket::SocketError error)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    if (it->phase == Phase::Connecting) {
        // Out of resources is nearly always the limit on open files, which each socket counts in.
        const QString reason = error == QAbstractSocket::SocketResourceError
            ? tr("no socket could be created; the process may have reached its limit of open files (ulimit -n)")
            : socket->errorString();
        finish(socket, true, tr("Could not connect to %1: %2").arg(Endpoint::format(it->address, it->port), reason));
        return;
    }
    if (socket->state() == QAbstractSocket::UnconnectedState || error != QAbstractSocket::RemoteHostClosedError) {
        finish(socket, false);
        return;
    }
    // The server closed: disconnected() follows once what is left to send is written, or the
    // grace runs out.
    if (it->phase == Phase::Connected) {
        it->phase = Phase::Closing;
        it->deadline = m_clock.elapsed() + CloseGraceMs;
        scheduleSweep(it->deadline);
    }
}

void ClientPool::onDisconnected(QTcpSocket *socket)
{
    finish(socket, false);
}

void ClientPool::beginClose(QTcpSocket *socket, Client &client)
{
    client.phase = Phase::Closing;
    client.deadline = m_clock.elapsed() + CloseGraceMs;
    scheduleSweep(client.deadline);
    // May end the client at once (disconnected() is emitted from here): client is gone then.
    socket->disconnectFromHost();
}

void ClientPool::finish(QTcpSocket *socket, bool failed, const QString &error)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    if (it->phase == Phase::Connecting)
        --m_totals.connecting;
    else
        --m_totals.connected;
    m_clients.erase(it);
    if (failed)
        ++m_totals.failed;
    else
        ++m_totals.closed;
    if (!error.isEmpty())
        m_totals.lastError = error;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    updateRunning();
    scheduleEmit();
}

void ClientPool::sweep()
{
    const qint64 now = m_clock.elapsed();
    m_lastSweepAt = now;
    m_nextSweepAt = -1;
    qint64 next = -1;
    QList<QTcpSocket *> expired;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        const qint64 deadline = it->deadline;
        if (deadline < 0)
            continue;
        if (deadline <= now)
            expired.append(it.key());
        else if (next < 0 || deadline < next)
            next = deadline;
    }
    for (QTcpSocket *socket : std::as_const(expired)) {
        const auto it = m_clients.find(socket);
        if (it == m_clients.end())
            continue;
        switch (it->phase) {
        case Phase::Connecting:
            finish(socket, true,
                   tr("Connecting to %1 timed out after %2 ms")
                       .arg(Endpoint::format(it->address, it->port))
                       .arg(it->connectTimeoutMs));
            break;
        case Phase::Connected:
            beginClose(socket, *it);
            break;
        case Phase::Closing:
            // A graceful close that could not flush its data in time.
            finish(socket, false);
            break;
        }
    }
    if (next >= 0)
        scheduleSweep(next);
}

void ClientPool::scheduleSweep(qint64 deadline)
{
    // Deadlines are checked in one pass over every client: no more often than SweepIntervalMs.
    const qint64 at = m_lastSweepAt < 0 ? deadline : qMax(deadline, m_lastSweepAt + SweepIntervalMs);
    if (m_sweepTimer->isActive() && m_nextSweepAt <= at)
        return;
    m_nextSweepAt = at;
    m_sweepTimer->start(int(qMax<qint64>(0, at - m_clock.elapsed())));
}

void ClientPool::updateRunning()
{
    m_totals.running = !m_runs.isEmpty() || !m_clients.isEmpty();
}

void ClientPool::scheduleEmit()
{
    if (!m_emitTimer->isActive())
        m_emitTimer->start();
}

void ClientPool::emitTotals()
{
    emit totalsChanged(m_totals);
}
