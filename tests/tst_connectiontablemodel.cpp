// The connections table model: batching, history bound, roles, and Qt's model checks.
#include "connectiontablemodel.h"
#include "eventlogmodel.h"
#include "listenercontroller.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTcpSocket>
#include <QtTest>

namespace {

constexpr int Timeout = 10000;

ConnectionInfo makeInfo(quint64 id, ConnectionState state = ConnectionState::Open, quint64 received = 0)
{
    ConnectionInfo info;
    info.id = id;
    info.peerAddress = QHostAddress(QHostAddress::LocalHost);
    info.peerPort = quint16(40000 + id);
    info.localAddress = QHostAddress(QHostAddress::LocalHost);
    info.localPort = 9000;
    info.acceptedAtMs = 1000 * qint64(id);
    info.lastActivityMs = info.acceptedAtMs;
    info.bytesReceived = received;
    info.state = state;
    if (info.isFinished())
        info.closedAtMs = info.acceptedAtMs + 500;
    return info;
}

QList<ConnectionInfo> openRange(quint64 first, quint64 last)
{
    QList<ConnectionInfo> infos;
    for (quint64 id = first; id <= last; ++id)
        infos.append(makeInfo(id));
    return infos;
}

TcpInfo makeTcpInfo(quint32 rttUs, quint64 bytesReceived = 2048)
{
    TcpInfo info;
    info.available = true;
    info.state = 1; // ESTABLISHED
    info.rttUs = rttUs;
    info.rttVarUs = 678;
    info.sndCwnd = 10;
    info.retransmits = 1;
    info.totalRetrans = 3;
    info.bytesAcked = 1536;
    info.bytesReceived = bytesReceived;
    info.unacked = 2;
    info.lastDataSentMs = 850;
    info.lastDataRecvMs = 12400;
    return info;
}

} // namespace

class TestConnectionTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void newRowsInOneInsert();
    void changedRowsInRuns();
    void rolesAndDisplay();
    void historyIsBounded();
    void clearFinishedKeepsOpenRows();
    void clearFinishedInRunsOnSortedTable();
    void sortsThroughProxyByRawValue();
    void fedByRealListener();
    void kernelColumnsStartEmpty();
    void tcpInfoChangesInRuns();
    void tcpInfoDisplayAndRawValues();
    void tcpInfoClearedWhenFinished();
    void sortsByKernelFigures();
    void eventLogModelIsBounded();
};

void TestConnectionTableModel::newRowsInOneInsert()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.applyUpdates(openRange(1, 50));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 49);
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.columnCount(), int(ConnectionTableModel::ColumnCount));
    QCOMPARE(model.openCount(), 50);
    QCOMPARE(model.indexForId(17).row(), 16);
    QVERIFY(!model.indexForId(999).isValid());
}

void TestConnectionTableModel::changedRowsInRuns()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applyUpdates(openRange(1, 10));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    // Rows 0-2 and 5 change, and two new connections arrive, all in one batch.
    model.applyUpdates({makeInfo(1, ConnectionState::Open, 10), makeInfo(2, ConnectionState::Open, 20),
                        makeInfo(3, ConnectionState::Open, 30), makeInfo(6, ConnectionState::PeerClosed),
                        makeInfo(11), makeInfo(12)});
    QCOMPARE(changed.size(), 2);
    const auto range = [&changed](int i) {
        const auto topLeft = changed.at(i).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(i).at(1).value<QModelIndex>();
        return std::make_pair(topLeft.row(), bottomRight.row());
    };
    QCOMPARE(range(0), std::make_pair(0, 2));
    QCOMPARE(range(1), std::make_pair(5, 5));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(model.finishedCount(), 1);
    QCOMPARE(model.index(2, ConnectionTableModel::ReceivedColumn).data(ConnectionTableModel::RawValueRole)
                 .toULongLong(),
             quint64(30));
}

