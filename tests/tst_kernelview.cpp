// What the kernel sees, over loopback: the accept queue against the backlog (checked against
// `ss -lnt` or /proc/net/tcp), the system's overflow counter, and TCP_INFO of open connections
// as the batches carry them to the table model and the inspector.
#include "connectioninspector.h"
#include "connectiontablemodel.h"
#include "listenercontroller.h"
#include "listenqueue.h"
#include "socketoptions.h"
#include "tcpinforeader.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QHash>
#include <QLabel>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include "batchrecorder.h"
#include "posixclient.h"

#include <algorithm>
#include <optional>
#include <vector>

#ifdef Q_OS_UNIX
#  include <arpa/inet.h>
#  include <cerrno>
#  include <fcntl.h>
#  include <netinet/in.h>
#  include <poll.h>
#  include <sys/socket.h>
#  include <unistd.h>
#endif

namespace {

constexpr int Timeout = 10000;
// A SYN dropped at a full queue is sent again after 1, 3, 7 and 15 s.
constexpr int RetransmitTimeout = 30000;

// Also keeps the listen queue and TCP_INFO readings the batches carry, and feeds a connections
// model the way the window will.
class KernelRecorder final : public BatchRecorder
{
    Q_DISABLE_COPY_MOVE(KernelRecorder)

public:
    explicit KernelRecorder(ListenerController *controller, ConnectionTableModel *model = nullptr)
        : BatchRecorder(controller)
        , m_model(model)
    {
    }

    void record(const UpdateBatch &batch) override
    {
        BatchRecorder::record(batch);
        if (batch.listenQueueChanged) {
            ++m_queueUpdates;
            m_queue = batch.listenQueue;
            m_maxQueueLength = std::max(m_maxQueueLength, m_queue.length);
        }
        for (auto it = batch.tcpInfo.cbegin(); it != batch.tcpInfo.cend(); ++it) {
            m_tcpInfo.insert(it.key(), it.value());
            ++m_readings[it.key()];
        }
        if (m_model) {
            m_model->applyUpdates(batch.connections);
            m_model->applyTcpInfo(batch.tcpInfo);
        }
    }

    const ListenQueueStats &queue() const { return m_queue; }
    int queueUpdates() const { return m_queueUpdates; }
    int maxQueueLength() const { return m_maxQueueLength; }
    const QHash<quint64, TcpInfo> &tcpInfo() const { return m_tcpInfo; }
    const QHash<quint64, int> &readings() const { return m_readings; }

private:
    ConnectionTableModel *m_model = nullptr;
    ListenQueueStats m_queue;
    int m_queueUpdates = 0;
    int m_maxQueueLength = 0;
    QHash<quint64, TcpInfo> m_tcpInfo;
    QHash<quint64, int> m_readings;
};

// The listening socket on this port as the system shows it to anyone: `ss -Hlnt` has the queue
// length (Recv-Q) and the backlog (Send-Q); /proc/net/tcp has the length only.
struct KernelQueue
{
    int length = -1;
    int backlog = -1; // -1 when the source does not show it
};

std::optional<KernelQueue> queueFromSs(quint16 port)
{
    const QString ss = QStandardPaths::findExecutable(QStringLiteral("ss"));
    if (ss.isEmpty())
        return std::nullopt;
    QProcess process;
    process.start(ss, {QStringLiteral("-Hlnt"), QStringLiteral("sport = :%1").arg(port)});
    if (!process.waitForFinished(Timeout) || process.exitCode() != 0)
        return std::nullopt;
    // "LISTEN 3 5 127.0.0.1:40123 0.0.0.0:*"
    const QList<QByteArray> fields = process.readAllStandardOutput().simplified().split(' ');
    if (fields.size() < 4 || fields.at(0) != "LISTEN")
        return std::nullopt;
    return KernelQueue{fields.at(1).toInt(), fields.at(2).toInt()};
}

std::optional<KernelQueue> queueFromProc(quint16 port)
{
    QFile file(QStringLiteral("/proc/net/tcp"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    // "0: 0100007F:9C5B 00000000:0000 0A 00000000:00000003 ...": state 0A is LISTEN, and for a
    // listening socket rx_queue is the accept queue's length.
    const QByteArray local =
        QByteArrayLiteral("0100007F:") + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 4 && fields.at(1) == local && fields.at(3) == "0A")
            return KernelQueue{int(fields.at(4).split(':').value(1).toUInt(nullptr, 16)), -1};
    }
    return std::nullopt;
}

// Checks the queue against every source the system has, ss and /proc/net/tcp; at least one.
#define COMPARE_WITH_SYSTEM(port, expectedLength, expectedBacklog)                                      \
    do {                                                                                                \
        const std::optional<KernelQueue> ss = queueFromSs(port);                                        \
        const std::optional<KernelQueue> proc = queueFromProc(port);                                    \
        QVERIFY2(ss || proc, "neither ss nor /proc/net/tcp shows the listening socket");                \
        if (ss) {                                                                                       \
            QCOMPARE(ss->length, (expectedLength));                                                     \
            QCOMPARE(ss->backlog, (expectedBacklog));                                                   \
        }                                                                                               \
        if (proc)                                                                                       \
            QCOMPARE(proc->length, (expectedLength));                                                   \
    } while (false)

#ifdef Q_OS_UNIX

// True once the client's handshake completed: writable with no pending error.
bool posixIsConnected(int fd)
{
    pollfd p = {fd, POLLOUT, 0};
    if (::poll(&p, 1, 0) != 1 || !(p.revents & POLLOUT))
        return false;
    sockaddr_in peer = {};
    socklen_t length = sizeof(peer);
    return ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &length) == 0;
}

