#include "faultplan.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

// A whole number from min to max, or nullopt.
std::optional<qint64> wholeNumber(const QString &text, qint64 min, qint64 max)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,16}$"));
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

// "A:B" as two whole numbers; B may be left out when optional.
bool pair(const QString &text, qint64 maxA, qint64 minA, qint64 maxB, bool bOptional, qint64 *a, qint64 *b)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() > 2 || (parts.size() == 1 && !bOptional))
        return false;
    const std::optional<qint64> first = wholeNumber(parts.at(0).trimmed(), minA, maxA);
    const std::optional<qint64> second =
        parts.size() == 2 ? wholeNumber(parts.at(1).trimmed(), 0, maxB) : std::optional<qint64>(0);
    if (!first || !second)
        return false;
    *a = *first;
    *b = *second;
    return true;
}

} // namespace

bool Faults::any() const
{
    return *this != Faults{};
}

QString Faults::summary() const
{
    QStringList parts;
    if (latencyMs > 0 || jitterMs > 0) {
        parts << (jitterMs > 0 ? QCoreApplication::translate("Faults", "latency %1±%2 ms").arg(latencyMs).arg(jitterMs)
                               : QCoreApplication::translate("Faults", "latency %1 ms").arg(latencyMs));
    }
    if (bandwidthKiB > 0)
        parts << QCoreApplication::translate("Faults", "bandwidth %1 KiB/s").arg(bandwidthKiB);
    if (sliceBytes > 0)
        parts << QCoreApplication::translate("Faults", "slice %1 B/%2 ms").arg(sliceBytes).arg(sliceDelayMs);
    if (stallReads)
        parts << QCoreApplication::translate("Faults", "stall reads");
    if (resetAfterBytes > 0)
        parts << QCoreApplication::translate("Faults", "reset after %1 B").arg(resetAfterBytes);
    if (resetAfterMs > 0)
        parts << QCoreApplication::translate("Faults", "reset after %1 ms").arg(resetAfterMs);
    if (closeAfterBytes > 0)
        parts << QCoreApplication::translate("Faults", "close after %1 B").arg(closeAfterBytes);
    if (acceptThenReset)
        parts << QCoreApplication::translate("Faults", "accept then reset");
    if (slowCloseMs > 0)
        parts << QCoreApplication::translate("Faults", "slow close %1 ms").arg(slowCloseMs);
    return parts.join(QStringLiteral(", "));
}

QString Faults::toText() const
{
    QStringList words;
    if (latencyMs > 0 || jitterMs > 0)
        words << QStringLiteral("latency=%1:%2").arg(latencyMs).arg(jitterMs);
    if (bandwidthKiB > 0)
        words << QStringLiteral("bandwidth=%1").arg(bandwidthKiB);
    if (sliceBytes > 0)
        words << QStringLiteral("slice=%1:%2").arg(sliceBytes).arg(sliceDelayMs);
    if (stallReads)
        words << QStringLiteral("stall-reads");
    if (resetAfterBytes > 0)
        words << QStringLiteral("reset-after=%1").arg(resetAfterBytes);
    if (resetAfterMs > 0)
        words << QStringLiteral("reset-after=%1ms").arg(resetAfterMs);
    if (closeAfterBytes > 0)
        words << QStringLiteral("close-after=%1").arg(closeAfterBytes);
    if (acceptThenReset)
        words << QStringLiteral("accept-then-reset");
    if (slowCloseMs > 0)
        words << QStringLiteral("slow-close=%1").arg(slowCloseMs);
    return words.join(QLatin1Char(' '));
}

std::optional<Faults> Faults::parse(const QString &text, QString *error)
{
    Faults faults;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const qsizetype equals = word.indexOf(QLatin1Char('='));
        const QString name = equals < 0 ? word : word.left(equals);
        const QString value = equals < 0 ? QString() : word.mid(equals + 1);
        if (!names().contains(name) || takesValue(name) != (equals >= 0)) {
            *error = QCoreApplication::translate("Faults", "\"%1\" is not a fault").arg(word);
            return std::nullopt;
        }
        if (const QString problem = faults.set(name, value); !problem.isEmpty()) {
            *error = QStringLiteral("%1: %2").arg(word, problem);
            return std::nullopt;
        }
    }
    return faults;
}