void TestConnectionTableModel::rolesAndDisplay()
{
    ConnectionTableModel model;
    ConnectionInfo reset = makeInfo(2, ConnectionState::Reset, 2048);
    reset.errorString = QStringLiteral("Connection reset by peer");
    model.applyUpdates({makeInfo(1, ConnectionState::Open, 1536), reset});

    QCOMPARE(model.index(0, ConnectionTableModel::PeerColumn).data().toString(), QStringLiteral("127.0.0.1:40001"));
    QCOMPARE(model.index(0, ConnectionTableModel::LocalColumn).data().toString(), QStringLiteral("127.0.0.1:9000"));
    QCOMPARE(model.index(0, ConnectionTableModel::StateColumn).data().toString(), QStringLiteral("Open"));
    QCOMPARE(model.index(0, ConnectionTableModel::ReceivedColumn).data().toString(), QStringLiteral("1.50 KiB"));
    QCOMPARE(model.index(0, ConnectionTableModel::CloseColumn).data().toString(), QStringLiteral("Close"));
    QCOMPARE(model.index(0, 0).data(ConnectionTableModel::ConnectionIdRole).toULongLong(), quint64(1));
    QCOMPARE(model.index(0, 0).data(ConnectionTableModel::IsFinishedRole).toBool(), false);
    QVERIFY(!model.index(0, 0).data(Qt::ForegroundRole).isValid());

    QCOMPARE(model.index(1, ConnectionTableModel::StateColumn).data().toString(), QStringLiteral("Reset by peer"));
    QVERIFY(model.index(1, ConnectionTableModel::StateColumn).data(Qt::ToolTipRole).toString()
                .contains(QStringLiteral("reset by peer")));
    QCOMPARE(model.index(1, 0).data(ConnectionTableModel::IsFinishedRole).toBool(), true);
    QVERIFY(model.index(1, 0).data(Qt::ForegroundRole).isValid()); // greyed
    QCOMPARE(model.index(1, ConnectionTableModel::CloseColumn).data().toString(), QString());
    QCOMPARE(model.index(1, ConnectionTableModel::DurationColumn).data(ConnectionTableModel::RawValueRole)
                 .toLongLong(),
             qint64(500));
}

void TestConnectionTableModel::historyIsBounded()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setHistoryLimit(3);
    // Open and finished rows interleave: 1 open, 2 closed, 3 open, 4..8 closed.
    QList<ConnectionInfo> infos = {makeInfo(1), makeInfo(2, ConnectionState::Closed), makeInfo(3)};
    for (quint64 id = 4; id <= 8; ++id)
        infos.append(makeInfo(id, ConnectionState::PeerClosed));
    model.applyUpdates(infos);

    QCOMPARE(model.finishedCount(), 3);
    QCOMPARE(model.openCount(), 2);
    QList<quint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(ConnectionTableModel::ConnectionIdRole).toULongLong());
    // The rows that closed first (2, 4, 5) went; open rows stay whatever their age.
    QCOMPARE(ids, (QList<quint64>{1, 3, 6, 7, 8}));
    QCOMPARE(model.indexForId(7).row(), 3);

    // A connection closing later pushes out the one that closed first.
    ConnectionInfo closedLast = makeInfo(1, ConnectionState::Closed);
    closedLast.closedAtMs = 100000;
    model.applyUpdates({closedLast});
    QCOMPARE(model.finishedCount(), 3);
    QVERIFY(!model.indexForId(6).isValid());
    QVERIFY(model.indexForId(1).isValid());
}

void TestConnectionTableModel::clearFinishedKeepsOpenRows()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applyUpdates({makeInfo(1, ConnectionState::Closed), makeInfo(2), makeInfo(3, ConnectionState::Reset),
                        makeInfo(4, ConnectionState::Error), makeInfo(5)});
    model.clearFinished();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.finishedCount(), 0);
    QCOMPARE(model.indexForId(2).row(), 0);
    QCOMPARE(model.indexForId(5).row(), 1);
    // Updates still find their rows after the removal.
    model.applyUpdates({makeInfo(5, ConnectionState::Open, 99)});
    QCOMPARE(model.index(1, ConnectionTableModel::ReceivedColumn).data(ConnectionTableModel::RawValueRole)
                 .toULongLong(),
             quint64(99));
}

