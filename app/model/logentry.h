#pragma once

#include <QMetaType>
#include <QString>

enum class LogLevel : quint8 {
    Info,       // lifecycle: bind, listen, waiting, stop
    Connection, // a connection was accepted or ended
    Warning,
    Error,
};

// What a line of the log reports, for the tools that read it: stable words, whatever the
// language of the text. Other for the lines that are only text.
enum class LogEvent : quint8 {
    Other,
    Bound,          // "Socket bound to ..."
    Listening,      // "Listening with backlog N"
    ListenFailed,   // "Not listening on ...": socket(), bind() or listen() failed
    Waiting,        // "Waiting for a connection..."
    Stopped,        // "Stopped listening on ..."
    Accepted,       // "Connection from ..."
    TlsEstablished, // the TLS handshake is done
    Closed,         // FIN: by the peer or the server (reason says which)
    Reset,          // RST: by the peer or the server (reason says which)
    Refused,        // accepted and closed at once: the access lists or the maximum
    Failed,         // a socket error ended it
    TlsFailed,      // the TLS handshake failed
    Sent,           // bytes sent from the app to connections
};

// One line of the event log.
struct LogEntry
{
    qint64 timestampMs = 0; // ms since the epoch
    LogLevel level = LogLevel::Info;
    QString text;
    int listenerId = 0; // the listener it is about; 0 for the application's own lines
    // What the line reports, for --log-format jsonl and the JSON Lines export.
    LogEvent event = LogEvent::Other;
    quint64 connectionId = 0; // 0: not about one connection
    QString peer{};           // "127.0.0.1:54321"; empty when not about one
    qint64 bytesIn = -1;      // from the peer over the connection's life; -1 when not known
    qint64 bytesOut = -1;     // to the peer (or, for Sent, in this send); -1 when not known
    QString reason{};         // why it ended or was refused: "peer", "server", or the words

    // "hh:mm:ss.zzz  text" in local time, as shown in the log and printed by --headless. With
    // several listeners a listener's line names it: "hh:mm:ss.zzz  [#2] text".
    QString formatted(bool namingListener = false) const;
};

QString logLevelText(LogLevel level);
// "accepted", "closed", ...: the event's word in JSON; empty for Other.
QString logEventName(LogEvent event);

Q_DECLARE_METATYPE(LogEntry)
