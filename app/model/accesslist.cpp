#include "accesslist.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

// An IPv6 address of the form ::ffff:a.b.c.d as its IPv4 address; any other unchanged.
// QHostAddress::toIPv4Address(bool *) also converts "::", which is not an IPv4 peer.
QHostAddress unmapped(const QHostAddress &address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    for (int i = 0; i < 10; ++i) {
        if (bytes[i] != 0)
            return address;
    }
    if (bytes[10] != 0xff || bytes[11] != 0xff)
        return address;
    const quint32 ipv4 = (quint32(bytes[12]) << 24) | (quint32(bytes[13]) << 16) | (quint32(bytes[14]) << 8)
        | quint32(bytes[15]);
    return QHostAddress(ipv4);
}

// An IPv4 address as the IPv6 address ::ffff:a.b.c.d that a dual-stack socket gives it.
QHostAddress mapped(const QHostAddress &ipv4)
{
    const quint32 value = ipv4.toIPv4Address();
    Q_IPV6ADDR bytes = {};
    bytes[10] = 0xff;
    bytes[11] = 0xff;
    bytes[12] = quint8(value >> 24);
    bytes[13] = quint8(value >> 16);
    bytes[14] = quint8(value >> 8);
    bytes[15] = quint8(value);
    return QHostAddress(bytes);
}

// The translation context of this file's texts; lupdate reads it from the macro.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(AccessList)
};

// Parses one entry; an empty error means success.
AccessList::Rule parseEntry(const QString &entry, QString *error)
{
    static const QRegularExpression dottedQuad(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}$"));
    static const QRegularExpression digits(QStringLiteral("^\\d{1,3}$"));
    AccessList::Rule rule;
    const qsizetype slash = entry.indexOf(QLatin1Char('/'));
    const QString addressText = slash < 0 ? entry : entry.left(slash);
    const bool ipv6 = addressText.contains(QLatin1Char(':'));
    // Qt also reads short forms such as 127.1 and scoped addresses; a rule must say exactly
    // which network it means.
    QHostAddress address;
    if (addressText.contains(QLatin1Char('%')) || (!ipv6 && !dottedQuad.match(addressText).hasMatch())
        || !address.setAddress(addressText)) {
        *error = Text::tr("\"%1\" is not an IPv4 or IPv6 address or network").arg(entry);
        return rule;
    }
    const int maxPrefix = ipv6 ? 128 : 32;
    int prefix = maxPrefix;
    if (slash >= 0) {
        const QString prefixText = entry.mid(slash + 1);
        if (!digits.match(prefixText).hasMatch()) {
            *error = Text::tr("\"%1\": the prefix length must be a number from 0 to %2")
                         .arg(entry, QString::number(maxPrefix));
            return rule;
        }
        if (prefixText.toInt() > maxPrefix) {
            *error = Text::tr("\"%1\": prefix longer than %2").arg(entry, QString::number(maxPrefix));
            return rule;
        }
        prefix = prefixText.toInt();
    }
    const QHostAddress mapped = unmapped(address);
    if (ipv6 && mapped != address && prefix >= 96) {
        address = mapped;
        prefix -= 96;
    }
    rule.network = address;
    rule.prefixLength = prefix;
    // A rule whose host bits are set is most likely a typo for another network.
    const QHostAddress network = QHostAddress::parseSubnet(address.toString() + QLatin1Char('/')
                                                           + QString::number(prefix)).first;
    if (network != address) {
        *error = Text::tr("\"%1\" has host bits set; did you mean %2/%3?")
                     .arg(entry, network.toString(), QString::number(prefix));
        return rule;
    }
    error->clear();
    return rule;
}

} // namespace

QString AccessList::Rule::text() const
{
    return network.toString() + QLatin1Char('/') + QString::number(prefixLength);
}

bool AccessList::Rule::contains(const QHostAddress &address) const
{
    const QHostAddress peer = unmapped(address);
    if (network.protocol() == QAbstractSocket::IPv6Protocol && peer.protocol() == QAbstractSocket::IPv4Protocol)
        return mapped(peer).isInSubnet(network, prefixLength);
    return peer.isInSubnet(network, prefixLength);
}

bool AccessList::Rule::operator==(const Rule &other) const
{
    return network == other.network && prefixLength == other.prefixLength;
}

AccessList AccessList::parse(const QString &text, QString *error)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QString ignored;
    if (!error)
        error = &ignored;
    error->clear();
    AccessList list;
    const QStringList entries = text.split(separators, Qt::SkipEmptyParts);
    if (entries.size() > MaxRules) {
        *error = Text::tr("Too many entries: at most %1").arg(MaxRules);
        return invalid(text, *error);
    }
    for (const QString &entry : entries) {
        const Rule rule = parseEntry(entry, error);
        if (!error->isEmpty())
            return invalid(text, *error);
        if (!list.m_rules.contains(rule))
            list.m_rules.append(rule);
    }
    return list;
}

AccessList AccessList::invalid(const QString &text, const QString &error)
{
    AccessList list;
    list.m_error = error.isEmpty() ? Text::tr("cannot be read") : error;
    list.m_text = text;
    return list;
}

bool AccessList::operator==(const AccessList &other) const
{
    return m_rules == other.m_rules && m_error == other.m_error && m_text == other.m_text;
}

const AccessList::Rule *AccessList::match(const QHostAddress &address) const
{
    for (const Rule &rule : m_rules) {
        if (rule.contains(address))
            return &rule;
    }
    return nullptr;
}

QString AccessList::toString() const
{
    if (!isValid())
        return m_text;
    QStringList texts;
    texts.reserve(m_rules.size());
    for (const Rule &rule : m_rules)
        texts.append(rule.text());
    return texts.join(QLatin1String(", "));
}

QString AccessList::refusalReason(const AccessList &allow, const AccessList &deny, const QHostAddress &peer)
{
    // A list that cannot be read lets nobody in: failing open would let in whom it meant to stop.
    if (!deny.isValid())
        return Text::tr("the deny list cannot be read (%1)").arg(deny.error());
    if (!allow.isValid())
        return Text::tr("the allow list cannot be read (%1)").arg(allow.error());
    if (const Rule *rule = deny.match(peer))
        return Text::tr("denied by rule %1").arg(rule->text());
    if (!allow.isEmpty() && !allow.match(peer))
        return Text::tr("not in the allow list");
    return {};
}