// Clear closed removes several runs of rows one run at a time; after each run the model must find
// every remaining row by id, since the views and the window look rows up while it goes on.
void TestConnectionTableModel::clearFinishedInRunsOnSortedTable()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ConnectionTableModel::RawValueRole);
    proxy.sort(ConnectionTableModel::PeerColumn, Qt::DescendingOrder);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<ConnectionInfo> infos;
    for (quint64 id = 1; id <= 30; ++id) // runs of closed rows between open ones: 1-2, 5-7, 11, ...
        infos.append(makeInfo(id, id % 4 == 1 || id % 4 == 2 || id % 9 == 0 ? ConnectionState::Closed
                                                                           : ConnectionState::Open));
    model.applyUpdates(infos);
    int runs = 0;
    bool consistent = true;
    connect(&model, &QAbstractItemModel::rowsRemoved, this, [&] {
        ++runs;
        for (int row = 0; row < model.rowCount(); ++row) {
            const quint64 id = model.index(row, 0).data(ConnectionTableModel::ConnectionIdRole).toULongLong();
            consistent = consistent && model.indexForId(id).row() == row;
        }
        // As the window does: the current row, through the sorted proxy, names a live connection.
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const quint64 id = proxy.index(row, 0).data(ConnectionTableModel::ConnectionIdRole).toULongLong();
            consistent = consistent && model.indexForId(id).isValid();
        }
    });
    model.clearFinished();
    QVERIFY(runs > 3);
    QVERIFY(consistent);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(!model.index(row, 0).data(ConnectionTableModel::ConnectionIdRole).isNull());
    QCOMPARE(model.finishedCount(), 0);
}

void TestConnectionTableModel::sortsThroughProxyByRawValue()
{
    ConnectionTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ConnectionTableModel::RawValueRole);
    proxy.setDynamicSortFilter(true);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // 2 KiB sorts above 900 B, although "900 B" > "2.00 KiB" as text.
    model.applyUpdates({makeInfo(1, ConnectionState::Open, 900), makeInfo(2, ConnectionState::Open, 2048),
                        makeInfo(3, ConnectionState::Open, 10)});
    proxy.sort(ConnectionTableModel::ReceivedColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data(ConnectionTableModel::ConnectionIdRole).toULongLong(), quint64(2));
    QCOMPARE(proxy.index(1, 0).data(ConnectionTableModel::ConnectionIdRole).toULongLong(), quint64(1));
    QCOMPARE(proxy.index(2, 0).data(ConnectionTableModel::ConnectionIdRole).toULongLong(), quint64(3));

    // A live update re-sorts.
    model.applyUpdates({makeInfo(3, ConnectionState::Open, 1 << 20)});
    QCOMPARE(proxy.index(0, 0).data(ConnectionTableModel::ConnectionIdRole).toULongLong(), quint64(3));
    model.applyUpdates(openRange(4, 40));
    model.clearFinished();
    QCOMPARE(proxy.rowCount(), 40);
}

void TestConnectionTableModel::fedByRealListener()
{
    ConnectionTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ConnectionTableModel::RawValueRole);
    proxy.sort(ConnectionTableModel::PeerColumn);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    ListenerController controller;
    quint16 port = 0;
    connect(&controller, &ListenerController::updated, &model, [&](const UpdateBatch &batch) {
        model.applyUpdates(batch.connections);
        if (batch.statusChanged)
            port = batch.status.port;
    });
    controller.start(QHostAddress::LocalHost, 0, 5);
    QTRY_VERIFY_WITH_TIMEOUT(port != 0, Timeout);

    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 20; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(clients.back()->waitForConnected(Timeout));
    }
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 20, Timeout);
    for (int i = 0; i < 20; i += 2)
        clients[size_t(i)]->disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(model.finishedCount(), 10, Timeout);
    QCOMPARE(proxy.rowCount(), 20);
    model.clearFinished();
    QCOMPARE(proxy.rowCount(), 10);
}

