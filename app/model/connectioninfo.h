#pragma once

#include <QHostAddress>
#include <QMetaType>
#include <QString>

// How a connection stands now; from PeerClosed on, final.
enum class ConnectionState : quint8 {
    Open,       // accepted, both directions usable
    Closing,    // the server asked to close; pending data is being flushed
    HalfClosed, // the server shut its sending side (FIN sent); the peer can still send
    PeerClosed, // the peer sent FIN
    Closed,     // the server closed it
    Reset,      // the peer reset it (RST)
    Aborted,    // the server reset it (RST)
    Error,      // another socket error ended it
};

// The three ways the server can end a connection.
enum class CloseMode : quint8 {
    Graceful,  // flush pending data, then FIN: the peer reads EOF
    HalfClose, // shut the sending side only: the peer reads EOF and can still send
    Reset,     // SO_LINGER {1, 0} then close: RST, the peer gets ECONNRESET
};

// A snapshot of one accepted connection, copied from the network thread to the UI.
struct ConnectionInfo
{
    quint64 id = 0; // unique across the listeners of one controller
    int listenerId = 1; // the listener that accepted it
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
    bool recording = true; // the transcript keeps the bytes (not in Discard mode)
    bool halfClosedByServer = false; // the server shut its sending side before the end

    bool isFinished() const;
    qint64 durationMs(qint64 nowMs) const;
};

QString connectionStateText(ConnectionState state);

Q_DECLARE_METATYPE(ConnectionInfo)
