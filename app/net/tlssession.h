#pragma once

#include <QObject>
#include <QString>

class QSslSocket;
class QTimer;
struct ConnectionInfo;
struct TlsServerSetup;

// The TLS side of one accepted connection: starts the server handshake, times it out, fills the
// connection's TLS fields and names why a handshake failed. Owned by its Connection; plain
// connections have none.
class TlsSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsSession)

public:
    // A server-mode QSslSocket on an accepted descriptor; nullptr with *error set when Qt cannot
    // take it (the descriptor is then still the caller's).
    static QSslSocket *createSocket(qintptr descriptor, const TlsServerSetup &setup, QObject *parent,
                                    QString *error);

    // info is the connection's own snapshot, updated in place.
    explicit TlsSession(QSslSocket *socket, ConnectionInfo *info, int timeoutSeconds, QObject *parent = nullptr);
    ~TlsSession() override;

    // Watches the first bytes and starts the handshake and its timer.
    void start();
    bool isEstablished() const { return m_established; }
    // Encrypted bytes Qt holds for the wire, beyond what QSslSocket::bytesToWrite() counts.
    qint64 encryptedBytesToWrite() const;
    // Why the handshake failed, in the words the log uses; socketError is Qt's text.
    QString failureReason(const QString &socketError) const;
    QString timeoutReason() const;
    // The TCP payload received so far, from the kernel: TLS has no count of its own. A read of
    // TCP_INFO after every read costs a stream about 6 %, so while data flows it is read at most
    // every WireBytesIntervalMs (nowMs); 0 reads it now.
    void updateWireBytesReceived(qint64 nowMs = 0);
    static constexpr qint64 WireBytesIntervalMs = 100;

    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void established();
    void timedOut();
    // Encrypted bytes went onto the wire; the info's count is updated already.
    void wireBytesWritten(qint64 bytes);

private:
    void onEncrypted();
    // The first readable event, before Qt reads: what the client sent first, left in place.
    void peekFirstBytes();

    QSslSocket *m_socket = nullptr;
    ConnectionInfo *m_info = nullptr;
    QTimer *m_timer = nullptr;
    int m_timeoutSeconds = 0;
    bool m_established = false;
    bool m_peeked = false;
    int m_firstByte = -1; // -1 until something arrived
    qint64 m_wireBytesReadAtMs = 0;
};