void TestConnectionTableModel::kernelColumnsStartEmpty()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applyUpdates(openRange(1, 3));
    // Close stays last, after the kernel's columns.
    QCOMPARE(int(ConnectionTableModel::CloseColumn), int(ConnectionTableModel::ColumnCount) - 1);
    QVERIFY(ConnectionTableModel::TcpStateColumn > ConnectionTableModel::LastActivityColumn);
    QCOMPARE(model.headerData(ConnectionTableModel::RttColumn, Qt::Horizontal).toString(), QStringLiteral("RTT"));
    QCOMPARE(model.headerData(ConnectionTableModel::SinceLastReceiveColumn, Qt::Horizontal).toString(),
             QStringLiteral("Since last receive"));
    QVERIFY(!model.headerData(ConnectionTableModel::CwndColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    // Nothing known yet: empty cells, not zeros.
    for (int column = ConnectionTableModel::TcpStateColumn; column <= ConnectionTableModel::SinceLastReceiveColumn;
         ++column) {
        QVERIFY(!model.index(0, column).data().isValid());
        QVERIFY(!model.index(0, column).data(ConnectionTableModel::RawValueRole).isValid());
    }
    // Nor when the kernel could not tell.
    model.applyTcpInfo({{1, TcpInfo()}});
    QVERIFY(!model.index(0, ConnectionTableModel::TcpStateColumn).data().isValid());
    QVERIFY(!model.index(0, ConnectionTableModel::CwndColumn).data(ConnectionTableModel::RawValueRole).isValid());
}

void TestConnectionTableModel::tcpInfoChangesInRuns()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applyUpdates(openRange(1, 10));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // Rows 1-3 and 6 get figures; 99 is not in the table.
    model.applyTcpInfo({{2, makeTcpInfo(100)}, {3, makeTcpInfo(200)}, {4, makeTcpInfo(300)},
                        {7, makeTcpInfo(400)}, {99, makeTcpInfo(500)}});
    QCOMPARE(changed.size(), 2);
    const auto range = [&changed](int i) {
        const auto topLeft = changed.at(i).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(i).at(1).value<QModelIndex>();
        return QList<int>{topLeft.row(), bottomRight.row(), topLeft.column(), bottomRight.column()};
    };
    const int first = ConnectionTableModel::TcpStateColumn;
    const int last = ConnectionTableModel::SinceLastReceiveColumn;
    QCOMPARE(range(0), (QList<int>{1, 3, first, last}));
    QCOMPARE(range(1), (QList<int>{6, 6, first, last}));

    // The same figures again change nothing; one new figure changes its row only.
    changed.clear();
    model.applyTcpInfo({{2, makeTcpInfo(100)}, {3, makeTcpInfo(200)}, {4, makeTcpInfo(300)}});
    QCOMPARE(changed.size(), 0);
    model.applyTcpInfo({{2, makeTcpInfo(100)}, {3, makeTcpInfo(250)}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(range(0), (QList<int>{2, 2, first, last}));
    QCOMPARE(model.index(2, ConnectionTableModel::RttColumn).data(ConnectionTableModel::RawValueRole).toULongLong(),
             quint64(250));
}

void TestConnectionTableModel::tcpInfoDisplayAndRawValues()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applyUpdates(openRange(1, 2));
    model.applyTcpInfo({{2, makeTcpInfo(12345)}});

    const auto text = [&model](int column) { return model.index(1, column).data().toString(); };
    const auto raw = [&model](int column) {
        return model.index(1, column).data(ConnectionTableModel::RawValueRole).toULongLong();
    };
    QCOMPARE(text(ConnectionTableModel::TcpStateColumn), QStringLiteral("ESTABLISHED"));
    QCOMPARE(text(ConnectionTableModel::RttColumn), QStringLiteral("12.3 ms"));
    QCOMPARE(text(ConnectionTableModel::RttVarColumn), QStringLiteral("0.7 ms"));
    QCOMPARE(text(ConnectionTableModel::CwndColumn), QStringLiteral("10"));
    QCOMPARE(text(ConnectionTableModel::RetransmitsColumn), QStringLiteral("3"));
    QCOMPARE(text(ConnectionTableModel::BytesAckedColumn), QStringLiteral("1.50 KiB"));
    QCOMPARE(text(ConnectionTableModel::KernelReceivedColumn), QStringLiteral("2.00 KiB"));
    QCOMPARE(text(ConnectionTableModel::UnackedColumn), QStringLiteral("2"));
    QCOMPARE(text(ConnectionTableModel::SinceLastSendColumn), QStringLiteral("850 ms"));
    QCOMPARE(text(ConnectionTableModel::SinceLastReceiveColumn), QStringLiteral("12.4 s"));

    QCOMPARE(raw(ConnectionTableModel::TcpStateColumn), quint64(1));
    QCOMPARE(raw(ConnectionTableModel::RttColumn), quint64(12345));
    QCOMPARE(raw(ConnectionTableModel::RttVarColumn), quint64(678));
    QCOMPARE(raw(ConnectionTableModel::CwndColumn), quint64(10));
    QCOMPARE(raw(ConnectionTableModel::RetransmitsColumn), quint64(3));
    QCOMPARE(raw(ConnectionTableModel::BytesAckedColumn), quint64(1536));
    QCOMPARE(raw(ConnectionTableModel::KernelReceivedColumn), quint64(2048));
    QCOMPARE(raw(ConnectionTableModel::UnackedColumn), quint64(2));
    QCOMPARE(raw(ConnectionTableModel::SinceLastSendColumn), quint64(850));
    QCOMPARE(raw(ConnectionTableModel::SinceLastReceiveColumn), quint64(12400));

    // Exact figures in the tooltips; the other row still shows nothing.
    QVERIFY(model.index(1, ConnectionTableModel::RttColumn).data(Qt::ToolTipRole).toString()
                .contains(QStringLiteral("345 µs")));
    QVERIFY(model.index(1, ConnectionTableModel::RetransmitsColumn).data(Qt::ToolTipRole).toString()
                .contains(QStringLiteral("in a row")));
    QCOMPARE(model.index(1, ConnectionTableModel::RttColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    QVERIFY(!model.index(0, ConnectionTableModel::RttColumn).data().isValid());
}

void TestConnectionTableModel::tcpInfoClearedWhenFinished()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applyUpdates(openRange(1, 3));
    model.applyTcpInfo({{1, makeTcpInfo(100)}, {2, makeTcpInfo(100)}});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // The kernel forgets a connection once it ends; so does its row.
    model.applyUpdates({makeInfo(2, ConnectionState::PeerClosed)});
    QCOMPARE(changed.size(), 1);
    QVERIFY(!model.index(1, ConnectionTableModel::TcpStateColumn).data().isValid());
    QCOMPARE(model.index(0, ConnectionTableModel::TcpStateColumn).data().toString(), QStringLiteral("ESTABLISHED"));
    // A reading that trails the end is not shown.
    changed.clear();
    model.applyTcpInfo({{2, makeTcpInfo(300)}});
    QCOMPARE(changed.size(), 0);
    QVERIFY(!model.index(1, ConnectionTableModel::RttColumn).data().isValid());
    // Clearing finished rows keeps the open rows' figures with their rows.
    model.clearFinished();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, ConnectionTableModel::RttColumn).data(ConnectionTableModel::RawValueRole).toULongLong(),
             quint64(100));
    QVERIFY(!model.index(1, ConnectionTableModel::RttColumn).data().isValid());
}

