// TLS from the window: the form's protocol, the TLS settings dialog, a real TLS client against
// the listener the window starts, the fingerprint shown, a start refused for a bad certificate,
// the encrypted key's passphrase asked for, and the settings kept across runs.
#include "windowprobe.h"
#include "commandline.h"
#include "codeview.h"
#include "connectiontablemodel.h"
#include "fingerprintbadge.h"
#include "listenercontroller.h"
#include "mainwindow.h"
#include "selfsignedstore.h"
#include "settings.h"
#include "tlscredentials.h"
#include "tlssettingsdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

namespace {

constexpr int Timeout = 10000;

void fillForm(QWidget *window, const QString &port)
{
    replaceText(child<QComboBox>(window, "addressCombo")->lineEdit(), QStringLiteral("127.0.0.1"));
    replaceText(child<QLineEdit>(window, "portEdit"), port);
}

void chooseTls(QWidget *window)
{
    auto *protocol = child<QComboBox>(window, "protocolCombo");
    protocol->setCurrentIndex(protocol->findText(QStringLiteral("TLS")));
    QVERIFY(child<QPushButton>(window, "tlsButton")->isEnabled());
}

// Gone or hidden: OK or Cancel took it away. Read once, since the QPointer may clear between reads.
bool dialogClosed(const QPointer<TlsSettingsDialog> &dialog)
{
    const TlsSettingsDialog *shown = dialog.data();
    return shown == nullptr || shown->isHidden();
}

// Opens the dialog from the form's TLS… button.
TlsSettingsDialog *openDialog(QWidget *window)
{
    QTest::mouseClick(child<QPushButton>(window, "tlsButton"), Qt::LeftButton);
    TlsSettingsDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = window->findChild<TlsSettingsDialog *>()) && dialog->isVisible(); },
                         Timeout))
        return nullptr;
    return dialog;
}

// Near the indicator: a radio button takes clicks on its indicator and label only, not on the
// rest of its row.
void clickRadio(QRadioButton *radio)
{
    QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(radio->iconSize().width() / 2 + 2, radio->height() / 2));
}

void clickOk(TlsSettingsDialog *dialog)
{
    QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

// A port nothing listens on now.
quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

bool clientConnects(quint16 port)
{
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    return client.waitForConnected(Timeout);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestTlsUi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void selfSignedListenerServesTls();
    void badCertificateRefusesStart();
    void encryptedKeyAsksForThePassphrase();
    void settingsSurviveARestart();
    void commandLineTlsListener();
    void commandLineTlsFlags();
    void codeTabPrintsTheTlsProgram();

private:
    void makeWindow();
    // The generated pair, as PEM files in the temporary folder: chain, key.
    std::pair<QString, QString> copySelfSigned(const QString &stem);

    QTemporaryDir m_data;
    std::unique_ptr<MainWindow> m_window;
};

void TestTlsUi::initTestCase()
{
    // The self-signed pair is kept in the data folder: a fresh one, before any window exists.
    QVERIFY(m_data.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_data.path()));
    QVERIFY(QSslSocket::supportsSsl());
}

void TestTlsUi::init()
{
    QSettings().clear();
    makeWindow();
}

void TestTlsUi::cleanup()
{
    m_window.reset();
}

void TestTlsUi::makeWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

std::pair<QString, QString> TestTlsUi::copySelfSigned(const QString &stem)
{
    const SelfSignedStore::Result stored = SelfSignedStore().ensure();
    if (!stored.ok())
        qFatal("no self-signed pair: %s", qPrintable(stored.error));
    const QString chain = m_data.filePath(stem + QStringLiteral("-chain.pem"));
    const QString key = m_data.filePath(stem + QStringLiteral("-key.pem"));
    QFile::remove(chain);
    QFile::remove(key);
    if (!QFile::copy(stored.certificatePath, chain) || !QFile::copy(stored.keyPath, key))
        qFatal("cannot copy the self-signed pair");
    return {chain, key};
}

