#include "kernelcolours.h"

#include <QPalette>

namespace KernelColours {

namespace {

QColor pick(const QPalette &palette, QRgb light, QRgb dark)
{
    return QColor::fromRgb(isDark(palette) ? dark : light);
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor error(const QPalette &palette)
{
    return pick(palette, 0xc62828, 0xef5350);
}

QColor warning(const QPalette &palette)
{
    return pick(palette, 0xb26a00, 0xffb74d);
}

QColor connections(const QPalette &palette)
{
    return pick(palette, 0x2e7d32, 0x81c784);
}

QColor bytesIn(const QPalette &palette)
{
    return pick(palette, 0x1565c0, 0x64b5f6);
}

QColor bytesOut(const QPalette &palette)
{
    return pick(palette, 0xd84315, 0xff8a65);
}

QColor tint(const QColor &colour, const QPalette &palette, double alpha)
{
    const QColor base = palette.color(QPalette::Base);
    const auto mix = [alpha](int over, int under) { return int(over * alpha + under * (1.0 - alpha) + 0.5); };
    return QColor(mix(colour.red(), base.red()), mix(colour.green(), base.green()), mix(colour.blue(), base.blue()));
}

} // namespace KernelColours
