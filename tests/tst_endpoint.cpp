// Endpoint: parsing and formatting of bind addresses and ports.

#include "endpoint.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QtTest>

class TestEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void parseAddress_accepts_data();
    void parseAddress_accepts();
    void parseAddress_rejects_data();
    void parseAddress_rejects();
    void parseAddress_rejectsInetAtonForms_data();
    void parseAddress_rejectsInetAtonForms();

    void parsePort_accepts_data();
    void parsePort_accepts();
    void parsePort_rejects_data();
    void parsePort_rejects();

    void parseHostPort_accepts_data();
    void parseHostPort_accepts();
    void parseHostPort_rejects_data();
    void parseHostPort_rejects();

    void format_data();
    void format();
    void formatAddress_data();
    void formatAddress();
    void formatAnyIPv6();
    void roundTrip_data();
    void roundTrip();

    void isAllInterfaces_data();
    void isAllInterfaces();
    void longInputGivesShortErrors();
};

// ---------------------------------------------------------------------------------------------
// parseAddress

void TestEndpoint::parseAddress_accepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QHostAddress>("expected");
    QTest::addColumn<QAbstractSocket::NetworkLayerProtocol>("protocol");

    QTest::newRow("ipv4 loopback") << QStringLiteral("127.0.0.1") << QHostAddress(QHostAddress::LocalHost)
                                   << QAbstractSocket::IPv4Protocol;
    QTest::newRow("ipv4 padded") << QStringLiteral("  127.0.0.1\t") << QHostAddress(QHostAddress::LocalHost)
                                 << QAbstractSocket::IPv4Protocol;
    QTest::newRow("ipv4 other") << QStringLiteral("192.168.10.200") << QHostAddress(QStringLiteral("192.168.10.200"))
                                << QAbstractSocket::IPv4Protocol;
    QTest::newRow("ipv6 loopback") << QStringLiteral("::1") << QHostAddress(QHostAddress::LocalHostIPv6)
                                   << QAbstractSocket::IPv6Protocol;
    QTest::newRow("localhost") << QStringLiteral("localhost") << QHostAddress(QHostAddress::LocalHost)
                               << QAbstractSocket::IPv4Protocol;
    QTest::newRow("LocalHost mixed case") << QStringLiteral(" LocalHost ") << QHostAddress(QHostAddress::LocalHost)
                                          << QAbstractSocket::IPv4Protocol;
    QTest::newRow("ipv4 any") << QStringLiteral("0.0.0.0") << QHostAddress(QHostAddress::AnyIPv4)
                              << QAbstractSocket::IPv4Protocol;
    QTest::newRow("ipv6 any") << QStringLiteral("::") << QHostAddress(QHostAddress::AnyIPv6)
                              << QAbstractSocket::IPv6Protocol;
    QTest::newRow("ipv6 scoped") << QStringLiteral("fe80::1%lo") << QHostAddress(QStringLiteral("fe80::1%lo"))
                                 << QAbstractSocket::IPv6Protocol;
}

void TestEndpoint::parseAddress_accepts()
{
    QFETCH(QString, text);
    QFETCH(QHostAddress, expected);
    QFETCH(QAbstractSocket::NetworkLayerProtocol, protocol);

    const Endpoint::AddressResult result = Endpoint::parseAddress(text);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.address.protocol(), protocol);
    QVERIFY(result.address.isEqual(expected, QHostAddress::StrictConversion));
    QCOMPARE(result.address.scopeId(), expected.scopeId());
}

