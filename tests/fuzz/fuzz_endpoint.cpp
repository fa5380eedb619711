#include "endpoint.h"
#include "fuzzcheck.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(fuzzBytes(data, size));

    const Endpoint::AddressResult address = Endpoint::parseAddress(text);
    if (address.error.isEmpty())
        FUZZ_CHECK(!address.address.isNull());

    const Endpoint::PortResult port = Endpoint::parsePort(text);
    if (port.error.isEmpty()) {
        const Endpoint::PortResult again = Endpoint::parsePort(QString::number(port.port));
        FUZZ_CHECK(again.error.isEmpty());
        FUZZ_CHECK(again.port == port.port);
    }

    const Endpoint::HostPortResult hostPort = Endpoint::parseHostPort(text);
    if (hostPort.error.isEmpty()) {
        FUZZ_CHECK(!hostPort.address.isNull());
        FUZZ_CHECK(!Endpoint::format(hostPort.address, hostPort.port).isEmpty());
    }
    return 0;
}
