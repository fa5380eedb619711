#pragma once

#include "faultplan.h"

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
    TlsFailed,  // the TLS handshake failed or timed out; errorString says why
};

// Where a Forward mode connection's own connection to the upstream stands; None when not forwarding.
enum class UpstreamState : quint8 {
    None,
    Connecting, // looking the host up or waiting for the handshake
    Connected,  // relaying both ways
    HalfClosed, // one direction has ended (a FIN passed on); the other still flows
    Closed,     // both directions ended, or the client's end closed it
    Refused,    // the upstream refused the connection
    TimedOut,   // the upstream did not answer in time
    Reset,      // the upstream reset it, or it was reset for the client
    Failed,     // another error: host not found, unreachable; upstreamError says which
};

// Where a TLS connection's handshake stands; None on a plain connection.
enum class TlsPhase : quint8 { None, Handshaking, Established };

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
    // TLS: the byte counts and the transcript above are the decrypted application bytes.
    bool tls = false;
    TlsPhase tlsPhase = TlsPhase::None;
    QString tlsProtocol;          // "TLS 1.3", once established
    QString tlsCipher;            // "TLS_AES_256_GCM_SHA384"
    QString tlsServerName;        // SNI from the client's hello; empty when it sent none
    QString tlsAlpn;              // the negotiated application protocol; empty for none
    QString tlsClientCertificate; // the client certificate's subject; empty for none
    quint64 tlsBytesReceived = 0; // on the wire: TLS records and the handshake, TCP payload
    quint64 tlsBytesSent = 0;
    Faults faults;            // the faults injected into it now
    bool readsStalled = false; // the stall-reads fault keeps the server from reading
    // Forward mode: the upstream as given ("127.0.0.1:8080"), how its connection stands and,
    // when it failed, why.
    QString upstream;
    UpstreamState upstreamState = UpstreamState::None;
    QString upstreamError;

    bool isFinished() const;
    qint64 durationMs(qint64 nowMs) const;
};

QString connectionStateText(ConnectionState state);
// "Connecting", "Connected", "Refused", ...; empty for None.
QString upstreamStateText(UpstreamState state);

Q_DECLARE_METATYPE(ConnectionInfo)
