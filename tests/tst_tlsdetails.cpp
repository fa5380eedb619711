// A TLS listener in the window end to end: a real QSslSocket client's session in the connections
// table, the inspector and the lifecycle strip, and a plain client's failure beside it.
#include "connectioninspector.h"
#include "connectiontablemodel.h"
#include "lifecyclestrip.h"
#include "listenercontroller.h"
#include "listenerpanel.h"
#include "mainwindow.h"
#include "tlscredentials.h"
#include "windowprobe.h"

#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCipher>
#include <QSslSocket>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr int Timeout = 10000;

} // namespace

class TestTlsDetails final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tlsSessionAndPlainFailure();

private:
    // The table's row of the connection from this client port, or -1.
    static int rowOf(const QTableView *view, quint16 peerPort);

    QTemporaryDir m_data; // XDG_DATA_HOME: where the self-signed pair is kept
};

void TestTlsDetails::initTestCase()
{
    QVERIFY(m_data.isValid());
    qputenv("XDG_DATA_HOME", m_data.path().toLocal8Bit());
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS back-end here");
    QSettings().clear();
}

int TestTlsDetails::rowOf(const QTableView *view, quint16 peerPort)
{
    const QString peer = QStringLiteral("127.0.0.1:%1").arg(peerPort);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, ConnectionTableModel::PeerColumn).data().toString() == peer)
            return row;
    }
    return -1;
}

void TestTlsDetails::tlsSessionAndPlainFailure()
{
    TlsSettings settings;
    settings.source = TlsCertificateSource::SelfSigned;
    settings.alpn = {QStringLiteral("h2"), QStringLiteral("http/1.1")};
    const TlsCredentials::Result loaded = TlsCredentials::load(settings);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The listener as the form sets it up (tst_tlsui drives the TLS dialog itself): TLS, self-signed, ALPN.
    auto *panel = child<ListenerPanel>(&window, "listenerPanel");
    ListenerConfig config = panel->config();
    config.protocol = ListenerProtocol::Tls;
    config.tls = settings;
    panel->setConfig(config);
    window.startListening(QHostAddress::LocalHost, 0, 5);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(&window) != 0, Timeout);
    const quint16 port = listeningPort(&window);
    auto *strip = child<LifecycleStrip>(&window, "lifecycleStrip");
    QTRY_VERIFY_WITH_TIMEOUT(strip->isTls(), Timeout);
    QVERIFY(!strip->stepRect(LifecycleStrip::HandshakeStep).isEmpty());

    // A TLS client offering h2; the self-signed certificate is not checked.
    QSslSocket client;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setAllowedNextProtocols({QByteArrayLiteral("h2")});
    client.setSslConfiguration(configuration);
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
    QTRY_COMPARE_WITH_TIMEOUT(encrypted.size(), 1, Timeout);
    QCOMPARE(client.sslConfiguration().nextNegotiatedProtocol(), QByteArrayLiteral("h2"));
    client.write("hello over TLS\n");

    auto *view = child<QTableView>(&window, "connectionsView");
    const quint16 tlsPort = client.localPort();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(view, tlsPort) >= 0, Timeout);
    const auto cell = [&](quint16 peerPort, int column, int role = Qt::DisplayRole) {
        return view->model()->index(rowOf(view, peerPort), column).data(role).toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(cell(tlsPort, ConnectionTableModel::TlsVersionColumn), QStringLiteral("TLS 1.3"), Timeout);
    QCOMPARE(cell(tlsPort, ConnectionTableModel::TlsCipherColumn), client.sessionCipher().name());
    QVERIFY(!cell(tlsPort, ConnectionTableModel::TlsCipherColumn).isEmpty());
    QCOMPARE(cell(tlsPort, ConnectionTableModel::TlsAlpnColumn), QStringLiteral("h2"));
    QCOMPARE(cell(tlsPort, ConnectionTableModel::TlsServerNameColumn), QStringLiteral("localhost"));
    QCOMPARE(cell(tlsPort, ConnectionTableModel::ListenerColumn), QStringLiteral("#1"));
    // The byte columns count the application's bytes, not the records.
    QTRY_COMPARE_WITH_TIMEOUT(cell(tlsPort, ConnectionTableModel::ReceivedColumn, ConnectionTableModel::RawValueRole),
                              QStringLiteral("15"), Timeout);
    // The TLS columns start hidden.
    QVERIFY(view->horizontalHeader()->isSectionHidden(ConnectionTableModel::TlsVersionColumn));
    QVERIFY(!view->horizontalHeader()->isSectionHidden(ConnectionTableModel::ListenerColumn));

    // The inspector shows the session.
    const QRect rect = view->visualRect(view->model()->index(rowOf(view, tlsPort), ConnectionTableModel::PeerColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    auto *inspector = child<ConnectionInspector>(&window, "inspector");
    QTRY_VERIFY_WITH_TIMEOUT(inspector->connectionId() != 0, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!child<QWidget>(&window, "tlsSection")->isHidden(), Timeout);
    QCOMPARE(child<QLabel>(&window, "tlsProtocolValue")->text(), QStringLiteral("TLS 1.3"));
    QCOMPARE(child<QLabel>(&window, "tlsCipherValue")->text(), client.sessionCipher().name());
    QCOMPARE(child<QLabel>(&window, "tlsAlpnValue")->text(), QStringLiteral("h2"));
    QCOMPARE(child<QLabel>(&window, "tlsServerNameValue")->text(), QStringLiteral("localhost"));
    QCOMPARE(child<QLabel>(&window, "tlsHandshakeValue")->text(), QStringLiteral("Completed"));
    // More went over the wire than the application's 15 bytes: the handshake and the records.
    QVERIFY(child<QLabel>(&window, "tlsWireBytesValue")->text().contains(QStringLiteral("application bytes: 15 B received")));

    // A plain client speaking HTTP to the TLS port ends as TLS failed, saying why.
    QTcpSocket plain;
    plain.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(plain.waitForConnected(Timeout));
    const quint16 plainPort = plain.localPort();
    plain.write("GET / HTTP/1.0\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(cell(plainPort, ConnectionTableModel::StateColumn), QStringLiteral("TLS failed"), Timeout);
    const QString tip = cell(plainPort, ConnectionTableModel::StateColumn, Qt::ToolTipRole);
    QVERIFY2(tip.contains(QStringLiteral("plain text")), qPrintable(tip));
    QVERIFY(view->model()->index(rowOf(view, plainPort), 0).data(ConnectionTableModel::IsFinishedRole).toBool());
    QVERIFY(view->model()->index(rowOf(view, plainPort), 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(cell(plainPort, ConnectionTableModel::TlsVersionColumn).isEmpty());

    // The strip counts one handshake done and one failed.
    QTRY_VERIFY_WITH_TIMEOUT(strip->text().contains(QStringLiteral("handshake · 1 ok · 1 failed")), Timeout);

    // The inspector still shows the TLS client's session; selecting the failed row shows why.
    const QRect failedRect =
        view->visualRect(view->model()->index(rowOf(view, plainPort), ConnectionTableModel::PeerColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, failedRect.center());
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(&window, "tlsHandshakeValue")->text().contains(QStringLiteral("plain text")),
                             Timeout);
    client.disconnectFromHost();
}

QTEST_MAIN(TestTlsDetails)
#include "tst_tlsdetails.moc"
