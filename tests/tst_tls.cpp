// TLS listeners end to end over loopback: the generated certificate, real handshakes with
// QSslSocket and openssl s_client, the failure reasons, the close modes and the headless flags.
#include "commandline.h"
#include "listenercontroller.h"
#include "selfsignedstore.h"
#include "tlscredentials.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCipher>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

#include "batchrecorder.h"
#include "headlessprocess.h"
#include "posixclient.h"

#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr int Timeout = 10000;

// Runs the openssl tool, the test's own helper (the app never does); stdout and stderr merged.
QByteArray openssl(const QStringList &arguments, const QString &workingDirectory = {}, int *exitCode = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral("openssl"), arguments);
    process.closeWriteChannel();
    process.waitForFinished(Timeout);
    if (exitCode)
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return process.readAll();
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

TlsSettings filesSettings(const QString &certificate, const QString &key)
{
    TlsSettings settings;
    settings.source = TlsCertificateSource::Files;
    settings.certificatePath = certificate;
    settings.keyPath = key;
    return settings;
}

// The last reported snapshot of the one connection from this client port.
#define ROW(recorder, port) (recorder).byPeerPort(port).value_or(ConnectionInfo{})

} // namespace

class TestTls final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void generatedCertificate();
    void storeRefusesAKeyOthersCanRead();
    void handshakeEchoAndDetails();
    void minimumTls13RefusesTls12Client();
    void opensslSeesTheLoggedFingerprint();
    void clientCertificateRequired();
    void plainClientOnTlsPort();
    void handshakeTimesOut();
    void badInput_data();
    void badInput();
    void expiredCertificateIsAWarning();
    void unreadableFile();
    void closeAsSClientSeesIt_data();
    void closeAsSClientSeesIt();
    void halfCloseIsRefused();
    void echoHoldsBackAPeerThatDoesNotRead();
    void tlsFlags_data();
    void tlsFlags();
    void headlessSelfSigned();
    void headlessBadInputExitsBeforeListening();

private:
    // A listener with this setup, listening on 127.0.0.1 with a free port.
    std::optional<TlsServerSetup> selfSignedSetup(TlsSettings settings = {});
    QString path(const QString &name) const { return m_files.filePath(name); }

    QTemporaryDir m_data;  // XDG_DATA_HOME: where the self-signed pair is kept
    QTemporaryDir m_files; // CA, client and broken files made by openssl
};

void TestTls::initTestCase()
{
    QVERIFY(m_data.isValid() && m_files.isValid());
    qputenv("XDG_DATA_HOME", m_data.path().toLocal8Bit());
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS back-end here");
    int code = -1;
    openssl({QStringLiteral("version")}, {}, &code);
    if (code != 0)
        QSKIP("the openssl tool is not installed");

    // A CA, a client certificate it signed, a second key, an encrypted key and an expired
    // certificate, made once for the whole suite.
    const QString dir = m_files.path();
    const QStringList ec = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                            QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes")};
    openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
                + QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                              QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                              QStringLiteral("-subj"), QStringLiteral("/CN=Socket Lab Test CA")},
            dir, &code);
    QCOMPARE(code, 0);
    openssl(QStringList{QStringLiteral("req")} + ec
                + QStringList{QStringLiteral("-keyout"), QStringLiteral("client.key"), QStringLiteral("-out"),
                              QStringLiteral("client.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=test client")},
            dir, &code);
    QCOMPARE(code, 0);
    openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("client.csr"),
             QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
             QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-out"),
             QStringLiteral("client.pem")},
            dir, &code);
    QCOMPARE(code, 0);
    openssl({QStringLiteral("pkey"), QStringLiteral("-in"), QStringLiteral("client.key"), QStringLiteral("-aes256"),
             QStringLiteral("-passout"), QStringLiteral("pass:secret"), QStringLiteral("-out"),
             QStringLiteral("encrypted.key")},
            dir, &code);
    QCOMPARE(code, 0);
    // openssl 3.0's req has no -not_before: "ca -selfsign" with given dates makes the expired one.
    QVERIFY(writeFile(path(QStringLiteral("ca.cnf")),
                      "[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\n"
                      "default_md=sha256\npolicy=p\n[p]\ncommonName=supplied\n"));
    QVERIFY(writeFile(path(QStringLiteral("index.txt")), {}));
    QVERIFY(writeFile(path(QStringLiteral("serial")), "01\n"));
    openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), QStringLiteral("client.key"),
             QStringLiteral("-out"), QStringLiteral("old.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")},
            dir, &code);
    QCOMPARE(code, 0);
    openssl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"), QStringLiteral("ca.cnf"),
             QStringLiteral("-selfsign"), QStringLiteral("-keyfile"), QStringLiteral("client.key"), QStringLiteral("-in"),
             QStringLiteral("old.csr"), QStringLiteral("-out"), QStringLiteral("expired.pem"), QStringLiteral("-notext"),
             QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"), QStringLiteral("-enddate"),
             QStringLiteral("20200102000000Z")},
            dir, &code);
    QCOMPARE(code, 0);
}

