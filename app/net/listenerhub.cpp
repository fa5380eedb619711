#include "listenerhub.h"

#include "batchpacer.h"
#include "listener.h"

ListenerHub::ListenerHub(QObject *parent)
    : QObject(parent)
    , m_pacer(new BatchPacer(this))
{
    connect(m_pacer, &BatchPacer::delivered, this, &ListenerHub::delivered);
    m_pacer->setCollect([this] {
        if (m_listeners.size() < 2)
            return;
        for (Listener *listener : std::as_const(m_listeners)) {
            if (listener->isFlushPending())
                listener->flushNow();
        }
    });
}

ListenerHub::~ListenerHub()
{
    // Before the pacer (a child) goes: the listeners' last batches would reach a half-destroyed hub.
    for (Listener *listener : std::as_const(m_listeners))
        listener->disconnect(this);
    qDeleteAll(std::exchange(m_listeners, {}));
}

Listener *ListenerHub::add(int listenerId)
{
    auto *listener = new Listener(listenerId, &m_nextConnectionId, this);
    if (m_keepEnded)
        listener->keepEndedTranscripts(*m_keepEnded);
    listener->handOverEndedTranscripts(m_handOver);
    connect(listener, &Listener::updated, this,
            [this, listener](const UpdateBatch &batch) { onListenerUpdated(listener, batch); });
    m_listeners.append(listener);
    return listener;
}

void ListenerHub::remove(int listenerId)
{
    Listener *listener = this->listener(listenerId);
    if (!listener)
        return;
    if (m_inspecting == listener)
        m_inspecting = nullptr;
    listener->stopListening(true);
    listener->disconnect(this);
    m_listeners.removeOne(listener);
    // Its last batch, marked, goes behind whatever it sent before.
    connect(listener, &Listener::updated, this, [this](const UpdateBatch &batch) {
        UpdateBatch last = batch;
        last.listenerRemoved = true;
        m_pacer->push(last, false);
    });
    listener->flushNow();
    // The closed sockets go with it: the peers read EOF.
    delete listener;
}

Listener *ListenerHub::listener(int listenerId) const
{
    for (Listener *listener : m_listeners) {
        if (listener->listenerId() == listenerId)
            return listener;
    }
    return nullptr;
}

void ListenerHub::onListenerUpdated(Listener *listener, const UpdateBatch &batch)
{
    Q_UNUSED(listener)
    m_pacer->push(batch, m_listeners.size() == 1);
}

QList<QList<quint64>> ListenerHub::byOwner(const QList<quint64> &ids) const
{
    QList<QList<quint64>> split(m_listeners.size());
    if (m_listeners.size() == 1) {
        split.first() = ids;
        return split;
    }
    for (const quint64 id : ids) {
        for (qsizetype i = 0; i < m_listeners.size(); ++i) {
            if (m_listeners.at(i)->holds(id)) {
                split[i].append(id);
                break;
            }
        }
    }
    return split;
}

void ListenerHub::closeConnections(const QList<quint64> &ids, CloseMode mode)
{
    const QList<QList<quint64>> split = byOwner(ids);
    for (qsizetype i = 0; i < split.size(); ++i) {
        if (!split.at(i).isEmpty())
            m_listeners.at(i)->closeConnections(split.at(i), mode);
    }
}

void ListenerHub::setFaults(const QList<quint64> &ids, const Faults &faults)
{
    const QList<QList<quint64>> split = byOwner(ids);
    for (qsizetype i = 0; i < split.size(); ++i) {
        if (!split.at(i).isEmpty())
            m_listeners.at(i)->setFaults(split.at(i), faults);
    }
}

void ListenerHub::closeAllConnections()
{
    for (Listener *listener : std::as_const(m_listeners))
        listener->closeAllConnections();
}

void ListenerHub::send(const QList<quint64> &ids, const QByteArray &data)
{
    if (m_listeners.isEmpty())
        return;
    if (m_listeners.size() == 1) {
        m_listeners.first()->send(ids, data);
        return;
    }
    // Each listener that sends logs its own "Sent ... to N"; one that has nobody to send to stays
    // quiet, unless nobody sends at all and the first one says so.
    bool anySent = false;
    const QList<QList<quint64>> split = byOwner(ids);
    for (qsizetype i = 0; i < m_listeners.size(); ++i) {
        Listener *listener = m_listeners.at(i);
        if (ids.isEmpty() ? listener->totals().open > 0 : !split.at(i).isEmpty()) {
            listener->send(split.at(i), data);
            anySent = true;
        }
    }
    if (!anySent)
        m_listeners.first()->send(ids, data);
}

void ListenerHub::inspect(quint64 connectionId)
{
    if (m_listeners.isEmpty())
        return;
    Listener *owner = nullptr;
    if (connectionId != 0) {
        for (Listener *listener : std::as_const(m_listeners)) {
            if (listener->holds(connectionId)) {
                owner = listener;
                break;
            }
        }
    }
    // Nobody holds it (or 0): the listener that inspected last says so, or the first one.
    if (!owner)
        owner = m_inspecting ? m_inspecting : m_listeners.first();
    for (Listener *listener : std::as_const(m_listeners)) {
        if (listener != owner)
            listener->dropInspected();
    }
    owner->inspect(connectionId);
    m_inspecting = connectionId != 0 ? owner : nullptr;
}

void ListenerHub::watchTcpInfo(const QList<quint64> &ids)
{
    const QList<QList<quint64>> split = byOwner(ids);
    for (qsizetype i = 0; i < split.size(); ++i)
        m_listeners.at(i)->watchTcpInfo(split.at(i));
}

void ListenerHub::keepEndedTranscripts(int count)
{
    m_keepEnded = count;
    for (Listener *listener : std::as_const(m_listeners))
        listener->keepEndedTranscripts(count);
}

void ListenerHub::forgetEndedTranscripts()
{
    for (Listener *listener : std::as_const(m_listeners))
        listener->forgetEndedTranscripts();
}

void ListenerHub::handOverEndedTranscripts(bool handOver)
{
    m_handOver = handOver;
    for (Listener *listener : std::as_const(m_listeners))
        listener->handOverEndedTranscripts(handOver);
}

void ListenerHub::note(const QString &text)
{
    if (!m_listeners.isEmpty())
        m_listeners.first()->note(text);
}

void ListenerHub::flush()
{
    m_pacer->flush();
}
