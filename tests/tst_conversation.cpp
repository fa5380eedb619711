// Conversations end to end over loopback: server modes, sending, the three ways to close,
// pausing, the connection limit and the transcript, checked from the peer's side and from the
// batches the network thread sends, through ListenerController as the window drives it.
#include "listenercontroller.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

#include "batchrecorder.h"
#include "posixclient.h"

#include <algorithm>
#include <atomic>
#include <thread>

#ifdef Q_OS_UNIX
#  include <arpa/inet.h>
#  include <cerrno>
#  include <netinet/in.h>
#  include <poll.h>
#  include <sys/socket.h>
#  include <unistd.h>
#endif

namespace {

constexpr int Timeout = 10000;
using Direction = TranscriptChunk::Direction;

// Also folds the transcript of the inspected connection, as ConnectionInspector does: a reset
// replaces what is held; a chunk whose sequence is the held last one's replaces it, any other is
// appended; then what is held is cut to the capacity.
class TranscriptRecorder final : public BatchRecorder
{
    Q_DISABLE_COPY_MOVE(TranscriptRecorder)

public:
    explicit TranscriptRecorder(ListenerController *controller)
        : BatchRecorder(controller)
    {
    }

    void record(const UpdateBatch &batch) override
    {
        BatchRecorder::record(batch);
        if (batch.transcript)
            fold(*batch.transcript);
    }

    qsizetype transcriptSize() const
    {
        qsizetype size = 0;
        for (const TranscriptChunk &chunk : m_chunks)
            size += chunk.data.size();
        return size;
    }

    QByteArray transcriptBytes(Direction direction) const
    {
        QByteArray bytes;
        for (const TranscriptChunk &chunk : m_chunks) {
            if (chunk.direction == direction)
                bytes.append(chunk.data);
        }
        return bytes;
    }

    int transcriptUpdates() const { return m_transcriptUpdates; }
    int transcriptResets() const { return m_transcriptResets; }
    quint64 transcriptId() const { return m_transcriptId; }
    bool available() const { return m_available; }
    const QList<TranscriptChunk> &chunks() const { return m_chunks; }
    quint64 droppedBytes() const { return m_droppedBytes; }
    qsizetype capacity() const { return m_capacity; }

private:
    void fold(const TranscriptUpdate &update)
    {
        ++m_transcriptUpdates;
        if (update.reset) {
            ++m_transcriptResets;
            m_chunks.clear();
            m_transcriptId = update.connectionId;
        }
        m_available = update.available;
        for (const TranscriptChunk &chunk : update.chunks) {
            if (!m_chunks.isEmpty() && m_chunks.constLast().sequence == chunk.sequence)
                m_chunks.last() = chunk;
            else
                m_chunks.append(chunk);
        }
        qsizetype excess = transcriptSize() - update.capacity;
        while (excess > 0 && !m_chunks.isEmpty()) {
            TranscriptChunk &front = m_chunks.first();
            if (front.data.size() > excess) {
                front.data.remove(0, excess);
                break;
            }
            excess -= front.data.size();
            m_chunks.removeFirst();
        }
        m_droppedBytes = update.droppedBytes;
        m_capacity = update.capacity;
    }

    int m_transcriptUpdates = 0;
    int m_transcriptResets = 0;
    quint64 m_transcriptId = 0;
    bool m_available = false;
    QList<TranscriptChunk> m_chunks;
    quint64 m_droppedBytes = 0;
    qsizetype m_capacity = 0;
};

// Everything a QTcpSocket client has received so far.
class ClientReader final : public QObject
{
public:
    explicit ClientReader(QTcpSocket *socket)
        : m_socket(socket)
    {
        connect(socket, &QTcpSocket::readyRead, this, [this] { received.append(m_socket->readAll()); });
    }

