#include "displayformat.h"

#include <QCoreApplication>
#include <QDateTime>

namespace DisplayFormat {

QString bytes(quint64 count)
{
    static const char *const units[] = {QT_TRANSLATE_NOOP("DisplayFormat", "KiB"),
                                        QT_TRANSLATE_NOOP("DisplayFormat", "MiB"),
                                        QT_TRANSLATE_NOOP("DisplayFormat", "GiB"),
                                        QT_TRANSLATE_NOOP("DisplayFormat", "TiB")};
    if (count < 1024)
        return QCoreApplication::translate("DisplayFormat", "%1 B").arg(count);
    double value = double(count);
    int unit = -1;
    while (value >= 1024.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', value < 10 ? 2 : 1)
        .arg(QCoreApplication::translate("DisplayFormat", units[unit]));
}

QString duration(qint64 ms)
{
    ms = qMax<qint64>(0, ms);
    if (ms < 1000)
        return QCoreApplication::translate("DisplayFormat", "%1 ms").arg(ms);
    if (ms < 60 * 1000)
        return QCoreApplication::translate("DisplayFormat", "%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 seconds = ms / 1000;
    if (seconds < 3600)
        return QCoreApplication::translate("DisplayFormat", "%1 min %2 s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("DisplayFormat", "%1 h %2 min")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString timeOfDay(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toString(QStringLiteral("hh:mm:ss.zzz"));
}

} // namespace DisplayFormat
