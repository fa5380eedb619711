#include "connectiontablemodel.h"

#include "displayformat.h"
#include "endpoint.h"
#include "tlscolumns.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QPalette>
#include <QTimer>

#include <algorithm>
#include <array>
#include <utility>

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
        && before.peerAddress == after.peerAddress && before.localAddress == after.localAddress
        && before.tlsPhase == after.tlsPhase // the TLS fields are set once, as the handshake ends
        && before.readsStalled == after.readsStalled && before.faults == after.faults
        && before.upstreamState == after.upstreamState;
}

constexpr int KernelColumns = ConnectionTableModel::SinceLastReceiveColumn - ConnectionTableModel::TcpStateColumn + 1;

// Title and tooltip of each TCP_INFO column's header, in column order.
constexpr std::array<std::pair<const char *, const char *>, KernelColumns> kernelHeaders = {{
    {QT_TRANSLATE_NOOP("ConnectionTableModel", "TCP state"), QT_TRANSLATE_NOOP("ConnectionTableModel", "The kernel's TCP state (TCP_INFO), as ss shows it")},
    {QT_TRANSLATE_NOOP("ConnectionTableModel", "RTT"), QT_TRANSLATE_NOOP("ConnectionTableModel", "Smoothed round-trip time the kernel measured")},
    {QT_TRANSLATE_NOOP("ConnectionTableModel", "RTT var"), QT_TRANSLATE_NOOP("ConnectionTableModel", "How much the round-trip time varies")},
    {QT_TRANSLATE_NOOP("ConnectionTableModel", "cwnd"), QT_TRANSLATE_NOOP("ConnectionTableModel", "Congestion window: segments the kernel may have in flight")},
    {QT_TRANSLATE_NOOP("ConnectionTableModel", "Retransmits"), QT_TRANSLATE_NOOP("ConnectionTableModel", "Segments retransmitted over the connection's life")},
    {QT_TRANSLATE_NOOP("ConnectionTableModel", "Bytes acked"), QT_TRANSLATE_NOOP("ConnectionTableModel", "Bytes sent that the peer acknowledged")},
    {QT_TRANSLATE_NOOP("ConnectionTableModel", "Kernel received"), QT_TRANSLATE_NOOP("ConnectionTableModel", "Payload bytes the kernel received, read by the server or not")},
    {QT_TRANSLATE_NOOP("ConnectionTableModel", "Unacked"), QT_TRANSLATE_NOOP("ConnectionTableModel", "Segments sent and not yet acknowledged")},
    {QT_TRANSLATE_NOOP("ConnectionTableModel", "Since last send"), QT_TRANSLATE_NOOP("ConnectionTableModel", "Time since the kernel last sent data")},
    {QT_TRANSLATE_NOOP("ConnectionTableModel", "Since last receive"), QT_TRANSLATE_NOOP("ConnectionTableModel", "Time since the kernel last received data")},
}};

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
    const bool kernelColumn = column >= TcpStateColumn && column <= SinceLastReceiveColumn;
    const bool tlsColumn = column >= TlsVersionColumn && column <= TlsClientCertificateColumn;
    if (tlsColumn && (role == Qt::DisplayRole || role == RawValueRole || role == Qt::ToolTipRole))
        return TlsColumns::data(info, column, role);

    switch (role) {
    case Qt::DisplayRole:
        return kernelColumn ? kernelData(info.id, column, role) : displayData(info, column);
    case RawValueRole:
        return kernelColumn ? kernelData(info.id, column, role) : rawData(info, column);
    case ConnectionIdRole:
        return QVariant::fromValue(info.id);
    case IsFinishedRole:
        return info.isFinished();
    case StateRole:
        return int(info.state);
    case Qt::ToolTipRole:
        if (kernelColumn)
            return kernelData(info.id, column, role);
        if (column == ListenerColumn)
            return m_listenerLabels.value(info.listenerId, tr("Listener #%1").arg(info.listenerId));
        if (column == StateColumn && !info.errorString.isEmpty())
            return tr("%1: %2").arg(connectionStateText(info.state), info.errorString);
        if (column == UpstreamColumn && info.upstreamState != UpstreamState::None) {
            const QString where = tr("Upstream %1: %2").arg(info.upstream, upstreamStateText(info.upstreamState));
            return info.upstreamError.isEmpty() ? where : tr("%1 (%2)").arg(where, info.upstreamError);
        }
        if (column == ReceivedColumn)
            return tr("%n byte(s) received", nullptr, int(qMin<quint64>(info.bytesReceived, INT_MAX)));
        if (column == SentColumn)
            return tr("%n byte(s) sent", nullptr, int(qMin<quint64>(info.bytesSent, INT_MAX)));
        if (column == CloseColumn && !info.isFinished())
            return tr("Close this connection gracefully (FIN)");
        if (column == FaultsColumn && info.faults.any())
            return tr("Injected faults: %1").arg(info.faults.summary());
        if (column == StateColumn && info.readsStalled && !info.isFinished())
            return tr("The stall-reads fault keeps the server from reading: the peer's sends block once the windows "
                      "fill");
        return {};
    case Qt::ForegroundRole:
        if (info.isFinished())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        switch (column) {
        case IdColumn:
        case ListenerColumn:
        case DurationColumn:
        case ReceivedColumn:
        case SentColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case TcpStateColumn:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        default:
            return QVariant::fromValue((kernelColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
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
    case ListenerColumn:
        return tr("#%1", "a listener's number").arg(info.listenerId);
    case StateColumn:
        return info.readsStalled && !info.isFinished() ? tr("%1 (stalled)", "reads stalled by a fault")
                                                             .arg(connectionStateText(info.state))
                                                       : connectionStateText(info.state);
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
    case FaultsColumn:
        return info.faults.summary();
    case UpstreamColumn:
        return upstreamStateText(info.upstreamState);
    case CloseColumn:
        return info.isFinished() ? QString() : tr("Close", "verb: close the connection");
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
    case ListenerColumn:
        return info.listenerId;
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
    case FaultsColumn:
        return info.faults.summary();
    case UpstreamColumn:
        return int(info.upstreamState);
    case CloseColumn:
        return info.isFinished() ? 1 : 0;
    default:
        return {};
    }
}

QVariant ConnectionTableModel::kernelData(quint64 id, int column, int role) const
{
    const auto it = m_tcpInfo.constFind(id);
    return it == m_tcpInfo.cend() ? QVariant() : tcpInfoData(*it, column, role);
}

QVariant ConnectionTableModel::tcpInfoData(const TcpInfo &info, int column, int role)
{
    if (!info.available || column < TcpStateColumn || column > SinceLastReceiveColumn)
        return {}; // an empty cell, not a zero the kernel never said
    const auto ms = [](quint32 us) { return tr("%1 ms").arg(double(us) / 1000.0, 0, 'f', 1); };
    if (role == Qt::DisplayRole) {
        switch (column) {
        case TcpStateColumn: return tcpStateName(info.state);
        case RttColumn: return ms(info.rttUs);
        case RttVarColumn: return ms(info.rttVarUs);
        case CwndColumn: return QString::number(info.sndCwnd);
        case RetransmitsColumn: return QString::number(info.totalRetrans);
        case BytesAckedColumn: return DisplayFormat::bytes(info.bytesAcked);
        case KernelReceivedColumn: return DisplayFormat::bytes(info.bytesReceived);
        case UnackedColumn: return QString::number(info.unacked);
        case SinceLastSendColumn: return DisplayFormat::duration(info.lastDataSentMs);
        case SinceLastReceiveColumn: return DisplayFormat::duration(info.lastDataRecvMs);
        default: return {};
        }
    }
    if (role == RawValueRole) {
        const std::array<quint64, KernelColumns> figures = {
            info.state,      info.rttUs,         info.rttVarUs, info.sndCwnd,       info.totalRetrans,
            info.bytesAcked, info.bytesReceived, info.unacked,  info.lastDataSentMs, info.lastDataRecvMs};
        return QVariant::fromValue(figures.at(std::size_t(column - TcpStateColumn)));
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case RttColumn:
        case RttVarColumn: return tr("%L1 µs, varying by %L2 µs").arg(info.rttUs).arg(info.rttVarUs);
        case RetransmitsColumn:
            return QString(tr("%Ln segment(s) retransmitted in all", nullptr, int(info.totalRetrans))
                           + QStringLiteral("; ") + tr("%Ln timeout(s) in a row now", nullptr, int(info.retransmits)));
        case BytesAckedColumn: return tr("%L1 bytes acknowledged by the peer").arg(info.bytesAcked);
        case KernelReceivedColumn: return tr("%L1 bytes received by the kernel").arg(info.bytesReceived);
        default: return {};
        }
    }
    return {};
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
        case ListenerColumn: return tr("Listener");
        case StateColumn: return tr("State");
        case AcceptedColumn: return tr("Accepted");
        case DurationColumn: return tr("Duration");
        case ReceivedColumn: return tr("Received");
        case SentColumn: return tr("Sent");
        case LastActivityColumn: return tr("Last activity");
        case FaultsColumn: return tr("Faults");
        case UpstreamColumn: return tr("Upstream");
        case CloseColumn: return tr("Action");
        case TlsVersionColumn:
        case TlsCipherColumn:
        case TlsServerNameColumn:
        case TlsAlpnColumn:
        case TlsClientCertificateColumn: return TlsColumns::title(section);
        default: return tr(kernelHeaders.at(std::size_t(section - TcpStateColumn)).first);
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case IdColumn: return tr("Connection number, in the order accepted");
        case PeerColumn: return tr("The client's address and port");
        case LocalColumn: return tr("This server's address and port for the connection");
        case ListenerColumn: return tr("The listener that accepted the connection");
        case StateColumn: return tr("Open, Closing, or how it ended");
        case FaultsColumn: return tr("The faults injected into the connection: latency, bandwidth, slicing, "
                                     "stalled reads, reset or close after, slow close");
        case UpstreamColumn: return tr("Forward mode: the connection to the upstream, connecting, connected, or how it ended");
        default:
            if (section >= TcpStateColumn && section <= SinceLastReceiveColumn)
                return tr(kernelHeaders.at(std::size_t(section - TcpStateColumn)).second);
            return TlsColumns::headerToolTip(section);
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

void ConnectionTableModel::applyUpdates(const QList<ConnectionInfo> &updates)
{
    QList<int> changedRows;
    QList<int> counterRows;
    // Where the new connections are in `updates`: each is copied once, into its row.
    QList<qsizetype> added;
    for (qsizetype i = 0; i < updates.size(); ++i) {
        const ConnectionInfo &info = updates.at(i);
        const auto it = m_rowById.constFind(info.id);
        if (it == m_rowById.cend()) {
            added.append(i);
            continue;
        }
        ConnectionInfo &row = m_rows[*it];
        if (!row.isFinished() && info.isFinished()) {
            ++m_finishedCount;
            m_tcpInfo.remove(info.id); // the kernel no longer holds the connection's state
        }
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
        for (const qsizetype at : std::as_const(added)) {
            const ConnectionInfo &info = updates.at(at);
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

void ConnectionTableModel::applyTcpInfo(const QHash<quint64, TcpInfo> &infos)
{
    QList<int> rows;
    for (auto it = infos.cbegin(); it != infos.cend(); ++it) {
        const auto row = m_rowById.constFind(it.key());
        // A reading can trail the connection's end by a batch; a finished row shows none.
        if (row == m_rowById.cend() || m_rows.at(*row).isFinished())
            continue;
        auto known = m_tcpInfo.find(it.key());
        if (known == m_tcpInfo.end()) {
            m_tcpInfo.insert(it.key(), it.value());
        } else if (*known != it.value()) {
            *known = it.value();
        } else {
            continue;
        }
        rows.append(*row);
    }
    forEachRun(rows, [this](int first, int last) {
        emit dataChanged(index(first, TcpStateColumn), index(last, SinceLastReceiveColumn),
                         {Qt::DisplayRole, RawValueRole, Qt::ToolTipRole});
    });
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
        for (int row = first; row <= last; ++row)
            m_rowById.remove(m_rows.at(row).id);
        m_rows.remove(first, last - first + 1);
        m_finishedCount -= last - first + 1;
        // Whoever listens to rowsRemoved (the proxy, the selection, the window) may look rows up
        // by id at once, before the next run goes: the rows after this one are found anew now.
        for (int row = first; row < int(m_rows.size()); ++row)
            m_rowById[m_rows.at(row).id] = row;
        endRemoveRows();
    }
}

void ConnectionTableModel::setListenerLabels(const QHash<int, QString> &labels)
{
    m_listenerLabels = labels;
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