    QByteArray received;

private:
    QTcpSocket *m_socket;
};

// 4-byte little-endian counters: word k is k, so every window of the stream is unique and an
// offset into it can be checked.
QByteArray counterStream(qint64 from, qint64 length)
{
    Q_ASSERT(from % 4 == 0 && length % 4 == 0);
    QByteArray bytes(length, Qt::Uninitialized);
    char *out = bytes.data();
    for (qint64 word = from / 4; word < (from + length) / 4; ++word) {
        const auto value = static_cast<quint32>(word);
        *out++ = static_cast<char>(value & 0xff);
        *out++ = static_cast<char>((value >> 8) & 0xff);
        *out++ = static_cast<char>((value >> 16) & 0xff);
        *out++ = static_cast<char>((value >> 24) & 0xff);
    }
    return bytes;
}

#ifdef Q_OS_UNIX

bool posixSendAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(fd, data.constData() + done, size_t(data.size() - done), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

// Reads until at least `count` bytes arrived, the stream ended or nothing came for the timeout.
QByteArray posixReadAtLeast(int fd, qsizetype count)
{
    QByteArray data;
    char buffer[4096];
    while (data.size() < count) {
        pollfd p = {fd, POLLIN, 0};
        if (::poll(&p, 1, Timeout) <= 0)
            break;
        const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
        if (n <= 0)
            break;
        data.append(buffer, n);
    }
    return data;
}

// Reads until the server's side ends, keeping the bytes: 0 for EOF, an errno for a failure,
// -1 on timeout.
int posixReadToEnd(int fd, QByteArray *data = nullptr)
{
    char buffer[4096];
    for (;;) {
        pollfd p = {fd, POLLIN, 0};
        if (::poll(&p, 1, Timeout) <= 0)
            return -1;
        const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
        if (n == 0)
            return 0;
        if (n < 0)
            return errno;
        if (data)
            data->append(buffer, n);
    }
}

// Closes the descriptor when the test leaves, whichever way.
struct Fd
{
    explicit Fd(int descriptor)
        : fd(descriptor)
    {
    }
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    void close()
    {
        ::close(fd);
        fd = -1;
    }
    int fd;
};
#endif

ServerBehaviour behaviourWith(ServerMode mode)
{
    ServerBehaviour behaviour;
    behaviour.mode = mode;
    return behaviour;
}

} // namespace

class TestConversation final : public QObject
{
    Q_OBJECT

private slots:
    void transcriptRecordsBothDirections();
    void sendToOneAndToAll();
    void holdSendsNothing();
    void echoMode();
    void discardMode();
    void greetingMode();
    void rulesAnswerMarkedAndCounted();
    void acceptAndCloseMode();
    void closeGraceful();
    void halfClose();
    void resetFromServer();
    void pauseAndResume();
    void maxConnections();
    void floodIsBounded();
    void inspectClosedConnection();
};

// Declares a POSIX client of the listener, its own port and the id of its connection, once the
// batches report it.
#define ACCEPT_POSIX_CLIENT(recorder, client, clientPort, id)                                                \
    Fd client(posixConnect(recorder.status().port));                                                         \
    QVERIFY(client.fd >= 0);                                                                                 \
    const quint16 clientPort = posixLocalPort(client.fd);                                                    \
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(clientPort).has_value(), Timeout);                          \
    const quint64 id = recorder.idOf(clientPort)

// Connects a QTcpSocket client to the listener and declares the id of its connection, once the
// batches report it.
#define ACCEPT_QT_CLIENT(recorder, client, id)                                                               \
    client.connectToHost(QHostAddress::LocalHost, recorder.status().port);                                   \
    QVERIFY(client.waitForConnected(Timeout));                                                               \
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(client.localPort()).has_value(), Timeout);                  \
    const quint64 id = recorder.idOf(client.localPort())

