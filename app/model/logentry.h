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

    // "hh:mm:ss.zzz  text" in local time, as shown in the log and printed by --headless.
    QString formatted() const;
};

QString logLevelText(LogLevel level);

Q_DECLARE_METATYPE(LogEntry)