QByteArray posixReadExactly(int fd, qsizetype count)
{
    QByteArray data;
    char buffer[4096];
    while (data.size() < count) {
        pollfd p = {fd, POLLIN, 0};
        if (::poll(&p, 1, Timeout) <= 0)
            break;
        const ssize_t n = ::read(fd, buffer, sizeof(buffer));
        if (n <= 0)
            break;
        data.append(buffer, n);
    }
    return data;
}

// Closes the descriptors when the test ends, whichever way it ends.
struct Clients
{
    ~Clients()
    {
        for (const int fd : fds)
            ::close(fd);
    }
    int count(bool (*predicate)(int)) const { return int(std::count_if(fds.cbegin(), fds.cend(), predicate)); }
    std::vector<int> fds;
};
#endif

TcpInfo sampleInfo()
{
    TcpInfo info;
    info.available = true;
    info.state = 1;
    info.rttUs = 12345;
    info.rttVarUs = 678;
    info.sndCwnd = 10;
    info.retransmits = 1;
    info.totalRetrans = 3;
    info.bytesAcked = 1536;
    info.bytesReceived = 2048;
    info.unacked = 2;
    info.lastDataSentMs = 850;
    info.lastDataRecvMs = 12400;
    return info;
}

} // namespace

class TestKernelView final : public QObject
{
    Q_OBJECT

private slots:
    void acceptQueueAgainstBacklog();
    void queueGoneWhenStopped();
    void tcpInfoOfOpenConnection();
    void onlyWatchedConnectionsAreRead();
    void netstatCounters();
    void stateNames();
    void inspectorShowsKernelFigures();
};

