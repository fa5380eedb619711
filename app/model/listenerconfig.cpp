#include "listenerconfig.h"

#include "endpoint.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace {

// Whether the local addresses two listeners take have one in common.
// (Endpoint::parseAddress refuses ::ffff:a.b.c.d, so no address here is IPv4 in IPv6 form.)
bool addressesOverlap(const QHostAddress &a, const QHostAddress &b)
{
    // "::" binds dual-stack (see Listener::startListening): every address of both families.
    const QHostAddress everything(QHostAddress::AnyIPv6);
    const QHostAddress everyIpv4(QHostAddress::AnyIPv4);
    if (a == everything || b == everything)
        return true;
    const bool aIpv4 = a.protocol() == QAbstractSocket::IPv4Protocol;
    const bool bIpv4 = b.protocol() == QAbstractSocket::IPv4Protocol;
    if (aIpv4 != bIpv4)
        return false;
    return a == b || (aIpv4 && (a == everyIpv4 || b == everyIpv4));
}

QString label(const ListenerConfig &config, qsizetype index)
{
    return config.name.trimmed().isEmpty()
        ? QCoreApplication::translate("ListenerConfig", "listener %1").arg(index + 1)
        : QLatin1Char('"') + config.name.trimmed() + QLatin1Char('"');
}

} // namespace

QString listenerProtocolName(ListenerProtocol protocol)
{
    return protocol == ListenerProtocol::Tls ? QStringLiteral("tls") : QStringLiteral("tcp");
}

std::optional<ListenerProtocol> listenerProtocolFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("tcp"))
        return ListenerProtocol::Tcp;
    if (key == QLatin1String("tls"))
        return ListenerProtocol::Tls;
    return std::nullopt;
}

bool ListenerConfig::operator==(const ListenerConfig &other) const
{
    return name == other.name && protocol == other.protocol && address == other.address && port == other.port
        && backlog == other.backlog && behaviour == other.behaviour && greetingText == other.greetingText
        && closeConnectionsOnStop == other.closeConnectionsOnStop && tls == other.tls;
}

bool ListenerConfig::overlaps(const ListenerConfig &other) const
{
    if (port == 0 || port != other.port)
        return false;
    const Endpoint::AddressResult mine = Endpoint::parseAddress(address);
    const Endpoint::AddressResult theirs = Endpoint::parseAddress(other.address);
    if (!mine.error.isEmpty() || !theirs.error.isEmpty())
        return false;
    return addressesOverlap(mine.address, theirs.address);
}

qsizetype ListenerConfig::firstOverlap(const QList<ListenerConfig> &others) const
{
    for (qsizetype i = 0; i < others.size(); ++i) {
        if (overlaps(others.at(i)))
            return i;
    }
    return -1;
}

QStringList ListenerConfig::conflicts(const QList<ListenerConfig> &configs)
{
    QStringList lines;
    for (qsizetype i = 0; i < configs.size(); ++i) {
        for (qsizetype j = i + 1; j < configs.size(); ++j) {
            if (!configs.at(i).overlaps(configs.at(j)))
                continue;
            const QString first = label(configs.at(i), i);
            lines.append(QCoreApplication::translate("ListenerConfig", "%1 and %2 both use port %3 on %4")
                             .arg(first.left(1).toUpper() + first.mid(1), label(configs.at(j), j))
                             .arg(configs.at(i).port)
                             .arg(configs.at(i).address == configs.at(j).address
                                      ? configs.at(i).address
                                      : configs.at(i).address + QLatin1Char('/') + configs.at(j).address));
        }
    }
    return lines;
}
