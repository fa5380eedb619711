#include "listenercontroller.h"

#include "clientpool.h"
#include "listener.h"

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
    m_listener->moveToThread(m_thread);
    connect(m_listener, &Listener::updated, this, &ListenerController::onUpdated, Qt::QueuedConnection);
    m_clients->moveToThread(m_thread);
    connect(m_clients, &ClientPool::totalsChanged, this, &ListenerController::clientsUpdated, Qt::QueuedConnection);
    m_thread->start();
}

ListenerController::~ListenerController()
{
    // The listener, the test clients and their sockets must be destroyed on the thread they live on.
    Listener *listener = m_listener;
    ClientPool *clients = m_clients;
    QMetaObject::invokeMethod(
        listener, [listener, clients] { delete clients; delete listener; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void ListenerController::start(const QHostAddress &address, quint16 port, int backlog)
{
    Listener *listener = m_listener;
    QMetaObject::invokeMethod(listener, [=] { listener->startListening(address, port, backlog); });
}

void ListenerController::stop(bool closeConnections)
{
    Listener *listener = m_listener;
    QMetaObject::invokeMethod(listener, [=] { listener->stopListening(closeConnections); });
}

void ListenerController::setPaused(bool paused)
{
    Listener *listener = m_listener;
    QMetaObject::invokeMethod(listener, [=] { listener->setPaused(paused); });
}

void ListenerController::setBehaviour(const ServerBehaviour &behaviour)
{
    Listener *listener = m_listener;
    QMetaObject::invokeMethod(listener, [=] { listener->setBehaviour(behaviour); });
}

void ListenerController::closeConnections(const QList<quint64> &ids, CloseMode mode)
{
    Listener *listener = m_listener;
    QMetaObject::invokeMethod(listener, [=] { listener->closeConnections(ids, mode); });
}

void ListenerController::send(const QList<quint64> &ids, const QByteArray &data)
{
    Listener *listener = m_listener;
    QMetaObject::invokeMethod(listener, [=] { listener->send(ids, data); });
}

void ListenerController::inspect(quint64 connectionId)
{
    Listener *listener = m_listener;
    QMetaObject::invokeMethod(listener, [=] { listener->inspect(connectionId); });
}

void ListenerController::watchTcpInfo(const QList<quint64> &ids)
{
    Listener *listener = m_listener;
    QMetaObject::invokeMethod(listener, [=] { listener->watchTcpInfo(ids); });
}

void ListenerController::closeAllConnections()
{
    Listener *listener = m_listener;
    QMetaObject::invokeMethod(listener, [=] { listener->closeAllConnections(); });
}

void ListenerController::startClients(const ClientPlan &plan)
{
    ClientPool *clients = m_clients;
    QMetaObject::invokeMethod(clients, [=] { clients->start(plan); });
}

void ListenerController::closeAllClients()
{
    ClientPool *clients = m_clients;
    QMetaObject::invokeMethod(clients, [=] { clients->closeAll(); });
}

void ListenerController::onUpdated(const UpdateBatch &batch)
{
    m_status = batch.status;
    m_totals = batch.totals;
    emit updated(batch);
}
