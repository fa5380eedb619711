#include "listenercontroller.h"

#include "clientpool.h"
#include "listener.h"
#include "threadinbox.h"

#include <QThread>

ListenerController::ListenerController(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_listener(new Listener)
    , m_clients(new ClientPool)
{
    qRegisterMetaType<UpdateBatch>();
    qRegisterMetaType<ClientPlan>();
    qRegisterMetaType<ClientTotals>();
    m_thread->setObjectName(QStringLiteral("network"));
    m_networkInbox = new ThreadInbox;
    m_uiInbox = new ThreadInbox(this);
    m_networkInbox->moveToThread(m_thread);
    m_listener->moveToThread(m_thread);
    m_clients->moveToThread(m_thread);
    // Emitted on the network thread; the batch is copied there and handed over through the inbox.
    ThreadInbox *uiInbox = m_uiInbox;
    connect(
        m_listener, &Listener::updated, m_listener,
        [this, uiInbox](const UpdateBatch &batch) { uiInbox->post([this, batch] { onUpdated(batch); }); },
        Qt::DirectConnection);
    connect(
        m_clients, &ClientPool::totalsChanged, m_clients,
        [this, uiInbox](const ClientTotals &totals) { uiInbox->post([this, totals] { emit clientsUpdated(totals); }); },
        Qt::DirectConnection);
    m_thread->start();
}

ListenerController::~ListenerController()
{
    // The listener, the test clients and their sockets must be destroyed on the thread they live
    // on; that call ends the thread's event loop after it, so nothing posted later runs.
    Listener *listener = m_listener;
    ClientPool *clients = m_clients;
    m_networkInbox->post([listener, clients] {
        delete clients;
        delete listener;
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

void ListenerController::start(const QHostAddress &address, quint16 port, int backlog)
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->startListening(address, port, backlog); });
}

void ListenerController::stop(bool closeConnections)
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->stopListening(closeConnections); });
}

void ListenerController::setPaused(bool paused)
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->setPaused(paused); });
}

void ListenerController::setTls(const std::optional<TlsServerSetup> &setup)
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->setTls(setup); });
}

void ListenerController::setBehaviour(const ServerBehaviour &behaviour)
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->setBehaviour(behaviour); });
}

void ListenerController::closeConnections(const QList<quint64> &ids, CloseMode mode)
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->closeConnections(ids, mode); });
}

void ListenerController::send(const QList<quint64> &ids, const QByteArray &data)
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->send(ids, data); });
}

void ListenerController::inspect(quint64 connectionId)
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->inspect(connectionId); });
}

void ListenerController::watchTcpInfo(const QList<quint64> &ids)
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->watchTcpInfo(ids); });
}

void ListenerController::keepEndedTranscripts(int count)
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->keepEndedTranscripts(count); });
}

void ListenerController::forgetEndedTranscripts()
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->forgetEndedTranscripts(); });
}

void ListenerController::handOverEndedTranscripts(bool handOver)
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->handOverEndedTranscripts(handOver); });
}

void ListenerController::note(const QString &text)
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->note(text); });
}

void ListenerController::closeAllConnections()
{
    Listener *listener = m_listener;
    toNetwork([=] { listener->closeAllConnections(); });
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

void ListenerController::onUpdated(const UpdateBatch &batch)
{
    m_status = batch.status;
    m_totals = batch.totals;
    emit updated(batch);
}
