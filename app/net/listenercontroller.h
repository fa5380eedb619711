#pragma once

#include "clientplan.h"
#include "serverbehaviour.h"
#include "tlsserversetup.h"
#include "updatebatch.h"

#include <QObject>

#include <functional>
#include <optional>

class ClientPool;
class Listener;
class QThread;
class ThreadInbox;

// The UI thread's handle on the Listener: owns the network thread and forwards commands to it.
// Nothing here touches a socket; the state arrives as UpdateBatch signals. Every call between
// the two threads goes through a ThreadInbox, one on each side.
class ListenerController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerController)

public:
    explicit ListenerController(QObject *parent = nullptr);
    ~ListenerController() override;

    void start(const QHostAddress &address, quint16 port, int backlog);
    void stop(bool closeConnections);
    void setPaused(bool paused);
    void setBehaviour(const ServerBehaviour &behaviour);
    // For the next start(): TLS with this setup, or plain with nullopt (Listener::setTls).
    void setTls(const std::optional<TlsServerSetup> &setup);
    void closeConnections(const QList<quint64> &ids, CloseMode mode = CloseMode::Graceful);
    void closeAllConnections();
    // To the given connections, or to every open one when ids is empty.
    void send(const QList<quint64> &ids, const QByteArray &data);
    // Follow this connection's transcript in the batches; 0 for none.
    void inspect(quint64 connectionId);
    // Read TCP_INFO for these connections (the rows shown and the selected one, a few hundred
    // at most) about once a second, and at once for new ones; replaces the previous list.
    void watchTcpInfo(const QList<quint64> &ids);
    // How many ended connections keep their transcript for inspection; 0 keeps none.
    void keepEndedTranscripts(int count);
    // Drops the kept transcripts of ended connections (Clear closed) and hands the memory back.
    void forgetEndedTranscripts();
    // Hand each ended connection's transcript over in the batches (UpdateBatch::endedTranscripts).
    void handOverEndedTranscripts(bool handOver);
    // A line for the event log, in order with the listener's own.
    void note(const QString &text);
    // The built-in test client: opens connections from the network thread, beside the listener.
    void startClients(const ClientPlan &plan);
    void closeAllClients();

    // The latest state received from the network thread.
    const ListenerStatus &status() const { return m_status; }
    const ListenerTotals &totals() const { return m_totals; }

signals:
    void updated(const UpdateBatch &batch);
    void clientsUpdated(const ClientTotals &totals);

private:
    void onUpdated(const UpdateBatch &batch);
    // Runs call on the network thread, after every call posted before it.
    void toNetwork(std::function<void()> call);

    QThread *m_thread = nullptr;
    ThreadInbox *m_networkInbox = nullptr; // lives on the network thread
    ThreadInbox *m_uiInbox = nullptr;      // lives on this object's thread
    Listener *m_listener = nullptr;
    ClientPool *m_clients = nullptr;
    ListenerStatus m_status;
    ListenerTotals m_totals;
};