void TestKernelView::acceptQueueAgainstBacklog()
{
#ifdef Q_OS_LINUX
    ListenerController controller;
    KernelRecorder recorder(&controller);
    START_LISTENING(controller, recorder, 5);
    const quint16 port = recorder.status().port;
    QTRY_VERIFY_WITH_TIMEOUT(recorder.queue().available, Timeout);
    QCOMPARE(recorder.queue().backlog, 5);
    QCOMPARE(recorder.queue().length, 0);
    QVERIFY(recorder.queue().countersAvailable);

    controller.setPaused(true);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.status().paused, Timeout);

    // Three handshakes the kernel completes on its own; they wait for accept().
    Clients clients;
    for (int i = 0; i < 3; ++i) {
        clients.fds.push_back(posixConnect(port));
        QVERIFY(clients.fds.back() >= 0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(recorder.queue().length, 3, Timeout);
    COMPARE_WITH_SYSTEM(port, 3, 5);

    // Five more: the queue takes one more than the backlog (Linux counts "full" as > backlog),
    // then the kernel drops the SYNs and counts an overflow; those clients keep retrying.
    for (int i = 0; i < 5; ++i) {
        clients.fds.push_back(posixConnect(port, false));
        QVERIFY(clients.fds.back() >= 0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(recorder.queue().length, 6, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.queue().overflows > 0, Timeout);
    QVERIFY(recorder.queue().drops >= recorder.queue().overflows); // drops include the overflows
    QCOMPARE(recorder.queue().backlog, 5);
    COMPARE_WITH_SYSTEM(port, 6, 5);
    // What the clients see: six handshakes done, two still waiting for an answer.
    QTRY_COMPARE_WITH_TIMEOUT(clients.count(posixIsConnected), 6, Timeout);
    QCOMPARE(recorder.maxQueueLength(), 6);
    QCOMPARE(recorder.totals().accepted, quint64(0));

    // Resumed: the queue drains, and the dropped ones get in when their SYN comes again.
    controller.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.queue().length, 0, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().accepted, quint64(8), RetransmitTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(clients.count(posixIsConnected), 8, Timeout);
    for (const int fd : clients.fds)
        QVERIFY2(recorder.idOf(posixLocalPort(fd)) != 0, qPrintable(QString::number(posixLocalPort(fd))));
    QCOMPARE(recorder.maxQueueLength(), 6);
    COMPARE_WITH_SYSTEM(port, 0, 5);
#else
    QSKIP("The accept queue is read with TCP_INFO, on Linux only");
#endif
}

void TestKernelView::queueGoneWhenStopped()
{
    ListenerController controller;
    KernelRecorder recorder(&controller);
    START_LISTENING(controller, recorder, 7);
#ifdef Q_OS_LINUX
    QTRY_VERIFY_WITH_TIMEOUT(recorder.queue().available, Timeout);
    QCOMPARE(recorder.queue().backlog, 7);
    const int updates = recorder.queueUpdates();
    controller.stop(true);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.status().state, ListenerState::Stopped, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.queueUpdates() > updates, Timeout);
    QVERIFY(!recorder.queue().available);
    QVERIFY(!recorder.queue().countersAvailable);
#else
    // Elsewhere the figures never become available, so the window can say so.
    QVERIFY(!recorder.queue().available);
    QCOMPARE(recorder.queueUpdates(), 0);
#endif
}

void TestKernelView::tcpInfoOfOpenConnection()
{
#ifdef Q_OS_UNIX
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ListenerController controller;
    KernelRecorder recorder(&controller, &model);
    ServerBehaviour echo;
    echo.mode = ServerMode::Echo;
    controller.setBehaviour(echo);
    START_LISTENING(controller, recorder, 5);

    Clients clients;
    clients.fds.push_back(posixConnect(recorder.status().port));
    const int fd = clients.fds.back();
    QVERIFY(fd >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.idOf(posixLocalPort(fd)) != 0, Timeout);
    const quint64 id = recorder.idOf(posixLocalPort(fd));

    const QByteArray payload(3000, 'k');
    QCOMPARE(::write(fd, payload.constData(), size_t(payload.size())), ssize_t(payload.size()));
    QCOMPARE(posixReadExactly(fd, payload.size()), payload); // echoed: the server read it all
    controller.watchTcpInfo({id});

#  ifdef Q_OS_LINUX
    // The kernel counts payload bytes both ways; the echo is acknowledged once the client acks.
    QTRY_VERIFY_WITH_TIMEOUT(recorder.tcpInfo().contains(id), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.tcpInfo().value(id).bytesAcked, quint64(payload.size()), Timeout);
    const TcpInfo info = recorder.tcpInfo().value(id);
    QVERIFY(info.available);
    QCOMPARE(tcpStateName(info.state), QStringLiteral("ESTABLISHED"));
    QCOMPARE(info.bytesReceived, quint64(payload.size()));
    QVERIFY(info.rttUs > 0);
    QVERIFY(info.sndCwnd > 0);
    QCOMPARE(info.unacked, quint32(0));
    QVERIFY2(info.lastDataRecvMs < 5000, qPrintable(QString::number(info.lastDataRecvMs)));

    // The same figures reach the table.
    const int row = model.indexForId(id).row();
    QVERIFY(row >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(row, ConnectionTableModel::TcpStateColumn).data().toString(),
                              QStringLiteral("ESTABLISHED"), Timeout);
    QCOMPARE(model.index(row, ConnectionTableModel::KernelReceivedColumn)
                 .data(ConnectionTableModel::RawValueRole)
                 .toULongLong(),
             quint64(payload.size()));
    QVERIFY(model.index(row, ConnectionTableModel::RttColumn).data().toString().endsWith(QStringLiteral(" ms")));

    // More bytes: the next round, about a second later, has them.
    QCOMPARE(::write(fd, "more", 4), ssize_t(4));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.tcpInfo().value(id).bytesReceived, quint64(payload.size() + 4), Timeout);

    // Closed by the peer: no more readings, and the row's kernel cells empty.
    ::shutdown(fd, SHUT_WR);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.connections().value(id).isFinished(), Timeout);
    QVERIFY(!model.index(row, ConnectionTableModel::TcpStateColumn).data().isValid());
#  else
    QTRY_VERIFY_WITH_TIMEOUT(recorder.tcpInfo().contains(id), Timeout);
    QVERIFY(!recorder.tcpInfo().value(id).available);
#  endif
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestKernelView::onlyWatchedConnectionsAreRead()
{
#ifdef Q_OS_LINUX
    ListenerController controller;
    KernelRecorder recorder(&controller);
    START_LISTENING(controller, recorder, 5);
    Clients clients;
    for (int i = 0; i < 3; ++i)
        clients.fds.push_back(posixConnect(recorder.status().port));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.connections().size(), qsizetype(3), Timeout);
    const quint64 watched = recorder.idOf(posixLocalPort(clients.fds.at(1)));
    QVERIFY(watched != 0);

    controller.watchTcpInfo({watched});
    // Read at once, then again each round; the others never.
    QTRY_VERIFY_WITH_TIMEOUT(recorder.readings().value(watched) >= 3, Timeout);
    QCOMPARE(recorder.readings().size(), qsizetype(1));

    // A new list replaces the old one; an id that is not (or no longer) a connection is skipped.
    const quint64 other = recorder.idOf(posixLocalPort(clients.fds.at(2)));
    controller.watchTcpInfo({other, 9999});
    QTRY_VERIFY_WITH_TIMEOUT(recorder.readings().value(other) >= 2, Timeout);
    QVERIFY(!recorder.readings().contains(9999));
    QCOMPARE(recorder.readings().size(), qsizetype(2));
#else
    QSKIP("TCP_INFO is Linux only");
#endif
}

