#include "chartaxis.h"

#include <QCoreApplication>

#include <cmath>

namespace ChartAxis {

namespace {

const char *const RateUnits[] = {QT_TRANSLATE_NOOP("TrafficChart", "B/s"), QT_TRANSLATE_NOOP("TrafficChart", "KiB/s"),
                                 QT_TRANSLATE_NOOP("TrafficChart", "MiB/s"), QT_TRANSLATE_NOOP("TrafficChart", "GiB/s")};
constexpr int RateUnitCount = int(sizeof(RateUnits) / sizeof(RateUnits[0]));

// The translation context of this file's texts; lupdate reads it from the macro.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(TrafficChart)
};

// The smallest 1, 2 or 5 times a power of ten that is at least `value`.
double niceCeil(double value)
{
    if (value <= 0)
        return 1;
    const double base = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0}) {
        if (step * base >= value * (1 - 1e-9))
            return step * base;
    }
    return 10 * base;
}

} // namespace

Scale countScale(int maxCount)
{
    const double top = niceCeil(qMax(maxCount, 1));
    return {top, QString::number(qRound64(top))};
}

Scale rateScale(double maxBytesPerSecond)
{
    if (!(maxBytesPerSecond > 0))
        return {1024.0, Text::tr("%1 %2").arg(1).arg(Text::tr(RateUnits[1]))};
    const double value = qMax(maxBytesPerSecond, 10.0);
    int unit = 0;
    double unitBytes = 1;
    // Past 500 of a unit the next round top would be 1000 or more: one of the next unit reads better.
    while (value / unitBytes > 500 && unit + 1 < RateUnitCount) {
        unitBytes *= 1024;
        ++unit;
    }
    const double top = qMax(1.0, niceCeil(value / unitBytes));
    return {top * unitBytes, Text::tr("%1 %2").arg(qRound64(top)).arg(Text::tr(RateUnits[unit]))};
}

QString rateText(double bytesPerSecond)
{
    double value = std::isfinite(bytesPerSecond) && bytesPerSecond > 0 ? bytesPerSecond : 0.0;
    if (qRound64(value) < 1024)
        return Text::tr("%1 %2").arg(qRound64(value)).arg(Text::tr(RateUnits[0]));
    int unit = 0;
    while (value >= 1024 && unit + 1 < RateUnitCount) {
        value /= 1024;
        ++unit;
    }
    return Text::tr("%1 %2").arg(value, 0, 'f', 1).arg(Text::tr(RateUnits[unit]));
}

QString ageText(int seconds, int step)
{
    if (seconds == 0)
        return Text::tr("now");
    // One unit for the whole axis, the step's: -30 s, -60 s, -90 s, never -1 min between them.
    if (step % 3600 == 0)
        return Text::tr("-%1 h").arg(seconds / 3600);
    if (step % 60 == 0)
        return Text::tr("-%1 min").arg(seconds / 60);
    return Text::tr("-%1 s").arg(seconds);
}

int timeStep(int windowSeconds, int fits)
{
    fits = qMax(1, fits);
    for (const int candidate : {5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600}) {
        if (windowSeconds / candidate + 1 <= fits)
            return candidate;
    }
    return qMax(1, windowSeconds);
}

} // namespace ChartAxis