std::optional<TlsServerSetup> TestTls::selfSignedSetup(TlsSettings settings)
{
    settings.source = TlsCertificateSource::SelfSigned;
    const TlsCredentials::Result loaded = TlsCredentials::load(settings);
    if (!loaded.ok())
        qWarning("%s", qPrintable(loaded.error));
    return loaded.setup;
}

void TestTls::generatedCertificate()
{
    QTemporaryDir dir;
    const SelfSignedStore store(dir.path());
    const SelfSignedStore::Result first = store.ensure();
    QVERIFY2(first.ok(), qPrintable(first.error));
    QVERIFY(first.generated);

    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(first.certificatePath);
    QCOMPARE(certificates.size(), 1);
    const QSslCertificate &certificate = certificates.first();
    QCOMPARE(certificate.publicKey().algorithm(), QSsl::Ec);
    QCOMPARE(certificate.publicKey().length(), 256);
    QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("localhost")});
    const auto names = certificate.subjectAlternativeNames();
    QCOMPARE(names.values(QSsl::DnsEntry), QStringList{QStringLiteral("localhost")});
    QStringList addresses = names.values(QSsl::IpAddressEntry);
    std::sort(addresses.begin(), addresses.end());
    QCOMPARE(addresses.size(), 2);
    QCOMPARE(QHostAddress(addresses.at(0)), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(QHostAddress(addresses.at(1)), QHostAddress(QHostAddress::LocalHostIPv6));
    const qint64 validDays = certificate.effectiveDate().daysTo(certificate.expiryDate());
    QVERIFY2(validDays >= 364 && validDays <= 366, qPrintable(QString::number(validDays)));
    QVERIFY(qAbs(certificate.effectiveDate().secsTo(QDateTime::currentDateTimeUtc())) < 600);
    QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-in"), first.certificatePath, QStringLiteral("-noout"),
                     QStringLiteral("-text")})
                .contains("ecdsa-with-SHA256"));

    struct stat info = {};
    QCOMPARE(::stat(QFile::encodeName(first.keyPath).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));

    const QByteArray certificateBytes = readFile(first.certificatePath);
    const SelfSignedStore::Result again = store.ensure();
    QVERIFY(again.ok());
    QVERIFY(!again.generated);
    QCOMPARE(readFile(again.certificatePath), certificateBytes);

    const SelfSignedStore::Result renewed = store.regenerate();
    QVERIFY(renewed.ok());
    QVERIFY(renewed.generated);
    QVERIFY(readFile(renewed.certificatePath) != certificateBytes);
    QCOMPARE(::stat(QFile::encodeName(renewed.keyPath).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));
}

void TestTls::storeRefusesAKeyOthersCanRead()
{
    QTemporaryDir dir;
    const SelfSignedStore store(dir.path());
    QVERIFY(store.ensure().ok());
    QVERIFY(QFile::setPermissions(store.keyPath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const SelfSignedStore::Result result = store.ensure();
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QStringLiteral("can be read by other users")), qPrintable(result.error));
    TlsSettings settings;
    QVERIFY(!TlsCredentials::load(settings, {}, dir.path()).ok());
}