void TestKernelView::netstatCounters()
{
    const QByteArray netstat = "TcpExt: SyncookiesSent ListenOverflows ListenDrops TCPHPHits\n"
                               "TcpExt: 4 17 21 99\n"
                               "IpExt: InNoRoutes ListenOverflows\n"
                               "IpExt: 0 5\n";
    const std::optional<ListenCounters> counters = ListenQueue::parseCounters(netstat);
    QVERIFY(counters.has_value());
    QCOMPARE(counters->overflows, quint64(17));
    QCOMPARE(counters->drops, quint64(21));
    QVERIFY(!ListenQueue::parseCounters("TcpExt: ListenOverflows\nTcpExt: 3\n").has_value());
    QVERIFY(!ListenQueue::parseCounters("TcpExt: ListenOverflows ListenDrops\nTcpExt: 1\n").has_value());
    QVERIFY(!ListenQueue::parseCounters({}).has_value());
#ifdef Q_OS_LINUX
    QVERIFY(ListenQueue::readCounters().has_value());
#endif
}

void TestKernelView::stateNames()
{
    QCOMPARE(tcpStateName(1), QStringLiteral("ESTABLISHED"));
    QCOMPARE(tcpStateName(7), QStringLiteral("CLOSE"));
    QCOMPARE(tcpStateName(8), QStringLiteral("CLOSE_WAIT"));
    QCOMPARE(tcpStateName(10), QStringLiteral("LISTEN"));
    QCOMPARE(tcpStateName(11), QStringLiteral("CLOSING"));
    QVERIFY(tcpStateName(0).contains(QStringLiteral("0")));
    QVERIFY(tcpStateName(200).contains(QStringLiteral("200")));
#ifdef Q_OS_LINUX
    QVERIFY(tcpInfoSupported());
#else
    QVERIFY(!tcpInfoSupported());
    QVERIFY(!readTcpInfo(0).available);
#endif
}

