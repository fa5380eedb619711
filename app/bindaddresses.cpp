#include "bindaddresses.h"

#include "endpoint.h"

#include <QCoreApplication>
#include <QNetworkInterface>

QList<BindAddress> bindAddressChoices()
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("BindAddress", text); };
    QList<BindAddress> choices = {
        {QStringLiteral("127.0.0.1"), tr("127.0.0.1 (loopback, this machine only)")},
        {QStringLiteral("::1"), tr("::1 (IPv6 loopback)")},
        {QStringLiteral("0.0.0.0"), tr("0.0.0.0 (all IPv4 interfaces)")},
        {QStringLiteral("::"), tr(":: (all interfaces, IPv4 and IPv6)")},
    };
    const auto listed = [&choices](const QString &address) {
        return std::any_of(choices.cbegin(), choices.cend(),
                           [&address](const BindAddress &choice) { return choice.address == address; });
    };
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        if (!interface.flags().testFlag(QNetworkInterface::IsUp))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            const QString address = entry.ip().toString();
            if (address.isEmpty() || listed(address))
                continue;
            choices.append({address, QStringLiteral("%1 (%2)").arg(address, interface.humanReadableName())});
        }
    }
    return choices;
}