void TestTls::handshakeEchoAndDetails()
{
    TlsSettings settings;
    settings.alpn = TlsSettings::parseAlpn(QStringLiteral("h2, http/1.1"));
    QCOMPARE(settings.alpn, (QStringList{QStringLiteral("h2"), QStringLiteral("http/1.1")}));
    const std::optional<TlsServerSetup> setup = selfSignedSetup(settings);
    QVERIFY(setup);
    QVERIFY(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$")).match(setup->fingerprint).hasMatch());

    ListenerController controller;
    BatchRecorder recorder(&controller);
    ServerBehaviour behaviour;
    behaviour.mode = ServerMode::Echo;
    controller.setBehaviour(behaviour);
    controller.setTls(setup);
    START_LISTENING(controller, recorder, 5);
    QVERIFY(recorder.status().tls);
    QCOMPARE(recorder.status().tlsFingerprint, setup->fingerprint);
    QTRY_VERIFY_WITH_TIMEOUT(
        recorder.logHas(QStringLiteral("TLS certificate SHA-256 fingerprint %1").arg(setup->fingerprint)), Timeout);

    // The client trusts exactly the generated certificate.
    QSslSocket client;
    QSslConfiguration configuration = client.sslConfiguration();
    configuration.setCaCertificates(setup->configuration.localCertificateChain());
    configuration.setAllowedNextProtocols({QByteArrayLiteral("h2")});
    client.setSslConfiguration(configuration);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), recorder.status().port, QStringLiteral("localhost"));
    QVERIFY2(client.waitForEncrypted(Timeout), qPrintable(client.errorString()));
    QCOMPARE(client.sslConfiguration().nextNegotiatedProtocol(), QByteArrayLiteral("h2"));

    const QByteArray message("hello over TLS\n");
    client.write(message);
    QByteArray echoed;
    QTRY_VERIFY_WITH_TIMEOUT((echoed += client.readAll()).size() >= message.size(), Timeout);
    QCOMPARE(echoed, message);

    const quint16 port = client.localPort();
    QTRY_COMPARE_WITH_TIMEOUT(ROW(recorder, port).bytesSent, quint64(message.size()), Timeout);
    const ConnectionInfo info = ROW(recorder, port);
    QVERIFY(info.tls);
    QCOMPARE(info.tlsPhase, TlsPhase::Established);
    QCOMPARE(info.tlsProtocol, QStringLiteral("TLS 1.3"));
    QCOMPARE(info.tlsCipher, client.sessionCipher().name());
    QCOMPARE(info.tlsAlpn, QStringLiteral("h2"));
    QCOMPARE(info.tlsServerName, QStringLiteral("localhost"));
    QVERIFY(info.tlsClientCertificate.isEmpty());
    QCOMPARE(info.bytesReceived, quint64(message.size()));
    // The wire carries the handshake and the records' framing besides.
    QVERIFY(info.tlsBytesSent > info.bytesSent);
    QVERIFY(info.tlsBytesReceived > info.bytesReceived);
    QCOMPARE(recorder.totals().handshakesDone, quint64(1));
    QCOMPARE(recorder.totals().handshakesFailed, quint64(0));
    QVERIFY(recorder.logContains(QStringLiteral(": TLS handshake done, TLS 1.3, ")));
}

void TestTls::minimumTls13RefusesTls12Client()
{
    TlsSettings settings;
    settings.minimumProtocol = TlsMinimumProtocol::Tls13;
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.setTls(selfSignedSetup(settings));
    START_LISTENING(controller, recorder, 5);

    QSslSocket client;
    client.setProtocol(QSsl::TlsV1_2);
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), recorder.status().port);
    QVERIFY(client.waitForConnected(Timeout));
    const quint16 port = client.localPort();
    QVERIFY(!client.waitForEncrypted(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(ROW(recorder, port).state, ConnectionState::TlsFailed, Timeout);
    QCOMPARE(ROW(recorder, port).errorString, QStringLiteral("no shared protocol version"));
    QCOMPARE(recorder.totals().handshakesFailed, quint64(1));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.logContains(QStringLiteral(": TLS failed: no shared protocol version")), Timeout);
}