void TestConnectionTableModel::sortsByKernelFigures()
{
    ConnectionTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ConnectionTableModel::RawValueRole);
    proxy.setDynamicSortFilter(true);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applyUpdates(openRange(1, 3));
    // 950 µs sorts below 12 ms, although "0.9 ms" and "12.0 ms" compare the other way as text.
    model.applyTcpInfo({{1, makeTcpInfo(12000)}, {2, makeTcpInfo(950)}, {3, makeTcpInfo(3000)}});
    proxy.sort(ConnectionTableModel::RttColumn, Qt::AscendingOrder);
    const auto idAt = [&proxy](int row) {
        return proxy.index(row, 0).data(ConnectionTableModel::ConnectionIdRole).toULongLong();
    };
    QCOMPARE((QList<quint64>{idAt(0), idAt(1), idAt(2)}), (QList<quint64>{2, 3, 1}));
    // A new reading re-sorts.
    model.applyTcpInfo({{1, makeTcpInfo(10)}});
    QCOMPARE((QList<quint64>{idAt(0), idAt(1), idAt(2)}), (QList<quint64>{1, 2, 3}));
}

void TestConnectionTableModel::eventLogModelIsBounded()
{
    EventLogModel model(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int batch = 0; batch < 7; ++batch) {
        QList<LogEntry> entries;
        for (int i = 0; i < 40; ++i)
            entries.append(LogEntry{1000, LogLevel::Info, QStringLiteral("line %1").arg(batch * 40 + i)});
        model.append(entries);
    }
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.index(0).data(EventLogModel::MessageRole).toString(), QStringLiteral("line 180"));
    QCOMPARE(model.index(99).data(EventLogModel::MessageRole).toString(), QStringLiteral("line 279"));
    QVERIFY(model.index(99).data().toString().endsWith(QStringLiteral("  line 279")));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestConnectionTableModel)
#include "tst_connectiontablemodel.moc"
