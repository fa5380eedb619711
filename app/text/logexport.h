#pragma once

#include "logentry.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

// The event log as files for other tools, UTF-8, timestamps in ISO 8601 local time with the offset.
namespace LogExport {

// RFC 4180: a "timestamp,level,message" header, CRLF line ends, fields quoted when needed.
// A field starting with = + - @ tab or CR gets a leading ' so a spreadsheet shows it as text
// instead of running it as a formula.
QByteArray toCsv(const QList<LogEntry> &entries);

// One entry as JSON: timestamp, epoch_ms, level and message always; event, listener,
// connection, peer, bytes (in + out), bytes_in, bytes_out and reason where the entry has them.
QJsonObject jsonObject(const LogEntry &entry);

// One compact JSON object per line, each line ending with '\n':
// {"epoch_ms":1700000000123,"level":"Info","message":"...","timestamp":"2023-11-14T22:13:20.123Z"}
QByteArray toJsonLines(const QList<LogEntry> &entries);

} // namespace LogExport