void TestTls::opensslSeesTheLoggedFingerprint()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.setTls(selfSignedSetup());
    START_LISTENING(controller, recorder, 5);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.logContains(QStringLiteral("TLS certificate SHA-256 fingerprint ")), Timeout);
    QString logged;
    for (const QString &line : recorder.log()) {
        if (line.startsWith(QStringLiteral("TLS certificate SHA-256 fingerprint ")))
            logged = line.section(QLatin1Char(' '), 4);
    }

    QProcess client;
    client.start(QStringLiteral("openssl"),
                 {QStringLiteral("s_client"), QStringLiteral("-connect"),
                  QStringLiteral("127.0.0.1:%1").arg(recorder.status().port), QStringLiteral("-showcerts")});
    client.closeWriteChannel(); // s_client ends once the handshake is done and stdin is at its end
    QVERIFY(client.waitForFinished(Timeout));
    const QByteArray shown = client.readAllStandardOutput();
    const qsizetype begin = shown.indexOf("-----BEGIN CERTIFICATE-----");
    const qsizetype end = shown.indexOf("-----END CERTIFICATE-----");
    QVERIFY2(begin >= 0 && end > begin, shown.constData());
    const QString certificatePath = path(QStringLiteral("shown.pem"));
    QVERIFY(writeFile(certificatePath, shown.mid(begin, end - begin) + "-----END CERTIFICATE-----\n"));
    const QByteArray fingerprint = openssl({QStringLiteral("x509"), QStringLiteral("-in"), certificatePath,
                                            QStringLiteral("-noout"), QStringLiteral("-fingerprint"),
                                            QStringLiteral("-sha256")});
    // "sha256 Fingerprint=AA:BB:..." (the prefix's case differs between versions)
    QCOMPARE(QString::fromLatin1(fingerprint.trimmed()).section(QLatin1Char('='), 1), logged);
}

void TestTls::clientCertificateRequired()
{
    TlsSettings settings;
    settings.clientCertificate = TlsClientCertificate::Require;
    settings.caPath = path(QStringLiteral("ca.pem"));
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.setTls(selfSignedSetup(settings));
    START_LISTENING(controller, recorder, 5);
    const quint16 serverPort = recorder.status().port;

    QSslSocket withCertificate;
    withCertificate.setPeerVerifyMode(QSslSocket::VerifyNone);
    withCertificate.setLocalCertificate(path(QStringLiteral("client.pem")));
    withCertificate.setPrivateKey(path(QStringLiteral("client.key")), QSsl::Ec);
    withCertificate.connectToHostEncrypted(QStringLiteral("127.0.0.1"), serverPort);
    QVERIFY2(withCertificate.waitForEncrypted(Timeout), qPrintable(withCertificate.errorString()));
    const quint16 goodPort = withCertificate.localPort();
    QTRY_COMPARE_WITH_TIMEOUT(ROW(recorder, goodPort).tlsPhase, TlsPhase::Established, Timeout);
    QVERIFY2(ROW(recorder, goodPort).tlsClientCertificate.contains(QStringLiteral("CN=test client")),
             qPrintable(ROW(recorder, goodPort).tlsClientCertificate));

    // In TLS 1.3 the client finishes first; the server checks its (missing) certificate after.
    QSslSocket without;
    without.setPeerVerifyMode(QSslSocket::VerifyNone);
    without.connectToHostEncrypted(QStringLiteral("127.0.0.1"), serverPort);
    QVERIFY(without.waitForConnected(Timeout));
    const quint16 badPort = without.localPort();
    QTRY_COMPARE_WITH_TIMEOUT(ROW(recorder, badPort).state, ConnectionState::TlsFailed, Timeout);
    QCOMPARE(ROW(recorder, badPort).errorString, QStringLiteral("client certificate required"));
    QTRY_COMPARE_WITH_TIMEOUT(without.state(), QAbstractSocket::UnconnectedState, Timeout);
}

void TestTls::plainClientOnTlsPort()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.setTls(selfSignedSetup());
    START_LISTENING(controller, recorder, 5);

    const int fd = posixConnect(recorder.status().port);
    QVERIFY(fd >= 0);
    const quint16 port = posixLocalPort(fd);
    const char request[] = "GET / HTTP/1.0\r\n\r\n";
    QCOMPARE(::write(fd, request, sizeof request - 1), ssize_t(sizeof request - 1));
    QTRY_COMPARE_WITH_TIMEOUT(ROW(recorder, port).state, ConnectionState::TlsFailed, Timeout);
    QCOMPARE(ROW(recorder, port).errorString, QStringLiteral("peer spoke plain text (HTTP?) to a TLS port"));
    QCOMPARE(connectionStateText(ConnectionState::TlsFailed), QStringLiteral("TLS failed"));
    // The client sees the server end it (EOF, or a reset if an alert went unread).
    QVERIFY(waitForEnd(fd, Timeout) != -1);
    ::close(fd);
}

