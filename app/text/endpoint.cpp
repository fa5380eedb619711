#include "endpoint.h"

#include <QCoreApplication>
#include <QStringList>
#include <QtEndian>

#include <algorithm>
#include <iterator>

namespace {

// The translation context of this file's texts; lupdate reads it from the macro.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(Endpoint)
};

// ::ffff:a.b.c.d, an IPv4 address in IPv6 clothing; toIPv4Address() would also turn :: into
// 0.0.0.0.
bool isIPv4Mapped(const QHostAddress &address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return false;
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    static constexpr quint8 mappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    return std::equal(std::begin(mappedPrefix), std::end(mappedPrefix), bytes.c);
}

// Four decimal numbers 0-255 without leading zeros, separated by dots.
bool isDottedQuad(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.startsWith(QLatin1Char('0'))))
            return false;
        for (const QChar c : part) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
        }
        if (part.toInt() > 255)
            return false;
    }
    return true;
}

// Input as an error message quotes it: a pasted page would otherwise become the message.
QString shown(const QString &text)
{
    static constexpr qsizetype MaxShown = 40;
    if (text.size() <= MaxShown)
        return text;
    return text.left(MaxShown) + QStringLiteral("\u2026");
}

} // namespace

namespace Endpoint {

AddressResult parseAddress(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {{}, Text::tr("Enter an address to bind to, such as 127.0.0.1")};
    if (trimmed.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return {QHostAddress(QHostAddress::LocalHost), {}};
    // QHostAddress also takes inet_aton's forms ("1.2.3", "010.0.0.1" as octal, "0x7f.0.0.1");
    // a lab wants the plain dotted quad it shows.
    const bool looksIPv4 = !trimmed.contains(QLatin1Char(':'));
    QHostAddress address;
    if ((looksIPv4 && !isDottedQuad(trimmed)) || !address.setAddress(trimmed)
        || address.protocol() == QAbstractSocket::UnknownNetworkLayerProtocol)
        return {{}, Text::tr("\"%1\" is not an IP address; enter one such as 127.0.0.1 or ::1").arg(shown(trimmed))};
    // ::ffff:a.b.c.d is how a dual-stack socket names an IPv4 peer, not an address to bind.
    if (isIPv4Mapped(address)) {
        const QString ipv4 = QHostAddress(address.toIPv4Address()).toString();
        return {{}, Text::tr("\"%1\" is an IPv4-mapped IPv6 address, which cannot be listened on; use %2").arg(shown(trimmed), ipv4)};
    }
    return {address, {}};
}

PortResult parsePort(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {0, Text::tr("Enter a port from 0 to 65535 (0 lets the system choose)")};
    for (const QChar c : trimmed) {
        if (!c.isDigit() || c.unicode() > '9')
            return {0, Text::tr("The port must be a whole number from 0 to 65535, not \"%1\"").arg(shown(trimmed))};
    }
    bool ok = false;
    const qulonglong value = trimmed.toULongLong(&ok);
    if (!ok || value > 65535)
        return {0, Text::tr("The port must be from 0 to 65535, not %1").arg(shown(trimmed))};
    return {static_cast<quint16>(value), {}};
}

HostPortResult parseHostPort(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {{}, 0, Text::tr("Expected HOST:PORT, such as 127.0.0.1:9000")};

    QString host;
    QString port;
    if (trimmed.startsWith(QLatin1Char('['))) {
        const qsizetype close = trimmed.indexOf(QLatin1String("]:"));
        if (close < 0)
            return {{}, 0, Text::tr("Expected [IPv6]:PORT, such as [::1]:9000, not \"%1\"").arg(shown(trimmed))};
        host = trimmed.mid(1, close - 1);
        port = trimmed.mid(close + 2);
        if (!host.contains(QLatin1Char(':')))
            return {{}, 0, Text::tr("Brackets are for IPv6 addresses; write %1:%2 instead").arg(shown(host), shown(port))};
    } else if (!trimmed.contains(QLatin1Char(':'))) {
        host = QStringLiteral("127.0.0.1");
        port = trimmed;
    } else if (trimmed.count(QLatin1Char(':')) > 1) {
        return {{}, 0, Text::tr("Write an IPv6 address in brackets, such as [::1]:9000, not \"%1\"").arg(shown(trimmed))};
    } else {
        const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
        host = trimmed.left(colon);
        port = trimmed.mid(colon + 1);
    }

    const AddressResult address = parseAddress(host);
    if (!address.error.isEmpty())
        return {{}, 0, address.error};
    const PortResult portResult = parsePort(port);
    if (!portResult.error.isEmpty())
        return {{}, 0, portResult.error};
    return {address.address, portResult.port, {}};
}

QString formatAddress(const QHostAddress &address)
{
    if (isIPv4Mapped(address))
        return QHostAddress(address.toIPv4Address()).toString();
    return address.toString();
}

QString format(const QHostAddress &address, quint16 port)
{
    // A peer that reset before its connection was taken has no address any more.
    if (address.isNull())
        return Text::tr("unknown peer");
    const QString host = formatAddress(address);
    if (host.contains(QLatin1Char(':')))
        return QLatin1Char('[') + host + QStringLiteral("]:") + QString::number(port);
    return host + QLatin1Char(':') + QString::number(port);
}

bool isAllInterfaces(const QHostAddress &address)
{
    return address == QHostAddress(QHostAddress::AnyIPv4) || address == QHostAddress(QHostAddress::AnyIPv6)
        || address == QHostAddress(QHostAddress::Any);
}

} // namespace Endpoint
