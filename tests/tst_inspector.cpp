// Inspecting and talking to connections from the window, as a person does it.
#include "windowprobe.h"
#include "connectioninspector.h"
#include "connectiontablemodel.h"
#include "mainwindow.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#ifdef Q_OS_UNIX
#  include <arpa/inet.h>
#  include <netinet/in.h>
#  include <poll.h>
#  include <sys/socket.h>
#  include <unistd.h>
#endif

namespace {

constexpr int Timeout = 10000;

// Picks an item of a combo box with the keyboard, as a person would.
void choose(QComboBox *combo, int index)
{
    combo->setFocus();
    while (combo->currentIndex() < index)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > index)
        QTest::keyClick(combo, Qt::Key_Up);
}

} // namespace

class TestInspector final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void transcriptShowsPeerBytesLiterally();
    void sendTextAndHexToSelected();
    void invalidHexIsRefused();
    void sendToAllOpen();
    void inspectorHalfCloseAndReset();
    void modeAndPauseFromThePanel();
    void exportsLogAndTranscript();

private:
    void startListening();
    int rowOf(quint16 peerPort) const;
    void selectRow(int row);
    QByteArray readExactly(QTcpSocket &client, qsizetype size);

    std::unique_ptr<MainWindow> m_window;
    quint16 m_port = 0;
};

void TestInspector::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    startListening();
}

void TestInspector::cleanup()
{
    m_window.reset();
}

void TestInspector::startListening()
{
    auto *port = child<QLineEdit>(m_window.get(), "portEdit");
    replaceText(port, QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(m_window.get(), "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(m_window.get()) != 0, Timeout);
    m_port = listeningPort(m_window.get());
}

int TestInspector::rowOf(quint16 peerPort) const
{
    auto *view = child<QTableView>(m_window.get(), "connectionsView");
    const QString peer = QStringLiteral("127.0.0.1:%1").arg(peerPort);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, ConnectionTableModel::PeerColumn).data().toString() == peer)
            return row;
    }
    return -1;
}

