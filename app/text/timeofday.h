#pragma once

#include <QString>

// "hh:mm:ss.zzz" in local time, as the log and the transcripts print a moment. Written out by
// hand: QDateTime looks the time zone up afresh for each moment, which, printed for every
// connection of a burst, took several per cent of the process's time.
class TimeOfDay final
{
public:
    TimeOfDay() = delete;

    static QString format(qint64 msecsSinceEpoch);
};