void TestTlsUi::selfSignedListenerServesTls()
{
    MainWindow *window = m_window.get();
    chooseTls(window);
    QPointer<TlsSettingsDialog> dialog = openDialog(window);
    QVERIFY(dialog);
    QVERIFY(child<QRadioButton>(dialog, "selfSignedRadio")->isChecked());
    QCOMPARE(child<QSpinBox>(dialog, "handshakeTimeoutSpin")->value(), 10);
    clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(dialog), Timeout);

    fillForm(window, QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);
    const quint16 port = listeningPort(window);
    const ListenerStatus status = window->controller()->status(ListenerController::FirstListenerId);
    QVERIFY(status.tls);
    QCOMPARE(status.port, port);

    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    QVERIFY2(encrypted.wait(Timeout), qPrintable(client.errorString()));
    client.write("hello over tls");

    ConnectionTableModel *model = window->connectionModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(
        model->index(0, ConnectionTableModel::ReceivedColumn).data(ConnectionTableModel::RawValueRole).toLongLong(),
        qlonglong(14), Timeout);

    // What the client was shown is what the form shows.
    const QByteArray digest = client.peerCertificate().digest(QCryptographicHash::Sha256);
    QCOMPARE(digest.size(), 32);
    const QString seen = QString::fromLatin1(digest.toHex(':').toUpper());
    auto *badge = child<FingerprintBadge>(window, "fingerprintBadge");
    QVERIFY(badge->isVisible());
    QCOMPARE(badge->fingerprint(), seen);
    auto *label = child<QLabel>(window, "fingerprintLabel");
    QCOMPARE(label->toolTip(), QStringLiteral("SHA-256 ") + seen);
    QVERIFY(label->text().startsWith(QStringLiteral("SHA-256 ") + seen.left(5)));
    QVERIFY(label->text().endsWith(seen.right(5)));
    QTest::mouseClick(child<QPushButton>(badge, "copyFingerprintButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), seen);

    // The dialog shows the same certificate's.
    dialog = openDialog(window);
    QVERIFY(dialog);
    QCOMPARE(child<QLineEdit>(dialog, "fingerprintEdit")->text(), seen);
    dialog->reject();

    // Stopped, the fingerprint goes with the listener.
    QTest::mouseClick(child<QPushButton>(window, "stopButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) == 0, Timeout);
    QVERIFY(!badge->isVisible());
}

void TestTlsUi::badCertificateRefusesStart()
{
    MainWindow *window = m_window.get();
    chooseTls(window);
    QPointer<TlsSettingsDialog> dialog = openDialog(window);
    QVERIFY(dialog);
    clickRadio(child<QRadioButton>(dialog, "filesRadio"));
    QVERIFY(child<QLineEdit>(dialog, "certificateEdit")->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, "regenerateButton")->isEnabled());
    // A file that is not there: the dialog says so and stays open.
    replaceText(child<QLineEdit>(dialog, "certificateEdit"), m_data.filePath(QStringLiteral("missing.pem")));
    replaceText(child<QLineEdit>(dialog, "keyEdit"), m_data.filePath(QStringLiteral("missing-key.pem")));
    clickOk(dialog);
    auto *problem = child<QLabel>(dialog, "tlsProblemLabel");
    QVERIFY(dialog->isVisible());
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("does not exist")), qPrintable(problem->text()));

    // Files that load are taken; the chain is spoilt afterwards, as a file moved or rewritten.
    const auto [chain, key] = copySelfSigned(QStringLiteral("spoilt"));
    replaceText(child<QLineEdit>(dialog, "certificateEdit"), chain);
    replaceText(child<QLineEdit>(dialog, "keyEdit"), key);
    QVERIFY(!child<QLineEdit>(dialog, "fingerprintEdit")->text().isEmpty());
    clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(dialog), Timeout);
    QVERIFY(writeFile(chain, "not a certificate\n"));

    const quint16 port = freePort();
    fillForm(window, QString::number(port));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    auto *error = child<QLabel>(window, "formErrorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), Timeout);
    QVERIFY2(error->text().contains(QStringLiteral("holds no certificate")), qPrintable(error->text()));
    QCOMPARE(child<QLabel>(window, "stateBadge")->text(), QStringLiteral("Stopped"));
    QVERIFY(child<QPushButton>(window, "startButton")->isEnabled());
    QVERIFY(window->controller()->status(ListenerController::FirstListenerId).state != ListenerState::Listening);
    QVERIFY(!clientConnects(port));
}

