#pragma once

#include <QMetaType>
#include <QString>

enum class LogLevel : quint8 {
    Info,       // lifecycle: bind, listen, waiting, stop
    Connection, // a connection was accepted or ended
    Warning,
    Error,
};

// One line of the event log.
struct LogEntry
{
    qint64 timestampMs = 0; // ms since the epoch
    LogLevel level = LogLevel::Info;
    QString text;
    int listenerId = 0; // the listener it is about; 0 for the application's own lines

    // "hh:mm:ss.zzz  text" in local time, as shown in the log and printed by --headless. With
    // several listeners a listener's line names it: "hh:mm:ss.zzz  [#2] text".
    QString formatted(bool namingListener = false) const;
};

QString logLevelText(LogLevel level);

Q_DECLARE_METATYPE(LogEntry)
