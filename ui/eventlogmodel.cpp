#include "eventlogmodel.h"

#include <QColor>

#include <algorithm>

EventLogModel::EventLogModel(int capacity, QObject *parent)
    : QAbstractListModel(parent)
    , m_log(capacity)
{
}

EventLogModel::~EventLogModel() = default;

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_log.size();
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &entry = m_log.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.formatted(m_namingListeners);
    case TimestampRole:
        return entry.timestampMs;
    case LevelRole:
        return int(entry.level);
    case MessageRole:
        return entry.text;
    case Qt::ForegroundRole:
        if (entry.level == LogLevel::Error)
            return QColor(0xc6, 0x28, 0x28);
        if (entry.level == LogLevel::Warning)
            return QColor(0xb2, 0x6a, 0x00);
        return {};
    default:
        return {};
    }
}

void EventLogModel::setNamingListeners(bool naming)
{
    if (naming == m_namingListeners)
        return;
    m_namingListeners = naming;
    if (m_log.size() > 0)
        emit dataChanged(index(0), index(m_log.size() - 1), {Qt::DisplayRole});
}

void EventLogModel::append(const QList<LogEntry> &entries)
{
    if (entries.isEmpty())
        return;
    if (entries.size() >= m_log.capacity()) {
        beginResetModel();
        m_log.dropOldest(m_log.size());
        m_log.append(entries);
        endResetModel();
        return;
    }
    // Make room first, so each step leaves the model consistent for the views.
    const int overflow = std::max(0, m_log.size() + int(entries.size()) - m_log.capacity());
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_log.dropOldest(overflow);
        endRemoveRows();
    }
    const int first = m_log.size();
    beginInsertRows({}, first, first + int(entries.size()) - 1);
    m_log.append(entries);
    endInsertRows();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_log.clear();
    endResetModel();
}