void TestEndpoint::parseAddress_rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorMentions"); // empty: only checked to be non-empty

    QTest::newRow("empty") << QString() << QStringLiteral("127.0.0.1");
    QTest::newRow("blank") << QStringLiteral("  ") << QStringLiteral("127.0.0.1");
    QTest::newRow("octet too large") << QStringLiteral("999.1.1.1") << QStringLiteral("999.1.1.1");
    QTest::newRow("256 octet") << QStringLiteral("256.0.0.1") << QStringLiteral("256.0.0.1");
    QTest::newRow("inet_aton short form") << QStringLiteral("1.2.3") << QStringLiteral("1.2.3");
    QTest::newRow("single number") << QStringLiteral("2130706433") << QStringLiteral("2130706433");
    // How a dual-stack socket names an IPv4 peer; not an address to listen on, and the message says
    // what to use instead of blaming the machine.
    QTest::newRow("ipv4-mapped ipv6") << QStringLiteral("::ffff:127.0.0.1")
                                      << QStringLiteral("IPv4-mapped IPv6 address, which cannot be listened on; use 127.0.0.1");
    QTest::newRow("five parts") << QStringLiteral("1.2.3.4.5") << QStringLiteral("1.2.3.4.5");
    QTest::newRow("host name") << QStringLiteral("example.com") << QStringLiteral("example.com");
    QTest::newRow("word") << QStringLiteral("abc") << QStringLiteral("abc");
    QTest::newRow("with port") << QStringLiteral("127.0.0.1:80") << QStringLiteral("127.0.0.1:80");
    QTest::newRow("bracketed ipv6") << QStringLiteral("[::1]") << QStringLiteral("[::1]");
    QTest::newRow("bad ipv6") << QStringLiteral("::g") << QStringLiteral("::g");
}

void TestEndpoint::parseAddress_rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, errorMentions);

    const Endpoint::AddressResult result = Endpoint::parseAddress(text);
    QVERIFY2(!result.error.isEmpty(), qPrintable(QStringLiteral("accepted as %1").arg(result.address.toString())));
    QVERIFY2(result.error.contains(errorMentions), qPrintable(result.error));
    QVERIFY(result.address.isNull());
}

// QHostAddress reads inet_aton's octal and hex parts ("010.0.0.1" would bind 8.0.0.1); only the
// plain dotted quad is taken.
void TestEndpoint::parseAddress_rejectsInetAtonForms_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("octal octet") << QStringLiteral("010.0.0.1");  // would bind 8.0.0.1
    QTest::newRow("hex octet") << QStringLiteral("0x7f.0.0.1");   // would bind 127.0.0.1
}

void TestEndpoint::parseAddress_rejectsInetAtonForms()
{
    QFETCH(QString, text);

    const Endpoint::AddressResult result = Endpoint::parseAddress(text);
    QVERIFY2(!result.error.isEmpty(), qPrintable(QStringLiteral("\"%1\" accepted as %2").arg(text, result.address.toString())));
}

// ---------------------------------------------------------------------------------------------
// parsePort

void TestEndpoint::parsePort_accepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected");

    QTest::newRow("zero") << QStringLiteral("0") << 0;
    QTest::newRow("9000") << QStringLiteral("9000") << 9000;
    QTest::newRow("max") << QStringLiteral("65535") << 65535;
    QTest::newRow("padded") << QStringLiteral(" 80 ") << 80;
    QTest::newRow("leading zeros are decimal") << QStringLiteral("0080") << 80;
    QTest::newRow("one") << QStringLiteral("1") << 1;
}

void TestEndpoint::parsePort_accepts()
{
    QFETCH(QString, text);
    QFETCH(int, expected);

    const Endpoint::PortResult result = Endpoint::parsePort(text);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(int(result.port), expected);
}

void TestEndpoint::parsePort_rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorMentions");

    QTest::newRow("letters") << QStringLiteral("abc") << QStringLiteral("abc");
    QTest::newRow("negative") << QStringLiteral("-1") << QStringLiteral("-1");
    QTest::newRow("65536") << QStringLiteral("65536") << QStringLiteral("65536");
    QTest::newRow("huge") << QStringLiteral("99999999999") << QStringLiteral("99999999999");
    QTest::newRow("beyond 64 bits") << QStringLiteral("99999999999999999999999")
                                    << QStringLiteral("99999999999999999999999");
    QTest::newRow("empty") << QString() << QStringLiteral("65535");
    QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("65535");
    QTest::newRow("fraction") << QStringLiteral("1.5") << QStringLiteral("1.5");
    QTest::newRow("plus sign") << QStringLiteral("+5") << QStringLiteral("+5");
    QTest::newRow("inner space") << QStringLiteral("8 0") << QStringLiteral("8 0");
    QTest::newRow("hex") << QStringLiteral("0x50") << QStringLiteral("0x50");
    // Digits of other scripts are digits to QChar::isDigit(), but not port numbers.
    QTest::newRow("arabic-indic digit") << QString(QChar(0x0663)) << QStringLiteral("whole number");
    QTest::newRow("fullwidth digits") << (QString(QChar(0xFF18)) + QChar(0xFF10)) << QStringLiteral("whole number");
}

