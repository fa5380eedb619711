#pragma once

#include "clientplan.h"
#include "serverbehaviour.h"
#include "tlsserversetup.h"
#include "updatebatch.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <optional>

class ClientPool;
class ListenerHub;
class QThread;
class ThreadInbox;

// The UI thread's handle on the listeners: owns the network thread and forwards commands to it.
// Nothing here touches a socket; the state arrives as UpdateBatch signals. Every call between
// the two threads goes through a ThreadInbox, one on each side.
//
// Any number of listeners share the one network thread. It starts with one, id 1, and the calls
// without an id act on that one, as before there were several. Connection ids are unique across
// its listeners, so the connection-level calls need no listener id. The batches of all listeners
// reach the UI thread at most about 30 times a second in all; updated() is emitted for each, in
// order, and says whose it is (UpdateBatch::listenerId).
class ListenerController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerController)

public:
    explicit ListenerController(QObject *parent = nullptr);
    ~ListenerController() override;

    static constexpr int FirstListenerId = 1;

    // A new listener, stopped, with the default behaviour; returns its id (ids are never reused).
    int addListener();
    // Stops it and closes its connections; its last batch has listenerRemoved set. Unknown ids
    // are ignored.
    void removeListener(int listenerId);
    // In the order they were added.
    QList<int> listenerIds() const { return m_listenerIds; }

    void start(int listenerId, const QHostAddress &address, quint16 port, int backlog);
    void stop(int listenerId, bool closeConnections);
    void setPaused(int listenerId, bool paused);
    void setBehaviour(int listenerId, const ServerBehaviour &behaviour);

    // Listener 1.
    void start(const QHostAddress &address, quint16 port, int backlog);
    void stop(bool closeConnections);
    void setPaused(bool paused);
    void setBehaviour(const ServerBehaviour &behaviour);
    // For the next start(): TLS with this setup, or plain with nullopt (Listener::setTls).
    void setTls(const std::optional<TlsServerSetup> &setup);
    void setTls(int listenerId, const std::optional<TlsServerSetup> &setup);

    // The connection-level calls reach whichever listener owns each connection.
    void closeConnections(const QList<quint64> &ids, CloseMode mode = CloseMode::Graceful);
    void closeAllConnections();
    // Switches these open connections' faults, live (Listener::setFaults).
    void setFaults(const QList<quint64> &ids, const Faults &faults);
    // To the given connections, or to every open one when ids is empty.
    void send(const QList<quint64> &ids, const QByteArray &data);
    // Follow this connection's transcript in the batches; 0 for none.
    void inspect(quint64 connectionId);
    // Read TCP_INFO for these connections (the rows shown and the selected one, a few hundred
    // at most) about once a second, and at once for new ones; replaces the previous list.
    void watchTcpInfo(const QList<quint64> &ids);
    // How many ended connections keep their transcript for inspection, per listener (listeners
    // added later too); 0 keeps none.
    void keepEndedTranscripts(int count);
    // Drops the kept transcripts of ended connections (Clear closed) and hands the memory back.
    void forgetEndedTranscripts();
    // Hand each ended connection's transcript over in the batches (UpdateBatch::endedTranscripts).
    void handOverEndedTranscripts(bool handOver);
    // A line for the event log, in order with the first listener's own.
    void note(const QString &text);
    // The built-in test client: opens connections from the network thread, beside the listener.
    void startClients(const ClientPlan &plan);
    void closeAllClients();

    // The latest state received from the network thread; a default for an unknown id.
    ListenerStatus status(int listenerId) const;
    ListenerTotals totals(int listenerId) const;
    // Listener 1's status.
    const ListenerStatus &status() const { return m_status; }
    // The sum over every listener (with one, that listener's own). peakOpen is the sum of the
    // listeners' peaks: it may exceed what was ever open at once.
    const ListenerTotals &totals() const { return m_totals; }
    // Every listener's, in the order of listenerIds().
    QList<ListenerStatus> statuses() const;
    // How many posts of batches have reached this thread: what the pacing bounds.
    quint64 deliveries() const { return m_deliveries; }

signals:
    void updated(const UpdateBatch &batch);
    // After the updated() signals of the batches that arrived together (for those that sort the
    // lines of several listeners by time).
    void deliveryDone();
    void clientsUpdated(const ClientTotals &totals);

private:
    void onDelivered(const QList<UpdateBatch> &batches);
    // Runs call on the network thread, after every call posted before it.
    void toNetwork(std::function<void()> call);

    QThread *m_thread = nullptr;
    ThreadInbox *m_networkInbox = nullptr; // lives on the network thread
    ThreadInbox *m_uiInbox = nullptr;      // lives on this object's thread
    ListenerHub *m_hub = nullptr; // lives on the network thread
    ClientPool *m_clients = nullptr;
    QList<int> m_listenerIds;
    int m_nextListenerId = FirstListenerId;
    QHash<int, ListenerStatus> m_statuses;
    QHash<int, ListenerTotals> m_listenerTotals;
    ListenerStatus m_status; // listener 1's
    ListenerTotals m_totals; // the sum
    quint64 m_deliveries = 0;
};
