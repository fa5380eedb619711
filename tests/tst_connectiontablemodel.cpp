// The connections table model: batching, history bound, roles, and Qt's model checks.
#include "connectioncolumns.h"
#include "connectionfilterproxymodel.h"
#include "connectionsview.h"
#include "connectiontablemodel.h"
#include "eventlogmodel.h"
#include "listenercontroller.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
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

// An established TLS 1.3 connection with every detail set.
ConnectionInfo makeTls(quint64 id, int listenerId = 2)
{
    ConnectionInfo info = makeInfo(id);
    info.listenerId = listenerId;
    info.tls = true;
    info.tlsPhase = TlsPhase::Established;
    info.tlsProtocol = QStringLiteral("TLS 1.3");
    info.tlsCipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
    info.tlsServerName = QStringLiteral("example.test");
    info.tlsAlpn = QStringLiteral("h2");
    info.tlsClientCertificate = QStringLiteral("CN=test client");
    info.tlsBytesReceived = 900;
    info.tlsBytesSent = 1800;
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
    void faultsColumnAndStalledState();
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
    void listenerColumn();
    void tlsColumns();
    void upstreamColumn();
    void tlsFailedIsFinalAndGreyed();
    void filterByListenerAndText();
    void oldHeaderStateGetsDefaults();
    void listenerFilterCombo();
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

// The Faults column shows a connection's faults, and the state says when reads are stalled.
void TestConnectionTableModel::faultsColumnAndStalledState()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConnectionInfo faulty = makeInfo(1);
    faulty.faults.latencyMs = 300;
    faulty.faults.jitterMs = 50;
    faulty.faults.sliceBytes = 10;
    faulty.faults.sliceDelayMs = 50;
    faulty.faults.stallReads = true;
    faulty.readsStalled = true;
    model.applyUpdates({faulty, makeInfo(2)});
    QCOMPARE(model.headerData(ConnectionTableModel::FaultsColumn, Qt::Horizontal).toString(), QStringLiteral("Faults"));
    QCOMPARE(model.index(0, ConnectionTableModel::FaultsColumn).data().toString(),
             QStringLiteral("latency 300±50 ms, slice 10 B/50 ms, stall reads"));
    QVERIFY(model.index(0, ConnectionTableModel::FaultsColumn).data(Qt::ToolTipRole).toString()
                .startsWith(QStringLiteral("Injected faults: latency 300±50 ms")));
    QCOMPARE(model.index(0, ConnectionTableModel::StateColumn).data().toString(), QStringLiteral("Open (stalled)"));
    QCOMPARE(model.index(1, ConnectionTableModel::FaultsColumn).data().toString(), QString());
    QCOMPARE(model.index(1, ConnectionTableModel::StateColumn).data().toString(), QStringLiteral("Open"));

    // Switched off live: the next snapshot clears both.
    faulty.faults = Faults{};
    faulty.readsStalled = false;
    model.applyUpdates({faulty});
    QCOMPARE(model.index(0, ConnectionTableModel::FaultsColumn).data().toString(), QString());
    QCOMPARE(model.index(0, ConnectionTableModel::StateColumn).data().toString(), QStringLiteral("Open"));
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

void TestConnectionTableModel::listenerColumn()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConnectionInfo second = makeInfo(2);
    second.listenerId = 12;
    model.applyUpdates({makeInfo(1), second});
    QCOMPARE(int(ConnectionTableModel::ListenerColumn), int(ConnectionTableModel::LocalColumn) + 1);
    QCOMPARE(model.headerData(ConnectionTableModel::ListenerColumn, Qt::Horizontal).toString(), QStringLiteral("Listener"));
    QCOMPARE(model.index(0, ConnectionTableModel::ListenerColumn).data().toString(), QStringLiteral("#1"));
    QCOMPARE(model.index(1, ConnectionTableModel::ListenerColumn).data().toString(), QStringLiteral("#12"));
    QCOMPARE(model.index(1, ConnectionTableModel::ListenerColumn).data(ConnectionTableModel::RawValueRole).toInt(), 12);
    QCOMPARE(model.index(1, ConnectionTableModel::ListenerColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Listener #12"));
    model.setListenerLabels({{12, QStringLiteral("#12 TLS 127.0.0.1:8443")}});
    QCOMPARE(model.index(1, ConnectionTableModel::ListenerColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("#12 TLS 127.0.0.1:8443"));
}

void TestConnectionTableModel::tlsColumns()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConnectionInfo handshaking = makeInfo(3);
    handshaking.tls = true;
    handshaking.tlsPhase = TlsPhase::Handshaking;
    model.applyUpdates({makeInfo(1), makeTls(2), handshaking});
    using Model = ConnectionTableModel;
    QCOMPARE(model.headerData(Model::TlsVersionColumn, Qt::Horizontal).toString(), QStringLiteral("TLS version"));
    QCOMPARE(model.headerData(Model::TlsClientCertificateColumn, Qt::Horizontal).toString(),
             QStringLiteral("Client certificate"));
    QVERIFY(!model.headerData(Model::TlsAlpnColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    // Plain: every TLS cell empty.
    for (int column = Model::TlsVersionColumn; column <= Model::TlsClientCertificateColumn; ++column)
        QVERIFY(model.index(0, column).data().toString().isEmpty());
    QCOMPARE(model.index(1, Model::TlsVersionColumn).data().toString(), QStringLiteral("TLS 1.3"));
    QCOMPARE(model.index(1, Model::TlsCipherColumn).data().toString(), QStringLiteral("TLS_AES_256_GCM_SHA384"));
    QCOMPARE(model.index(1, Model::TlsServerNameColumn).data().toString(), QStringLiteral("example.test"));
    QCOMPARE(model.index(1, Model::TlsAlpnColumn).data().toString(), QStringLiteral("h2"));
    QCOMPARE(model.index(1, Model::TlsClientCertificateColumn).data(Model::RawValueRole).toString(),
             QStringLiteral("CN=test client"));
    QCOMPARE(model.index(2, Model::TlsVersionColumn).data().toString(), QStringLiteral("handshaking…"));
    QVERIFY(model.index(2, Model::TlsCipherColumn).data().toString().isEmpty());

    // The handshake ending changes the whole row, not only the counters.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    ConnectionInfo done = makeTls(3);
    done.listenerId = 1;
    model.applyUpdates({done});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(), 0);
    QCOMPARE(model.index(2, Model::TlsVersionColumn).data().toString(), QStringLiteral("TLS 1.3"));
    // The byte columns stay the application's bytes.
    QCOMPARE(model.index(1, Model::ReceivedColumn).data(Model::RawValueRole).toULongLong(), quint64(0));
}

// Forward mode's rows show the upstream's state, with the target and any failure in the tooltip.
void TestConnectionTableModel::upstreamColumn()
{
    ConnectionTableModel model;
    ConnectionInfo plain = makeInfo(1);
    ConnectionInfo relayed = makeInfo(2);
    relayed.upstream = QStringLiteral("127.0.0.1:8080");
    relayed.upstreamState = UpstreamState::Connected;
    model.applyUpdates({plain, relayed});
    const int column = ConnectionTableModel::UpstreamColumn;
    QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), QStringLiteral("Upstream"));
    QCOMPARE(model.index(0, column).data().toString(), QString());
    QCOMPARE(model.index(0, column).data(Qt::ToolTipRole), QVariant());
    QCOMPARE(model.index(1, column).data().toString(), QStringLiteral("Connected"));
    QCOMPARE(model.index(1, column).data(Qt::ToolTipRole).toString(), QStringLiteral("Upstream 127.0.0.1:8080: Connected"));

    relayed.upstreamState = UpstreamState::Refused;
    relayed.upstreamError = QStringLiteral("upstream 127.0.0.1:8080 refused the connection");
    relayed.state = ConnectionState::Closed;
    relayed.closedAtMs = relayed.acceptedAtMs + 1;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applyUpdates({relayed});
    QVERIFY(!changed.isEmpty());
    QCOMPARE(model.index(1, column).data().toString(), QStringLiteral("Refused"));
    QCOMPARE(model.index(1, column).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Upstream 127.0.0.1:8080: Refused (upstream 127.0.0.1:8080 refused the connection)"));
}

void TestConnectionTableModel::tlsFailedIsFinalAndGreyed()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConnectionInfo failed = makeInfo(1);
    failed.tls = true;
    failed.tlsPhase = TlsPhase::Handshaking;
    model.applyUpdates({failed});
    QCOMPARE(model.finishedCount(), 0);
    failed.state = ConnectionState::TlsFailed;
    failed.closedAtMs = failed.acceptedAtMs + 20;
    failed.errorString = QStringLiteral("peer spoke plain text (HTTP?) to a TLS port");
    model.applyUpdates({failed});
    QCOMPARE(model.finishedCount(), 1);
    QCOMPARE(model.openCount(), 0);
    const QModelIndex state = model.index(0, ConnectionTableModel::StateColumn);
    QCOMPARE(state.data().toString(), QStringLiteral("TLS failed"));
    QCOMPARE(state.data(Qt::ToolTipRole).toString(),
             QStringLiteral("TLS failed: peer spoke plain text (HTTP?) to a TLS port"));
    QVERIFY(state.data(ConnectionTableModel::IsFinishedRole).toBool());
    QVERIFY(state.data(Qt::ForegroundRole).isValid()); // greyed like closed rows
    QVERIFY(model.index(0, ConnectionTableModel::CloseColumn).data().toString().isEmpty());
    // A handshake that never finished shows no version, not "handshaking…".
    QVERIFY(model.index(0, ConnectionTableModel::TlsVersionColumn).data().toString().isEmpty());
    model.clearFinished();
    QCOMPARE(model.rowCount(), 0);
}

void TestConnectionTableModel::filterByListenerAndText()
{
    ConnectionTableModel model;
    ConnectionFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<ConnectionInfo> infos = openRange(1, 6);
    for (ConnectionInfo &info : infos)
        info.listenerId = info.id % 2 == 0 ? 2 : 1;
    infos[3].state = ConnectionState::Closed; // #4, listener 2
    infos[3].closedAtMs = infos[3].acceptedAtMs + 1;
    model.applyUpdates(infos);
    const auto shownIds = [&proxy] {
        QList<quint64> ids;
        for (int row = 0; row < proxy.rowCount(); ++row)
            ids << proxy.index(row, 0).data(ConnectionTableModel::ConnectionIdRole).toULongLong();
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    QVERIFY(!proxy.isFiltering());
    QCOMPARE(proxy.rowCount(), 6);
    proxy.setListenerId(2);
    QVERIFY(proxy.isFiltering());
    QCOMPARE(shownIds(), (QList<quint64>{2, 4, 6}));
    proxy.setFilterText(QStringLiteral("closed"));
    QCOMPARE(shownIds(), (QList<quint64>{4}));
    proxy.setListenerId(1);
    QCOMPARE(shownIds(), QList<quint64>{});
    proxy.setFilterText({});
    QCOMPARE(shownIds(), (QList<quint64>{1, 3, 5}));
    // New rows of the other listener stay hidden; its own show.
    ConnectionInfo seventh = makeInfo(7);
    seventh.listenerId = 2;
    model.applyUpdates({seventh, makeInfo(8)});
    QCOMPARE(shownIds(), (QList<quint64>{1, 3, 5, 8}));
    proxy.setListenerId(0);
    QCOMPARE(proxy.rowCount(), 8);
}

void TestConnectionTableModel::oldHeaderStateGetsDefaults()
{
    // A layout saved when the table had 20 columns (before Listener and TLS): TCP_INFO columns
    // 9..18 hidden, Local (2) hidden, Sent (7) widened.
    constexpr int OldColumnCount = 20;
    QStandardItemModel oldModel(0, OldColumnCount);
    QHeaderView oldHeader(Qt::Horizontal);
    oldHeader.setModel(&oldModel);
    for (int column = 9; column <= 18; ++column)
        oldHeader.setSectionHidden(column, true);
    oldHeader.setSectionHidden(2, true);
    oldHeader.resizeSection(7, 400);
    const QByteArray oldState = oldHeader.saveState();

    ConnectionsView view;
    QCOMPARE(ConnectionColumns::savedColumnCount(oldState), OldColumnCount);
    QCOMPARE(ConnectionColumns::savedColumnCount(view.saveHeaderState()), int(ConnectionTableModel::ColumnCount));
    QCOMPARE(ConnectionColumns::savedColumnCount(QByteArray("junk")), -1);
    view.restoreHeaderState(oldState);
    const QHeaderView *header = view.tableView()->horizontalHeader();
    QCOMPARE(header->count(), int(ConnectionTableModel::ColumnCount));
    QVERIFY(!header->isSectionHidden(ConnectionTableModel::ListenerColumn));
    QVERIFY(!header->isSectionHidden(ConnectionTableModel::StateColumn));
    QVERIFY(!header->isSectionHidden(ConnectionTableModel::LastActivityColumn));
    QVERIFY(!header->isSectionHidden(ConnectionTableModel::CloseColumn));
    QVERIFY(header->isSectionHidden(ConnectionTableModel::TcpStateColumn));
    for (int column = ConnectionTableModel::TlsVersionColumn; column <= ConnectionTableModel::TlsClientCertificateColumn;
         ++column)
        QVERIFY(header->isSectionHidden(column));
    QVERIFY(header->sectionSize(ConnectionTableModel::SentColumn) < 400);
    // The column menu follows.
    const QList<QAction *> actions = view.columnActions();
    QCOMPARE(actions.size(), int(ConnectionTableModel::ColumnCount) - 1);
    QVERIFY(actions.at(ConnectionTableModel::ListenerColumn - ConnectionTableModel::PeerColumn)->isChecked());
    QVERIFY(!actions.at(ConnectionTableModel::TlsCipherColumn - ConnectionTableModel::PeerColumn)->isChecked());

    // A state of today's columns is restored as saved.
    view.columnActions().at(ConnectionTableModel::TlsAlpnColumn - ConnectionTableModel::PeerColumn)->trigger();
    QVERIFY(!header->isSectionHidden(ConnectionTableModel::TlsAlpnColumn));
    const QByteArray current = view.saveHeaderState();
    view.resetColumns();
    QVERIFY(header->isSectionHidden(ConnectionTableModel::TlsAlpnColumn));
    view.restoreHeaderState(current);
    QVERIFY(!header->isSectionHidden(ConnectionTableModel::TlsAlpnColumn));
}

void TestConnectionTableModel::listenerFilterCombo()
{
    ConnectionsView view;
    auto *combo = view.findChild<QComboBox *>(QStringLiteral("listenerFilterCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 1);
    QVERIFY(combo->isHidden()); // nothing to choose from yet
    QList<ConnectionInfo> infos = openRange(1, 5);
    infos[1].listenerId = 2;
    infos[3].listenerId = 2;
    view.applyUpdates(infos);
    view.setListeners({{1, QStringLiteral("#1 TCP 127.0.0.1:9000")}, {2, QStringLiteral("#2 TLS 127.0.0.1:8443")}});
    QVERIFY(!combo->isHidden());
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->itemText(0), QStringLiteral("All listeners"));
    QCOMPARE(combo->itemText(2), QStringLiteral("#2 TLS 127.0.0.1:8443"));
    QCOMPARE(view.model()->index(1, ConnectionTableModel::ListenerColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("#2 TLS 127.0.0.1:8443"));

    QSignalSpy current(&view, &ConnectionsView::currentChanged);
    combo->setCurrentIndex(2);
    QCOMPARE(view.listenerFilter(), 2);
    QCOMPARE(view.tableView()->model()->rowCount(), 2);
    QCOMPARE(view.filterCountLabel()->text(), QStringLiteral("Showing 2 of 5"));
    QVERIFY(!view.filterCountLabel()->isHidden());
    // New rows keep the count right.
    ConnectionInfo sixth = makeInfo(6);
    sixth.listenerId = 2;
    view.applyUpdates({sixth, makeInfo(7)});
    QTRY_COMPARE(view.filterCountLabel()->text(), QStringLiteral("Showing 3 of 7"));

    // The same list again changes nothing; the chosen listener removed, every row shows.
    view.setListeners({{1, QStringLiteral("#1 TCP 127.0.0.1:9000")}, {2, QStringLiteral("#2 TLS 127.0.0.1:8443")}});
    QCOMPARE(view.listenerFilter(), 2);
    view.setListeners({{1, QStringLiteral("#1 TCP 127.0.0.1:9000")}});
    QCOMPARE(view.listenerFilter(), 0);
    QCOMPARE(combo->currentIndex(), 0);
    QCOMPARE(view.tableView()->model()->rowCount(), 7);
    QVERIFY(view.filterCountLabel()->isHidden());
    QVERIFY(combo->isHidden());
    QCOMPARE(current.size(), 0); // no row was current
}

QTEST_MAIN(TestConnectionTableModel)
#include "tst_connectiontablemodel.moc"
