#pragma once

#include <QColor>

class QPalette;

// Colours the kernel view's painted widgets share. The palette has no roles for series, warnings
// or errors, so each colour comes in a light and a dark variant picked by the palette's window.
namespace KernelColours {

bool isDark(const QPalette &palette);

QColor error(const QPalette &palette);
QColor warning(const QPalette &palette);
QColor connections(const QPalette &palette);
QColor bytesIn(const QPalette &palette);
QColor bytesOut(const QPalette &palette);

// `colour` at `alpha` (0..1) over the palette's base: a fill that keeps text on it readable.
QColor tint(const QColor &colour, const QPalette &palette, double alpha);

} // namespace KernelColours
