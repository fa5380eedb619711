#pragma once

#include "connectioninfo.h"
#include "updatebatch.h"

#include <QList>
#include <QObject>

#include <optional>

class BatchPacer;
class Listener;

// The listeners of one controller, on the network thread: makes and removes them, hands each
// command to the listener that owns the connection, and merges their batches through a
// BatchPacer. Connection ids come from one counter shared by its listeners.
class ListenerHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerHub)

public:
    explicit ListenerHub(QObject *parent = nullptr);
    ~ListenerHub() override;

    // ids are given by the controller (on the UI thread) and only grow.
    Listener *add(int listenerId);
    // Stops it, closes its connections, sends its last batch (listenerRemoved) and deletes it.
    void remove(int listenerId);
    Listener *listener(int listenerId) const;
    const QList<Listener *> &listeners() const { return m_listeners; }

    void closeConnections(const QList<quint64> &ids, CloseMode mode);
    void closeAllConnections();
    void setFaults(const QList<quint64> &ids, const Faults &faults);
    // To the given connections, or to every open one when ids is empty.
    void send(const QList<quint64> &ids, const QByteArray &data);
    void inspect(quint64 connectionId);
    void watchTcpInfo(const QList<quint64> &ids);
    // Each listener keeps this many; the setting also goes to listeners added later.
    void keepEndedTranscripts(int count);
    void forgetEndedTranscripts();
    void handOverEndedTranscripts(bool handOver);
    // Logged by the first listener, in order with its own lines.
    void note(const QString &text);
    // Sends whatever waits in the pacer now.
    void flush();

signals:
    void delivered(const QList<UpdateBatch> &batches);

private:
    // ids split by owner, index for index with m_listeners. Asking each listener costs a hash
    // look-up per listener per id, and nothing at all while connections come and go, which a
    // map of owners would pay for at every accept.
    QList<QList<quint64>> byOwner(const QList<quint64> &ids) const;
    void onListenerUpdated(Listener *listener, const UpdateBatch &batch);

    QList<Listener *> m_listeners; // by ascending id
    quint64 m_nextConnectionId = 1;
    BatchPacer *m_pacer = nullptr;
    Listener *m_inspecting = nullptr; // whose feed follows the inspected connection
    std::optional<int> m_keepEnded; // unset: each listener keeps its own default
    bool m_handOver = false;
};