void TestEndpoint::parsePort_rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, errorMentions);

    const Endpoint::PortResult result = Endpoint::parsePort(text);
    QVERIFY2(!result.error.isEmpty(), qPrintable(QStringLiteral("accepted as %1").arg(result.port)));
    QVERIFY2(result.error.contains(errorMentions), qPrintable(result.error));
    QCOMPARE(int(result.port), 0);
}

// ---------------------------------------------------------------------------------------------
// parseHostPort

void TestEndpoint::parseHostPort_accepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<int>("port");

    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:9000") << QHostAddress(QHostAddress::LocalHost) << 9000;
    QTest::newRow("ipv6 bracketed") << QStringLiteral("[::1]:8080") << QHostAddress(QHostAddress::LocalHostIPv6)
                                    << 8080;
    QTest::newRow("localhost any port") << QStringLiteral("localhost:0") << QHostAddress(QHostAddress::LocalHost)
                                        << 0;
    QTest::newRow("bare port") << QStringLiteral("9000") << QHostAddress(QHostAddress::LocalHost) << 9000;
    QTest::newRow("bare port padded") << QStringLiteral(" 9001 ") << QHostAddress(QHostAddress::LocalHost) << 9001;
    QTest::newRow("padded") << QStringLiteral("  127.0.0.1:80  ") << QHostAddress(QHostAddress::LocalHost) << 80;
    QTest::newRow("ipv4 any") << QStringLiteral("0.0.0.0:1") << QHostAddress(QHostAddress::AnyIPv4) << 1;
    QTest::newRow("ipv6 any") << QStringLiteral("[::]:0") << QHostAddress(QHostAddress::AnyIPv6) << 0;
    QTest::newRow("ipv6 scoped") << QStringLiteral("[fe80::1%lo]:65535") << QHostAddress(QStringLiteral("fe80::1%lo"))
                                 << 65535;
}

void TestEndpoint::parseHostPort_accepts()
{
    QFETCH(QString, text);
    QFETCH(QHostAddress, address);
    QFETCH(int, port);

    const Endpoint::HostPortResult result = Endpoint::parseHostPort(text);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.address.protocol(), address.protocol());
    QVERIFY2(result.address.isEqual(address, QHostAddress::StrictConversion), qPrintable(result.address.toString()));
    QCOMPARE(result.address.scopeId(), address.scopeId());
    QCOMPARE(int(result.port), port);
}

void TestEndpoint::parseHostPort_rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorMentions");

    QTest::newRow("empty") << QString() << QStringLiteral("HOST:PORT");
    QTest::newRow("blank") << QStringLiteral(" ") << QStringLiteral("HOST:PORT");
    QTest::newRow("ipv6 without brackets") << QStringLiteral("::1:80") << QStringLiteral("brackets");
    QTest::newRow("ipv4 in brackets") << QStringLiteral("[127.0.0.1]:80") << QStringLiteral("127.0.0.1:80");
    QTest::newRow("two colons") << QStringLiteral("127.0.0.1:80:90") << QStringLiteral("brackets");
    QTest::newRow("bracketed without port") << QStringLiteral("[::1]") << QStringLiteral("[IPv6]:PORT");
    QTest::newRow("bracket without colon") << QStringLiteral("[::1]80") << QStringLiteral("[IPv6]:PORT");
    QTest::newRow("bracketed empty port") << QStringLiteral("[::1]:") << QStringLiteral("65535");
    QTest::newRow("bracketed bad port") << QStringLiteral("[::1]:http") << QStringLiteral("http");
    QTest::newRow("name with empty port") << QStringLiteral("host:") << QStringLiteral("\"host\"");
    QTest::newRow("empty port") << QStringLiteral("127.0.0.1:") << QStringLiteral("65535");
    QTest::newRow("port too large") << QStringLiteral("1.2.3.4:99999") << QStringLiteral("99999");
    QTest::newRow("port negative") << QStringLiteral("1.2.3.4:-1") << QStringLiteral("-1");
    // ":80" has an empty host: rejected by parseAddress's "enter an address" message.
    QTest::newRow("empty host") << QStringLiteral(":80") << QStringLiteral("Enter an address");
    QTest::newRow("host name") << QStringLiteral("example.com:80") << QStringLiteral("example.com");
    QTest::newRow("short ipv4") << QStringLiteral("1.2.3:80") << QStringLiteral("1.2.3");
    QTest::newRow("bare word") << QStringLiteral("nonsense") << QStringLiteral("nonsense");
    QTest::newRow("bare port too large") << QStringLiteral("70000") << QStringLiteral("70000");
}