void TestTlsUi::encryptedKeyAsksForThePassphrase()
{
    MainWindow *window = m_window.get();
    const auto [chain, key] = copySelfSigned(QStringLiteral("encrypted"));
    const QSslKey plain(readFile(key), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    QVERIFY(!plain.isNull());
    QVERIFY(writeFile(key, plain.toPem("open sesame")));

    chooseTls(window);
    QPointer<TlsSettingsDialog> dialog = openDialog(window);
    QVERIFY(dialog);
    clickRadio(child<QRadioButton>(dialog, "filesRadio"));
    replaceText(child<QLineEdit>(dialog, "certificateEdit"), chain);
    replaceText(child<QLineEdit>(dialog, "keyEdit"), key);
    // The passphrase is for each start, not for the dialog.
    clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(dialog), Timeout);

    // The questions are modal: answered from timers, a wrong passphrase first, then the right one.
    QStringList asked;
    const auto answer = [&asked](const QString &passphrase) {
        auto *input = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!input)
            return false;
        // Typed unseen, as passwords are.
        asked.append(input->textEchoMode() == QLineEdit::Password ? input->labelText() : QStringLiteral("echoed!"));
        input->setTextValue(passphrase);
        input->accept();
        return true;
    };
    QTimer wrong;
    wrong.setInterval(50);
    int answered = 0;
    connect(&wrong, &QTimer::timeout, this, [&] {
        if (answer(answered == 0 ? QStringLiteral("wrong") : QStringLiteral("open sesame")))
            ++answered;
    });
    wrong.start();
    fillForm(window, QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(window, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window) != 0, Timeout);
    wrong.stop();
    QCOMPARE(answered, 2);
    QVERIFY2(!asked.contains(QStringLiteral("echoed!")), "the passphrase was shown as typed");
    QVERIFY2(asked.at(1).contains(QStringLiteral("does not open")), qPrintable(asked.at(1)));
    // Never written anywhere.
    QSettings().sync();
    QVERIFY(!readFile(QSettings().fileName()).contains("sesame"));

    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), listeningPort(window));
    QVERIFY2(encrypted.wait(Timeout), qPrintable(client.errorString()));
}

void TestTlsUi::settingsSurviveARestart()
{
    chooseTls(m_window.get());
    QPointer<TlsSettingsDialog> dialog = openDialog(m_window.get());
    QVERIFY(dialog);
    auto *minimum = child<QComboBox>(dialog, "minimumProtocolCombo");
    minimum->setCurrentIndex(minimum->findText(QStringLiteral("TLS 1.3")));
    auto *client = child<QComboBox>(dialog, "clientCertificateCombo");
    client->setCurrentIndex(client->findText(QStringLiteral("Request")));
    replaceText(child<QLineEdit>(dialog, "alpnEdit"), QStringLiteral("h2, http/1.1"));
    child<QSpinBox>(dialog, "handshakeTimeoutSpin")->setValue(30);
    clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(dialog), Timeout);
    m_window->close();
    m_window.reset();

    {
        const Settings settings;
        const ListenerConfig stored = settings.listeners().value(0);
        QCOMPARE(stored.protocol, ListenerProtocol::Tls);
        QCOMPARE(stored.tls.minimumProtocol, TlsMinimumProtocol::Tls13);
        QCOMPARE(stored.tls.clientCertificate, TlsClientCertificate::Request);
        QCOMPARE(stored.tls.alpn, (QStringList{QStringLiteral("h2"), QStringLiteral("http/1.1")}));
        QCOMPARE(stored.tls.handshakeTimeoutSeconds, 30);
        const QString warnings = settings.warnings().join(u'|');
        QVERIFY2(!warnings.contains(QStringLiteral("/tls")), qPrintable(warnings));
    }

    makeWindow();
    QCOMPARE(child<QComboBox>(m_window.get(), "protocolCombo")->currentText(), QStringLiteral("TLS"));
    dialog = openDialog(m_window.get());
    QVERIFY(dialog);
    QCOMPARE(child<QComboBox>(dialog, "minimumProtocolCombo")->currentText(), QStringLiteral("TLS 1.3"));
    QCOMPARE(child<QComboBox>(dialog, "clientCertificateCombo")->currentText(), QStringLiteral("Request"));
    QCOMPARE(child<QLineEdit>(dialog, "alpnEdit")->text(), QStringLiteral("h2, http/1.1"));
    QCOMPARE(child<QSpinBox>(dialog, "handshakeTimeoutSpin")->value(), 30);
    QVERIFY(child<QRadioButton>(dialog, "selfSignedRadio")->isChecked());
    dialog->reject();
}


