#include "logexport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace LogExport {

namespace {

// "2023-11-14T23:13:20.123+01:00"; Qt leaves the offset out for local time, so it is made explicit.
// A zero offset is written "Z".
QString isoTimestamp(qint64 msecsSinceEpoch)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch);
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

QString csvField(const QString &value)
{
    QString field = value;
    // OWASP's guard against formula injection: these starts make a spreadsheet evaluate the cell.
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!field.isEmpty() && formulaStarts.contains(field.at(0)))
        field.prepend(QLatin1Char('\''));
    if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) || field.contains(QLatin1Char('\r'))
        || field.contains(QLatin1Char('\n'))) {
        field.replace(QLatin1String("\""), QLatin1String("\"\""));
        field = QLatin1Char('"') + field + QLatin1Char('"');
    }
    return field;
}

} // namespace

QJsonObject jsonObject(const LogEntry &entry)
{
    QJsonObject object{
        {QStringLiteral("timestamp"), isoTimestamp(entry.timestampMs)},
        {QStringLiteral("epoch_ms"), entry.timestampMs},
        {QStringLiteral("level"), logLevelText(entry.level)},
        {QStringLiteral("message"), entry.text},
    };
    // What the line is about, where it is about something: absent fields are unknown.
    if (entry.event != LogEvent::Other)
        object.insert(QStringLiteral("event"), logEventName(entry.event));
    if (entry.listenerId != 0)
        object.insert(QStringLiteral("listener"), entry.listenerId);
    if (entry.connectionId != 0)
        object.insert(QStringLiteral("connection"), qint64(entry.connectionId));
    if (!entry.peer.isEmpty())
        object.insert(QStringLiteral("peer"), entry.peer);
    if (entry.bytesIn >= 0 || entry.bytesOut >= 0) {
        object.insert(QStringLiteral("bytes"), std::max<qint64>(0, entry.bytesIn) + std::max<qint64>(0, entry.bytesOut));
        if (entry.bytesIn >= 0)
            object.insert(QStringLiteral("bytes_in"), entry.bytesIn);
        if (entry.bytesOut >= 0)
            object.insert(QStringLiteral("bytes_out"), entry.bytesOut);
    }
    if (!entry.reason.isEmpty())
        object.insert(QStringLiteral("reason"), entry.reason);
    return object;
}

QByteArray toCsv(const QList<LogEntry> &entries)
{
    QString text = QStringLiteral("timestamp,level,message\r\n");
    for (const LogEntry &entry : entries) {
        text += csvField(isoTimestamp(entry.timestampMs)) + QLatin1Char(',') + csvField(logLevelText(entry.level))
            + QLatin1Char(',') + csvField(entry.text) + QLatin1String("\r\n");
    }
    return text.toUtf8();
}

QByteArray toJsonLines(const QList<LogEntry> &entries)
{
    QByteArray lines;
    for (const LogEntry &entry : entries) {
        lines += QJsonDocument(jsonObject(entry)).toJson(QJsonDocument::Compact);
        lines += '\n';
    }
    return lines;
}

} // namespace LogExport
