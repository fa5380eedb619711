#include "connectiontablemodel.h"

#include "displayformat.h"
#include "endpoint.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QPalette>
#include <QTimer>

#include <algorithm>

namespace {

// Calls emitRun(first, last) for each run of adjacent rows; sorts the rows first.
template<typename EmitRun>
void forEachRun(QList<int> &rows, EmitRun emitRun)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    int runStart = rows.constFirst();
    int previous = runStart;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const int row = rows.at(i);
        if (row == previous || row == previous + 1) {
            previous = row;
            continue;
        }
        emitRun(runStart, previous);
        runStart = previous = row;
    }
    emitRun(runStart, previous);
}

// True when a new snapshot moves only the counters and the last activity, which is all that
// changes for most connections in a batch under load.
bool onlyCountersChanged(const ConnectionInfo &before, const ConnectionInfo &after)
{
    return before.state == after.state && before.closedAtMs == after.closedAtMs
        && before.acceptedAtMs == after.acceptedAtMs && before.peerPort == after.peerPort
        && before.localPort == after.localPort && before.errorString == after.errorString
        && before.peerAddress == after.peerAddress && before.localAddress == after.localAddress;
}

} // namespace

ConnectionTableModel::ConnectionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_tickTimer(new QTimer(this))
{
    // Open connections' durations grow while nothing else changes.
    m_tickTimer->setInterval(1000);
    connect(m_tickTimer, &QTimer::timeout, this, &ConnectionTableModel::refreshDurations);
    m_tickTimer->start();
}

ConnectionTableModel::~ConnectionTableModel() = default;

int ConnectionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionInfo &info = m_rows.at(index.row());
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return displayData(info, column);
    case RawValueRole:
        return rawData(info, column);
    case ConnectionIdRole:
        return QVariant::fromValue(info.id);
    case IsFinishedRole:
        return info.isFinished();
    case StateRole:
        return int(info.state);
    case Qt::ToolTipRole:
        if (column == StateColumn && !info.errorString.isEmpty())
            return tr("%1: %2").arg(connectionStateText(info.state), info.errorString);
        if (column == ReceivedColumn)
            return tr("%n byte(s) received", nullptr, int(qMin<quint64>(info.bytesReceived, INT_MAX)));
        if (column == SentColumn)
            return tr("%n byte(s) sent", nullptr, int(qMin<quint64>(info.bytesSent, INT_MAX)));
        if (column == CloseColumn && !info.isFinished())
            return tr("Close this connection gracefully (FIN)");
        return {};
    case Qt::ForegroundRole:
        if (info.isFinished())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        switch (column) {
        case IdColumn:
        case DurationColumn:
        case ReceivedColumn:
        case SentColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    default:
        return {};
    }
}

QVariant ConnectionTableModel::displayData(const ConnectionInfo &info, int column) const
{
    switch (column) {
    case IdColumn:
        return QString::number(info.id);
    case PeerColumn:
        return Endpoint::format(info.peerAddress, info.peerPort);
    case LocalColumn:
        return Endpoint::format(info.localAddress, info.localPort);
    case StateColumn:
        return connectionStateText(info.state);
    case AcceptedColumn:
        return DisplayFormat::timeOfDay(info.acceptedAtMs);
    case DurationColumn:
        return DisplayFormat::duration(info.durationMs(QDateTime::currentMSecsSinceEpoch()));
    case ReceivedColumn:
        return DisplayFormat::bytes(info.bytesReceived);
    case SentColumn:
        return DisplayFormat::bytes(info.bytesSent);
    case LastActivityColumn:
        return DisplayFormat::timeOfDay(info.lastActivityMs);
    case CloseColumn:
        return info.isFinished() ? QString() : tr("Close");
    default:
        return {};
    }
}

QVariant ConnectionTableModel::rawData(const ConnectionInfo &info, int column) const
{
    switch (column) {
    case IdColumn:
        return QVariant::fromValue(info.id);
    case PeerColumn:
        return Endpoint::format(info.peerAddress, info.peerPort);
    case LocalColumn:
        return Endpoint::format(info.localAddress, info.localPort);
    case StateColumn:
        return int(info.state);
    case AcceptedColumn:
        return info.acceptedAtMs;
    case DurationColumn:
        return info.durationMs(QDateTime::currentMSecsSinceEpoch());
    case ReceivedColumn:
        return QVariant::fromValue(info.bytesReceived);
    case SentColumn:
        return QVariant::fromValue(info.bytesSent);
    case LastActivityColumn:
        return info.lastActivityMs;
    case CloseColumn:
        return info.isFinished() ? 1 : 0;
    default:
        return {};
    }
}

