#include "bindaddresses.h"

#include "endpoint.h"

#include <QCoreApplication>
#include <QNetworkInterface>

namespace {

// The translation context of this file's texts; lupdate reads it from the macro.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(BindAddress)
};

} // namespace

QList<BindAddress> bindAddressChoices()
{
    QList<BindAddress> choices = {
        {QStringLiteral("127.0.0.1"), Text::tr("127.0.0.1 (loopback, this machine only)")},
        {QStringLiteral("::1"), Text::tr("::1 (IPv6 loopback)")},
        {QStringLiteral("0.0.0.0"), Text::tr("0.0.0.0 (all IPv4 interfaces)")},
        {QStringLiteral("::"), Text::tr(":: (all interfaces, IPv4 and IPv6)")},
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