void TestTls::handshakeTimesOut()
{
    TlsSettings settings;
    settings.handshakeTimeoutSeconds = 1;
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.setTls(selfSignedSetup(settings));
    START_LISTENING(controller, recorder, 5);

    const int fd = posixConnect(recorder.status().port);
    QVERIFY(fd >= 0);
    const quint16 port = posixLocalPort(fd);
    QTRY_COMPARE_WITH_TIMEOUT(ROW(recorder, port).tlsPhase, TlsPhase::Handshaking, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(ROW(recorder, port).state, ConnectionState::TlsFailed, Timeout);
    QCOMPARE(ROW(recorder, port).errorString, QStringLiteral("handshake timed out after 1 s"));
    QVERIFY(waitForEnd(fd, Timeout) != -1);
    ::close(fd);
}

void TestTls::badInput_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("needsPassphrase");

    const QString missing = path(QStringLiteral("missing.pem"));
    const QString empty = path(QStringLiteral("empty.pem"));
    const QString garbage = path(QStringLiteral("garbage.pem"));
    writeFile(empty, {});
    writeFile(garbage, "this is not a certificate\n\x01\x02\x03");
    const QString client = path(QStringLiteral("client.pem"));
    const QString clientKey = path(QStringLiteral("client.key"));
    const QString otherKey = path(QStringLiteral("ca.key"));
    const QString encrypted = path(QStringLiteral("encrypted.key"));
    const auto native = [](const QString &file) { return QDir::toNativeSeparators(file); };

    QTest::newRow("missing certificate") << missing << clientKey << QByteArray()
                                         << QStringLiteral("The certificate file %1 does not exist").arg(native(missing))
                                         << false;
    QTest::newRow("missing key") << client << missing << QByteArray()
                                 << QStringLiteral("The key file %1 does not exist").arg(native(missing)) << false;
    QTest::newRow("empty certificate") << empty << clientKey << QByteArray()
                                       << QStringLiteral("The certificate file %1 is empty").arg(native(empty)) << false;
    QTest::newRow("empty key") << client << empty << QByteArray()
                               << QStringLiteral("The key file %1 is empty").arg(native(empty)) << false;
    QTest::newRow("garbage certificate")
        << garbage << clientKey << QByteArray()
        << QStringLiteral("The certificate file %1 holds no certificate (PEM or DER) that can be read").arg(native(garbage))
        << false;
    QTest::newRow("garbage key") << client << garbage << QByteArray()
                                 << QStringLiteral("The key file %1 holds no private key (PEM or DER) that can be read")
                                        .arg(native(garbage))
                                 << false;
    QTest::newRow("mismatched") << client << otherKey << QByteArray()
                                << QStringLiteral("The key in %1 does not belong to the certificate in %2 (their public "
                                                  "keys differ)")
                                       .arg(native(otherKey), native(client))
                                << false;
    QTest::newRow("needs passphrase") << client << encrypted << QByteArray()
                                      << QStringLiteral("The key file %1 is encrypted: a passphrase is needed")
                                             .arg(native(encrypted))
                                      << true;
    QTest::newRow("wrong passphrase") << client << encrypted << QByteArrayLiteral("wrong")
                                      << QStringLiteral("The passphrase does not open the key file %1").arg(native(encrypted))
                                      << true;
    QTest::newRow("right passphrase") << client << encrypted << QByteArrayLiteral("secret") << QString() << false;
}

void TestTls::badInput()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QByteArray, passphrase);
    QFETCH(QString, error);
    QFETCH(bool, needsPassphrase);
    const TlsCredentials::Result result = TlsCredentials::load(filesSettings(certificate, key), passphrase);
    QCOMPARE(result.error, error);
    QCOMPARE(result.ok(), error.isEmpty());
    QCOMPARE(result.needsPassphrase, needsPassphrase);
    QVERIFY(result.warnings.isEmpty());
}

