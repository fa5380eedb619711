#pragma once

#include <QString>

// How numbers and times read in the window.
namespace DisplayFormat {

// "512 B", "1.5 KiB", "3.2 MiB"
QString bytes(quint64 count);
// "850 ms", "12.4 s", "3 min 05 s", "2 h 03 min"
QString duration(qint64 ms);
// Local wall-clock time with milliseconds: "14:03:27.123"
QString timeOfDay(qint64 msSinceEpoch);

} // namespace DisplayFormat
