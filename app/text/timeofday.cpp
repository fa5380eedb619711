#include "timeofday.h"

#include <QDateTime>

#include <iterator>

namespace {

constexpr qint64 HourMs = 60 * 60 * 1000;
constexpr qint64 DayMs = 24 * HourMs;

// The offset from UTC, looked up once per quarter hour of UTC: every zone's offset is a multiple
// of 15 minutes and changes on a whole hour of its local time, so on a quarter hour of UTC.
struct OffsetCache
{
    qint64 spanStartMs = -1;
    qint64 offsetMs = 0;
};

qint64 offsetAt(qint64 msecsSinceEpoch)
{
    constexpr qint64 SpanMs = HourMs / 4;
    thread_local OffsetCache cache;
    const qint64 spanStart = msecsSinceEpoch - ((msecsSinceEpoch % SpanMs) + SpanMs) % SpanMs;
    if (cache.spanStartMs != spanStart) {
        cache.spanStartMs = spanStart;
        cache.offsetMs = qint64(QDateTime::fromMSecsSinceEpoch(spanStart).offsetFromUtc()) * 1000;
    }
    return cache.offsetMs;
}

} // namespace

QString TimeOfDay::format(qint64 msecsSinceEpoch)
{
    qint64 local = (msecsSinceEpoch + offsetAt(msecsSinceEpoch)) % DayMs;
    if (local < 0)
        local += DayMs;
    const int hours = int(local / HourMs);
    const int minutes = int(local / 60000 % 60);
    const int seconds = int(local / 1000 % 60);
    const int millis = int(local % 1000);
    const char16_t text[] = {
        char16_t(u'0' + hours / 10),   char16_t(u'0' + hours % 10),   u':',
        char16_t(u'0' + minutes / 10), char16_t(u'0' + minutes % 10), u':',
        char16_t(u'0' + seconds / 10), char16_t(u'0' + seconds % 10), u'.',
        char16_t(u'0' + millis / 100), char16_t(u'0' + millis / 10 % 10), char16_t(u'0' + millis % 10),
    };
    return QString(reinterpret_cast<const QChar *>(text), qsizetype(std::size(text)));
}