void TestEndpoint::parseHostPort_rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, errorMentions);

    const Endpoint::HostPortResult result = Endpoint::parseHostPort(text);
    QVERIFY2(!result.error.isEmpty(),
             qPrintable(QStringLiteral("accepted as %1").arg(Endpoint::format(result.address, result.port))));
    QVERIFY2(result.error.contains(errorMentions), qPrintable(result.error));
    QVERIFY(result.address.isNull());
    QCOMPARE(int(result.port), 0);
}

// ---------------------------------------------------------------------------------------------
// format, formatAddress

void TestEndpoint::format_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ipv4") << QHostAddress(QHostAddress::LocalHost) << 9000 << QStringLiteral("127.0.0.1:9000");
    QTest::newRow("ipv4 any port 0") << QHostAddress(QHostAddress::AnyIPv4) << 0 << QStringLiteral("0.0.0.0:0");
    QTest::newRow("ipv6 loopback") << QHostAddress(QHostAddress::LocalHostIPv6) << 9000
                                   << QStringLiteral("[::1]:9000");
    QTest::newRow("ipv6 max port") << QHostAddress(QStringLiteral("2001:db8::5")) << 65535
                                   << QStringLiteral("[2001:db8::5]:65535");
    QTest::newRow("ipv6 scoped") << QHostAddress(QStringLiteral("fe80::1%lo")) << 80
                                 << QStringLiteral("[fe80::1%lo]:80");
    QTest::newRow("ipv4-mapped") << QHostAddress(QStringLiteral("::ffff:127.0.0.1")) << 4242
                                 << QStringLiteral("127.0.0.1:4242");
    QTest::newRow("ipv4-mapped other") << QHostAddress(QStringLiteral("::ffff:10.1.2.3")) << 1
                                       << QStringLiteral("10.1.2.3:1");
}

void TestEndpoint::format()
{
    QFETCH(QHostAddress, address);
    QFETCH(int, port);
    QFETCH(QString, expected);

    QCOMPARE(Endpoint::format(address, quint16(port)), expected);
}

void TestEndpoint::formatAddress_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ipv4") << QHostAddress(QHostAddress::LocalHost) << QStringLiteral("127.0.0.1");
    QTest::newRow("ipv6 loopback") << QHostAddress(QHostAddress::LocalHostIPv6) << QStringLiteral("::1");
    QTest::newRow("ipv4-mapped") << QHostAddress(QStringLiteral("::ffff:127.0.0.1")) << QStringLiteral("127.0.0.1");
    QTest::newRow("ipv4-mapped any") << QHostAddress(QStringLiteral("::ffff:0.0.0.0")) << QStringLiteral("0.0.0.0");
    QTest::newRow("ipv4 any") << QHostAddress(QHostAddress::AnyIPv4) << QStringLiteral("0.0.0.0");
    QTest::newRow("ipv6 documentation") << QHostAddress(QStringLiteral("2001:db8::5")) << QStringLiteral("2001:db8::5");
}

