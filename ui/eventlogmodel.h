#pragma once

#include "eventlog.h"

#include <QAbstractListModel>

// The event log as a list, newest at the bottom, bounded by the log's capacity.
class EventLogModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)

public:
    enum Role {
        TimestampRole = Qt::UserRole + 1, // ms since the epoch (qint64)
        LevelRole,                        // the LogLevel, as int
        MessageRole,                      // the text without the timestamp
    };
    Q_ENUM(Role)

    explicit EventLogModel(int capacity = EventLog::DefaultCapacity, QObject *parent = nullptr);
    ~EventLogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void append(const QList<LogEntry> &entries);
    // With several listeners each listener's line says which: "[#2] Connection from ...".
    void setNamingListeners(bool naming);
    bool isNamingListeners() const { return m_namingListeners; }
    void clear();
    const EventLog &log() const { return m_log; }

private:
    EventLog m_log;
    bool m_namingListeners = false;
};
