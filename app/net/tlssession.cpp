#include "tlssession.h"

#include "clienthello.h"
#include "connectioninfo.h"
#include "qtsocketinternals.h"
#include "tcpinforeader.h"
#include "tlsserversetup.h"

#include <QEvent>
#include <QSocketNotifier>
#include <QSslCipher>
#include <QSslSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#  include <sys/socket.h>
#endif

namespace {

// Enough for any ClientHello that fits one segment, with room for post-quantum key shares.
constexpr int PeekBytes = 4096;

QString protocolText(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    case QSsl::DtlsV1_2:
        return QStringLiteral("DTLS 1.2");
    default:
        return QStringLiteral("TLS");
    }
}

bool containsAny(const QString &text, std::initializer_list<const char *> parts)
{
    for (const char *part : parts) {
        if (text.contains(QLatin1String(part), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

QSslSocket *TlsSession::createSocket(qintptr descriptor, const TlsServerSetup &setup, QObject *parent,
                                     QString *error)
{
    auto *socket = new QSslSocket(parent);
    if (!socket->setSocketDescriptor(descriptor, QAbstractSocket::ConnectedState, QIODevice::ReadWrite)) {
        *error = socket->errorString();
        delete socket;
        return nullptr;
    }
    socket->setSslConfiguration(setup.configuration);
    return socket;
}

TlsSession::TlsSession(QSslSocket *socket, ConnectionInfo *info, int timeoutSeconds, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_info(info)
    , m_timer(new QTimer(this))
    , m_timeoutSeconds(timeoutSeconds)
{
    m_info->tls = true;
    m_info->tlsPhase = TlsPhase::Handshaking;
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &TlsSession::timedOut);
    connect(m_socket, &QSslSocket::encrypted, this, &TlsSession::onEncrypted);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, [this](qint64 bytes) {
        m_info->tlsBytesSent += quint64(bytes);
        emit wireBytesWritten(bytes);
    });
}

TlsSession::~TlsSession() = default;

void TlsSession::start()
{
    // The plain socket inside QSslSocket holds the read notifier; findChildren reaches it.
    if (QSocketNotifier *notifier = QtSocketInternals::readNotifier(m_socket))
        notifier->installEventFilter(this);
    if (m_timeoutSeconds > 0)
        m_timer->start(m_timeoutSeconds * 1000);
    m_socket->startServerEncryption();
}

bool TlsSession::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_peeked && event->type() == QEvent::SockAct)
        peekFirstBytes();
    return QObject::eventFilter(watched, event);
}

void TlsSession::peekFirstBytes()
{
    m_peeked = true;
#ifdef Q_OS_UNIX
    QByteArray bytes(PeekBytes, Qt::Uninitialized);
    const ssize_t n = ::recv(int(m_socket->socketDescriptor()), bytes.data(), size_t(bytes.size()),
                             MSG_PEEK | MSG_DONTWAIT);
    if (n <= 0) {
        m_peeked = n == 0; // nothing yet (a spurious wake-up): look again next time
        return;
    }
    bytes.truncate(n);
    m_firstByte = quint8(bytes.at(0));
    m_info->tlsServerName = ClientHello::serverName(bytes);
#endif
}

qint64 TlsSession::encryptedBytesToWrite() const
{
    return m_socket->encryptedBytesToWrite();
}

void TlsSession::updateWireBytesReceived(qint64 nowMs)
{
    if (nowMs != 0) {
        if (nowMs - m_wireBytesReadAtMs < WireBytesIntervalMs)
            return;
        m_wireBytesReadAtMs = nowMs;
    }
    const TcpInfo info = readTcpInfo(m_socket->socketDescriptor());
    if (info.available)
        m_info->tlsBytesReceived = info.bytesReceived;
}

QString TlsSession::failureReason(const QString &socketError) const
{
    if (m_firstByte >= 0 && m_firstByte != ClientHello::HandshakeRecord)
        return tr("peer spoke plain text (HTTP?) to a TLS port");
    if (containsAny(socketError, {"unsupported protocol", "no protocols available", "protocol version",
                                  "version too low", "wrong ssl version"}))
        return tr("no shared protocol version");
    if (containsAny(socketError, {"did not present any certificate", "peer did not return a certificate",
                                  "certificate required"}))
        return tr("client certificate required");
    if (m_firstByte < 0)
        return tr("the peer closed the connection before the TLS handshake began");
    return socketError;
}

QString TlsSession::timeoutReason() const
{
    return tr("handshake timed out after %1 s").arg(m_timeoutSeconds);
}

void TlsSession::onEncrypted()
{
    m_timer->stop();
    m_established = true;
    m_info->tlsPhase = TlsPhase::Established;
    m_info->tlsProtocol = protocolText(m_socket->sessionProtocol());
    m_info->tlsCipher = m_socket->sessionCipher().name();
    const QSslConfiguration configuration = m_socket->sslConfiguration();
    m_info->tlsAlpn = QString::fromUtf8(configuration.nextNegotiatedProtocol());
    const QSslCertificate peer = m_socket->peerCertificate();
    if (!peer.isNull()) {
        QStringList parts;
        const QList<QByteArray> attributes = peer.subjectInfoAttributes();
        for (const QByteArray &attribute : attributes)
            parts.append(QString::fromLatin1(attribute) + QLatin1Char('=')
                         + peer.subjectInfo(attribute).join(QStringLiteral(", ")));
        m_info->tlsClientCertificate = parts.join(QStringLiteral(", "));
    }
    updateWireBytesReceived();
    emit established();
}
