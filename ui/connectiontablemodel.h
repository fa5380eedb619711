#pragma once

#include "connectioninfo.h"
#include "settings.h"
#include "tcpinfo.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

class QTimer;

// Every connection the listener accepted, one row each, in the order they were accepted.
// Updates arrive in batches from the network thread; finished rows stay, greyed, up to a limit.
class ConnectionTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTableModel)

public:
    enum Column {
        IdColumn,
        PeerColumn,
        LocalColumn,
        ListenerColumn, // the listener that accepted it, "#2"
        StateColumn,
        AcceptedColumn,
        DurationColumn,
        ReceivedColumn,
        SentColumn,
        LastActivityColumn,
        FaultsColumn, // the faults injected into it: "latency 300±50 ms, slice 10 B/50 ms"
        UpstreamColumn, // Forward mode: how the upstream's connection stands; empty otherwise
        // The kernel's figures (TCP_INFO), empty until read for the row; Linux only.
        TcpStateColumn,
        RttColumn,
        RttVarColumn,
        CwndColumn,
        RetransmitsColumn,
        BytesAckedColumn,
        KernelReceivedColumn,
        UnackedColumn,
        SinceLastSendColumn,
        SinceLastReceiveColumn,
        // The TLS session's details (tlscolumns.h), empty on plain connections.
        TlsVersionColumn,
        TlsCipherColumn,
        TlsServerNameColumn,
        TlsAlpnColumn,
        TlsClientCertificateColumn,
        CloseColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, // the column's value as a number or plain string, for sorting
        ConnectionIdRole,                // the row's connection id (quint64)
        IsFinishedRole,                  // true once the connection reached a final state
        StateRole,                       // the ConnectionState, as int
    };
    Q_ENUM(Role)

    explicit ConnectionTableModel(QObject *parent = nullptr);
    ~ConnectionTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Adds new connections and refreshes known ones; snapshots come in ascending id order.
    void applyUpdates(const QList<ConnectionInfo> &updates);
    // Removes every finished row.
    void clearFinished();

    // The display text, raw value (RawValueRole) or tooltip of a TCP_INFO column's figure;
    // the inspector shows the same.
    static QVariant tcpInfoData(const TcpInfo &info, int column, int role = Qt::DisplayRole);

    // How the Listener column's tooltip names each listener ("#2 TLS 127.0.0.1:8443").
    void setListenerLabels(const QHash<int, QString> &labels);

    int historyLimit() const { return m_historyLimit; }
    void setHistoryLimit(int limit);
    int finishedCount() const { return m_finishedCount; }
    int openCount() const { return int(m_rows.size()) - m_finishedCount; }

    // The row of a connection, or an invalid index when it is not in the table.
    QModelIndex indexForId(quint64 id, int column = IdColumn) const;
    const ConnectionInfo &connectionAt(int row) const { return m_rows.at(row); }

public slots:
    // Takes the kernel's latest figures for open connections in the table; signals only the
    // TCP_INFO columns of the rows whose figures changed.
    void applyTcpInfo(const QHash<quint64, TcpInfo> &infos);

private:
    QVariant displayData(const ConnectionInfo &info, int column) const;
    QVariant rawData(const ConnectionInfo &info, int column) const;
    QVariant kernelData(quint64 id, int column, int role) const;
    void emitChangedRuns(QList<int> &rows);
    // Removes `count` finished rows, those that ended first.
    void removeFinished(int count);
    void refreshDurations();

    QList<ConnectionInfo> m_rows;
    QHash<quint64, int> m_rowById;
    QHash<quint64, TcpInfo> m_tcpInfo; // latest figures of open rows, by id
    QHash<int, QString> m_listenerLabels;
    int m_finishedCount = 0;
    int m_historyLimit = Settings::DefaultHistoryLimit;
    QTimer *m_tickTimer = nullptr;
};