void TestConversation::transcriptRecordsBothDirections()
{
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    START_LISTENING(controller, recorder, 5);

    QTcpSocket client;
    ClientReader reader(&client);
    ACCEPT_QT_CLIENT(recorder, client, id);
    controller.inspect(id);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.transcriptId(), id, Timeout);
    QVERIFY(recorder.available());
    QVERIFY(recorder.chunks().isEmpty());

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    client.write(QByteArrayLiteral("hello\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesReceived, quint64(7), Timeout);
    controller.send({id}, QByteArrayLiteral("hi"));
    QTRY_COMPARE_WITH_TIMEOUT(reader.received, QByteArrayLiteral("hi"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesSent, quint64(2), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.chunks().size(), qsizetype(2), Timeout);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();

    const TranscriptChunk received = recorder.chunks().at(0);
    const TranscriptChunk sent = recorder.chunks().at(1);
    QCOMPARE(received.direction, Direction::Received);
    QCOMPARE(received.data, QByteArrayLiteral("hello\r\n"));
    QCOMPARE(sent.direction, Direction::Sent);
    QCOMPARE(sent.data, QByteArrayLiteral("hi"));
    QVERIFY(received.sequence < sent.sequence);
    QVERIFY(received.timestampMs >= before);
    QVERIFY(received.timestampMs <= sent.timestampMs);
    QVERIFY(sent.timestampMs <= after);
    QCOMPARE(recorder.droppedBytes(), quint64(0));

    const ConnectionInfo info = recorder.info(id);
    QCOMPARE(info.bytesReceived, quint64(7));
    QCOMPARE(info.bytesSent, quint64(2));
    QVERIFY(info.recording);
    QCOMPARE(recorder.totals().bytesReceived, quint64(7));
    QCOMPARE(recorder.totals().bytesSent, quint64(2));
    QCOMPARE(reader.received, QByteArrayLiteral("hi"));
}

void TestConversation::sendToOneAndToAll()
{
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    START_LISTENING(controller, recorder, 5);

    QTcpSocket clients[3];
    std::unique_ptr<ClientReader> readers[3];
    quint64 ids[3] = {};
    for (int i = 0; i < 3; ++i) {
        readers[i] = std::make_unique<ClientReader>(&clients[i]);
        clients[i].connectToHost(QHostAddress::LocalHost, recorder.status().port);
        QVERIFY(clients[i].waitForConnected(Timeout));
    }
    for (int i = 0; i < 3; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(clients[i].localPort()).has_value(), Timeout);
        ids[i] = recorder.idOf(clients[i].localPort());
    }

    controller.send({ids[1]}, QByteArrayLiteral("to one"));
    QTRY_COMPARE_WITH_TIMEOUT(readers[1]->received, QByteArrayLiteral("to one"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(ids[1]).bytesSent, quint64(6), Timeout);
    QVERIFY(recorder.logHas(QStringLiteral("Sent 6 byte(s) to 1 connection(s)")));

    // To all: the others' first bytes are these, so they got nothing before.
    controller.send({}, QByteArrayLiteral("to all\n"));
    QTRY_COMPARE_WITH_TIMEOUT(readers[0]->received, QByteArrayLiteral("to all\n"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(readers[1]->received, QByteArrayLiteral("to oneto all\n"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(readers[2]->received, QByteArrayLiteral("to all\n"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().bytesSent, quint64(6 + 3 * 7), Timeout);
    QCOMPARE(recorder.info(ids[0]).bytesSent, quint64(7));
    QCOMPARE(recorder.info(ids[1]).bytesSent, quint64(13));
    QCOMPARE(recorder.info(ids[2]).bytesSent, quint64(7));
    QVERIFY(recorder.logHas(QStringLiteral("Sent 7 byte(s) to 3 connection(s)")));
}

void TestConversation::holdSendsNothing()
{
#ifdef Q_OS_UNIX
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    controller.setBehaviour(behaviourWith(ServerMode::Hold));
    START_LISTENING(controller, recorder, 5);

    ACCEPT_POSIX_CLIENT(recorder, client, port, id);

    QVERIFY(posixSendAll(client.fd, QByteArrayLiteral("anyone there?\n")));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesReceived, quint64(14), Timeout);
    controller.send({id}, QByteArrayLiteral("M"));
    // Anything sent back before the marker would come first.
    QCOMPARE(posixReadAtLeast(client.fd, 1), QByteArrayLiteral("M"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesSent, quint64(1), Timeout);
    QCOMPARE(recorder.info(id).state, ConnectionState::Open);
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestConversation::echoMode()
{
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    controller.setBehaviour(behaviourWith(ServerMode::Echo));
    START_LISTENING(controller, recorder, 5);

    constexpr qint64 Size = 100 * 1024;
    const QByteArray payload = counterStream(0, Size);
    QTcpSocket client;
    ClientReader reader(&client);
    ACCEPT_QT_CLIENT(recorder, client, id);
    client.write(payload);
    QTRY_COMPARE_WITH_TIMEOUT(reader.received.size(), qsizetype(Size), Timeout);
    QVERIFY(reader.received == payload);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesSent, quint64(Size), Timeout);
    QCOMPARE(recorder.info(id).bytesReceived, quint64(Size));

    // A connection accepted in Hold starts echoing when the mode changes.
    controller.setBehaviour(behaviourWith(ServerMode::Hold));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.logHas(QStringLiteral("Server mode: Hold")), Timeout);
    QTcpSocket held;
    ClientReader heldReader(&held);
    ACCEPT_QT_CLIENT(recorder, held, heldId);
    held.write(QByteArrayLiteral("kept"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(heldId).bytesReceived, quint64(4), Timeout);
    QCOMPARE(recorder.info(heldId).bytesSent, quint64(0));

    // The first switch to Echo, before listening, logged the line once already.
    QCOMPARE(recorder.log().count(QStringLiteral("Server mode: Echo")), qsizetype(1));
    controller.setBehaviour(behaviourWith(ServerMode::Echo));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.log().count(QStringLiteral("Server mode: Echo")), qsizetype(2), Timeout);
    held.write(QByteArrayLiteral("echoed"));
    // Only what came after the switch comes back.
    QTRY_COMPARE_WITH_TIMEOUT(heldReader.received, QByteArrayLiteral("echoed"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(heldId).bytesSent, quint64(6), Timeout);
    QCOMPARE(recorder.info(heldId).bytesReceived, quint64(10));
    // The first client still echoes too.
    client.write(QByteArrayLiteral("again"));
    QTRY_COMPARE_WITH_TIMEOUT(reader.received.size(), qsizetype(Size + 5), Timeout);
    QVERIFY(reader.received.endsWith(QByteArrayLiteral("again")));
}

void TestConversation::discardMode()
{
#ifdef Q_OS_UNIX
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    controller.setBehaviour(behaviourWith(ServerMode::Discard));
    START_LISTENING(controller, recorder, 5);

    ACCEPT_POSIX_CLIENT(recorder, client, port, id);
    QVERIFY(!recorder.info(id).recording);
    controller.inspect(id);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.transcriptId(), id, Timeout);

    const QByteArray payload = counterStream(0, 4000);
    QVERIFY(posixSendAll(client.fd, payload));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesReceived, quint64(payload.size()), Timeout);
    QCOMPARE(recorder.totals().bytesReceived, quint64(payload.size()));

    // Sending still works in Discard; the marker is the first thing the client gets.
    controller.send({id}, QByteArrayLiteral("M"));
    QCOMPARE(posixReadAtLeast(client.fd, 1), QByteArrayLiteral("M"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesSent, quint64(1), Timeout);
    // Nothing was recorded either way.
    QVERIFY(recorder.available());
    QVERIFY(recorder.chunks().isEmpty());
    QCOMPARE(recorder.droppedBytes(), quint64(0));
    QVERIFY(!recorder.info(id).recording);
    // Inspected afresh: still nothing.
    const int resets = recorder.transcriptResets();
    controller.inspect(id);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.transcriptResets(), resets + 1, Timeout);
    QVERIFY(recorder.chunks().isEmpty());
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestConversation::greetingMode()
{
#ifdef Q_OS_UNIX
    const QByteArray greeting = QByteArrayLiteral("220 ready\r\n");
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    ServerBehaviour behaviour = behaviourWith(ServerMode::Greeting);
    behaviour.greeting = greeting;
    controller.setBehaviour(behaviour);
    START_LISTENING(controller, recorder, 5);

    for (int i = 0; i < 2; ++i) {
        Fd client(posixConnect(recorder.status().port));
        QVERIFY(client.fd >= 0);
        const quint16 port = posixLocalPort(client.fd);
        QCOMPARE(posixReadAtLeast(client.fd, greeting.size()), greeting);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(port).has_value(), Timeout);
        const quint64 id = recorder.idOf(port);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesSent, quint64(greeting.size()), Timeout);
        // Then held: what the client says is recorded, nothing comes back but the marker.
        QVERIFY(posixSendAll(client.fd, QByteArrayLiteral("EHLO\r\n")));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesReceived, quint64(6), Timeout);
        controller.send({id}, QByteArrayLiteral("M"));
        QCOMPARE(posixReadAtLeast(client.fd, 1), QByteArrayLiteral("M"));
        QCOMPARE(recorder.info(id).state, ConnectionState::Open);
    }
    QCOMPARE(recorder.totals().accepted, quint64(2));
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestConversation::rulesAnswerMarkedAndCounted()
{
#ifdef Q_OS_UNIX
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    ServerBehaviour behaviour = behaviourWith(ServerMode::Hold);
    ResponseRule ping;
    ping.pattern = QStringLiteral("PING");
    ping.reply = QStringLiteral("PONG\\r\\n");
    ResponseRule off = ping; // would win, but is switched off
    off.enabled = false;
    off.reply = QStringLiteral("never");
    ResponseRule quit;
    quit.match = ResponseRule::Match::StartsWith;
    quit.pattern = QStringLiteral("QUIT");
    quit.reply = QStringLiteral("bye");
    quit.then = ResponseRule::Then::Close;
    behaviour.rules = {off, ping, quit};
    controller.setBehaviour(behaviour);
    START_LISTENING(controller, recorder, 5);

    Fd client(posixConnect(recorder.status().port));
    QVERIFY(client.fd >= 0);
    const quint16 port = posixLocalPort(client.fd);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(port).has_value(), Timeout);
    const quint64 id = recorder.idOf(port);
    controller.inspect(id);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.transcriptId(), id, Timeout);

    QVERIFY(posixSendAll(client.fd, QByteArrayLiteral("PING")));
    QCOMPARE(posixReadAtLeast(client.fd, 6), QByteArrayLiteral("PONG\r\n"));
    QVERIFY(posixSendAll(client.fd, QByteArrayLiteral("PING")));
    QCOMPARE(posixReadAtLeast(client.fd, 6), QByteArrayLiteral("PONG\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().ruleMatches, (QList<quint64>{0, 2, 0}), Timeout);

    // The replies are marked with the rule that sent them; what the client sent is not.
    QTRY_COMPARE_WITH_TIMEOUT(recorder.chunks().size(), qsizetype(4), Timeout);
    for (const TranscriptChunk &chunk : recorder.chunks())
        QCOMPARE(chunk.rule, chunk.direction == Direction::Sent ? 2 : 0);

    // QUIT answers and closes: the client reads the reply, then EOF.
    QVERIFY(posixSendAll(client.fd, QByteArrayLiteral("QUIT now")));
    QByteArray rest;
    QCOMPARE(posixReadToEnd(client.fd, &rest), 0);
    QCOMPARE(rest, QByteArrayLiteral("bye"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().ruleMatches, (QList<quint64>{0, 2, 1}), Timeout);

    // New rules start the counts again.
    behaviour.rules = {quit};
    controller.setBehaviour(behaviour);
    Fd second(posixConnect(recorder.status().port));
    QVERIFY(second.fd >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().ruleMatches, (QList<quint64>{0}), Timeout);
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestConversation::acceptAndCloseMode()
{
#ifdef Q_OS_UNIX
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    controller.setBehaviour(behaviourWith(ServerMode::AcceptAndClose));
    START_LISTENING(controller, recorder, 5);

    Fd client(posixConnect(recorder.status().port));
    QVERIFY(client.fd >= 0);
    const quint16 port = posixLocalPort(client.fd);
    QByteArray data;
    QCOMPARE(posixReadToEnd(client.fd, &data), 0); // EOF, not a reset
    QVERIFY(data.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(recorder.byPeerPort(port).value_or(ConnectionInfo()).state, ConnectionState::Closed,
                              Timeout);
    QVERIFY(recorder.logHas(QStringLiteral("Connection from 127.0.0.1:%1").arg(port)));
    QVERIFY(recorder.logContains(QStringLiteral("closed by the server")));
    QCOMPARE(recorder.totals().accepted, quint64(1));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().open, 0, Timeout);
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestConversation::closeGraceful()
{
#ifdef Q_OS_UNIX
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    START_LISTENING(controller, recorder, 5);

    ACCEPT_POSIX_CLIENT(recorder, client, port, id);

    controller.send({id}, QByteArrayLiteral("bye"));
    controller.closeConnections({id}, CloseMode::Graceful);
    QByteArray data;
    QCOMPARE(posixReadToEnd(client.fd, &data), 0);
    QCOMPARE(data, QByteArrayLiteral("bye"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).state, ConnectionState::Closed, Timeout);
    QCOMPARE(recorder.info(id).bytesSent, quint64(3));
    QVERIFY(recorder.info(id).closedAtMs >= recorder.info(id).acceptedAtMs);
    QVERIFY(recorder.logHas(QStringLiteral("Connection #%1 from 127.0.0.1:%2 closed by the server").arg(id).arg(port)));
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestConversation::halfClose()
{
#ifdef Q_OS_UNIX
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    START_LISTENING(controller, recorder, 5);

    ACCEPT_POSIX_CLIENT(recorder, client, port, id);
    controller.inspect(id);

    controller.send({id}, QByteArrayLiteral("last words"));
    controller.closeConnections({id}, CloseMode::HalfClose);
    QByteArray data;
    QCOMPARE(posixReadToEnd(client.fd, &data), 0);
    QCOMPARE(data, QByteArrayLiteral("last words"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).state, ConnectionState::HalfClosed, Timeout);

    // The other direction still works.
    QVERIFY(posixSendAll(client.fd, QByteArrayLiteral("late")));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesReceived, quint64(4), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.transcriptBytes(Direction::Received), QByteArrayLiteral("late"), Timeout);
    QCOMPARE(recorder.transcriptBytes(Direction::Sent), QByteArrayLiteral("last words"));
    QCOMPARE(recorder.chunks().constLast().direction, Direction::Received);
    QCOMPARE(recorder.info(id).state, ConnectionState::HalfClosed);
    // The half-close is in the log.
    QVERIFY2(recorder.logHas(QStringLiteral("Connection #%1 from 127.0.0.1:%2 half-closed by the server: the peer "
                                            "reads EOF and can still send")
                                 .arg(id)
                                 .arg(port)),
             qPrintable(recorder.log().join(u'\n')));
    // The server can no longer send, and the log says why.
    controller.send({id}, QByteArrayLiteral("no"));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.logHas(QStringLiteral("Sent 2 byte(s) to 0 connection(s)")), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.logContains(QStringLiteral("Not sent to 1 connection(s): the server has shut its "
                                                                 "sending side")),
                             Timeout);
    QCOMPARE(recorder.info(id).bytesSent, quint64(10));

    // The peer closes its side last: the log says the server half-closed first.
    client.close();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).state, ConnectionState::Closed, Timeout);
    QCOMPARE(recorder.info(id).bytesReceived, quint64(4));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.logHas(QStringLiteral("Connection #%1 from 127.0.0.1:%2 closed: the server "
                                                            "half-closed it first, then the peer closed its side")
                                                 .arg(id)
                                                 .arg(port)),
                             Timeout);
    QVERIFY(!recorder.logHas(QStringLiteral("Connection #%1 from 127.0.0.1:%2 closed by the server").arg(id).arg(port)));
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestConversation::resetFromServer()
{
#ifdef Q_OS_UNIX
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    START_LISTENING(controller, recorder, 5);

    ACCEPT_POSIX_CLIENT(recorder, client, port, id);

    controller.closeConnections({id}, CloseMode::Reset);
    QCOMPARE(posixReadToEnd(client.fd), ECONNRESET);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).state, ConnectionState::Aborted, Timeout);
    QVERIFY(recorder.logHas(QStringLiteral("Connection #%1 from 127.0.0.1:%2 reset by the server (RST)").arg(id).arg(port)));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().open, 0, Timeout);
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestConversation::pauseAndResume()
{
#ifdef Q_OS_UNIX
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    START_LISTENING(controller, recorder, 10);

    // One connection accepted before the pause, to prove the network thread keeps working.
    ACCEPT_POSIX_CLIENT(recorder, early, earlyPort, earlyId);

    controller.setPaused(true);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.status().paused, Timeout);
    QCOMPARE(recorder.status().state, ListenerState::Listening);
    QVERIFY(recorder.logContains(QStringLiteral("Accepting paused")));

    // The kernel completes the handshakes: connect() succeeds and the connections wait in its queue.
    Fd waiting[3] = {Fd(posixConnect(recorder.status().port)), Fd(posixConnect(recorder.status().port)),
                     Fd(posixConnect(recorder.status().port))};
    quint16 ports[3] = {};
    for (int i = 0; i < 3; ++i) {
        QVERIFY(waiting[i].fd >= 0);
        ports[i] = posixLocalPort(waiting[i].fd);
        QVERIFY(posixSendAll(waiting[i].fd, QByteArrayLiteral("queued")));
    }

    // A round trip through the network thread: once it is done, an accept would have shown.
    controller.send({earlyId}, QByteArrayLiteral("ping"));
    QCOMPARE(posixReadAtLeast(early.fd, 4), QByteArrayLiteral("ping"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(earlyId).bytesSent, quint64(4), Timeout);
    QCOMPARE(recorder.connections().size(), qsizetype(1));
    QCOMPARE(recorder.totals().accepted, quint64(1));
    QCOMPARE(recorder.totals().open, 1);
    for (const quint16 port : ports)
        QVERIFY(!recorder.byPeerPort(port).has_value());

    controller.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.connections().size(), qsizetype(4), Timeout);
    QVERIFY(!recorder.status().paused);
    QVERIFY(recorder.logHas(QStringLiteral("Accepting resumed")));
    for (const quint16 port : ports) {
        QVERIFY2(recorder.byPeerPort(port).has_value(), qPrintable(QString::number(port)));
        QVERIFY(recorder.logHas(QStringLiteral("Connection from 127.0.0.1:%1").arg(port)));
        // What they sent while queued is read once accepted.
        QTRY_COMPARE_WITH_TIMEOUT(recorder.byPeerPort(port)->bytesReceived, quint64(6), Timeout);
    }
    QCOMPARE(recorder.totals().accepted, quint64(4));
    // And they are served: each gets what is sent to all.
    controller.send({}, QByteArrayLiteral("all"));
    for (const Fd &fd : waiting)
        QCOMPARE(posixReadAtLeast(fd.fd, 3), QByteArrayLiteral("all"));
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestConversation::maxConnections()
{
#ifdef Q_OS_UNIX
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    ServerBehaviour behaviour;
    behaviour.maxConnections = 2;
    controller.setBehaviour(behaviour);
    START_LISTENING(controller, recorder, 5);

    Fd first(posixConnect(recorder.status().port));
    Fd second(posixConnect(recorder.status().port));
    QVERIFY(first.fd >= 0);
    QVERIFY(second.fd >= 0);
    const quint16 firstPort = posixLocalPort(first.fd);
    const quint16 secondPort = posixLocalPort(second.fd);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.byPeerPort(firstPort) && recorder.byPeerPort(secondPort), Timeout);

    Fd third(posixConnect(recorder.status().port));
    QVERIFY(third.fd >= 0);
    const quint16 thirdPort = posixLocalPort(third.fd);
    QByteArray data;
    QCOMPARE(posixReadToEnd(third.fd, &data), 0);
    QVERIFY(data.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().refused, quint64(1), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.logContains(QStringLiteral("Refused 127.0.0.1:%1").arg(thirdPort)), Timeout);
    QVERIFY(!recorder.byPeerPort(thirdPort).has_value());
    QCOMPARE(recorder.totals().accepted, quint64(2));
    QCOMPARE(recorder.totals().open, 2);

    // The first two are still served.
    controller.send({}, QByteArrayLiteral("M"));
    QCOMPARE(posixReadAtLeast(first.fd, 1), QByteArrayLiteral("M"));
    QCOMPARE(posixReadAtLeast(second.fd, 1), QByteArrayLiteral("M"));
    QCOMPARE(recorder.info(recorder.idOf(firstPort)).state, ConnectionState::Open);
    QCOMPARE(recorder.info(recorder.idOf(secondPort)).state, ConnectionState::Open);
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestConversation::floodIsBounded()
{
#ifdef Q_OS_UNIX
    constexpr qint64 Total = 100 * 1024 * 1024;
    constexpr qint64 Capacity = 64 * 1024;
    constexpr qint64 Block = 1024 * 1024;
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    ServerBehaviour behaviour;
    behaviour.transcriptCapacity = Capacity;
    controller.setBehaviour(behaviour);
    START_LISTENING(controller, recorder, 5);

    ACCEPT_POSIX_CLIENT(recorder, client, port, id);
    controller.inspect(id);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.transcriptId(), id, Timeout);

    // A blocking sender on its own thread, so this one keeps folding batches meanwhile.
    std::atomic<qint64> sent{0};
    std::thread sender([fd = client.fd, &sent] {
        for (qint64 at = 0; at < Total; at += Block) {
            if (!posixSendAll(fd, counterStream(at, Block)))
                return;
            sent += Block;
        }
    });
    struct Joiner
    {
        std::thread &thread;
        int fd;
        ~Joiner()
        {
            ::shutdown(fd, SHUT_RDWR); // unblocks the sender if the test gave up early
            thread.join();
        }
    } joiner{sender, client.fd};

    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).bytesReceived, quint64(Total), 4 * Timeout);
    QCOMPARE(sent.load(), Total);
    QCOMPARE(recorder.totals().bytesReceived, quint64(Total));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.droppedBytes(), quint64(Total - Capacity), Timeout);
    QCOMPARE(recorder.capacity(), qsizetype(Capacity));
    QCOMPARE(recorder.transcriptSize(), qsizetype(Capacity));
    const QByteArray expected = counterStream(Total - Capacity, Capacity);
    const QByteArray kept = recorder.transcriptBytes(Direction::Received);
    QCOMPARE(kept.size(), qsizetype(Capacity));

    // What the network side keeps, taken afresh: exactly the last 64 KiB sent.
    const int resets = recorder.transcriptResets();
    controller.inspect(id);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.transcriptResets(), resets + 1, Timeout);
    QCOMPARE(recorder.transcriptSize(), qsizetype(Capacity));
    QCOMPARE(recorder.droppedBytes(), quint64(Total - Capacity));
    QVERIFY2(recorder.transcriptBytes(Direction::Received) == expected,
             "the kept transcript is not the last 64 KiB sent");

    // What was followed batch by batch is the same.
    QVERIFY2(kept == expected, "the transcript followed batch by batch is not the last 64 KiB sent");

    // The peer is still served after the flood.
    controller.send({id}, QByteArrayLiteral("M"));
    QCOMPARE(posixReadAtLeast(client.fd, 1), QByteArrayLiteral("M"));
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestConversation::inspectClosedConnection()
{
#ifdef Q_OS_UNIX
    ListenerController controller;
    TranscriptRecorder recorder(&controller);
    START_LISTENING(controller, recorder, 5);

    ACCEPT_POSIX_CLIENT(recorder, client, port, id);

    QVERIFY(posixSendAll(client.fd, QByteArrayLiteral("abc")));
    QCOMPARE(::shutdown(client.fd, SHUT_WR), 0);
    // The server reads the FIN and closes its side too.
    QCOMPARE(posixReadToEnd(client.fd), 0);
    client.close();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).state, ConnectionState::PeerClosed, Timeout);
    QCOMPARE(recorder.info(id).bytesReceived, quint64(3));
    QCOMPARE(recorder.transcriptUpdates(), 0);

    controller.inspect(id);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.transcriptResets(), 1, Timeout);
    QCOMPARE(recorder.transcriptId(), id);
    QVERIFY(recorder.available());
    QCOMPARE(recorder.chunks().size(), qsizetype(1));
    QCOMPARE(recorder.chunks().constFirst().direction, Direction::Received);
    QCOMPARE(recorder.chunks().constFirst().data, QByteArrayLiteral("abc"));
    QCOMPARE(recorder.chunks().constFirst().sequence, quint64(1));
    QCOMPARE(recorder.droppedBytes(), quint64(0));

    // An id that never was: no transcript.
    controller.inspect(id + 100);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.transcriptResets(), 2, Timeout);
    QCOMPARE(recorder.transcriptId(), id + 100);
    QVERIFY(!recorder.available());
    QVERIFY(recorder.chunks().isEmpty());

    // Kept as many as the table keeps closed rows: with one, a second closed connection's
    // transcript replaces the first's.
    controller.keepEndedTranscripts(1);
    {
        ACCEPT_POSIX_CLIENT(recorder, second, secondPort, secondId);
        QVERIFY(posixSendAll(second.fd, QByteArrayLiteral("de")));
        second.close();
        QTRY_COMPARE_WITH_TIMEOUT(recorder.info(secondId).state, ConnectionState::PeerClosed, Timeout);
        controller.inspect(secondId);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.transcriptResets(), 3, Timeout);
        QVERIFY(recorder.available());
        QCOMPARE(recorder.chunks().constFirst().data, QByteArrayLiteral("de"));
        controller.inspect(id);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.transcriptResets(), 4, Timeout);
        QVERIFY(!recorder.available());

        // Clear closed: the kept one goes too.
        controller.forgetEndedTranscripts();
        controller.inspect(secondId);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.transcriptResets(), 5, Timeout);
        QVERIFY(!recorder.available());
    }
#else
    QSKIP("Needs a POSIX client");
#endif
}

QTEST_GUILESS_MAIN(TestConversation)
#include "tst_conversation.moc"
