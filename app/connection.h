#pragma once

#include "connectioninfo.h"

#include <QAbstractSocket>
#include <QObject>

class QTcpSocket;

// One accepted TCP connection, owned by the Listener on the network thread.
class Connection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)

public:
    // Takes ownership of an accepted socket, opened unbuffered so that data is read here.
    explicit Connection(quint64 id, QTcpSocket *socket, QObject *parent = nullptr);
    ~Connection() override;

    quint64 id() const { return m_info.id; }
    const ConnectionInfo &info() const { return m_info; }
    bool isFinished() const { return m_info.isFinished(); }

    // Graceful close: pending data is flushed, then FIN; the peer reads EOF.
    void close();

    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    // Bytes moved or the state changed; the deltas feed the listener's totals.
    void changed(quint64 id, qint64 receivedDelta, qint64 sentDelta);
    // The connection reached a final state; it deletes itself afterwards.
    void finished(quint64 id);

private:
    void onReadyRead();
    void onBytesWritten(qint64 bytes);
    void onErrorOccurred(QAbstractSocket::SocketError error);
    void onDisconnected();
    void checkPendingError();
    // Closed, Peer closed or Reset, from what this side asked and what the socket reported.
    void finishAsObserved();
    void finish(ConnectionState state, const QString &errorString = {});

    QTcpSocket *m_socket = nullptr;
    ConnectionInfo m_info;
    bool m_resetSeen = false;
    bool m_closeRequested = false;
};