void TestEndpoint::formatAddress()
{
    QFETCH(QHostAddress, address);
    QFETCH(QString, expected);

    QCOMPARE(Endpoint::formatAddress(address), expected);
}

// "::" is not IPv4-mapped, although QHostAddress::toIPv4Address(bool *) converts it too; a
// listener bound to [::] must not log "0.0.0.0".
void TestEndpoint::formatAnyIPv6()
{
    const QHostAddress any(QHostAddress::AnyIPv6);
    QCOMPARE(Endpoint::formatAddress(any), QStringLiteral("::"));
    QCOMPARE(Endpoint::format(any, 9000), QStringLiteral("[::]:9000"));
}

// Whatever format() writes, parseHostPort() reads back as the same endpoint.
void TestEndpoint::roundTrip_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:9000");
    QTest::newRow("ipv4 any") << QStringLiteral("0.0.0.0:0");
    QTest::newRow("ipv6") << QStringLiteral("[::1]:65535");
    QTest::newRow("ipv6 global") << QStringLiteral("[2001:db8::5]:443");
    QTest::newRow("ipv6 scoped") << QStringLiteral("[fe80::1%lo]:80");
}

void TestEndpoint::roundTrip()
{
    QFETCH(QString, text);

    const Endpoint::HostPortResult first = Endpoint::parseHostPort(text);
    QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
    const QString formatted = Endpoint::format(first.address, first.port);
    QCOMPARE(formatted, text);
    const Endpoint::HostPortResult second = Endpoint::parseHostPort(formatted);
    QVERIFY2(second.error.isEmpty(), qPrintable(second.error));
    QVERIFY(second.address.isEqual(first.address, QHostAddress::StrictConversion));
    QCOMPARE(second.port, first.port);
}

// ---------------------------------------------------------------------------------------------
// isAllInterfaces

void TestEndpoint::isAllInterfaces_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<bool>("expected");

    QTest::newRow("0.0.0.0") << QHostAddress(QStringLiteral("0.0.0.0")) << true;
    QTest::newRow("::") << QHostAddress(QStringLiteral("::")) << true;
    QTest::newRow("AnyIPv4") << QHostAddress(QHostAddress::AnyIPv4) << true;
    QTest::newRow("AnyIPv6") << QHostAddress(QHostAddress::AnyIPv6) << true;
    QTest::newRow("Any (dual stack)") << QHostAddress(QHostAddress::Any) << true;
    QTest::newRow("127.0.0.1") << QHostAddress(QHostAddress::LocalHost) << false;
    QTest::newRow("::1") << QHostAddress(QHostAddress::LocalHostIPv6) << false;
    QTest::newRow("192.168.1.1") << QHostAddress(QStringLiteral("192.168.1.1")) << false;
    QTest::newRow("fe80::1%lo") << QHostAddress(QStringLiteral("fe80::1%lo")) << false;
    QTest::newRow("null") << QHostAddress() << false;
}

void TestEndpoint::isAllInterfaces()
{
    QFETCH(QHostAddress, address);
    QFETCH(bool, expected);

    QCOMPARE(Endpoint::isAllInterfaces(address), expected);
}

// A pasted page in a field quotes its start, not the page: the message is one short line.
void TestEndpoint::longInputGivesShortErrors()
{
    const QString page = QStringLiteral("1").repeated(10 * 1024 * 1024);
    const QString words = QStringLiteral("not-an-address ").repeated(100000);
    const QStringList errors{
        Endpoint::parseAddress(words).error,
        Endpoint::parseAddress(QStringLiteral("1.") + page).error,
        Endpoint::parsePort(page).error,
        Endpoint::parsePort(words).error,
        Endpoint::parseHostPort(QStringLiteral("127.0.0.1:") + page).error,
        Endpoint::parseHostPort(QLatin1Char('[') + words).error,
        Endpoint::parseHostPort(QStringLiteral("[1.2.3.4]:") + page).error,
        Endpoint::parseHostPort(QStringLiteral("::") + page).error,
    };
    for (const QString &error : errors) {
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.size() < 200, qPrintable(error.left(200)));
        QVERIFY2(error.contains(QStringLiteral("\u2026")), qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
