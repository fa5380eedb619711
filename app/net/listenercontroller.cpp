#include "listenercontroller.h"

#include "clientpool.h"
#include "listener.h"
#include "listenerhub.h"
#include "threadinbox.h"

#include <QThread>

#ifdef Q_OS_LINUX
#include "epolleventdispatcher.h"
#endif

namespace {

// On Linux the network thread waits with epoll: a turn of its loop costs O(ready sockets), not
// O(open sockets) as Qt's poll() dispatcher does. SOCKETLAB_EVENT_DISPATCHER=qt keeps Qt's (to
// compare the two). Must be called before the thread starts.
void installNetworkDispatcher(QThread *thread)
{
#ifdef Q_OS_LINUX
    if (qEnvironmentVariable("SOCKETLAB_EVENT_DISPATCHER") == QLatin1String("qt"))
        return;
    auto *dispatcher = new EpollEventDispatcher;
    if (dispatcher->isValid())
        thread->setEventDispatcher(dispatcher); // the thread owns it
    else
        delete dispatcher;
#else
    Q_UNUSED(thread);
#endif
}

} // namespace

ListenerController::ListenerController(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_hub(new ListenerHub)
    , m_clients(new ClientPool)
{
    qRegisterMetaType<UpdateBatch>();
    qRegisterMetaType<ClientPlan>();
    qRegisterMetaType<ClientTotals>();
    m_thread->setObjectName(QStringLiteral("network"));
    installNetworkDispatcher(m_thread);
    m_networkInbox = new ThreadInbox;
    m_uiInbox = new ThreadInbox(this);
    // Made before the hub moves: the first listener exists before any call can reach it.
    m_hub->add(m_nextListenerId);
    m_listenerIds.append(m_nextListenerId++);
    m_networkInbox->moveToThread(m_thread);
    m_hub->moveToThread(m_thread);
    m_clients->moveToThread(m_thread);
    // Emitted on the network thread; the batches are copied there and handed over through the inbox.
    ThreadInbox *uiInbox = m_uiInbox;
    connect(
        m_hub, &ListenerHub::delivered, m_hub,
        [this, uiInbox](const QList<UpdateBatch> &batches) {
            uiInbox->post([this, batches] { onDelivered(batches); });
        },
        Qt::DirectConnection);
    connect(
        m_clients, &ClientPool::totalsChanged, m_clients,
        [this, uiInbox](const ClientTotals &totals) { uiInbox->post([this, totals] { emit clientsUpdated(totals); }); },
        Qt::DirectConnection);
    m_thread->start();
}

ListenerController::~ListenerController()
{
    // The listeners, the test clients and their sockets must be destroyed on the thread they live
    // on; that call ends the thread's event loop after it, so nothing posted later runs.
    ListenerHub *hub = m_hub;
    ClientPool *clients = m_clients;
    m_networkInbox->post([hub, clients] {
        delete clients;
        hub->disconnect();
        delete hub;
        QThread::currentThread()->quit();
    });
    m_thread->wait();
    // The thread is gone; its inbox can go from here.
    delete m_networkInbox;
}

void ListenerController::toNetwork(std::function<void()> call)
{
    m_networkInbox->post(std::move(call));
}

int ListenerController::addListener()
{
    const int id = m_nextListenerId++;
    m_listenerIds.append(id);
    ListenerHub *hub = m_hub;
    toNetwork([=] { hub->add(id); });
    return id;
}

void ListenerController::removeListener(int listenerId)
{
    if (!m_listenerIds.removeOne(listenerId))
        return;
    ListenerHub *hub = m_hub;
    toNetwork([=] { hub->remove(listenerId); });
}

void ListenerController::start(int listenerId, const QHostAddress &address, quint16 port, int backlog)
{
    ListenerHub *hub = m_hub;
    toNetwork([=] {
        if (Listener *listener = hub->listener(listenerId))
            listener->startListening(address, port, backlog);
    });
}

void ListenerController::stop(int listenerId, bool closeConnections)
{
    ListenerHub *hub = m_hub;
    toNetwork([=] {
        if (Listener *listener = hub->listener(listenerId))
            listener->stopListening(closeConnections);
    });
}

void ListenerController::setPaused(int listenerId, bool paused)
{
    ListenerHub *hub = m_hub;
    toNetwork([=] {
        if (Listener *listener = hub->listener(listenerId))
            listener->setPaused(paused);
    });
}

void ListenerController::setBehaviour(int listenerId, const ServerBehaviour &behaviour)
{
    ListenerHub *hub = m_hub;
    toNetwork([=] {
        if (Listener *listener = hub->listener(listenerId))
            listener->setBehaviour(behaviour);
    });
}

void ListenerController::start(const QHostAddress &address, quint16 port, int backlog)
{
    start(FirstListenerId, address, port, backlog);
}

void ListenerController::stop(bool closeConnections)
{
    stop(FirstListenerId, closeConnections);
}

void ListenerController::setPaused(bool paused)
{
    setPaused(FirstListenerId, paused);
}

void ListenerController::setTls(const std::optional<TlsServerSetup> &setup)
{
    setTls(FirstListenerId, setup);
}

void ListenerController::setTls(int listenerId, const std::optional<TlsServerSetup> &setup)
{
    ListenerHub *hub = m_hub;
    toNetwork([=] {
        if (Listener *listener = hub->listener(listenerId))
            listener->setTls(setup);
    });
}

void ListenerController::setBehaviour(const ServerBehaviour &behaviour)
{
    setBehaviour(FirstListenerId, behaviour);
}

void ListenerController::closeConnections(const QList<quint64> &ids, CloseMode mode)
{
    ListenerHub *hub = m_hub;
    toNetwork([=] { hub->closeConnections(ids, mode); });
}

void ListenerController::setFaults(const QList<quint64> &ids, const Faults &faults)
{
    ListenerHub *hub = m_hub;
    toNetwork([=] { hub->setFaults(ids, faults); });
}

void ListenerController::send(const QList<quint64> &ids, const QByteArray &data)
{
    ListenerHub *hub = m_hub;
    toNetwork([=] { hub->send(ids, data); });
}

void ListenerController::inspect(quint64 connectionId)
{
    ListenerHub *hub = m_hub;
    toNetwork([=] { hub->inspect(connectionId); });
}

void ListenerController::watchTcpInfo(const QList<quint64> &ids)
{
    ListenerHub *hub = m_hub;
    toNetwork([=] { hub->watchTcpInfo(ids); });
}

void ListenerController::keepEndedTranscripts(int count)
{
    ListenerHub *hub = m_hub;
    toNetwork([=] { hub->keepEndedTranscripts(count); });
}

void ListenerController::forgetEndedTranscripts()
{
    ListenerHub *hub = m_hub;
    toNetwork([=] { hub->forgetEndedTranscripts(); });
}

void ListenerController::handOverEndedTranscripts(bool handOver)
{
    ListenerHub *hub = m_hub;
    toNetwork([=] { hub->handOverEndedTranscripts(handOver); });
}

void ListenerController::note(const QString &text)
{
    ListenerHub *hub = m_hub;
    toNetwork([=] { hub->note(text); });
}

void ListenerController::closeAllConnections()
{
    ListenerHub *hub = m_hub;
    toNetwork([=] { hub->closeAllConnections(); });
}

void ListenerController::startClients(const ClientPlan &plan)
{
    ClientPool *clients = m_clients;
    toNetwork([=] { clients->start(plan); });
}

void ListenerController::closeAllClients()
{
    ClientPool *clients = m_clients;
    toNetwork([=] { clients->closeAll(); });
}

ListenerStatus ListenerController::status(int listenerId) const
{
    return m_statuses.value(listenerId);
}

ListenerTotals ListenerController::totals(int listenerId) const
{
    return m_listenerTotals.value(listenerId);
}

QList<ListenerStatus> ListenerController::statuses() const
{
    QList<ListenerStatus> list;
    list.reserve(m_listenerIds.size());
    for (const int id : m_listenerIds)
        list.append(m_statuses.value(id));
    return list;
}

void ListenerController::onDelivered(const QList<UpdateBatch> &batches)
{
    ++m_deliveries;
    for (const UpdateBatch &batch : batches) {
        if (batch.listenerRemoved) {
            m_statuses.remove(batch.listenerId);
            m_listenerTotals.remove(batch.listenerId);
        } else {
            m_statuses.insert(batch.listenerId, batch.status);
            m_listenerTotals.insert(batch.listenerId, batch.totals);
        }
        if (batch.listenerId == FirstListenerId)
            m_status = batch.status;
        // Summed every time: with one listener that is its own, with a few it costs nothing.
        ListenerTotals sum;
        for (const ListenerTotals &totals : std::as_const(m_listenerTotals)) {
            sum.open += totals.open;
            sum.peakOpen += totals.peakOpen;
            sum.accepted += totals.accepted;
            sum.bytesReceived += totals.bytesReceived;
            sum.bytesSent += totals.bytesSent;
            sum.refused += totals.refused;
        }
        m_totals = sum;
        emit updated(batch);
    }
    emit deliveryDone();
}
