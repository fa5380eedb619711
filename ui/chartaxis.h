#pragma once

#include <QString>

// Scales and labels of the traffic chart's axes, in human units.
namespace ChartAxis {

struct Scale
{
    double top = 1;  // the value at the top of the plot
    QString label;   // how the top reads: "20", "500 KiB/s"
};

// A round top for a count: 1, 2 or 5 times a power of ten.
Scale countScale(int maxCount);
// A round top for bytes per second in a binary unit: "1 KiB/s" when there was no traffic.
Scale rateScale(double maxBytesPerSecond);
// "512 B/s", "1.5 KiB/s", "12.0 MiB/s"; anything not a positive number reads as 0 B/s.
QString rateText(double bytesPerSecond);
// A time tick in the unit of the axis' step (a whole number of them): "now", "-90 s" for a
// step of 30 s, "-5 min" for a step of a minute, "-1 h".
QString ageText(int seconds, int step);
// The smallest round step between time ticks that puts at most `fits` labels, "now" included,
// over the window.
int timeStep(int windowSeconds, int fits);

} // namespace ChartAxis
