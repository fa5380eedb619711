#pragma once

#include <QMetaType>
#include <QString>

// What the kernel knows about one TCP connection (Linux TCP_INFO), copied to the UI.
struct TcpInfo
{
    bool available = false;   // false where the platform has no TCP_INFO or the kernel did not answer
    quint8 state = 0;         // the kernel's TCP state, Linux numbering (1 ESTABLISHED ... 11 CLOSING)
    quint32 rttUs = 0;        // smoothed round-trip time
    quint32 rttVarUs = 0;     // its mean deviation
    quint32 sndCwnd = 0;      // congestion window, in segments
    quint32 retransmits = 0;  // timeouts in a row now without an answer (tcpi_retransmits)
    quint32 totalRetrans = 0; // segments retransmitted over the connection's life
    quint64 bytesAcked = 0;   // bytes sent that the peer acknowledged
    quint64 bytesReceived = 0; // payload bytes the kernel received, read by the application or not
    quint32 unacked = 0;      // segments sent and not yet acknowledged
    quint32 lastDataSentMs = 0; // since the kernel last sent data
    quint32 lastDataRecvMs = 0; // since the kernel last received data

    bool operator==(const TcpInfo &other) const;
    bool operator!=(const TcpInfo &other) const { return !(*this == other); }
};

// True where readTcpInfo() (tcpinforeader.h) can answer (Linux).
bool tcpInfoSupported();
// "ESTABLISHED", "CLOSE_WAIT", ... for a Linux TCP state number; "UNKNOWN (n)" otherwise.
QString tcpStateName(quint8 state);

Q_DECLARE_METATYPE(TcpInfo)