QVariant ConnectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn: return tr("#");
        case PeerColumn: return tr("Peer");
        case LocalColumn: return tr("Local");
        case StateColumn: return tr("State");
        case AcceptedColumn: return tr("Accepted");
        case DurationColumn: return tr("Duration");
        case ReceivedColumn: return tr("Received");
        case SentColumn: return tr("Sent");
        case LastActivityColumn: return tr("Last activity");
        case CloseColumn: return tr("Action");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case IdColumn: return tr("Connection number, in the order accepted");
        case PeerColumn: return tr("The client's address and port");
        case LocalColumn: return tr("This server's address and port for the connection");
        case StateColumn: return tr("Open, Closing, or how it ended");
        default: return {};
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

void ConnectionTableModel::applyUpdates(const QList<ConnectionInfo> &updates)
{
    QList<int> changedRows;
    QList<int> counterRows;
    QList<ConnectionInfo> added;
    for (const ConnectionInfo &info : updates) {
        const auto it = m_rowById.constFind(info.id);
        if (it == m_rowById.cend()) {
            added.append(info);
            continue;
        }
        ConnectionInfo &row = m_rows[*it];
        if (!row.isFinished() && info.isFinished())
            ++m_finishedCount;
        (onlyCountersChanged(row, info) ? counterRows : changedRows).append(*it);
        row = info;
    }
    // Counter-only changes name just their columns, so a proxy sorted by another column has
    // nothing to re-sort: with 10,000 busy connections that is a full sort saved per batch.
    forEachRun(counterRows, [this](int first, int last) {
        emit dataChanged(index(first, ReceivedColumn), index(last, LastActivityColumn));
    });
    emitChangedRuns(changedRows);

    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const ConnectionInfo &info : std::as_const(added)) {
            m_rowById.insert(info.id, int(m_rows.size()));
            m_rows.append(info);
            if (info.isFinished())
                ++m_finishedCount;
        }
        endInsertRows();
    }

    if (m_finishedCount > m_historyLimit)
        removeFinished(m_finishedCount - m_historyLimit);
}

void ConnectionTableModel::emitChangedRuns(QList<int> &rows)
{
    forEachRun(rows, [this](int first, int last) {
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    });
}

void ConnectionTableModel::clearFinished()
{
    removeFinished(m_finishedCount);
}

void ConnectionTableModel::setHistoryLimit(int limit)
{
    m_historyLimit = std::max(0, limit);
    if (m_finishedCount > m_historyLimit)
        removeFinished(m_finishedCount - m_historyLimit);
}

void ConnectionTableModel::removeFinished(int count)
{
    if (count <= 0)
        return;
    // The connections that ended first go first.
    QList<std::pair<qint64, int>> finished; // (closed at, row)
    finished.reserve(m_finishedCount);
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows.at(row).isFinished())
            finished.append({m_rows.at(row).closedAtMs, row});
    }
    count = std::min(count, int(finished.size()));
    std::nth_element(finished.begin(), finished.begin() + (count - 1), finished.end());
    QList<int> doomed;
    doomed.reserve(count);
    for (int i = 0; i < count; ++i)
        doomed.append(finished.at(i).second);
    std::sort(doomed.begin(), doomed.end());

    // Remove runs of adjacent rows from the back, so earlier row numbers stay valid.
    qsizetype i = doomed.size() - 1;
    while (i >= 0) {
        const int last = doomed.at(i);
        int first = last;
        while (i > 0 && doomed.at(i - 1) == first - 1) {
            --i;
            first = doomed.at(i);
        }
        --i;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        m_finishedCount -= last - first + 1;
        endRemoveRows();
    }
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (int row = 0; row < int(m_rows.size()); ++row)
        m_rowById.insert(m_rows.at(row).id, row);
}

QModelIndex ConnectionTableModel::indexForId(quint64 id, int column) const
{
    const auto it = m_rowById.constFind(id);
    return it == m_rowById.cend() ? QModelIndex() : index(*it, column);
}

void ConnectionTableModel::refreshDurations()
{
    if (openCount() == 0)
        return;
    emit dataChanged(index(0, DurationColumn), index(int(m_rows.size()) - 1, DurationColumn),
                     {Qt::DisplayRole, RawValueRole});
}
