#include "listenertablemodel.h"

#include "endpoint.h"

#include <QColor>

namespace {

// As typed when it does not parse: the form says what is wrong with it.
QString displayAddress(const QString &typed)
{
    const Endpoint::AddressResult parsed = Endpoint::parseAddress(typed);
    return parsed.error.isEmpty() ? Endpoint::formatAddress(parsed.address) : typed;
}

} // namespace

ListenerTableModel::ListenerTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ListenerTableModel::~ListenerTableModel() = default;

int ListenerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ListenerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ListenerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AddressColumn:
        return tr("Listener");
    case BacklogColumn:
        return tr("Backlog");
    case StateColumn:
        return tr("State");
    case OpenColumn:
        return tr("Open");
    case AcceptedColumn:
        return tr("Accepted");
    case ActionColumn:
        return tr("Action");
    default:
        return {};
    }
}

QVariant ListenerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const ListenerStatus &status = entry.status;
    const bool listening = status.state == ListenerState::Listening;
    if (role == ListenerIdRole)
        return entry.id;
    if (role == StateRole)
        return int(status.state);
    if (role == NoButtonRole)
        return false;
    if (role == Qt::DisplayRole || role == RawValueRole) {
        switch (index.column()) {
        case AddressColumn: {
            // The protocol, then where it listens (port 0 has become a real port while listening).
            const quint16 port = listening ? status.port : entry.config.port;
            return QStringLiteral("%1 %2:%3")
                .arg(entry.config.protocol == ListenerProtocol::Tls ? QStringLiteral("TLS") : QStringLiteral("TCP"),
                     displayAddress(entry.config.address), QString::number(port));
        }
        case BacklogColumn:
            return entry.config.backlog;
        case StateColumn:
            if (role == RawValueRole)
                return int(status.state);
            if (listening && (status.paused || !status.pausedReason.isEmpty()))
                return tr("Paused");
            if (listening)
                return tr("Listening");
            return status.state == ListenerState::Error ? tr("Failed") : tr("Stopped");
        case OpenColumn:
            return entry.totals.open;
        case AcceptedColumn:
            return role == RawValueRole ? QVariant(entry.totals.accepted) : QVariant(QString::number(entry.totals.accepted));
        case ActionColumn:
            return listening ? tr("Stop") : tr("Start");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == StateColumn || index.column() == AddressColumn)
            return status.state == ListenerState::Stopped ? label(entry.id) : status.text();
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case BacklogColumn:
        case OpenColumn:
        case AcceptedColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    // The badge's colours, as the listener form shows them.
    if (index.column() == StateColumn && (role == Qt::BackgroundRole || role == Qt::ForegroundRole)) {
        if (role == Qt::ForegroundRole)
            return QColor(Qt::white);
        if (status.state == ListenerState::Error)
            return QColor(0xc6, 0x28, 0x28);
        if (!listening)
            return QColor(0x60, 0x7d, 0x8b);
        return status.paused || !status.pausedReason.isEmpty() ? QColor(0xb2, 0x6a, 0x00) : QColor(0x2e, 0x7d, 0x32);
    }
    return {};
}

void ListenerTableModel::addListener(int id, const ListenerConfig &config)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    Entry entry;
    entry.id = id;
    entry.config = config;
    m_entries.append(entry);
    m_rows.insert(id, row);
    endInsertRows();
}

void ListenerTableModel::removeListener(int id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    rebuildRows();
    endRemoveRows();
}

void ListenerTableModel::rebuildRows()
{
    m_rows.clear();
    for (int row = 0; row < m_entries.size(); ++row)
        m_rows.insert(m_entries.at(row).id, row);
}

void ListenerTableModel::setConfig(int id, const ListenerConfig &config)
{
    const int row = rowOf(id);
    if (row < 0 || m_entries.at(row).config == config)
        return;
    m_entries[row].config = config;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ListenerTableModel::applyBatch(const UpdateBatch &batch)
{
    const int row = rowOf(batch.listenerId);
    if (row < 0)
        return;
    Entry &entry = m_entries[row];
    const bool totalsChanged = entry.totals.open != batch.totals.open || entry.totals.accepted != batch.totals.accepted;
    if (batch.statusChanged)
        entry.status = batch.status;
    entry.totals = batch.totals;
    if (batch.listenQueueChanged)
        entry.listenQueue = batch.listenQueue;
    if (batch.statusChanged)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    else if (totalsChanged)
        emit dataChanged(index(row, OpenColumn), index(row, AcceptedColumn));
}

int ListenerTableModel::idAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).id : 0;
}

QList<int> ListenerTableModel::ids() const
{
    QList<int> ids;
    ids.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        ids.append(entry.id);
    return ids;
}

ListenerConfig ListenerTableModel::config(int id) const
{
    const int row = rowOf(id);
    return row < 0 ? ListenerConfig() : m_entries.at(row).config;
}

QList<ListenerConfig> ListenerTableModel::configs() const
{
    QList<ListenerConfig> configs;
    configs.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        configs.append(entry.config);
    return configs;
}

ListenerStatus ListenerTableModel::status(int id) const
{
    const int row = rowOf(id);
    return row < 0 ? ListenerStatus() : m_entries.at(row).status;
}

QList<ListenerStatus> ListenerTableModel::statuses() const
{
    QList<ListenerStatus> statuses;
    statuses.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        statuses.append(entry.status);
    return statuses;
}

QString ListenerTableModel::label(int id) const
{
    const int row = rowOf(id);
    if (row < 0)
        return {};
    const Entry &entry = m_entries.at(row);
    const quint16 port = entry.status.state == ListenerState::Listening ? entry.status.port : entry.config.port;
    return QStringLiteral("#%1 %2 %3:%4")
        .arg(QString::number(entry.id),
             entry.config.protocol == ListenerProtocol::Tls ? QStringLiteral("TLS") : QStringLiteral("TCP"),
             displayAddress(entry.config.address), QString::number(port));
}

QList<ListenerTotals> ListenerTableModel::allTotals() const
{
    QList<ListenerTotals> all;
    all.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        all.append(entry.totals);
    return all;
}

QList<ListenQueueStats> ListenerTableModel::listenQueues() const
{
    QList<ListenQueueStats> all;
    all.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        all.append(entry.listenQueue);
    return all;
}

ListenerTotals ListenerTableModel::totals(int id) const
{
    const int row = rowOf(id);
    return row < 0 ? ListenerTotals() : m_entries.at(row).totals;
}

ListenQueueStats ListenerTableModel::listenQueue(int id) const
{
    const int row = rowOf(id);
    return row < 0 ? ListenQueueStats() : m_entries.at(row).listenQueue;
}