namespace {

// Handshakes with the listener, sends text and returns what comes back before the timeout.
QByteArray echoOverTls(quint16 port, const QByteArray &text, QSslCertificate *seen = nullptr)
{
    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    if (!client.waitForEncrypted(Timeout))
        return "no handshake: " + client.errorString().toUtf8();
    if (seen)
        *seen = client.peerCertificate();
    client.write(text);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (received.size() < text.size() && timer.elapsed() < Timeout && client.waitForReadyRead(Timeout))
        received += client.readAll();
    return received;
}

} // namespace

void TestTlsUi::commandLineTlsListener()
{
    // tls:// alone starts a TLS listener with the form's settings: self-signed by default.
    const CommandLine::Result parsed = CommandLine::parse(
        {QStringLiteral("socketlab"), QStringLiteral("--listen"), QStringLiteral("tls://127.0.0.1:0"),
         QStringLiteral("--mode"), QStringLiteral("echo")});
    QCOMPARE(parsed.outcome, CommandLine::Outcome::Run);
    m_window->applyCommandLine(parsed.options);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(m_window.get()) != 0, Timeout);
    QVERIFY(m_window->controller()->status(ListenerController::FirstListenerId).tls);
    QCOMPARE(child<QComboBox>(m_window.get(), "protocolCombo")->currentText(), QStringLiteral("TLS"));
    QCOMPARE(echoOverTls(listeningPort(m_window.get()), "over tls\n"), QByteArray("over tls\n"));
}

void TestTlsUi::commandLineTlsFlags()
{
    // The TLS flags serve the window too: with no tls:// prefix every listener is TLS, with
    // the certificate the flags name.
    const auto [chain, key] = copySelfSigned(QStringLiteral("flags"));
    const CommandLine::Result parsed = CommandLine::parse(
        {QStringLiteral("socketlab"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--mode"),
         QStringLiteral("echo"), QStringLiteral("--tls-cert"), chain, QStringLiteral("--tls-key"), key});
    QCOMPARE(parsed.outcome, CommandLine::Outcome::Run);
    m_window->applyCommandLine(parsed.options);
    QTRY_VERIFY_WITH_TIMEOUT(listeningPort(m_window.get()) != 0, Timeout);
    QVERIFY(m_window->controller()->status(ListenerController::FirstListenerId).tls);
    QSslCertificate seen;
    QCOMPARE(echoOverTls(listeningPort(m_window.get()), "flags\n", &seen), QByteArray("flags\n"));
    const QList<QSslCertificate> expected = QSslCertificate::fromPath(chain);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(seen, expected.constFirst());
}
void TestTlsUi::codeTabPrintsTheTlsProgram()
{
    // The Code tab follows the form: TLS chosen, the program loads the pair the listener serves.
    auto *code = child<CodeView>(m_window.get(), "codeView");
    QVERIFY(!code->code().contains(QStringLiteral("ssl")));
    chooseTls(m_window.get());
    const SelfSignedStore store;
    QTRY_VERIFY2_WITH_TIMEOUT(code->code().contains(QStringLiteral("import ssl")), qPrintable(code->code()), Timeout);
    QVERIFY2(code->code().contains(QStringLiteral("CERT_FILE = '%1'").arg(store.certificatePath())),
             qPrintable(code->code()));
    QVERIFY2(code->code().contains(QStringLiteral("openssl s_client -quiet -connect 127.0.0.1:")), qPrintable(code->code()));
    code->setLanguage(CodeView::Language::Cpp);
    QVERIFY2(code->code().contains(QStringLiteral("QSslServer server;")), qPrintable(code->code()));
    // Back to TCP: the plain program again.
    auto *protocol = child<QComboBox>(m_window.get(), "protocolCombo");
    protocol->setCurrentIndex(protocol->findText(QStringLiteral("TCP")));
    QTRY_VERIFY2_WITH_TIMEOUT(code->code().contains(QStringLiteral("QTcpServer server;")), qPrintable(code->code()),
                              Timeout);
}

QTEST_MAIN(TestTlsUi)
#include "tst_tlsui.moc"
