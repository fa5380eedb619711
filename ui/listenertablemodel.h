#pragma once

#include "listenerconfig.h"
#include "listenerstatus.h"
#include "updatebatch.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

// The window's listeners, one row each: what the user set up and how it stands now. The rows
// are the UI's copy of the listener list the settings keep; batches update status and counts.
class ListenerTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerTableModel)

public:
    // Start or Stop comes early so that a narrow side pane still shows it; the rest scrolls.
    enum Column { AddressColumn, StateColumn, ActionColumn, OpenColumn, AcceptedColumn, BacklogColumn, ColumnCount };
    enum Role {
        ListenerIdRole = Qt::UserRole + 1, // the listener's id (int)
        RawValueRole,                      // the cell's value for sorting, apart from its text
        StateRole,                         // ListenerState as int
        NoButtonRole,                      // true where a cell has no button (never: every listener starts or stops)
    };

    explicit ListenerTableModel(QObject *parent = nullptr);
    ~ListenerTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void addListener(int id, const ListenerConfig &config);
    void removeListener(int id);
    void setConfig(int id, const ListenerConfig &config);
    // The listener's status and counts as a batch brought them.
    void applyBatch(const UpdateBatch &batch);

    int rowOf(int id) const { return m_rows.value(id, -1); }
    int idAt(int row) const;
    QList<int> ids() const;
    ListenerConfig config(int id) const;
    QList<ListenerConfig> configs() const;
    ListenerStatus status(int id) const;
    QList<ListenerStatus> statuses() const;
    ListenerTotals totals(int id) const;
    QList<ListenerTotals> allTotals() const;
    // The listener's accept queue as last read; not available before it listened.
    ListenQueueStats listenQueue(int id) const;
    QList<ListenQueueStats> listenQueues() const;
    // "#2 TLS 127.0.0.1:8443", how the table, the filter and the form name a listener.
    QString label(int id) const;

private:
    struct Entry
    {
        int id = 0;
        ListenerConfig config;
        ListenerStatus status;
        ListenerTotals totals;
        ListenQueueStats listenQueue;
    };
    void rebuildRows();

    QList<Entry> m_entries;
    QHash<int, int> m_rows; // listener id -> row
};
