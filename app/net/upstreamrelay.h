#pragma once

#include "connectioninfo.h"
#include "forwardtarget.h"

#include <QAbstractSocket>
#include <QObject>

#include <functional>

class QTcpSocket;
class QTimer;

// Forward mode's other half: one client connection's own connection to the upstream, on the
// network thread. Connection hands it the client's bytes (sendUpstream, the one path they take)
// and passes what it receives on to the client through its normal send path. An end is passed
// on as it came: the upstream's FIN as upstreamEnded, its RST as upstreamReset; the client's FIN
// as a shutdown of the upstream's sending side, its RST as an abortive close.
//
// Memory stays bounded both ways: the upstream is read no further while the client has more
// than HighWater unsent, and Connection stops reading the client while the upstream has.
class UpstreamRelay final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamRelay)

public:
    static constexpr int ConnectTimeoutMs = 10000;
    static constexpr qint64 HighWater = 1024 * 1024;
    // Reading resumes below this, so that a slow side does not toggle it on every write.
    static constexpr qint64 LowWater = 256 * 1024;

    // clientBacklog tells how much waits unsent to the client.
    UpstreamRelay(const ForwardTarget &target, std::function<qint64()> clientBacklog, QObject *parent = nullptr);
    ~UpstreamRelay() override;

    void start();
    UpstreamState state() const { return m_state; }
    QString target() const { return m_target.toString(); }
    // Connected, and the upstream's sending side not yet shut: client bytes may go on.
    bool acceptsClientBytes() const;
    // Bytes from the client, for the upstream: every one goes through here.
    void sendUpstream(const QByteArray &data);
    // So much waits unsent to the upstream that the client should be read no further.
    bool upstreamBacklogFull() const;
    // The client sent FIN: the upstream gets one once what waits for it is sent.
    void clientEnded();
    // The client took what waited for it: the upstream may be read again.
    void resumeReading();
    // The client's connection ended: reset the upstream, or close it once what waits is sent.
    // Says nothing afterwards; it may outlive its parent's children until that is sent.
    void release(bool reset);

    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void connected();
    // Upstream bytes for the client.
    void received(const QByteArray &data);
    // The upstream took most of what waited: the client may be read again.
    void drained();
    // The upstream sent FIN and every byte before it was passed on.
    void upstreamEnded();
    // The upstream reset the connection, or it failed once up; reason for the log.
    void upstreamReset(const QString &reason);
    // Connecting failed: refused, timed out or another error; reason for the log.
    void failed(const QString &reason);
    void stateChanged();

private:
    void onConnected();
    void onErrorOccurred(QAbstractSocket::SocketError error);
    void onTimeout();
    void onBytesWritten();
    void readUpstream();
    void watchNotifiers();
    void passOnEndIfRead();
    void shutdownIfSent();
    void setState(UpstreamState state);
    void fail(UpstreamState state, const QString &reason);

    ForwardTarget m_target;
    std::function<qint64()> m_clientBacklog;
    QTcpSocket *m_socket = nullptr;
    QTimer *m_connectTimer = nullptr;
    UpstreamState m_state = UpstreamState::None;
    bool m_readStalled = false;
    bool m_writeStalled = false;  // the client is held back until the upstream takes more
    bool m_endSeen = false;       // the upstream's FIN is in, held back from Qt
    bool m_endPassed = false;
    bool m_shutdownPending = false; // the client's FIN waits for the upstream to take the rest
    bool m_shutdown = false;
    bool m_released = false;
    bool m_watchingWrites = false;
};