void TestTls::expiredCertificateIsAWarning()
{
    const QString expired = path(QStringLiteral("expired.pem"));
    const TlsCredentials::Result result =
        TlsCredentials::load(filesSettings(expired, path(QStringLiteral("client.key"))));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY2(result.warnings.first().contains(QStringLiteral("expired on 2020-01-02")), qPrintable(result.warnings.first()));

    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.setTls(result.setup);
    START_LISTENING(controller, recorder, 5);
    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), recorder.status().port);
    QVERIFY2(client.waitForEncrypted(Timeout), qPrintable(client.errorString()));

}

void TestTls::unreadableFile()
{
    // Root reads any file, so there the case cannot be made.
    if (::geteuid() == 0)
        QSKIP("running as root: a chmod 000 file is still readable");
    const QString locked = path(QStringLiteral("locked.pem"));
    QVERIFY(QFile::copy(path(QStringLiteral("client.pem")), locked));
    QVERIFY(QFile::setPermissions(locked, {}));
    const TlsCredentials::Result unreadable =
        TlsCredentials::load(filesSettings(locked, path(QStringLiteral("client.key"))));
    QVERIFY(!unreadable.ok());
    QVERIFY2(unreadable.error.startsWith(QStringLiteral("Cannot read the certificate file %1: ").arg(locked)),
             qPrintable(unreadable.error));
}

void TestTls::closeAsSClientSeesIt_data()
{
    QTest::addColumn<CloseMode>("mode");
    QTest::addColumn<ConnectionState>("state");
    QTest::newRow("close sends close_notify") << CloseMode::Graceful << ConnectionState::Closed;
    QTest::newRow("reset stays a reset") << CloseMode::Reset << ConnectionState::Aborted;
}

void TestTls::closeAsSClientSeesIt()
{
    QFETCH(CloseMode, mode);
    QFETCH(ConnectionState, state);
    ListenerController controller;
    BatchRecorder recorder(&controller);
    controller.setTls(selfSignedSetup());
    START_LISTENING(controller, recorder, 5);

    // s_client prints "closed" when it reads close_notify, "read:errno=N" for a bare EOF or a reset.
    QProcess client;
    client.start(QStringLiteral("openssl"), {QStringLiteral("s_client"), QStringLiteral("-connect"),
                                             QStringLiteral("127.0.0.1:%1").arg(recorder.status().port)});
    QVERIFY(client.waitForStarted(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().handshakesDone, quint64(1), Timeout);
    const quint64 id = recorder.connections().keys().first();
    controller.closeConnections({id}, mode);
    QVERIFY(client.waitForFinished(Timeout));
    const QByteArray output = client.readAllStandardOutput() + client.readAllStandardError();
    if (mode == CloseMode::Graceful) {
        QVERIFY2(output.contains("\nclosed\n") || output.startsWith("closed\n"), output.right(400).constData());
        QVERIFY(!output.contains("read:errno"));
    } else {
        QVERIFY2(output.contains("read:errno=104"), output.right(400).constData()); // ECONNRESET
    }
    QTRY_COMPARE_WITH_TIMEOUT(recorder.info(id).state, state, Timeout);
}

void TestTls::halfCloseIsRefused()
{
    ListenerController controller;
    BatchRecorder recorder(&controller);
    ServerBehaviour behaviour;
    behaviour.mode = ServerMode::Echo;
    controller.setBehaviour(behaviour);
    controller.setTls(selfSignedSetup());
    START_LISTENING(controller, recorder, 5);

    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), recorder.status().port);
    QVERIFY(client.waitForEncrypted(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.totals().handshakesDone, quint64(1), Timeout);
    const quint64 id = recorder.idOf(client.localPort());
    controller.closeConnections({id}, CloseMode::HalfClose);
    QTRY_VERIFY_WITH_TIMEOUT(
        recorder.logHas(QStringLiteral(
            "Connection #%1: half-close is not available on TLS: TLS 1.3 half-close is not portable").arg(id)),
        Timeout);
    QCOMPARE(recorder.info(id).state, ConnectionState::Open);

    client.write("still here");
    QByteArray echoed;
    QTRY_VERIFY_WITH_TIMEOUT((echoed += client.readAll()).size() >= 10, Timeout);
    QCOMPARE(echoed, QByteArrayLiteral("still here"));
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
}