void TestKernelView::inspectorShowsKernelFigures()
{
    ConnectionInspector inspector;
    const auto label = [&inspector](const char *name) {
        auto *found = inspector.findChild<QLabel *>(QLatin1String(name));
        return found ? found->text() : QStringLiteral("(missing)");
    };
    const auto note = [&inspector] { return inspector.findChild<QLabel *>(QStringLiteral("kernelNote")); };
    for (const char *name : {"kernelNote", "kernelStateValue", "kernelRttValue", "kernelWindowValue",
                             "kernelRetransmitsValue", "kernelBytesValue", "kernelLastDataValue"})
        QCOMPARE(inspector.findChild<QLabel *>(QLatin1String(name))->textFormat(), Qt::PlainText);

    ConnectionInfo info;
    info.id = 4;
    info.peerAddress = QHostAddress(QHostAddress::LocalHost);
    info.peerPort = 40004;
    inspector.showConnection(&info);
    if (!tcpInfoSupported()) {
        QCOMPARE(note()->text(), QStringLiteral("Not available on this platform"));
        return;
    }
    QCOMPARE(note()->text(), QStringLiteral("Waiting for the kernel's figures…"));
    QCOMPARE(label("kernelStateValue"), QStringLiteral("—"));

    // Readings for other connections leave it alone; its own fill every field.
    inspector.applyTcpInfo({{7, sampleInfo()}});
    QCOMPARE(label("kernelStateValue"), QStringLiteral("—"));
    inspector.applyTcpInfo({{4, sampleInfo()}});
    QVERIFY(note()->isHidden());
    QCOMPARE(label("kernelStateValue"), QStringLiteral("ESTABLISHED"));
    QCOMPARE(label("kernelRttValue"), QStringLiteral("12.3 ms, varies by 0.7 ms"));
    QCOMPARE(label("kernelWindowValue"), QStringLiteral("cwnd 10 segments, 2 unacknowledged"));
    QCOMPARE(label("kernelRetransmitsValue"), QStringLiteral("3 in all, 1 timeout(s) in a row now"));
    QCOMPARE(label("kernelBytesValue"), QStringLiteral("1.50 KiB acknowledged by the peer, 2.00 KiB received"));
    // Nothing went either way yet: the kernel's "since the last data" is not shown as a send.
    QCOMPARE(label("kernelLastDataValue"), QStringLiteral("nothing sent yet, nothing received yet"));
    info.bytesSent = 5;
    info.bytesReceived = 7;
    inspector.updateConnection(info);
    inspector.applyTcpInfo({{4, sampleInfo()}});
    QCOMPARE(label("kernelLastDataValue"), QStringLiteral("sent 850 ms ago, received 12.4 s ago"));

    // Once the connection ended, the last figures stay, marked as such.
    info.state = ConnectionState::PeerClosed;
    info.closedAtMs = 1;
    inspector.updateConnection(info);
    QCOMPARE(note()->text(), QStringLiteral("As last read while the connection was open"));
    QCOMPARE(label("kernelStateValue"), QStringLiteral("ESTABLISHED"));

    // Another connection starts empty; a reading the kernel could not give says so.
    ConnectionInfo next = info;
    next.id = 5;
    next.state = ConnectionState::Open;
    next.closedAtMs = 0;
    inspector.showConnection(&next);
    QCOMPARE(label("kernelStateValue"), QStringLiteral("—"));
    inspector.updateTcpInfo(TcpInfo());
    QCOMPARE(note()->text(), QStringLiteral("Not available on this platform"));
    QCOMPARE(label("kernelRttValue"), QStringLiteral("—"));
}

QTEST_MAIN(TestKernelView)
#include "tst_kernelview.moc"