void TestInspector::selectRow(int row)
{
    auto *view = child<QTableView>(m_window.get(), "connectionsView");
    const QRect rect = view->visualRect(view->model()->index(row, ConnectionTableModel::PeerColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

QByteArray TestInspector::readExactly(QTcpSocket &client, qsizetype size)
{
    // The server runs on its own thread, so waiting here blocks nothing it needs.
    QByteArray data = client.readAll();
    QElapsedTimer timer;
    timer.start();
    while (data.size() < size && timer.elapsed() < Timeout) {
        if (client.bytesAvailable() == 0 && !client.waitForReadyRead(int(Timeout - timer.elapsed())))
            break;
        data += client.readAll();
    }
    return data;
}

void TestInspector::transcriptShowsPeerBytesLiterally()
{
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(client.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(client.localPort()) >= 0, Timeout);
    selectRow(rowOf(client.localPort()));

    auto *inspector = child<ConnectionInspector>(m_window.get(), "inspector");
    QTRY_COMPARE_WITH_TIMEOUT(inspector->connectionId(),
                              m_window->connectionModel()->connectionAt(0).id, Timeout);
    auto *title = child<QLabel>(m_window.get(), "titleLabel");
    QVERIFY(title->text().contains(QStringLiteral("127.0.0.1:%1").arg(client.localPort())));

    const QByteArray payload = QByteArrayLiteral("<b>x</b><img src=y>\x1b[31mred\r\n");
    client.write(payload);
    QTRY_VERIFY_WITH_TIMEOUT(inspector->transcriptText().contains(QStringLiteral("<b>x</b><img src=y>")), Timeout);
    const QString text = inspector->transcriptText();
    QVERIFY2(text.contains(QStringLiteral("\\x1b[31mred")), qPrintable(text));
    QVERIFY(!text.contains(QChar(0x1b)));
    QVERIFY2(text.contains(QStringLiteral("received 29 bytes")), qPrintable(text));
    // The view is plain text: what it holds is what it shows.
    auto *view = child<QPlainTextEdit>(m_window.get(), "transcriptView");
    QCOMPARE(view->toPlainText(), text);

    // Line endings on demand.
    QTest::mouseClick(child<QCheckBox>(m_window.get(), "lineEndingsCheck"), Qt::LeftButton, {}, QPoint(6, 6));
    QTRY_VERIFY_WITH_TIMEOUT(inspector->transcriptText().contains(QStringLiteral("red\\r\\n")), Timeout);

    // And as a hex dump.
    choose(child<QComboBox>(m_window.get(), "viewCombo"), 1);
    QTRY_VERIFY_WITH_TIMEOUT(inspector->transcriptText().contains(
                                 QStringLiteral("00000000  3c 62 3e 78 3c 2f 62 3e  3c 69 6d 67 20 73 72 63  |<b>x</b><img src|")),
                             Timeout);
}

void TestInspector::sendTextAndHexToSelected()
{
    QTcpSocket client;
    QTcpSocket other;
    client.connectToHost(QHostAddress::LocalHost, m_port);
    other.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(client.waitForConnected(Timeout));
    QVERIFY(other.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(client.localPort()) >= 0 && rowOf(other.localPort()) >= 0, Timeout);
    selectRow(rowOf(client.localPort()));

    auto *message = child<QComboBox>(m_window.get(), "messageCombo");
    choose(child<QComboBox>(m_window.get(), "lineEndingCombo"), 2); // CRLF
    replaceText(message->lineEdit(), QStringLiteral("hello"));
    auto *sendSelected = child<QPushButton>(m_window.get(), "sendSelectedButton");
    QTRY_VERIFY_WITH_TIMEOUT(sendSelected->isEnabled(), Timeout);
    QTest::mouseClick(sendSelected, Qt::LeftButton);
    QCOMPARE(readExactly(client, 7), QByteArrayLiteral("hello\r\n"));

    choose(child<QComboBox>(m_window.get(), "formatCombo"), 1); // Hex
    replaceText(message->lineEdit(), QStringLiteral("0x48 69 0a"));
    QTest::mouseClick(sendSelected, Qt::LeftButton);
    QCOMPARE(readExactly(client, 3), QByteArrayLiteral("Hi\n"));
    // The other connection was not selected and got nothing: its first bytes are a later send to all.
    QCOMPARE(message->count(), 2); // history of recent sends
    QTest::mouseClick(child<QPushButton>(m_window.get(), "sendAllButton"), Qt::LeftButton);
    QCOMPARE(readExactly(other, 3), QByteArrayLiteral("Hi\n"));

    auto *inspector = child<ConnectionInspector>(m_window.get(), "inspector");
    QTRY_VERIFY2_WITH_TIMEOUT(inspector->transcriptText().contains(QStringLiteral("sent 3 bytes")),
                              qPrintable(inspector->transcriptText()), Timeout);
}

void TestInspector::invalidHexIsRefused()
{
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(client.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(client.localPort()) >= 0, Timeout);
    selectRow(rowOf(client.localPort()));

    choose(child<QComboBox>(m_window.get(), "formatCombo"), 1);
    auto *message = child<QComboBox>(m_window.get(), "messageCombo");
    replaceText(message->lineEdit(), QStringLiteral("48 6g"));
    auto *error = child<QLabel>(m_window.get(), "errorLabel");
    QVERIFY2(error->text().contains(QStringLiteral("position 5")), qPrintable(error->text()));
    auto *sendSelected = child<QPushButton>(m_window.get(), "sendSelectedButton");
    QVERIFY(!sendSelected->isEnabled());
    QTest::keyClick(message->lineEdit(), Qt::Key_Return);

    // Nothing went out: the first bytes the client reads are the corrected send.
    replaceText(message->lineEdit(), QStringLiteral("4f 4b"));
    QVERIFY(error->text().isEmpty());
    QTest::mouseClick(sendSelected, Qt::LeftButton);
    QCOMPARE(readExactly(client, 2), QByteArrayLiteral("OK"));
}

void TestInspector::sendToAllOpen()
{
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(clients.back()->waitForConnected(Timeout));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionModel()->openCount(), 3, Timeout);
    auto *message = child<QComboBox>(m_window.get(), "messageCombo");
    choose(child<QComboBox>(m_window.get(), "lineEndingCombo"), 1); // LF
    replaceText(message->lineEdit(), QStringLiteral("broadcast"));
    QTest::mouseClick(child<QPushButton>(m_window.get(), "sendAllButton"), Qt::LeftButton);
    for (auto &client : clients)
        QCOMPARE(readExactly(*client, 10), QByteArrayLiteral("broadcast\n"));
}

void TestInspector::inspectorHalfCloseAndReset()
{
#ifdef Q_OS_UNIX
    // POSIX clients: they can read EOF and still send, and see a reset for what it is.
    const auto connectClient = [this](quint16 *localPort) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address = {};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0)
            return -1;
        sockaddr_in local = {};
        socklen_t length = sizeof(local);
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &length);
        *localPort = ntohs(local.sin_port);
        return fd;
    };
    const auto readResult = [](int fd, int *error) {
        pollfd p = {fd, POLLIN, 0};
        if (::poll(&p, 1, Timeout) != 1)
            return ssize_t(-2);
        char buffer[16];
        const ssize_t n = ::read(fd, buffer, sizeof(buffer));
        *error = errno;
        return n;
    };
    auto *view = child<QTableView>(m_window.get(), "connectionsView");
    const auto stateOf = [&](quint16 port) {
        const int row = rowOf(port);
        return row < 0 ? QString() : view->model()->index(row, ConnectionTableModel::StateColumn).data().toString();
    };

    quint16 halfPort = 0;
    const int half = connectClient(&halfPort);
    QVERIFY(half >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(halfPort) >= 0, Timeout);
    selectRow(rowOf(halfPort));
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(m_window.get(), "halfCloseButton")->isEnabled(), Timeout);
    auto *message = child<QComboBox>(m_window.get(), "messageCombo");
    QTest::keyClicks(message->lineEdit(), QStringLiteral("hi"));
    auto *sendSelected = child<QPushButton>(m_window.get(), "sendSelectedButton");
    QVERIFY(sendSelected->isEnabled());
    QTest::mouseClick(child<QPushButton>(m_window.get(), "halfCloseButton"), Qt::LeftButton);
    int error = 0;
    QCOMPARE(readResult(half, &error), ssize_t(0)); // EOF
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(halfPort), QStringLiteral("Half-closed"), Timeout);
    QVERIFY(!child<QPushButton>(m_window.get(), "halfCloseButton")->isEnabled());
    // The server's sending side is shut: Send to selected is off and says why.
    QTRY_VERIFY_WITH_TIMEOUT(!sendSelected->isEnabled(), Timeout);
    QVERIFY2(sendSelected->toolTip().contains(QStringLiteral("half-closed")), qPrintable(sendSelected->toolTip()));
    QVERIFY(child<QPushButton>(m_window.get(), "sendAllButton")->isEnabled());
    // The peer can still send, and the server still reads.
    QCOMPARE(::write(half, "late", 4), ssize_t(4));
    QTRY_COMPARE_WITH_TIMEOUT(
        view->model()->index(rowOf(halfPort), ConnectionTableModel::ReceivedColumn).data().toString(),
        QStringLiteral("4 B"), Timeout);
    ::close(half);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(halfPort), QStringLiteral("Closed"), Timeout);

    quint16 resetPort = 0;
    const int reset = connectClient(&resetPort);
    QVERIFY(reset >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(resetPort) >= 0, Timeout);
    selectRow(rowOf(resetPort));
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(m_window.get(), "resetButton")->isEnabled(), Timeout);
    QTest::mouseClick(child<QPushButton>(m_window.get(), "resetButton"), Qt::LeftButton);
    QCOMPARE(readResult(reset, &error), ssize_t(-1));
    QCOMPARE(error, ECONNRESET);
    ::close(reset);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(resetPort), QStringLiteral("Reset by server"), Timeout);
    QVERIFY(!child<QPushButton>(m_window.get(), "resetButton")->isEnabled());