// The plain path stops reading through Qt's read notifier; on TLS the capped read buffers of
// QSslSocket and its inner socket do it, and the encrypted bytes waiting count as unsent.
void TestTls::echoHoldsBackAPeerThatDoesNotRead()
{
    constexpr qint64 Flood = 64LL * 1024 * 1024;
    constexpr qint64 Chunk = 256 * 1024;
    ListenerController controller;
    BatchRecorder recorder(&controller);
    ServerBehaviour behaviour;
    behaviour.mode = ServerMode::Echo;
    controller.setBehaviour(behaviour);
    controller.setTls(selfSignedSetup());
    START_LISTENING(controller, recorder, 5);

    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.setReadBufferSize(64 * 1024); // the client reads no more than this: the echo piles up
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), recorder.status().port);
    QVERIFY(client.waitForEncrypted(Timeout));
    const quint16 port = client.localPort();
    qint64 onWire = 0;
    connect(&client, &QSslSocket::encryptedBytesWritten, this, [&onWire](qint64 bytes) { onWire += bytes; });
    qint64 queued = 0;
    const QByteArray chunk(Chunk, 'x');
    // Writes while the kernel takes it; stops once nothing moved for half a second.
    for (;;) {
        while (queued < Flood && client.bytesToWrite() + client.encryptedBytesToWrite() < 4 * Chunk) {
            client.write(chunk);
            queued += Chunk;
        }
        const qint64 before = onWire;
        QSignalSpy moved(&client, &QSslSocket::encryptedBytesWritten);
        if (!moved.wait(500) && onWire == before)
            break;
        if (queued >= Flood && client.encryptedBytesToWrite() == 0)
            break;
    }
    QTRY_VERIFY_WITH_TIMEOUT(ROW(recorder, port).bytesReceived > 0, Timeout);
    const ConnectionInfo held = ROW(recorder, port);
    qInfo("client queued %lld, the wire took %lld; the server read %llu and echoed %llu", queued, onWire,
          held.bytesReceived, held.bytesSent);
    QVERIFY2(onWire < Flood / 2, "the server kept reading a peer that never reads");
    QCOMPARE(held.state, ConnectionState::Open);

    // Once the client reads, the echo comes back in full.
    client.setReadBufferSize(0);
    qint64 echoed = 0;
    QTRY_VERIFY_WITH_TIMEOUT((echoed += client.readAll().size()) >= qint64(ROW(recorder, port).bytesReceived)
                                 && ROW(recorder, port).bytesReceived == ROW(recorder, port).bytesSent
                                 && client.bytesToWrite() == 0,
                             30000);
}

void TestTls::tlsFlags_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error"); // the first line of the usage message; empty when it parses

    const QString headless = QStringLiteral("--headless");
    QTest::newRow("self-signed") << QStringList{headless, QStringLiteral("--tls-self-signed")} << QString();
    QTest::newRow("files") << QStringList{headless, QStringLiteral("--tls-cert"), QStringLiteral("c.pem"),
                                          QStringLiteral("--tls-key"), QStringLiteral("k.pem")}
                           << QString();
    QTest::newRow("window") << QStringList{QStringLiteral("--tls-self-signed")} << QString();
    QTest::newRow("both sources") << QStringList{headless, QStringLiteral("--tls-self-signed"),
                                                 QStringLiteral("--tls-cert"), QStringLiteral("c.pem")}
                                  << QStringLiteral("For TLS give either --tls-cert and --tls-key, or --tls-self-signed");
    QTest::newRow("no key") << QStringList{headless, QStringLiteral("--tls-cert"), QStringLiteral("c.pem")}
                            << QStringLiteral("For TLS give both --tls-cert and --tls-key");
    QTest::newRow("alpn alone") << QStringList{headless, QStringLiteral("--alpn"), QStringLiteral("h2")}
                                << QStringLiteral("For TLS give either --tls-cert and --tls-key, or --tls-self-signed");
    QTest::newRow("min 1.4") << QStringList{headless, QStringLiteral("--tls-self-signed"), QStringLiteral("--tls-min"),
                                            QStringLiteral("1.4")}
                             << QStringLiteral("Bad --tls-min value \"1.4\": expected 1.2 or 1.3");
    QTest::newRow("require without CA")
        << QStringList{headless, QStringLiteral("--tls-self-signed"), QStringLiteral("--tls-client-cert"),
                       QStringLiteral("require")}
        << QStringLiteral("--tls-client-cert require needs --tls-ca");
    QTest::newRow("timeout 0") << QStringList{headless, QStringLiteral("--tls-self-signed"),
                                              QStringLiteral("--tls-handshake-timeout"), QStringLiteral("0")}
                               << QStringLiteral("Bad --tls-handshake-timeout value \"0\": expected a whole number "
                                                 "from 1 to 3600");
}

