#pragma once

#include <QHostAddress>
#include <QMetaType>
#include <QString>

// How a connection stands now; the last four are final.
enum class ConnectionState : quint8 {
    Open,       // accepted, both directions usable
    Closing,    // the server asked to close; pending data is being flushed
    PeerClosed, // the peer sent FIN
    Closed,     // the server closed it
    Reset,      // the peer reset it (RST)
    Error,      // another socket error ended it
};

// A snapshot of one accepted connection, copied from the network thread to the UI.
struct ConnectionInfo
{
    quint64 id = 0;
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    QHostAddress localAddress;
    quint16 localPort = 0;
    qint64 acceptedAtMs = 0; // ms since the epoch
    qint64 closedAtMs = 0;   // 0 while not finished
    qint64 lastActivityMs = 0;
    quint64 bytesReceived = 0;
    quint64 bytesSent = 0;
    ConnectionState state = ConnectionState::Open;
    QString errorString;

    bool isFinished() const;
    qint64 durationMs(qint64 nowMs) const;
};

QString connectionStateText(ConnectionState state);

Q_DECLARE_METATYPE(ConnectionInfo)