QStringList Faults::names()
{
    return {QStringLiteral("latency"),     QStringLiteral("bandwidth"),   QStringLiteral("slice"),
            QStringLiteral("stall-reads"), QStringLiteral("reset-after"), QStringLiteral("close-after"),
            QStringLiteral("accept-then-reset"), QStringLiteral("slow-close")};
}

bool Faults::takesValue(const QString &name)
{
    return name != QLatin1String("stall-reads") && name != QLatin1String("accept-then-reset");
}

QString Faults::set(const QString &name, const QString &givenValue)
{
    const QString value = givenValue.trimmed();
    qint64 a = 0;
    qint64 b = 0;
    if (name == QLatin1String("latency")) {
        if (!pair(value, MaxDelayMs, 0, MaxDelayMs, true, &a, &b))
            return QCoreApplication::translate("Faults", "expected MS or MS:JITTER, whole milliseconds up to %1").arg(MaxDelayMs);
        latencyMs = int(a);
        jitterMs = int(b);
    } else if (name == QLatin1String("bandwidth")) {
        const std::optional<qint64> kib = wholeNumber(value, 1, MaxBandwidthKiB);
        if (!kib)
            return QCoreApplication::translate("Faults", "expected KiB per second, a whole number from 1 to %1").arg(MaxBandwidthKiB);
        bandwidthKiB = int(*kib);
    } else if (name == QLatin1String("slice")) {
        if (!pair(value, MaxSliceBytes, 1, MaxDelayMs, false, &a, &b))
            return QCoreApplication::translate("Faults", "expected BYTES:MS, 1 to %1 bytes and up to %2 ms").arg(MaxSliceBytes).arg(MaxDelayMs);
        sliceBytes = int(a);
        sliceDelayMs = int(b);
    } else if (name == QLatin1String("reset-after")) {
        if (value.endsWith(QLatin1String("ms"))) {
            const std::optional<qint64> ms = wholeNumber(value.chopped(2), 1, MaxResetAfterMs);
            if (!ms)
                return QCoreApplication::translate("Faults", "expected BYTES or MSms, 1 to %1 ms").arg(MaxResetAfterMs);
            resetAfterMs = int(*ms);
        } else {
            const std::optional<qint64> bytes = wholeNumber(value, 1, MaxByteCount);
            if (!bytes)
                return QCoreApplication::translate("Faults", "expected BYTES (1 or more) or MSms, as 1000 or 500ms");
            resetAfterBytes = *bytes;
        }
    } else if (name == QLatin1String("close-after")) {
        const std::optional<qint64> bytes = wholeNumber(value, 1, MaxByteCount);
        if (!bytes)
            return QCoreApplication::translate("Faults", "expected BYTES, a whole number of 1 or more");
        closeAfterBytes = *bytes;
    } else if (name == QLatin1String("slow-close")) {
        const std::optional<qint64> ms = wholeNumber(value, 1, MaxDelayMs);
        if (!ms)
            return QCoreApplication::translate("Faults", "expected MS, a whole number from 1 to %1").arg(MaxDelayMs);
        slowCloseMs = int(*ms);
    } else if (name == QLatin1String("stall-reads")) {
        stallReads = true;
    } else if (name == QLatin1String("accept-then-reset")) {
        acceptThenReset = true;
    } else {
        return QCoreApplication::translate("Faults", "unknown fault");
    }
    return {};
}

bool Faults::operator==(const Faults &other) const
{
    return latencyMs == other.latencyMs && jitterMs == other.jitterMs && bandwidthKiB == other.bandwidthKiB
        && sliceBytes == other.sliceBytes && sliceDelayMs == other.sliceDelayMs && stallReads == other.stallReads
        && resetAfterBytes == other.resetAfterBytes && resetAfterMs == other.resetAfterMs
        && closeAfterBytes == other.closeAfterBytes && acceptThenReset == other.acceptThenReset
        && slowCloseMs == other.slowCloseMs;
}