void TestTls::tlsFlags()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const CommandLine::Result result = CommandLine::parse(QStringList{QStringLiteral("socketlab")} + arguments);
    if (!error.isEmpty()) {
        QCOMPARE(result.outcome, CommandLine::Outcome::BadUsage);
        QCOMPARE(result.message.section(QLatin1Char('\n'), 0, 0), error);
        return;
    }
    QCOMPARE(result.outcome, CommandLine::Outcome::Run);
    QVERIFY(result.options.tls.has_value());
    QCOMPARE(result.options.tls->handshakeTimeoutSeconds, TlsSettings::DefaultHandshakeTimeoutSeconds);
}

void TestTls::headlessSelfSigned()
{
    const QString binary = qEnvironmentVariable("SOCKETLAB_BINARY");
    if (binary.isEmpty())
        QSKIP("SOCKETLAB_BINARY is not set");
    QTemporaryDir data;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
    HeadlessProcess server;
    server.start(binary, environment,
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--tls-self-signed"), QStringLiteral("--alpn"), QStringLiteral("http/1.1")});
    const quint16 port = server.waitForPort();
    QVERIFY2(port != 0, qPrintable(server.dump()));
    const QRegularExpression fingerprintLine(
        QStringLiteral("^TLS certificate SHA-256 fingerprint (([0-9A-F]{2}:){31}[0-9A-F]{2})$"));
    QTRY_VERIFY_WITH_TIMEOUT(server.indexOf(fingerprintLine) >= 0, Timeout);
    const QString logged = fingerprintLine.match(server.texts.at(server.indexOf(fingerprintLine))).captured(1);

    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    QVERIFY2(client.waitForEncrypted(Timeout), qPrintable(client.errorString()));
    QCOMPARE(TlsCredentials::fingerprint(client.peerCertificate()), logged);
    QTRY_VERIFY_WITH_TIMEOUT(server.indexOf(QRegularExpression(QStringLiteral(": TLS handshake done, TLS 1.3, "))) >= 0,
                             Timeout);
}

void TestTls::headlessBadInputExitsBeforeListening()
{
    const QString binary = qEnvironmentVariable("SOCKETLAB_BINARY");
    if (binary.isEmpty())
        QSKIP("SOCKETLAB_BINARY is not set");
    const QString missing = path(QStringLiteral("missing.pem"));
    HeadlessProcess server;
    server.start(binary, QProcessEnvironment::systemEnvironment(),
                 {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--tls-cert"), missing, QStringLiteral("--tls-key"), path(QStringLiteral("client.key"))});
    QVERIFY(server.process.waitForFinished(Timeout));
    server.finishReading();
    QCOMPARE(server.process.exitCode(), 2);
    QCOMPARE(server.standardError().trimmed(),
             QStringLiteral("socketlab: The certificate file %1 does not exist").arg(missing));
    QCOMPARE(server.indexOf(QRegularExpression(QStringLiteral("^Socket bound to"))), -1);

    // An encrypted key: the passphrase comes from the environment, never a flag.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SOCKETLAB_TLS_PASSPHRASE"), QStringLiteral("secret"));
    HeadlessProcess encrypted;
    encrypted.start(binary, environment,
                    {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--tls-cert"), path(QStringLiteral("client.pem")), QStringLiteral("--tls-key"),
                     path(QStringLiteral("encrypted.key"))});
    QVERIFY2(encrypted.waitForPort() != 0, qPrintable(encrypted.dump() + encrypted.standardError()));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
