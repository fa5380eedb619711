#include "forwardtarget.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace {

// The translation context of this file's texts; lupdate reads it from the macro.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(ForwardTarget)
};

// Letters, digits, '-' and '.', as a host name may hold; no lookup here.
bool isHostName(const QString &text)
{
    if (text.isEmpty() || text.size() > 253 || text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('-')))
        return false;
    for (const QChar c : text) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') || c == QLatin1Char('.');
        if (!allowed)
            return false;
    }
    return true;
}

// Input as an error message quotes it: a pasted page would otherwise become the message.
QString shown(const QString &text)
{
    static constexpr qsizetype MaxShown = 40;
    return text.size() <= MaxShown ? text : text.left(MaxShown) + QStringLiteral("\u2026");
}

} // namespace

QString ForwardTarget::toString() const
{
    if (host.isEmpty())
        return {};
    const QString shownHost = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return shownHost + QLatin1Char(':') + QString::number(port);
}

std::optional<ForwardTarget> ForwardTarget::parse(const QString &text, QString *error)
{
    const auto fail = [error](const QString &reason) -> std::optional<ForwardTarget> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(Text::tr("Enter the upstream as HOST:PORT, such as 127.0.0.1:8080"));
    QString host;
    QString port;
    if (trimmed.startsWith(QLatin1Char('['))) {
        const qsizetype close = trimmed.indexOf(QLatin1String("]:"));
        if (close < 0)
            return fail(Text::tr("Expected [IPv6]:PORT, such as [::1]:8080, not \"%1\"").arg(shown(trimmed)));
        host = trimmed.mid(1, close - 1);
        port = trimmed.mid(close + 2);
        const QHostAddress address(host);
        if (address.protocol() != QAbstractSocket::IPv6Protocol)
            return fail(Text::tr("\"%1\" in brackets is not an IPv6 address").arg(shown(host)));
        host = address.toString();
    } else {
        const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return fail(Text::tr("Expected HOST:PORT, such as 127.0.0.1:8080, not \"%1\"").arg(shown(trimmed)));
        host = trimmed.left(colon);
        port = trimmed.mid(colon + 1);
        if (host.contains(QLatin1Char(':')))
            return fail(Text::tr("Write an IPv6 address in brackets, such as [::1]:8080, not \"%1\"").arg(shown(trimmed)));
        if (!isHostName(host))
            return fail(Text::tr("\"%1\" is not a host name or an IP address").arg(shown(host)));
    }
    bool digits = !port.isEmpty() && port.size() <= 5;
    for (const QChar c : port)
        digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    const int number = digits ? port.toInt() : 0;
    if (number < 1 || number > 65535)
        return fail(Text::tr("The upstream port must be from 1 to 65535, not \"%1\"").arg(shown(port)));
    ForwardTarget target;
    target.host = host;
    target.port = quint16(number);
    return target;
}