#else
    QSKIP("Needs a POSIX client");
#endif
}

void TestInspector::modeAndPauseFromThePanel()
{
    choose(child<QComboBox>(m_window.get(), "modeCombo"), 1); // Echo
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(client.waitForConnected(Timeout));
    client.write("ping");
    QCOMPARE(readExactly(client, 4), QByteArrayLiteral("ping"));

    auto *pause = child<QPushButton>(m_window.get(), "pauseButton");
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(m_window.get(), "stateBadge")->text().startsWith(
                                 QStringLiteral("Listening (paused)")),
                             Timeout);
    QTcpSocket queued;
    queued.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(queued.waitForConnected(Timeout)); // the kernel completes the handshake
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(queued.localPort()) >= 0, Timeout);
    QVERIFY(!child<QLabel>(m_window.get(), "stateBadge")->text().contains(QStringLiteral("paused")));
}

void TestInspector::exportsLogAndTranscript()
{
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(client.waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(client.localPort()) >= 0, Timeout);
    selectRow(rowOf(client.localPort()));
    const QByteArray payload("\x00\x01binary\xff", 9);
    client.write(payload);
    auto *inspector = child<ConnectionInspector>(m_window.get(), "inspector");
    QTRY_VERIFY_WITH_TIMEOUT(!inspector->chunks().isEmpty(), Timeout);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString raw = dir.filePath(QStringLiteral("raw.bin"));
    QVERIFY(inspector->exportTranscript(raw, ConnectionInspector::ExportKind::RawReceived));
    QFile rawFile(raw);
    QVERIFY(rawFile.open(QIODevice::ReadOnly));
    QCOMPARE(rawFile.readAll(), payload);

    const QString jsonl = dir.filePath(QStringLiteral("log.jsonl"));
    QVERIFY(m_window->exportLog(jsonl, MainWindow::LogFormat::JsonLines));
    QFile jsonFile(jsonl);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    bool sawConnection = false;
    for (const QByteArray &line : jsonFile.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        QVERIFY(object.contains(QStringLiteral("message")));
        if (object.value(QStringLiteral("message")).toString()
            == QStringLiteral("Connection from 127.0.0.1:%1").arg(client.localPort()))
            sawConnection = true;
    }
    QVERIFY(sawConnection);

    const QString csv = dir.filePath(QStringLiteral("log.csv"));
    QVERIFY(m_window->exportLog(csv, MainWindow::LogFormat::Csv));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QByteArray csvText = csvFile.readAll();
    QVERIFY(csvText.startsWith("timestamp,level,message\r\n"));
    QVERIFY(csvText.contains(QStringLiteral("Connection from 127.0.0.1:%1").arg(client.localPort()).toUtf8()));

    QVERIFY(!inspector->exportTranscript(dir.filePath(QStringLiteral("missing/x.bin")),
                                         ConnectionInspector::ExportKind::RawReceived));
}

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
